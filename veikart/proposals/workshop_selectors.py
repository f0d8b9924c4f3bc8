"""Reads for the roadmap workshop: results (overall and per table), a phone's ballot, plans.

`Vote` and `Support` stay plain participant × proposal rows, so other readers (the opinion map)
can build a vote matrix from them directly.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from veikart.processes.models import Process
from veikart.proposals.models import (
    Actor,
    Proposal,
    ProposalStatus,
    RealisationPlan,
    Support,
    Vote,
    Workshop,
    WorkshopGroup,
    WorkshopParticipant,
)
from veikart.proposals.workshop_services import workshop_code_normalise


def workshop_get_by_code(*, code: str) -> Workshop:
    """The workshop a phone joins, by its short code (case and spaces do not matter)."""
    workshop = (
        Workshop.objects.select_related("process")
        .filter(code=workshop_code_normalise(code))
        .first()
    )
    if workshop is None:
        raise Http404("No workshop with that code")
    return workshop


def workshop_list(*, process: Process) -> QuerySet[Workshop]:
    return (
        Workshop.objects.filter(process=process)
        .annotate(
            proposal_count=Count("proposals", distinct=True),
            participant_count=Count("participants", distinct=True),
        )
        .order_by("-held_on", "-id")
    )


def workshop_groups(*, workshop: Workshop) -> list[WorkshopGroup]:
    return list(workshop.groups.order_by("name"))


@dataclass
class ResultRow:
    proposal_id: int
    number: int
    title: str
    realiser: str
    score: int = 0
    voters: int = 0
    by_group: dict[int | None, int] = field(default_factory=dict)
    place: int = 0
    percent: float = 0.0  # of the highest score, for the bars


@dataclass
class Results:
    workshop: Workshop
    rows: list[ResultRow]
    groups: list[WorkshopGroup]
    participants: int
    participants_by_group: dict[int | None, int]
    dots_spent: int
    votes: int

    @property
    def max_score(self) -> int:
        return max((r.score for r in self.rows), default=0)

    @property
    def has_individuals(self) -> bool:
        return bool(self.participants_by_group.get(None))

    def group_columns(self) -> list[tuple[int | None, str]]:
        """(group id, name) for each table, and 'individually' when anyone voted on their own."""
        from django.utils.translation import gettext as _

        columns: list[tuple[int | None, str]] = [(g.pk, g.name) for g in self.groups]
        if self.has_individuals or not self.groups:
            columns.append((None, _("Individually")))
        return columns

    def group_tops(self, n: int = 3) -> list[dict]:
        """Per table: its participants and its n highest-scoring proposals."""
        out = []
        for group_id, name in self.group_columns():
            scored = [(r.by_group.get(group_id, 0), r) for r in self.rows]
            scored = sorted((x for x in scored if x[0]), key=lambda x: (-x[0], x[1].number))[:n]
            out.append(
                {
                    "name": name,
                    "participants": self.participants_by_group.get(group_id, 0),
                    "top": [{"row": r, "score": score} for score, r in scored],
                }
            )
        return out

    def table(self) -> list[dict]:
        """Every proposal with its score per table column (for the printable page and exports)."""
        columns = self.group_columns()
        return [
            {"row": r, "by_group": [r.by_group.get(g, 0) for g, _name in columns]}
            for r in self.rows
        ]


def _score_expression(workshop: Workshop):
    """Dot voting: the dots. Ranking: Borda points (first of n places = n points, last = 1)."""
    if workshop.voting_method == Workshop.VotingMethod.RANKING:
        return Sum(Value(workshop.dots_per_person + 1) - F("rank"), output_field=IntegerField())
    return Sum("dots")


def workshop_results(*, workshop: Workshop, top: int | None = None) -> Results:
    """Scores per proposal, overall and per table, counted from the stored votes (4 queries)."""
    proposals = {
        p["id"]: ResultRow(
            proposal_id=p["id"], number=p["number"], title=p["title"], realiser=p["realiser"]
        )
        for p in workshop.proposals.order_by().values("id", "number", "title", "realiser")
    }
    tallies = (
        Vote.objects.filter(workshop=workshop)
        .order_by()
        .values("proposal_id", "participant__group_id")
        .annotate(score=_score_expression(workshop), voters=Count("id"), dots=Sum("dots"))
    )
    dots_spent = votes = 0
    for t in tallies:
        row = proposals.get(t["proposal_id"])
        dots_spent += t["dots"]
        votes += t["voters"]
        if row is None:  # a vote on a proposal taken out of scope later: still counted here
            continue
        row.score += t["score"]
        row.voters += t["voters"]
        group = t["participant__group_id"]
        row.by_group[group] = row.by_group.get(group, 0) + t["score"]
    rows = sorted(proposals.values(), key=lambda r: (-r.score, r.number))
    place, last = 0, None
    for i, row in enumerate(rows, start=1):
        if row.score != last:
            place, last = i, row.score
        row.place = place
        row.percent = 100.0 * row.score / rows[0].score if rows[0].score else 0.0
    by_group = dict(
        WorkshopParticipant.objects.filter(workshop=workshop)
        .order_by()
        .values_list("group_id")
        .annotate(n=Count("id"))
    )
    return Results(
        workshop=workshop,
        rows=rows[:top] if top else rows,
        groups=list(workshop.groups.order_by("name")),
        participants=sum(by_group.values()),
        participants_by_group=by_group,
        dots_spent=dots_spent,
        votes=votes,
    )


@dataclass
class BallotLine:
    proposal: Proposal
    dots: int
    rank: int | None


@dataclass
class Ballot:
    participant: WorkshopParticipant
    lines: list[BallotLine]

    @property
    def remaining(self) -> int:
        return self.participant.budget - self.participant.dots_spent

    @property
    def ranked(self) -> list[BallotLine]:
        return sorted((line for line in self.lines if line.rank), key=lambda line: line.rank)

    @property
    def unranked(self) -> list[BallotLine]:
        return [line for line in self.lines if not line.rank]


def participant_get(*, workshop: Workshop, token: str) -> WorkshopParticipant | None:
    if not token:
        return None
    return (
        WorkshopParticipant.objects.select_related("group")
        .filter(workshop=workshop, token=token)
        .first()
    )


def participant_ballot(*, participant: WorkshopParticipant) -> Ballot:
    """The proposals of the workshop with this participant's dots or rank on each (2 queries)."""
    mine = {
        v.proposal_id: v
        for v in Vote.objects.filter(participant=participant).only("proposal_id", "dots", "rank")
    }
    lines = []
    for proposal in participant.workshop.proposals.select_related("focus_area").order_by("number"):
        vote = mine.get(proposal.pk)
        lines.append(
            BallotLine(
                proposal=proposal, dots=vote.dots if vote else 0, rank=vote.rank if vote else None
            )
        )
    return Ballot(participant=participant, lines=lines)


def realisation_plans(*, workshop: Workshop) -> QuerySet[RealisationPlan]:
    return (
        RealisationPlan.objects.filter(workshop=workshop)
        .select_related("proposal", "group", "responsible")
        .prefetch_related("partners")
        .order_by("proposal__number")
    )


def proposal_realisation_plans(*, proposal: Proposal) -> QuerySet[RealisationPlan]:
    """The realisation plans for a proposal, for its public page."""
    return (
        RealisationPlan.objects.filter(proposal=proposal)
        .select_related("workshop", "group", "responsible")
        .prefetch_related("partners")
        .order_by("workshop__held_on", "id")
    )


# --- online support -----------------------------------------------------------------------


def support_count(*, proposal: Proposal) -> int:
    return Support.objects.filter(proposal=proposal).count()


def support_exists(*, proposal: Proposal, user=None, token: str = "") -> bool:
    if user is not None and user.is_authenticated:
        return Support.objects.filter(proposal=proposal, user=user).exists()
    if token:
        return Support.objects.filter(proposal=proposal, anonymous_token=token).exists()
    return False


# --- actors ---------------------------------------------------------------------------------


def actor_list(*, kind: str = "") -> QuerySet[Actor]:
    qs = Actor.objects.annotate(
        responsibility_count=Count(
            "proposal_links",
            filter=Q(proposal_links__proposal__status__in=_public_statuses())
            & Q(proposal_links__proposal__process__is_public=True),
            distinct=True,
        ),
        measure_count=Coalesce(Count("measures_responsible", distinct=True), 0),
    ).order_by("name")
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def actor_get(*, slug: str) -> Actor:
    try:
        return Actor.objects.select_related("contact_person").get(slug=slug)
    except Actor.DoesNotExist:
        raise Http404("No such actor") from None


@dataclass
class ActorWork:
    proposals: list  # (proposal, role label)
    plans: list  # (plan, role label)
    measures: list  # (measure, role label)


def actor_work(*, item: Actor) -> ActorWork:
    """Public proposals, realisation plans and measures the actor is responsible for or a partner in."""
    from django.utils.translation import gettext as _

    from veikart.plans.models import Measure

    links = (
        item.proposal_links.filter(
            proposal__status__in=_public_statuses(), proposal__process__is_public=True
        )
        .select_related("proposal__process")
        .order_by("proposal__process_id", "proposal__number")
    )
    plans = (
        RealisationPlan.objects.filter(Q(responsible=item) | Q(partners=item))
        .filter(proposal__process__is_public=True)
        .select_related("proposal__process", "workshop")
        .distinct()
        .order_by("proposal__number")
    )
    measures = (
        Measure.objects.filter(Q(responsible=item) | Q(partners=item))
        .select_related("strategy__goal__plan__process")
        .filter(strategy__goal__plan__process__is_public=True)
        .distinct()
        .order_by("number")
    )
    return ActorWork(
        proposals=[(link.proposal, link.get_role_display()) for link in links],
        plans=[
            (plan, _("Responsible") if plan.responsible_id == item.pk else _("Partner"))
            for plan in plans
        ],
        measures=[
            (m, _("Responsible") if m.responsible_id == item.pk else _("Partner")) for m in measures
        ],
    )


def _public_statuses() -> list[str]:
    return [
        s for s in ProposalStatus.values if s not in (ProposalStatus.DRAFT, ProposalStatus.MERGED)
    ]
