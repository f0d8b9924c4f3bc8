"""Writes for implementation tracking."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.plans.models import Measure, MeasureStatus
from veikart.tracking.models import MeasureUpdate


@transaction.atomic
def measure_update_post(
    *,
    actor,
    measure: Measure,
    date: datetime.date,
    status: str,
    progress: int,
    text: str,
) -> MeasureUpdate:
    """Add a dated entry to a measure's timeline; the measure takes the newest entry's status."""
    errors = {}
    if status not in MeasureStatus.values:
        errors["status"] = _("Choose a status.")
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        errors["progress"] = _("Progress is a whole number from 0 to 100.")
    if not (text or "").strip():
        errors["text"] = _("Say what happened.")
    if errors:
        raise ValidationError(errors)
    user = actor if getattr(actor, "is_authenticated", False) else None
    update = MeasureUpdate.objects.create(
        measure=measure, date=date, status=status, progress=progress, text=text.strip(), author=user
    )
    latest = measure.updates.order_by("-date", "-id").first()
    if latest is not None:
        measure.status, measure.progress = latest.status, latest.progress
        measure.save(update_fields=["status", "progress", "updated_at"])
    audit_log_write(
        actor=actor,
        action="measure.update_post",
        obj=measure,
        data={"update": update.pk, "status": status, "progress": progress},
    )
    return update
