"""Reads for the Konsolider page: the latest run, its clusters with today's inputs, its progress.

Everything the page shows comes from the stored run and a fixed number of queries, however many
clusters there are: inputs, focus areas and proposals are each fetched once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator

from veikart.inputs.models import Input
from veikart.processes.models import FocusArea, Process
from veikart.proposals.consolidation import consolidation_inputs
from veikart.proposals.consolidation_services import consolidation_run_is_stale
from veikart.proposals.models import ConsolidationRun, Proposal, ProposalStatus, Realiser

CLUSTERS_PER_PAGE = 20
UNGROUPED_SHOWN = 200
DUPLICATES_SHOWN = 50


@dataclass
class Suggested:
    value: str
    label: str
    percent: int


@dataclass
class ClusterView:
    key: str
    keywords: list[str]
    inputs: list[Input]
    size: int
    state: str
    title: str
    description: str
    realiser: Suggested | None
    focus_area: Suggested | None
    closest: Proposal | None
    closest_percent: int
    proposal_number: int | None
    duplicate_ids: set[int] = field(default_factory=set)

    @property
    def is_open(self) -> bool:
        return self.state == "open"


@dataclass
class RunProgress:
    phase: str  # none, waiting, embedding, clustering, done, failed
    total: int
    done: int
    percent: int
    polling: bool
    stale: bool


@dataclass
class ConsolidationPage:
    run: ConsolidationRun | None
    progress: RunProgress
    unlinked_count: int
    new_since_run: int
    clusters: Page | None
    open_count: int
    cluster_count: int
    ungrouped: list[Input]
    ungrouped_count: int
    duplicates: list[tuple[Input, Input, int]]
    duplicate_count: int
    focus_areas: list[FocusArea]
    proposals: list[Proposal]
    learnt_from: str
    realiser_choices: list[tuple[str, str]] = field(default_factory=lambda: list(Realiser.choices))


def consolidation_run_latest(*, process: Process) -> ConsolidationRun | None:
    runs = ConsolidationRun.objects.filter(process=process).select_related("created_by")
    return runs.order_by("-created_at", "-id").first()


def consolidation_run_get(*, process: Process, pk: int) -> ConsolidationRun:
    from django.http import Http404

    try:
        return ConsolidationRun.objects.select_related("process").get(process=process, pk=pk)
    except ConsolidationRun.DoesNotExist:
        raise Http404("No such run") from None


def consolidation_progress(*, run: ConsolidationRun | None) -> RunProgress:
    if run is None:
        return RunProgress("none", 0, 0, 0, polling=False, stale=False)
    status = ConsolidationRun.Status
    total, done = run.total, min(run.done, run.total)
    phase = {
        status.QUEUED: "waiting",
        status.RUNNING: "clustering" if done >= total else "embedding",
        status.DONE: "done",
        status.FAILED: "failed",
    }[run.status]
    return RunProgress(
        phase=phase,
        total=total,
        done=done,
        percent=round(100 * done / total) if total else 100,
        polling=phase in ("waiting", "embedding", "clustering"),
        stale=consolidation_run_is_stale(run),
    )


def consolidation_page(
    *, process: Process, page: Any = 1, run: ConsolidationRun | None = None, key: str = ""
) -> ConsolidationPage:
    """What the Konsolider page shows, from the latest run (or `run`) and today's links.

    With `key`, only that cluster is built (the htmx answer to an action on it).
    """
    run = run or consolidation_run_latest(process=process)
    unlinked = set(consolidation_inputs(process=process).values_list("id", flat=True))
    focus_areas = list(process.focus_areas.order_by("order"))
    proposals = list(
        Proposal.objects.filter(process=process)
        .exclude(status=ProposalStatus.MERGED)
        .order_by("number")
        .only("id", "number", "title", "process_id")
    )
    empty = ConsolidationPage(
        run=run,
        progress=consolidation_progress(run=run),
        unlinked_count=len(unlinked),
        new_since_run=len(unlinked),
        clusters=None,
        open_count=0,
        cluster_count=0,
        ungrouped=[],
        ungrouped_count=0,
        duplicates=[],
        duplicate_count=0,
        focus_areas=focus_areas,
        proposals=proposals,
        learnt_from="",
    )
    if run is None or run.status != ConsolidationRun.Status.DONE:
        return empty
    result = run.result or {}
    raw = result.get("clusters", [])
    # Open clusters first (largest first, as computed), then those dealt with.
    ordered = [c for c in raw if c.get("state") == "open"] + [
        c for c in raw if c.get("state") != "open"
    ]
    if key:
        ordered = [c for c in ordered if str(c["key"]) == key]
    paginator = Paginator(ordered, CLUSTERS_PER_PAGE)
    page_obj = paginator.get_page(page)
    in_open = {pk for c in raw if c.get("state") == "open" for pk in c["inputs"]}
    ungrouped_ids = [
        pk for pk in result.get("input_ids", []) if pk in unlinked and pk not in in_open
    ]
    pairs = [p for p in result.get("duplicates", []) if p[0] in unlinked or p[1] in unlinked]
    wanted = {pk for c in page_obj.object_list if c.get("state") == "open" for pk in c["inputs"]}
    wanted |= set(ungrouped_ids[:UNGROUPED_SHOWN])
    wanted |= {pk for a, b, _s in pairs[:DUPLICATES_SHOWN] for pk in (a, b)}
    inputs = Input.objects.select_related("arena").in_bulk(wanted)
    fa_by_id = {str(fa.pk): fa for fa in focus_areas}
    proposal_by_id = {p.pk: p for p in proposals}
    duplicate_ids = {pk for a, b, _s in pairs for pk in (a, b)}
    realiser_labels = dict(Realiser.choices)

    def suggested(value: list | None, labels: dict) -> Suggested | None:
        if not value or str(value[0]) not in labels:
            return None
        return Suggested(str(value[0]), str(labels[str(value[0])]), round(100 * value[1]))

    views = []
    for c in page_obj.object_list:
        is_open = c.get("state") == "open"
        members = [inputs[pk] for pk in c["inputs"] if pk in inputs and pk in unlinked]
        size = len(members) if is_open else len(c.get("linked") or c["inputs"])
        closest = c.get("closest") or [None, 0]
        views.append(
            ClusterView(
                key=str(c["key"]),
                keywords=c.get("keywords", []),
                inputs=members,
                size=size,
                state=c.get("state", "open"),
                title=c.get("title", ""),
                description=c.get("description", ""),
                realiser=suggested(c.get("realiser"), realiser_labels),
                focus_area=suggested(
                    c.get("focus_area"), {k: fa.name for k, fa in fa_by_id.items()}
                ),
                closest=proposal_by_id.get(closest[0]),
                closest_percent=round(100 * (closest[1] or 0)),
                proposal_number=c.get("proposal"),
                duplicate_ids={i.pk for i in members if i.pk in duplicate_ids},
            )
        )
    page_obj.object_list = views
    return ConsolidationPage(
        run=run,
        progress=empty.progress,
        unlinked_count=len(unlinked),
        new_since_run=len(unlinked - set(result.get("input_ids", []))),
        clusters=page_obj,
        open_count=sum(1 for c in raw if c.get("state") == "open"),
        cluster_count=len(raw),
        ungrouped=_with_closest(
            [inputs[pk] for pk in ungrouped_ids[:UNGROUPED_SHOWN] if pk in inputs],
            result.get("closest_of_input", {}),
            proposal_by_id,
        ),
        ungrouped_count=len(ungrouped_ids),
        duplicates=[
            (inputs[a], inputs[b], round(100 * s))
            for a, b, s in pairs[:DUPLICATES_SHOWN]
            if a in inputs and b in inputs
        ],
        duplicate_count=len(pairs),
        focus_areas=focus_areas,
        proposals=proposals,
        learnt_from=result.get("learnt_from", ""),
    )


def _with_closest(items: list[Input], closest: dict, proposal_by_id: dict) -> list[Input]:
    """Give each input its nearest existing proposal (`closest`, `closest_percent`), if any."""
    for item in items:
        near = closest.get(str(item.pk))
        item.closest = proposal_by_id.get(near[0]) if near else None
        item.closest_percent = round(100 * near[1]) if near else 0
    return items
