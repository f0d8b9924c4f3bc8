"""Django admin as the staff fallback: every model is registered and its pages open."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def veikart_models():
    return [m for m in apps.get_models() if m.__module__.startswith("veikart.")]


def inline_models():
    return {i.model for a in admin.site._registry.values() for i in a.inlines}


def test_every_model_is_in_the_admin():
    """Registered on its own, or editable as an inline of the model it belongs to."""
    reachable = set(admin.site._registry) | inline_models()
    missing = [m.__name__ for m in veikart_models() if m not in reachable]
    assert not missing


def test_admin_changelists_and_add_pages_open(client):
    from veikart.core.demo.borgen import load_borgen_demo

    load_borgen_demo()
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    for model in veikart_models():
        if model not in admin.site._registry:
            continue
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            assert client.get(change).status_code == 200, change


def test_audit_log_cannot_be_edited_in_the_admin(client):
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:core_auditlog_add")).status_code == 403
