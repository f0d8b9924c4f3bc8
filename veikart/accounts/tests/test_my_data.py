"""A person can see and download all their data, and delete their account (inputs stay)."""

import json

import pytest
from django.test import Client

from tests.factories import InputFactory, ProposalFactory, UserFactory
from veikart.accounts.models import User
from veikart.core.models import AuditLog
from veikart.inputs.models import Input
from veikart.proposals.models import Support


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def resident(db):
    user = UserFactory(username="kari", email="kari@example.invalid", password="hemmelig-ord-1")
    InputFactory(author=user, text="Flere benker ved Borgen skole")
    Support.objects.create(proposal=ProposalFactory(title="Lys på turstien"), user=user)
    return user


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_my_data_needs_login(db):
    response = Client().get("/accounts/mine-data/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_data_page_and_download(resident):
    client = _client(resident)
    page = client.get("/accounts/mine-data/").content.decode()
    assert "Flere benker ved Borgen skole" in page and "Lys på turstien" in page
    response = client.get("/accounts/mine-data/?format=json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "kari@example.invalid"
    assert [i["text"] for i in data["inputs"]] == ["Flere benker ved Borgen skole"]
    assert [s["proposal"] for s in data["supports"]] == ["Lys på turstien"]


def test_wrong_password_deletes_nothing(resident):
    response = _client(resident).post("/accounts/mine-data/", {"password": "feil"})
    assert response.status_code == 400
    assert "Passordet er ikke riktig" in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()
    assert Input.objects.get().author == resident


def test_delete_keeps_inputs_and_support_counts_without_the_person(resident):
    client = _client(resident)
    response = client.post("/accounts/mine-data/", {"password": "hemmelig-ord-1"})
    assert response.status_code == 302
    assert not User.objects.filter(username="kari").exists()
    item = Input.objects.get()
    assert item.author is None and item.text == "Flere benker ved Borgen skole"
    support = Support.objects.get()
    assert support.user is None and support.anonymous_token.startswith("deleted-")
    entry = AuditLog.objects.get(action="user.delete")
    assert "kari" not in json.dumps(entry.data) and entry.actor is None
    assert client.get("/accounts/mine-data/").status_code == 302  # signed out


@pytest.mark.parametrize("url", ["/personvern/", "/tilgjengelighet/"])
def test_statements_are_filled_from_settings(client, db, settings, url):
    settings.VEIKART = {
        **settings.VEIKART,
        "MUNICIPALITY_NAME": "Testvik kommune",
        "PRIVACY_CONTACT": "pvo@testvik.example",
        "ACCESSIBILITY_CONTACT": "uu@testvik.example",
    }
    page = client.get(url).content.decode()
    assert "Testvik kommune" in page
    assert ("pvo@testvik.example" if url == "/personvern/" else "uu@testvik.example") in page


@pytest.mark.parametrize("bulk", [False, True])
def test_admin_delete_also_keeps_inputs_and_supports(resident, bulk):
    """The admin's delete goes through the same service, not the database's cascade, so the
    proposal's support count (kept on the proposal) stays true."""
    admin = UserFactory(username="sjef", role="admin", is_staff=True, is_superuser=True)
    client = _client(admin)
    proposal = Support.objects.get().proposal
    proposal.support_count = 1
    proposal.save(update_fields=["support_count"])
    if bulk:
        response = client.post(
            "/admin/accounts/user/",
            {"action": "delete_selected", "_selected_action": [resident.pk], "post": "yes"},
        )
    else:
        response = client.post(f"/admin/accounts/user/{resident.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(username="kari").exists()
    assert Input.objects.get().author is None
    assert Support.objects.filter(proposal=proposal).count() == proposal.support_count == 1
    assert AuditLog.objects.filter(action="user.delete").count() == 1
