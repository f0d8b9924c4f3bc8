"""Reads about proposals: the public Veikart list, search, and the distributions."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from veikart.inputs.models import Input
from veikart.processes.models import Process
from veikart.proposals.models import Proposal, ProposalStatus, Realiser
from veikart.proposals.search import query_stems


@dataclass(frozen=True)
class ProposalFilters:
    q: str = ""
    focus_area: int | None = None
    realiser: str = ""
    method: int | None = None
    arena: int | None = None
    status: str = ""
    sort: str = "number"


SORTS = {
    "number": ("number",),
    "inputs": ("-input_count", "number"),
    "title": ("title",),
    "supports": ("-support_count", "number"),
}


def proposal_filter(*, process: Process, filters: ProposalFilters) -> QuerySet[Proposal]:
    """Public proposals of a process matching the filters (no ordering, no counts): shared by
    the Veikart page and the API."""
    qs = Proposal.objects.filter(process=process).public()
    for stem in query_stems(filters.q):
        qs = qs.filter(search_stems__contains=" " + stem)
    if filters.focus_area:
        qs = qs.filter(focus_area_id=filters.focus_area)
    if filters.realiser:
        qs = qs.filter(realiser=filters.realiser)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.arena:
        qs = qs.filter(_input_exists(arena_id=filters.arena))
    elif filters.method:
        qs = qs.filter(_input_exists(arena__method_id=filters.method))
    return qs


def proposal_list(*, process: Process, filters: ProposalFilters) -> QuerySet[Proposal]:
    """Public proposals of a process matching the filters, ordered. The number of supports is the
    stored counter (sorting by it counts nothing); inputs are counted here only to sort by them,
    otherwise by `with_input_counts` for the page shown."""
    qs = proposal_filter(process=process, filters=filters).select_related("focus_area")
    if filters.sort == "inputs":  # only then must every row be counted
        qs = qs.annotate(input_count=_count_per_proposal("ProposalInput"))
    return qs.order_by(*SORTS.get(filters.sort, SORTS["number"]))


def with_input_counts(proposals: Iterable[Proposal]) -> list[Proposal]:
    """The proposals (one page), each with `input_count`, in one grouped query for the page.

    Counting after paginating matters on PostgreSQL: a per-row subquery in the SELECT list is
    evaluated for every row OFFSET skips too (page 200 of 10,000 proposals: 104 ms → a few ms).
    """
    from veikart.proposals.models import ProposalInput

    items = list(proposals)
    missing = [p for p in items if not hasattr(p, "input_count")]  # annotated when sorted by it
    counts = (
        dict(
            ProposalInput.objects.filter(proposal_id__in=[p.pk for p in missing])
            .order_by()
            .values_list("proposal_id")
            .annotate(n=Count("pk"))
        )
        if missing
        else {}
    )
    for p in missing:
        p.input_count = counts.get(p.pk, 0)
    return items


def _count_per_proposal(model_name: str):
    """Rows of `model_name` per proposal, as a correlated subquery: the database counts only for
    the proposals on the page when the list is ordered by number (a join and GROUP BY over the
    whole process counted 100,000 links for every page: 1.3 s; now a few ms)."""
    from django.apps import apps
    from django.db.models import IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    model = apps.get_model("proposals", model_name)
    counted = (
        model.objects.filter(proposal=OuterRef("pk"))
        .order_by()
        .values("proposal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _input_exists(**lookup) -> Q:
    from django.db.models import Exists, OuterRef

    from veikart.proposals.models import ProposalInput

    prefixed = {f"input__{k}": v for k, v in lookup.items()}
    return Q(Exists(ProposalInput.objects.filter(proposal=OuterRef("pk"), **prefixed)))


def proposal_get(*, process: Process, number: int) -> Proposal:
    """A public proposal by number. A merged one is returned too: the view redirects it."""
    try:
        proposal = (
            Proposal.objects.filter(process=process)
            .exclude(status=ProposalStatus.DRAFT)
            .select_related("focus_area", "merged_into")
            .get(number=number)
        )
    except Proposal.DoesNotExist:
        raise Http404("No such proposal") from None
    return proposal


def proposal_inputs(*, proposal: Proposal) -> QuerySet[Input]:
    """The published inputs behind a proposal, with their arena and method."""
    return (
        Input.objects.public()
        .filter(proposal_links__proposal=proposal)
        .select_related("arena__method")
        .order_by("arena__held_on", "id")
    )


def proposal_actor_links(*, proposal: Proposal) -> QuerySet:
    return proposal.actor_links.select_related("actor").order_by("role", "actor__name")


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    count: int
    percent: float


def _shares(rows: list[tuple[str, str, int]]) -> list[Share]:
    total = sum(count for _k, _l, count in rows)
    return [
        Share(key=k, label=str(label), count=c, percent=(100.0 * c / total) if total else 0.0)
        for k, label, c in rows
    ]


def realiser_distribution(*, process: Process) -> list[Share]:
    """Shares of the public proposals by who can realise them (municipality/residents/partnership)."""
    counts = dict(
        Proposal.objects.filter(process=process)
        .public()
        .order_by()
        .values_list("realiser")
        .annotate(n=Count("id"))
    )
    return _shares([(value, label, counts.get(value, 0)) for value, label in Realiser.choices])


def focus_area_distribution(*, process: Process) -> list[Share]:
    """Shares of the public proposals by focus area, in the process's order."""
    rows = process.focus_areas.annotate(
        n=Count("proposals", filter=Q(proposals__status__in=_public_statuses()))
    ).order_by("order")
    return _shares([(str(fa.pk), fa.name, fa.n) for fa in rows])


def method_distribution(*, process: Process) -> list[Share]:
    """Shares of the public proposals' input links by the method of the input's arena."""
    rows = (
        Input.objects.filter(process=process, arena__isnull=False)
        .public()
        .filter(proposal_links__proposal__status__in=_public_statuses())
        .values("arena__method_id", "arena__method__name")
        .annotate(n=Count("id", distinct=True))
        .order_by("-n", "arena__method__name")
    )
    return _shares([(str(r["arena__method_id"]), r["arena__method__name"], r["n"]) for r in rows])


def _public_statuses() -> list[str]:
    return [
        s for s in ProposalStatus.values if s not in (ProposalStatus.DRAFT, ProposalStatus.MERGED)
    ]
