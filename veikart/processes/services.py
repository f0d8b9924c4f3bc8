"""Writes for processes and arenas: each validated, atomic, and audit-logged."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.core.groups import GROUPS, UNKNOWN, group_label
from veikart.core.services import audit_log_write
from veikart.processes.models import Arena, ArenaParticipation, Method, Process

ONLINE_FORM_METHOD = "digitalt-skjema"


def _check_arena(*, title: str, participant_count: int | None = None) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the arena a name.")})
    if len(title) > 200:
        raise ValidationError({"title": _("The name is too long: at most 200 characters.")})
    if participant_count is not None and participant_count < 0:
        raise ValidationError({"participant_count": _("The number cannot be negative.")})
    return title


@transaction.atomic
def arena_create(
    *,
    actor,
    process: Process,
    method: Method,
    title: str,
    held_on: datetime.date | None = None,
    place: str = "",
    host: str = "",
    target_groups: str = "",
    notes: str = "",
) -> Arena:
    """Plan an arena that uses a method from the catalogue."""
    title = _check_arena(title=title)
    arena = Arena.objects.create(
        process=process,
        method=method,
        title=title,
        held_on=held_on,
        place=place.strip(),
        host=host.strip(),
        target_groups=target_groups.strip(),
        notes=notes.strip(),
    )
    audit_log_write(actor=actor, action="arena.create", obj=arena, data={"method": method.slug})
    return arena


@transaction.atomic
def arena_update(*, actor, arena: Arena, **fields) -> Arena:
    allowed = {"title", "held_on", "place", "host", "target_groups", "notes", "method"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"arena_update got unknown fields {sorted(unknown)}")
    if "title" in fields:
        fields["title"] = _check_arena(title=fields["title"])
    diff = {}
    for key, value in fields.items():
        old = getattr(arena, key)
        if old != value:
            diff[key] = [str(old), str(value)]
            setattr(arena, key, value)
    arena.save()
    audit_log_write(actor=actor, action="arena.update", obj=arena, data=diff)
    return arena


@transaction.atomic
def arena_record_participation(
    *, actor, arena: Arena, total: int, breakdown: dict[str, dict[str, int]]
) -> Arena:
    """Record how many took part, and how many of them in each known group.

    For every dimension (age band, gender, background) the known groups may add up to at most
    `total`; the rest is stored as 'unknown', so every dimension sums to the total.
    """
    if arena.counts_itself:
        raise ValidationError(_("This arena counts its participants from the inputs."))
    if not isinstance(total, int) or total < 0:
        raise ValidationError({"total": _("The number of participants must be 0 or more.")})
    errors: dict[str, str] = {}
    rows: list[ArenaParticipation] = []
    for dimension, groups in GROUPS.items():
        counts = breakdown.get(dimension, {})
        known = 0
        for key, count in counts.items():
            if key == UNKNOWN or not count:
                continue
            if key not in dict(groups):
                errors[f"{dimension}"] = _("Unknown group %(g)s.") % {"g": key}
                continue
            if not isinstance(count, int) or count < 0:
                errors[f"{dimension}-{key}"] = _("Numbers must be 0 or more.")
                continue
            known += count
            rows.append(
                ArenaParticipation(arena=arena, dimension=dimension, group=key, count=count)
            )
        if known > total:
            errors[str(dimension)] = _(
                "The groups add up to %(known)d, more than the %(total)d who took part."
            ) % {"known": known, "total": total}
        elif total - known:
            rows.append(
                ArenaParticipation(
                    arena=arena, dimension=dimension, group=UNKNOWN, count=total - known
                )
            )
    if errors:
        raise ValidationError(errors)
    before = arena.participant_count
    arena.participant_count = total
    arena.save(update_fields=["participant_count", "updated_at"])
    arena.participation.all().delete()
    ArenaParticipation.objects.bulk_create(rows)
    audit_log_write(
        actor=actor,
        action="arena.record_participation",
        obj=arena,
        data={
            "from": before,
            "to": total,
            "breakdown": {
                f"{r.dimension}:{group_label(r.dimension, r.group)}": r.count for r in rows
            },
        },
    )
    return arena


def method_from_catalogue(*, slug: str) -> Method:
    """A catalogue method by slug, restoring the catalogue's missing methods if needed."""
    method = Method.objects.filter(slug=slug).first()
    if method is None:
        from veikart.processes.method_catalogue import load_methods

        load_methods(Method)
        method = Method.objects.get(slug=slug)
    return method


@transaction.atomic
def online_arena_get_or_create(*, process: Process) -> Arena:
    """The process's online-form arena, where inputs sent from the website belong."""
    arena = Arena.objects.filter(process=process, counts_itself=True).order_by("id").first()
    if arena is not None:
        return arena
    method = method_from_catalogue(slug=ONLINE_FORM_METHOD)
    arena = Arena.objects.create(
        process=process,
        method=method,
        title=method.name,
        counts_itself=True,
    )
    audit_log_write(actor=None, action="arena.create", obj=arena, data={"method": method.slug})
    return arena
