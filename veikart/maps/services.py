"""Writes for maps: class sessions, pupils' map inputs and GeoJSON import.

Each function validates, runs in one transaction and writes one audit-log row.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.core.groups import UNKNOWN, Dimension, is_valid_group
from veikart.core.services import audit_log_write
from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.inputs.services import RECEIPT_ALPHABET, input_create, receipt_code_new
from veikart.maps.geojson import FeatureRow
from veikart.maps.models import ClassContribution, ClassPupil, ClassSession, MapCategory
from veikart.processes.models import Arena, ArenaParticipation, Process
from veikart.processes.services import method_from_catalogue

CODE_LENGTH = 6
CLASS_METHOD = "barnetrakk"


def class_code_new() -> str:
    """A short code without look-alike characters (no 0/O, 1/I/L)."""
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(CODE_LENGTH))


def grade_age_band(grade: int) -> str:
    """The age band of a school grade (1st grade ≈ 6 years old)."""
    return "0-12" if grade <= 7 else "13-19"


def class_session_create(
    *, actor, process: Process, grade: int, arena: Arena | None = None, title: str = ""
) -> ClassSession:
    """Open a class session with a fresh code. Without an arena, a Barnetråkk arena is made."""
    if not isinstance(grade, int) or not 1 <= grade <= 13:
        raise ValidationError({"grade": _("Choose a grade from 1 to 13.")})
    if arena is not None:
        if arena.process_id != process.pk:
            raise ValidationError({"arena": _("The arena belongs to another process.")})
        if arena.method.slug != CLASS_METHOD:
            raise ValidationError({"arena": _("Choose an arena that uses the Barnetråkk method.")})
    given = arena
    for _attempt in range(10):
        arena = given
        try:
            with transaction.atomic():
                if arena is None:
                    today = timezone.localdate()
                    arena = Arena.objects.create(
                        process=process,
                        method=method_from_catalogue(slug=CLASS_METHOD),
                        title=(title or "").strip()[:200]
                        or _("Class session, grade %(grade)d, %(date)s")
                        % {"grade": grade, "date": today.strftime("%d.%m.%Y")},
                        held_on=today,
                        host=getattr(actor, "display_name", "") or str(actor or ""),
                        host_user=actor if getattr(actor, "is_authenticated", False) else None,
                        target_groups=_("Pupils, grade %(grade)d") % {"grade": grade},
                    )
                session = ClassSession.objects.create(
                    process=process,
                    arena=arena,
                    grade=grade,
                    code=class_code_new(),
                    created_by=actor if getattr(actor, "is_authenticated", False) else None,
                )
                audit_log_write(
                    actor=actor,
                    action="class_session.create",
                    obj=session,
                    data={"arena": arena.pk, "grade": grade},
                )
                return session
        except IntegrityError:
            continue  # a code collision: draw again
    raise RuntimeError("could not draw a unique class code")


@transaction.atomic
def class_session_close(*, actor, session: ClassSession) -> ClassSession:
    """Close the session: its code no longer works and pupils can add nothing more."""
    if session.closed_at is not None:
        raise ValidationError(_("The session is already closed."))
    session.closed_at = timezone.now()
    session.save(update_fields=["closed_at", "updated_at"])
    audit_log_write(actor=actor, action="class_session.close", obj=session)
    return session


def _participation_sync(arena: Arena) -> None:
    """The arena's headcount is its pupils: count them (each device once) by age and gender."""
    pupils = ClassPupil.objects.filter(session__arena=arena)
    total = pupils.count()
    Arena.objects.filter(pk=arena.pk).update(participant_count=total)
    arena.participant_count = total
    ArenaParticipation.objects.filter(
        arena=arena, dimension__in=[Dimension.AGE, Dimension.GENDER]
    ).delete()
    cells: dict[tuple[str, str], int] = {}
    for row in pupils.values("session__grade", "gender").annotate(n=Count("id")):
        age = grade_age_band(row["session__grade"])
        cells[(Dimension.AGE, age)] = cells.get((Dimension.AGE, age), 0) + row["n"]
        gender = row["gender"] or UNKNOWN
        cells[(Dimension.GENDER, gender)] = cells.get((Dimension.GENDER, gender), 0) + row["n"]
    ArenaParticipation.objects.bulk_create(
        ArenaParticipation(arena=arena, dimension=d, group=g, count=n)
        for (d, g), n in cells.items()
    )


def class_pupil_join(*, session: ClassSession, gender: str = "") -> ClassPupil:
    """A pupil's device joins: a random token, the session's grade, optionally a gender."""
    if gender and (gender == UNKNOWN or not is_valid_group(Dimension.GENDER, gender)):
        raise ValidationError({"gender": _("Choose one of the options.")})
    with transaction.atomic():
        session = ClassSession.objects.select_for_update().get(pk=session.pk)
        if session.closed_at is not None:
            raise ValidationError({"code": _("This class session is closed.")})
        pupil = ClassPupil.objects.create(
            session=session, token=secrets.token_urlsafe(32), gender=gender
        )
        _participation_sync(session.arena)
        audit_log_write(actor=None, action="class_pupil.join", obj=pupil)
        return pupil


def class_input_create(
    *, pupil: ClassPupil, text: str, geometry: dict | None, map_category: str = ""
) -> Input:
    """A pupil puts a place or route on the map, with a comment. Moderated like every input."""
    session = pupil.session
    if session.closed_at is not None:
        raise ValidationError(_("This class session is closed."))
    if not geometry:
        raise ValidationError({"geometry": _("Put a place or a route on the map.")})
    if map_category and map_category not in MapCategory.values:
        raise ValidationError({"map_category": _("Choose one of the options.")})
    with transaction.atomic():
        item = input_create(
            actor=None,
            process=session.process,
            arena=session.arena,
            text=text,
            source=InputSource.MAP,
            geometry=geometry,
            map_category=map_category,
            group_age=grade_age_band(session.grade),
            group_gender=pupil.gender,
        )
        ClassContribution.objects.create(pupil=pupil, input=item)
    return item


def geojson_import(*, actor, arena: Arena, rows: list[FeatureRow]) -> dict[str, int]:
    """Store checked features as inputs of the arena, all or nothing; features already
    imported (same content) are skipped, so a re-import adds nothing."""
    process = arena.process
    with transaction.atomic():
        known = set(
            Input.objects.filter(
                process=process, external_ref__in=[r.external_ref for r in rows]
            ).values_list("external_ref", flat=True)
        )
        fresh, seen = [], set()
        for row in rows:
            if row.external_ref in known or row.external_ref in seen:
                continue
            seen.add(row.external_ref)
            fresh.append(row)
        user = actor if getattr(actor, "is_authenticated", False) else None
        codes: set[str] = set()
        while len(codes) < len(fresh):
            codes.add(receipt_code_new())
        taken = set(
            Input.objects.filter(receipt_code__in=codes).values_list("receipt_code", flat=True)
        )
        while taken:  # astronomically rare: replace the colliding codes
            codes -= taken
            while len(codes) < len(fresh):
                codes.add(receipt_code_new())
            taken = set(
                Input.objects.filter(receipt_code__in=codes).values_list("receipt_code", flat=True)
            )
        Input.objects.bulk_create(
            [
                Input(
                    process=process,
                    arena=arena,
                    text=row.text,
                    geometry=row.geometry,
                    map_category=row.map_category,
                    group_age=row.group_age,
                    status=InputStatus.NEW,
                    source=InputSource.IMPORT,
                    receipt_code=code,
                    entered_by=user,
                    external_ref=row.external_ref,
                )
                for row, code in zip(fresh, sorted(codes), strict=True)
            ],
            batch_size=2000,
        )
        result = {"created": len(fresh), "skipped": len(rows) - len(fresh)}
        audit_log_write(actor=actor, action="inputs.import_geojson", obj=arena, data=result)
    return result
