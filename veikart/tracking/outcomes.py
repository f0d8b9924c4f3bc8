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


def workshop_priorities(*, proposal_ids: set[int]) -> dict[int, list[Priority]]:
    """Priority of the given proposals in every closed workshop that had them (two queries)."""
    if not proposal_ids:
        return {}
    having_them = Workshop.objects.filter(
        status=Workshop.Status.CLOSED, proposals__in=proposal_ids
    ).values("pk")
    workshops = {
        w.pk: w
        for w in Workshop.objects.filter(pk__in=having_them).annotate(
            proposal_count=Count("proposals", distinct=True)
        )
    }
    if not workshops:
        return {}
    # totals for every proposal in those workshops: a rank needs the others' totals too
    totals = (
        Vote.objects.filter(workshop_id__in=workshops)
        .order_by()
        .values("workshop_id", "proposal_id")
        .annotate(dots=Sum("dots"), ballots=Count("id"), rank_sum=Sum("rank"))
    )
    by_workshop: dict[int, list[dict]] = defaultdict(list)
    for row in totals:
        by_workshop[row["workshop_id"]].append(row)
    out: dict[int, list[Priority]] = defaultdict(list)
    for wid, rows in by_workshop.items():
        w = workshops[wid]
        if w.voting_method == Workshop.VotingMethod.RANKING:
            # fewer points is better: the mean rank among the ballots that ranked it
            def score(r):
                return -(r["rank_sum"] or 0) / r["ballots"] if r["ballots"] else float("-inf")

            votes_of = "ballots"
        else:

            def score(r):
                return r["dots"] or 0

            votes_of = "dots"
        ordered = sorted(rows, key=score, reverse=True)
        for row in ordered:
            if row["proposal_id"] not in proposal_ids:
                continue
            rank = 1 + sum(1 for other in ordered if score(other) > score(row))
            out[row["proposal_id"]].append(
                Priority(
                    workshop_title=w.title,
                    held_on=w.held_on,
                    votes=row[votes_of] or 0,
                    rank=rank,
                    of=w.proposal_count,
                    voting_method=w.voting_method,
                )
            )
    return dict(out)


def input_outcomes(*, items: list[Input]) -> dict[int, list[ProposalOutcome]]:
    """input id → what became of it. Five queries at most, however many inputs."""
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
