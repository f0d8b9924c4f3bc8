"""`veikart apply-retention` clears personal data past its period, and nothing else."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import InputFactory
from veikart.core.models import AuditLog
from veikart.core.retention import retention_apply
from veikart.inputs.models import InputReport
from veikart.inputs.moderation_services import input_redact


@pytest.mark.django_db
def test_old_personal_data_is_cleared_and_new_is_kept(settings):
    item = InputFactory(text="Ring Ola på 912 34 567 om ballbingen")
    input_redact(actor=None, item=item, new_text="Ring [fjernet] om ballbingen")
    report = InputReport.objects.create(input=item, reason="personal", comment="Navnet står der")
    later = timezone.now() + datetime.timedelta(days=400)

    assert retention_apply(dry_run=True) == {
        "redacted_originals": 0,
        "report_comments": 0,
        "import_files": 0,
        "expired_sessions": 0,
        "unsubscribed_addresses": 0,
        "unconfirmed_addresses": 0,
    }
    counts = retention_apply(now=later)
    assert counts["redacted_originals"] == 1 and counts["report_comments"] == 1
    entry = AuditLog.objects.get(action="input.redact")
    assert entry.data["original_text"] is None
    report.refresh_from_db()
    assert report.comment == ""
    item.refresh_from_db()
    assert item.text == "Ring [fjernet] om ballbingen"  # the input itself stays
    assert AuditLog.objects.filter(action="retention.apply").count() == 1
    # A second run finds nothing more to do.
    assert not any(retention_apply(now=later).values())


@pytest.mark.django_db
def test_command_dry_run_changes_nothing(capsys):
    item = InputFactory(text="Ola Nordmann bor her")
    input_redact(actor=None, item=item, new_text="[fjernet] bor her")
    call_command("apply_retention", "--dry-run")
    assert "Would clear" in capsys.readouterr().out
    assert (
        AuditLog.objects.get(action="input.redact").data["original_text"] == "Ola Nordmann bor her"
    )


@pytest.mark.django_db
def test_unsubscribed_and_unconfirmed_addresses_are_deleted_after_their_period():
    from veikart.tracking.models import Notification, Subscription

    item = InputFactory()
    now = timezone.now()
    ended = Subscription.objects.create(
        email="ferdig@example.org", input=item, confirmed_at=now, unsubscribed_at=now
    )
    Notification.objects.create(
        subscription=ended, kind="input_status", event="e:1", title="t", status="s", path="/"
    )
    Subscription.objects.create(email="aldri@example.org", input=item)
    active = Subscription.objects.create(email="aktiv@example.org", input=item, confirmed_at=now)

    soon = now + datetime.timedelta(days=10)
    assert retention_apply(now=soon)["unsubscribed_addresses"] == 0
    assert Subscription.objects.count() == 3  # the undo link still works for a while

    later = now + datetime.timedelta(days=40)
    assert retention_apply(now=later, dry_run=True)["unsubscribed_addresses"] == 1
    counts = retention_apply(now=later)
    assert counts["unsubscribed_addresses"] == 1 and counts["unconfirmed_addresses"] == 1
    assert list(Subscription.objects.all()) == [active]
    assert not Notification.objects.exists()
