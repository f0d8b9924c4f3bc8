"""Writes for the roadmap workshop (veikartverksted): set-up, joining and voting.

Integrity is kept by the database, not only here:
- one `Vote` row per participant × proposal (unique constraint), one proposal per rank;
- a participant's `dots_spent` can never exceed their `budget` (CHECK constraint), and every
  vote changes `dots_spent` with a conditional UPDATE in the same transaction as the vote row;
- the participant row is locked (`SELECT … FOR UPDATE` on PostgreSQL; SQLite runs every write
  transaction as IMMEDIATE) so parallel requests from one phone are applied one after another;
- a vote request says how many dots the proposal should have (not "one more"), so sending the
  same request ten times gives the same result as sending it once.
"""

import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs.services import RECEIPT_ALPHABET
from veikart.processes.models import Arena, Process
from veikart.proposals.models import (
    Proposal,
    Vote,
    Workshop,
    WorkshopGroup,
    WorkshopParticipant,
)

CODE_LENGTH = 6
MAX_DOTS = 50
MAX_GROUPS = 60


def workshop_code_new() -> str:
    """A short join code without look-alike characters (no 0/O, 1/I/L)."""
    while True:
        code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(CODE_LENGTH))
        if not Workshop.objects.filter(code=code).exists():
            return code


def workshop_code_normalise(code: str) -> str:
    """What a person typed → the stored form: upper case, no spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:12]


def _check_settings(
    *, title: str, voting_method: str, dots_per_person: int, arena: Arena | None, process: Process
) -> str:
    title = (title or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the workshop a title.")
    elif len(title) > 200:
        errors["title"] = _("The title is too long: at most 200 characters.")
    if voting_method not in Workshop.VotingMethod.values:
        errors["voting_method"] = _("Choose dot voting or ranking.")
    if not isinstance(dots_per_person, int) or not 1 <= dots_per_person <= MAX_DOTS:
        errors["dots_per_person"] = _("Give between 1 and %(max)d dots per person.") % {
            "max": MAX_DOTS
        }
    if arena is not None and arena.process_id != process.pk:
        errors["arena"] = _("The arena belongs to another process.")
    if errors:
        raise ValidationError(errors)
    return title


@transaction.atomic
def workshop_create(
    *,
    actor,
    process: Process,
    title: str,
    voting_method: str = Workshop.VotingMethod.DOTS,
    dots_per_person: int = 5,
    several_dots_per_proposal: bool = True,
    held_on=None,
    arena: Arena | None = None,
) -> Workshop:
    title = _check_settings(
        title=title,
        voting_method=voting_method,
        dots_per_person=dots_per_person,
        arena=arena,
        process=process,
    )
    if arena is not None and Workshop.objects.filter(arena=arena).exists():
        raise ValidationError({"arena": _("That arena already has a workshop.")})
    workshop = Workshop.objects.create(
        process=process,
        title=title,
        voting_method=voting_method,
        dots_per_person=dots_per_person,
        several_dots_per_proposal=several_dots_per_proposal,
        held_on=held_on,
        arena=arena,
        code=workshop_code_new(),
    )
    audit_log_write(
        actor=actor,
        action="workshop.create",
        obj=workshop,
        data={"code": workshop.code, "voting_method": voting_method, "dots": dots_per_person},
    )
    return workshop


def _locked(workshop: Workshop) -> Workshop:
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


def _require_draft(workshop: Workshop) -> None:
    if workshop.status != Workshop.Status.DRAFT:
        raise ValidationError(
            _("Voting has started: the proposals, voting method and tables can no longer change.")
        )


@transaction.atomic
def workshop_update(
    *,
    actor,
    workshop: Workshop,
    title: str,
    voting_method: str,
    dots_per_person: int,
    several_dots_per_proposal: bool,
    held_on=None,
    arena: Arena | None = None,
) -> Workshop:
    workshop = _locked(workshop)
    title = _check_settings(
        title=title,
        voting_method=voting_method,
        dots_per_person=dots_per_person,
        arena=arena,
        process=workshop.process,
    )
    voting_changes = (
        voting_method != workshop.voting_method
        or dots_per_person != workshop.dots_per_person
        or several_dots_per_proposal != workshop.several_dots_per_proposal
    )
    if voting_changes:
        _require_draft(workshop)
    if arena is not None and Workshop.objects.filter(arena=arena).exclude(pk=workshop.pk).exists():
        raise ValidationError({"arena": _("That arena already has a workshop.")})
    before = {
        "title": workshop.title,
        "voting_method": workshop.voting_method,
        "dots_per_person": workshop.dots_per_person,
        "several_dots_per_proposal": workshop.several_dots_per_proposal,
    }
    workshop.title = title
    workshop.voting_method = voting_method
    workshop.dots_per_person = dots_per_person
    workshop.several_dots_per_proposal = several_dots_per_proposal
    workshop.held_on = held_on
    workshop.arena = arena
    workshop.save()
    # No votes exist before voting opens, so the participants who joined early get the new budget.
    workshop.participants.update(budget=dots_per_person)
    after = {k: getattr(workshop, k) for k in before}
    audit_log_write(
        actor=actor,
        action="workshop.update",
        obj=workshop,
        data={k: [before[k], v] for k, v in after.items() if before[k] != v},
    )
    return workshop


@transaction.atomic
def workshop_set_proposals(
    *, actor, workshop: Workshop, selected: Iterable[Proposal], shown: Iterable[Proposal]
) -> int:
    """Among the `shown` proposals, put the `selected` ones in scope and take the rest out.

    Proposals that were not shown (filtered away) keep their state, so a manager can build the
    scope filter by filter: select all matching, untick a few, save, filter again.
    Returns the number of proposals in scope afterwards.
    """
    workshop = _locked(workshop)
    _require_draft(workshop)
    selected, shown = list(selected), list(shown)
    valid = set(
        Proposal.objects.filter(process=workshop.process).public().values_list("pk", flat=True)
    )
    if any(p.pk not in valid for p in selected):
        raise ValidationError(
            {"proposals": _("Only public proposals of this process can be in the workshop.")}
        )
    selected_ids = {p.pk for p in selected}
    remove = [p.pk for p in shown if p.pk not in selected_ids]
    before = set(workshop.proposals.values_list("pk", flat=True))
    workshop.proposals.remove(*remove)
    workshop.proposals.add(*selected_ids)
    after = set(workshop.proposals.values_list("pk", flat=True))
    audit_log_write(
        actor=actor,
        action="workshop.set_proposals",
        obj=workshop,
        data={"added": sorted(after - before), "removed": sorted(before - after)},
    )
    return len(after)


@transaction.atomic
def workshop_set_groups(*, actor, workshop: Workshop, names: Iterable[str]) -> list[WorkshopGroup]:
    """The tables of the workshop, one name each; tables not named any more are removed."""
    workshop = _locked(workshop)
    _require_draft(workshop)
    cleaned: list[str] = []
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        if len(name) > 100:
            raise ValidationError({"groups": _("A table name can have at most 100 characters.")})
        if name.casefold() in {n.casefold() for n in cleaned}:
            raise ValidationError(
                {"groups": _("Two tables have the name %(name)s.") % {"name": name}}
            )
        cleaned.append(name)
    if len(cleaned) > MAX_GROUPS:
        raise ValidationError({"groups": _("At most %(max)d tables.") % {"max": MAX_GROUPS}})
    existing = {g.name: g for g in workshop.groups.all()}
    removed = [g for name, g in existing.items() if name not in cleaned]
    WorkshopGroup.objects.filter(pk__in=[g.pk for g in removed]).delete()
    WorkshopGroup.objects.bulk_create(
        [WorkshopGroup(workshop=workshop, name=n) for n in cleaned if n not in existing]
    )
    audit_log_write(
        actor=actor,
        action="workshop.set_groups",
        obj=workshop,
        data={"groups": cleaned, "removed": [g.name for g in removed]},
    )
    return list(workshop.groups.order_by("name"))


@transaction.atomic
def workshop_set_status(*, actor, workshop: Workshop, status: str) -> Workshop:
    """Open or close voting (the facilitator's buttons). A closed workshop can be reopened."""
    workshop = _locked(workshop)
    allowed = {
        Workshop.Status.OPEN: {Workshop.Status.DRAFT, Workshop.Status.CLOSED},
        Workshop.Status.CLOSED: {Workshop.Status.OPEN},
    }
    if status not in allowed or workshop.status not in allowed[status]:
        raise ValidationError(
            _("A workshop that is %(now)s cannot change to %(new)s.")
            % {"now": workshop.get_status_display(), "new": status}
        )
    if status == Workshop.Status.OPEN and not workshop.proposals.exists():
        raise ValidationError(_("Choose the proposals before opening the voting."))
    before = workshop.status
    workshop.status = status
    workshop.save(update_fields=["status", "updated_at"])
    audit_log_write(
        actor=actor, action="workshop.set_status", obj=workshop, data={"from": before, "to": status}
    )
    return workshop


# --- in the room ------------------------------------------------------------------------


def participant_token_new() -> str:
    return secrets.token_urlsafe(24)


@transaction.atomic
def participant_join(
    *, workshop: Workshop, group: WorkshopGroup | None, token: str = ""
) -> WorkshopParticipant:
    """Join a workshop (no account); the same token rejoins the same participant.

    Rejoining never creates a second participant, so no vote is lost or doubled. Choosing another
    table on rejoin moves the participant (their votes go with them).
    """
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop has ended."))
    if group is not None and group.workshop_id != workshop.pk:
        raise ValidationError({"group": _("Choose one of this workshop's tables.")})
    if token:
        participant = (
            WorkshopParticipant.objects.select_for_update()
            .filter(workshop=workshop, token=token)
            .first()
        )
        if participant is not None:
            if participant.group_id != (group.pk if group else None):
                participant.group = group
                participant.save(update_fields=["group"])
            return participant
    participant = WorkshopParticipant.objects.create(
        workshop=workshop,
        group=group,
        token=participant_token_new(),
        budget=workshop.dots_per_person,
    )
    audit_log_write(
        actor=None,
        action="workshop.join",
        obj=workshop,
        data={"participant": participant.pk, "group": group.name if group else None},
    )
    return participant


def _locked_participant(participant: WorkshopParticipant) -> WorkshopParticipant:
    return (
        WorkshopParticipant.objects.select_for_update()
        .select_related("workshop")
        .get(pk=participant.pk)
    )


def _check_open(workshop: Workshop, proposal: Proposal) -> None:
    if workshop.status != Workshop.Status.OPEN:
        raise ValidationError(_("Voting is not open."))
    if not workshop.proposals.filter(pk=proposal.pk).exists():
        raise ValidationError(_("That proposal is not part of this workshop."))


def _spend(participant: WorkshopParticipant, delta: int) -> None:
    """Change dots_spent by `delta` in one conditional UPDATE: refused if it would overspend.

    The CHECK constraint participant_within_budget refuses it too, whatever code runs.
    """
    if delta == 0:
        return
    updated = WorkshopParticipant.objects.filter(
        pk=participant.pk, dots_spent__lte=F("budget") - delta, dots_spent__gte=-delta
    ).update(dots_spent=F("dots_spent") + delta)
    if not updated:
        raise ValidationError(
            {"dots": _("You do not have that many dots left.")}, code="over_budget"
        )


@transaction.atomic
def vote_set_dots(*, participant: WorkshopParticipant, proposal: Proposal, dots: int) -> int:
    """Give `proposal` exactly `dots` dots (0 takes them all back). Returns the dots left.

    Idempotent: the same request twice leaves the same state and writes nothing the second time.
    """
    participant = _locked_participant(participant)
    workshop = participant.workshop
    if workshop.voting_method != Workshop.VotingMethod.DOTS:
        raise ValidationError(_("This workshop uses ranking, not dots."))
    _check_open(workshop, proposal)
    if not isinstance(dots, int) or dots < 0:
        raise ValidationError({"dots": _("The number of dots must be 0 or more.")})
    if dots > 1 and not workshop.several_dots_per_proposal:
        raise ValidationError(
            {"dots": _("In this workshop each proposal can get one dot from you.")}
        )
    vote = Vote.objects.filter(participant=participant, proposal=proposal).first()
    before = vote.dots if vote else 0
    if dots == before:
        return participant.budget - participant.dots_spent
    _spend(participant, dots - before)
    if dots == 0:
        vote.delete()
    elif vote:
        Vote.objects.filter(pk=vote.pk).update(dots=dots)
    else:
        Vote.objects.create(
            workshop=workshop, participant=participant, proposal=proposal, dots=dots
        )
    audit_log_write(
        actor=None,
        action="workshop.vote",
        obj=workshop,
        data={"participant": participant.pk, "proposal": proposal.pk, "dots": [before, dots]},
    )
    return participant.budget - participant.dots_spent - (dots - before)


@transaction.atomic
def vote_rank(*, participant: WorkshopParticipant, proposal: Proposal, position: int) -> list[int]:
    """Put `proposal` at `position` (1 = first) in the participant's ranking; 0 takes it out.

    A participant ranks at most `budget` proposals. Idempotent: the same request twice gives
    the same ranking. Returns the ranked proposal ids in order.
    """
    participant = _locked_participant(participant)
    workshop = participant.workshop
    if workshop.voting_method != Workshop.VotingMethod.RANKING:
        raise ValidationError(_("This workshop uses dots, not ranking."))
    _check_open(workshop, proposal)
    order = list(
        Vote.objects.filter(participant=participant)
        .order_by("rank", "id")
        .values_list("proposal_id", flat=True)
    )
    before = list(order)
    if proposal.pk in order:
        order.remove(proposal.pk)
    if not isinstance(position, int) or position < 0:
        raise ValidationError({"position": _("Choose a place in your ranking.")})
    if position:
        if len(order) >= participant.budget:
            raise ValidationError(
                {"dots": _("You can rank at most %(n)d proposals.") % {"n": participant.budget}},
                code="over_budget",
            )
        order.insert(min(position, len(order) + 1) - 1, proposal.pk)
    if order == before:
        return order
    _spend(participant, len(order) - len(before))
    # Ranks are rewritten in two steps so the unique (participant, rank) never collides midway.
    Vote.objects.filter(participant=participant).exclude(proposal_id__in=order).delete()
    Vote.objects.filter(participant=participant).update(rank=None)
    existing = set(
        Vote.objects.filter(participant=participant).values_list("proposal_id", flat=True)
    )
    for rank, proposal_id in enumerate(order, start=1):
        if proposal_id in existing:
            Vote.objects.filter(participant=participant, proposal_id=proposal_id).update(rank=rank)
        else:
            Vote.objects.create(
                workshop=workshop,
                participant=participant,
                proposal_id=proposal_id,
                dots=1,
                rank=rank,
            )
    audit_log_write(
        actor=None,
        action="workshop.rank",
        obj=workshop,
        data={"participant": participant.pk, "ranking": order},
    )
    return order
