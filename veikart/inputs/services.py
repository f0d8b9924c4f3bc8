"""Writes for inputs. Every function validates, runs in one transaction and writes the audit log."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from veikart.core.geo import geometry_clean, geometry_outside
from veikart.core.groups import Dimension, is_valid_group
from veikart.core.services import audit_log_write
from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.maps.models import MapCategory
from veikart.processes.models import Arena, FocusArea, Process

MAX_TEXT = 5000
# No 0/O, 1/I/L: a receipt code is read aloud and typed from paper.
RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECEIPT_LENGTH = 8


def receipt_code_new() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def check_input_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": _("Write what you want to say.")})
    if len(text) > MAX_TEXT:
        raise ValidationError(
            {"text": _("The text is too long: at most %(max)d characters.") % {"max": MAX_TEXT}}
        )
    if "\x00" in text:
        raise ValidationError({"text": _("The text contains characters that cannot be stored.")})
    return text


def check_inside_process(*, process: Process, geometry: dict | None) -> None:
    """Refuse a place outside the process's areas (when they have outlines)."""
    if not geometry:
        return
    boundaries = [a.boundary for a in process.areas.all() if a.boundary]
    if geometry_outside(geometry, boundaries):
        names = ", ".join(a.name for a in process.areas.all() if a.boundary)
        raise ValidationError(
            {
                "geometry": _(
                    "The place is outside the area of this process (%(areas)s). "
                    "Put it inside the outline on the map."
                )
                % {"areas": names}
            }
        )


def check_groups(*, age: str, gender: str, background: str) -> None:
    for dim, key, field in (
        (Dimension.AGE, age, "group_age"),
        (Dimension.GENDER, gender, "group_gender"),
        (Dimension.BACKGROUND, background, "group_background"),
    ):
        if key and not is_valid_group(dim, key):
            raise ValidationError({field: _("Choose one of the options.")})


def input_create(
    *,
    actor,
    process: Process,
    text: str,
    source: str = InputSource.ONLINE,
    arena: Arena | None = None,
    language: str = "nb",
    geometry: dict | None = None,
    map_category: str = "",
    focus_area: FocusArea | None = None,
    group_age: str = "",
    group_gender: str = "",
    group_background: str = "",
    status: str = InputStatus.NEW,
    external_ref: str = "",
) -> Input:
    """Store one input. Online inputs are written by their author; others are entered by staff."""
    text = check_input_text(text)
    try:
        geometry = geometry_clean(geometry)
    except ValidationError as e:
        raise ValidationError({"geometry": e.messages}) from None
    check_inside_process(process=process, geometry=geometry)
    if map_category and map_category not in MapCategory.values:
        raise ValidationError({"map_category": _("Choose one of the options.")})
    check_groups(age=group_age, gender=group_gender, background=group_background)
    if arena is not None and arena.process_id != process.pk:
        raise ValidationError({"arena": _("The arena belongs to another process.")})
    if focus_area is not None and focus_area.process_id != process.pk:
        raise ValidationError({"focus_area": _("The focus area belongs to another process.")})
    user = actor if getattr(actor, "is_authenticated", False) else None
    online = source in (InputSource.ONLINE, InputSource.MAP)
    for _attempt in range(5):
        code = receipt_code_new()
        try:
            with transaction.atomic():
                item = Input.objects.create(
                    process=process,
                    arena=arena,
                    text=text,
                    language=language or "nb",
                    geometry=geometry,
                    map_category=map_category,
                    focus_area=focus_area,
                    group_age=group_age,
                    group_gender=group_gender,
                    group_background=group_background,
                    status=status,
                    source=source,
                    receipt_code=code,
                    author=user if online else None,
                    entered_by=None if online else user,
                    external_ref=external_ref,
                )
                audit_log_write(
                    actor=actor,
                    action="input.create",
                    obj=item,
                    data={"source": source, "arena": arena.pk if arena else None},
                )
                return item
        except IntegrityError:
            if Input.objects.filter(receipt_code=code).exists():
                continue  # a receipt code collision: draw again
            raise
    raise RuntimeError("could not draw a unique receipt code")


@transaction.atomic
def input_set_status(*, actor, item: Input, status: str, reason: str = "") -> Input:
    if status not in InputStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    if status == InputStatus.HIDDEN and not reason.strip():
        raise ValidationError({"hidden_reason": _("Give a reason: the contributor will see it.")})
    before = item.status
    item.status = status
    item.hidden_reason = reason.strip() if status == InputStatus.HIDDEN else ""
    item.save(update_fields=["status", "hidden_reason", "updated_at"])
    audit_log_write(
        actor=actor,
        action="input.set_status",
        obj=item,
        data={"from": before, "to": status, "reason": item.hidden_reason},
    )
    if before != status:
        from veikart.tracking.following import notify_input_status

        notify_input_status(item=item)
    return item
