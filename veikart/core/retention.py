"""Retention: personal data that Veikart keeps only for a while (docs/privacy.md).

`veikart apply-retention` runs `retention_apply`; the periods are `VEIKART["RETENTION_DAYS"]`.
The audit log is append-only except here: past its period, the original text of a redacted
input (which may hold the personal data that was removed) is blanked in its audit entry.
E-mail addresses that follow something are deleted with their subscription when it was ended
(unsubscribed, kept a while for the undo link) or never confirmed (the double opt-in link
expires after 7 days).
"""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from veikart.core.models import AuditLog
from veikart.core.services import audit_log_write
from veikart.inputs.models import ImportJob, InputReport
from veikart.tracking.models import Subscription


def retention_apply(*, now: datetime.datetime | None = None, dry_run: bool = False) -> dict:
    """Blank or delete what is past its retention period; returns counts by kind."""
    now = now or timezone.now()
    days = settings.VEIKART["RETENTION_DAYS"]

    def before(kind: str) -> datetime.datetime:
        return now - datetime.timedelta(days=days[kind])

    originals = AuditLog.objects.filter(
        action="input.redact", created_at__lt=before("redacted_originals")
    ).exclude(data__original_text=None)
    comments = InputReport.objects.filter(created_at__lt=before("report_comments")).exclude(
        comment=""
    )
    files = ImportJob.objects.filter(created_at__lt=before("import_files")).exclude(file="")
    sessions = Session.objects.filter(expire_date__lt=now)
    unsubscribed = Subscription.objects.filter(unsubscribed_at__lt=before("unsubscribed_addresses"))
    unconfirmed = Subscription.objects.filter(
        confirmed_at__isnull=True,
        unsubscribed_at__isnull=True,
        created_at__lt=before("unconfirmed_addresses"),
    )
    counts = {
        "redacted_originals": originals.count(),
        "report_comments": comments.count(),
        "import_files": files.count(),
        "expired_sessions": sessions.count(),
        "unsubscribed_addresses": unsubscribed.count(),
        "unconfirmed_addresses": unconfirmed.count(),
    }
    if dry_run:
        return counts
    with transaction.atomic():
        for entry in originals.iterator():
            entry.data = {**entry.data, "original_text": None, "purged_on": now.date().isoformat()}
            entry.save(update_fields=["data"])
        comments.update(comment="")
        job_files = [(job.pk, job.file.name) for job in files]
        files.update(file="")
        sessions.delete()
        unsubscribed.delete()  # their notifications go with them (CASCADE)
        unconfirmed.delete()
        if any(counts.values()):
            audit_log_write(actor=None, action="retention.apply", obj=AuditLog(pk=0), data=counts)
        for _pk, name in job_files:  # files go only when the rows no longer name them
            transaction.on_commit(lambda name=name: ImportJob.file.field.storage.delete(name))
    return counts
