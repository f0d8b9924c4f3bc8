"""Reads for closing the loop: what happened to an input (or to all of someone's inputs).

For a list of inputs, in a fixed number of queries whatever their number: the public proposals
they became part of; each proposal's priority in closed roadmap workshops (its votes and its
rank among the workshop's proposals); the measures the proposals became, with their status,
progress, overdue flag and latest updates.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Sum, Window
from django.db.models.functions import RowNumber

from veikart.inputs.models import Input
from veikart.plans.models import Measure, MeasureProposal
from veikart.proposals.models import ProposalInput, Vote, Workshop
from veikart.tracking.models import MeasureUpdate
from veikart.tracking.selectors import is_overdue, today

LATEST_UPDATES = 3


@dataclass(frozen=True)
class Priority:
    """A proposal's place in a closed workshop: dots (or ranks) it got, and its rank."""

    workshop_title: str
    held_on: datetime.date | None
    votes: int  # dots given, or ranking ballots that placed it
    rank: int  # 1 = the most prioritised; ties share a rank
    of: int  # proposals in the workshop
    voting_method: str


@dataclass
class MeasureOutcome:
    measure: Measure
    overdue: bool
    updates: list[MeasureUpdate] = field(default_factory=list)


@dataclass
class ProposalOutcome:
    proposal: object
    priorities: list[Priority] = field(default_factory=list)
    measures: list[MeasureOutcome] = field(default_factory=list)


def _score(row: dict, method: str) -> float:
    """Higher is more prioritised: total dots, or minus the mean rank of the ranking ballots."""
    if method == Workshop.VotingMethod.RANKING:
        return -(row["rank_sum"] or 0) / row["ballots"] if row["ballots"] else float("-inf")
    return float(row["dots"] or 0)


def workshop_priorities(*, proposal_ids: set[int]) -> dict[int, list[Priority]]:
    """Priority of the given proposals in every closed workshop that had them (three queries).

    A proposal that was on the workshop's list but got no votes is shown with 0 and ranked
    after all that got some.
    """
    if not proposal_ids:
        return {}
    membership = list(
        Workshop.proposals.through.objects.filter(
            proposal_id__in=proposal_ids, workshop__status=Workshop.Status.CLOSED
        ).values_list("workshop_id", "proposal_id")
    )
    if not membership:
        return {}
    workshops = {
        w.pk: w
        for w in Workshop.objects.filter(pk__in={wid for wid, _p in membership}).annotate(
            proposal_count=Count("proposals", distinct=True)
        )
    }
    # totals for every proposal in those workshops: a rank needs the others' totals too
    totals = (
        Vote.objects.filter(workshop_id__in=workshops)
        .order_by()
        .values("workshop_id", "proposal_id")
        .annotate(dots=Sum("dots"), ballots=Count("id"), rank_sum=Sum("rank"))
    )
    by_workshop: dict[int, dict[int, dict]] = defaultdict(dict)
    for row in totals:
        by_workshop[row["workshop_id"]][row["proposal_id"]] = row
    out: dict[int, list[Priority]] = defaultdict(list)
    for wid, pid in sorted(membership):
        w = workshops[wid]
        rows = by_workshop.get(wid, {})
        empty = {"dots": 0, "ballots": 0, "rank_sum": None}
        mine = _score(rows.get(pid, empty), w.voting_method)
        rank = 1 + sum(1 for r in rows.values() if _score(r, w.voting_method) > mine)
        votes_of = "ballots" if w.voting_method == Workshop.VotingMethod.RANKING else "dots"
        out[pid].append(
            Priority(
                workshop_title=w.title,
                held_on=w.held_on,
                votes=rows.get(pid, empty)[votes_of] or 0,
                rank=rank,
                of=w.proposal_count,
                voting_method=w.voting_method,
            )
        )
    return dict(out)


def input_outcomes(*, items: list[Input]) -> dict[int, list[ProposalOutcome]]:
    """input id → what became of it. Six queries at most, however many inputs."""
    if not items:
        return {}
    links = (
        ProposalInput.objects.filter(input__in=[i.pk for i in items])
        .filter(proposal__in=_public_proposals())
        .select_related("proposal__focus_area", "proposal__process")
        .order_by("proposal__number")
    )
    by_input: dict[int, list] = defaultdict(list)
    proposals = {}
    for link in links:
        by_input[link.input_id].append(link.proposal_id)
        proposals[link.proposal_id] = link.proposal
    priorities = workshop_priorities(proposal_ids=set(proposals))
    measures_of: dict[int, list[MeasureOutcome]] = defaultdict(list)
    outcomes: dict[int, MeasureOutcome] = {}
    if proposals:
        measure_links = (
            MeasureProposal.objects.filter(proposal_id__in=proposals)
            .select_related("measure")
            .order_by("measure__number", "measure_id")
        )
        on = today()
        for ml in measure_links:
            m = ml.measure
            outcome = outcomes.setdefault(
                m.pk, MeasureOutcome(measure=m, overdue=is_overdue(m, on))
            )
            measures_of[ml.proposal_id].append(outcome)
        for update in _latest_updates(measure_ids=list(outcomes)):
            outcomes[update.measure_id].updates.append(update)
    result: dict[int, list[ProposalOutcome]] = {}
    for item in items:
        result[item.pk] = [
            ProposalOutcome(
                proposal=proposals[pid],
                priorities=priorities.get(pid, []),
                measures=measures_of.get(pid, []),
            )
            for pid in by_input.get(item.pk, [])
        ]
    return result


def _public_proposals():
    from veikart.proposals.models import Proposal

    return Proposal.objects.public()


def _latest_updates(*, measure_ids: list[int]) -> list[MeasureUpdate]:
    """The newest LATEST_UPDATES updates of each measure, in one query (a window function)."""
    if not measure_ids:
        return []
    ranked = (
        MeasureUpdate.objects.filter(measure_id__in=measure_ids)
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("measure_id")],
                order_by=[F("date").desc(), F("id").desc()],
            )
        )
        .filter(row__lte=LATEST_UPDATES)
        .order_by("measure_id", "-date", "-id")
    )
    return list(ranked)


def inputs_of_user(*, user) -> list[Input]:
    """A signed-in contributor's own inputs, newest first."""
    return list(
        Input.objects.filter(author=user)
        .select_related("process", "arena")
        .order_by("-created_at", "-id")[:200]
    )
