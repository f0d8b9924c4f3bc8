"""Moderation: publish, hide (with a reason the contributor sees), redact personal data, reports."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs.models import Input, InputReport, InputStatus
from veikart.inputs.services import check_input_text, input_set_status


@transaction.atomic
def inputs_publish(*, actor, items: Iterable[Input]) -> int:
    """Publish several inputs at once; their open reports count as handled."""
    count = 0
    for item in items:
        if item.status != InputStatus.PUBLISHED:
            input_set_status(actor=actor, item=item, status=InputStatus.PUBLISHED)
            count += 1
        _reports_handled(actor=actor, item=item)
    return count


@transaction.atomic
def input_hide(*, actor, item: Input, reason: str) -> Input:
    input_set_status(actor=actor, item=item, status=InputStatus.HIDDEN, reason=reason)
    _reports_handled(actor=actor, item=item)
    return item


@transaction.atomic
def input_redact(*, actor, item: Input, new_text: str) -> Input:
    """Edit out personal data. The original text is kept only in the audit log, for staff."""
    new_text = check_input_text(new_text)
    if new_text == item.text:
        raise ValidationError({"text": _("The text is unchanged.")})
    original = item.text
    item.text = new_text
    item.save(update_fields=["text", "updated_at"])
    audit_log_write(actor=actor, action="input.redact", obj=item, data={"original_text": original})
    return item


@transaction.atomic
def input_report_create(*, item: Input, reason: str, comment: str = "") -> InputReport:
    """A reader reports an input. A reported published input goes back to the moderation queue
    (it stays visible until a moderator decides); identical open reports are not stored twice."""
    if reason not in InputReport.Reason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    if item.status != InputStatus.PUBLISHED:
        raise ValidationError(_("Only published inputs can be reported."))
    comment = (comment or "").strip()[:500]
    existing = InputReport.objects.filter(
        input=item, reason=reason, comment=comment, handled_at__isnull=True
    ).first()
    if existing:
        return existing
    report = InputReport.objects.create(input=item, reason=reason, comment=comment)
    audit_log_write(actor=None, action="input.report", obj=item, data={"reason": reason})
    return report


def _reports_handled(*, actor, item: Input) -> None:
    user = actor if getattr(actor, "is_authenticated", False) else None
    InputReport.objects.filter(input=item, handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=user
    )
