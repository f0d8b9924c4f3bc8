"""Writes for implementation tracking: measure updates and committees."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.core.uploads import attachment_check
from veikart.plans.models import Measure, MeasureStatus
from veikart.tracking.following import notify_measure_update
from veikart.tracking.models import MeasureUpdate
from veikart.tracking.permissions import measure_update_allowed


@transaction.atomic
def measure_update_post(
    *,
    actor,
    measure: Measure,
    date: datetime.date,
    status: str,
    progress: int,
    text: str,
    attachment=None,
) -> MeasureUpdate:
    """Add a dated entry to a measure's timeline; the measure takes the newest entry's status.

    Refused (PermissionDenied, nothing written) unless the actor may post for this measure:
    `tracking.post_update` in the permission table, and — for committee members — a committee
    of theirs follows the measure. Followers get a notification queued.
    """
    if not measure_update_allowed(user=actor, measure=measure):
        raise PermissionDenied("tracking.post_update")
    errors = {}
    if status not in MeasureStatus.values:
        errors["status"] = _("Choose a status.")
    if not isinstance(progress, int) or isinstance(progress, bool) or not 0 <= progress <= 100:
        errors["progress"] = _("Progress is a whole number from 0 to 100.")
    elif status == MeasureStatus.DONE and progress != 100:
        errors["progress"] = _("A measure that is done has come 100 % of the way.")
    if not (text or "").strip():
        errors["text"] = _("Say what happened.")
    if not isinstance(date, datetime.date):
        errors["date"] = _("Give the date.")
    elif date > timezone.localdate():
        errors["date"] = _("The date cannot be in the future.")
    checked = None
    if attachment:
        try:
            checked = attachment_check(attachment)
        except ValidationError as e:
            errors["attachment"] = e.messages
    if errors:
        raise ValidationError(errors)
    update = MeasureUpdate(
        measure=measure,
        date=date,
        status=status,
        progress=progress,
        text=text.strip(),
        author=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if checked:
        update.attachment.save(checked.content.name, checked.content, save=False)
    update.save()
    latest = measure.updates.order_by("-date", "-id").first()
    if latest is not None:
        measure.status, measure.progress = latest.status, latest.progress
        measure.save(update_fields=["status", "progress", "updated_at"])
    audit_log_write(
        actor=actor,
        action="measure.update_post",
        obj=measure,
        data={
            "update": update.pk,
            "status": status,
            "progress": progress,
            "attachment": checked.kind if checked else None,
        },
    )
    if latest is not None and latest.pk == update.pk:
        notify_measure_update(update=update)
    return update
