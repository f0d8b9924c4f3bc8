"""The project as a whole: settings, the command-line entry point, the audit log's shape."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def test_production_settings_pass_check_deploy():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.production",
        "SECRET_KEY": "k" * 20 + "-production-test-secret-key-with-enough-entropy-9f3a",
        "ALLOWED_HOSTS": "veikart.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-m", "veikart.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_a_missing_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.production", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-m", "veikart.cli", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_veikart_command_accepts_dashed_names(capsys):
    from veikart.cli import main

    with pytest.raises(SystemExit):
        main(["veikart", "show-urls-does-not-exist"])
    assert "show_urls_does_not_exist" in capsys.readouterr().err


def test_app_labels_equal_folder_names():
    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("veikart."):
            assert config.label == config.name.split(".")[-1]


@pytest.mark.django_db
def test_integrity_lives_in_database_constraints():
    """A second vote by the same participant on the same proposal is refused by the database."""
    from django.db import IntegrityError

    from tests.factories import ProposalFactory
    from veikart.proposals.models import Vote, Workshop, WorkshopParticipant

    proposal = ProposalFactory()
    workshop = Workshop.objects.create(process=proposal.process, title="V", code="ABC123")
    participant = WorkshopParticipant.objects.create(workshop=workshop, token="t1")
    Vote.objects.create(workshop=workshop, participant=participant, proposal=proposal)
    with pytest.raises(IntegrityError):
        Vote.objects.create(workshop=workshop, participant=participant, proposal=proposal)


def test_no_model_saves_logic():
    """House style: no logic in save(); writes go through services."""
    from django.apps import apps

    for model in apps.get_models():
        if model.__module__.startswith("veikart."):
            assert "save" not in vars(model), f"{model.__name__} overrides save()"
    assert connection.vendor in {"sqlite", "postgresql"}


@pytest.mark.django_db
def test_health_endpoint(client):
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["database"] == "ok"


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_templates_have_no_inline_script_or_style():
    """The CSP forbids inline code; catch it in the templates before a browser does."""
    import re

    offenders = []
    for path in (ROOT / "veikart").rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r'\sstyle="', text) or re.search(r"<style[\s>]", text):
            offenders.append(f"{path}: inline style")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{path}: inline script")
        if re.search(r"\son[a-z]+=\"", text) or "hx-on" in text:
            offenders.append(f"{path}: inline event handler")
    assert not offenders, "\n".join(offenders)


def test_collectstatic_with_the_production_storage(tmp_path, settings):
    """Production serves hashed, compressed static files: every vendored file must post-process
    (e.g. no sourceMappingURL to a map file that is not shipped)."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    staticfiles_storage._setup()
    call_command("collectstatic", "--noinput", verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
