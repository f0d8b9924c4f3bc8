"""Reads for the opinion map: the vote matrix of a workshop or of online supports, the stored
analyses a user may see, and the picture and tables of one analysis.

How votes become the 1 / -1 / 0 / missing of the analysis (docs/architecture.md, "Opinion groups"):
- dot voting: a participant who voted saw every proposal in the workshop; a proposal with dots
  is agreement (1), one without is a pass (0) — "not among my priorities", not a rejection;
- ranking: of the proposals a participant ranked, the top half is agreement (1), the bottom
  half disagreement (-1), the middle one of an odd count a pass (0); unranked ones are missing;
- online supports: a supporter saw the public Veikart; a supported proposal is 1, the other
  public proposals 0. Nobody can oppose online, so no item is ever a -1 there.
Participants are numbered 1, 2, 3 … in the order they joined or first supported: no name, no
account, no token leaves this module.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import Q, QuerySet

from veikart.core.permissions import can
from veikart.processes.models import Process
from veikart.proposals.models import (
    OpinionAnalysis,
    Proposal,
    Support,
    Vote,
    Workshop,
)


@dataclass(frozen=True)
class VoteMatrix:
    matrix: np.ndarray
    participants: list[str]  # "1", "2", … anonymous
    items: list[str]  # proposal numbers


def workshop_vote_matrix(*, workshop: Workshop) -> VoteMatrix:
    votes = list(
        Vote.objects.filter(workshop=workshop)
        .order_by("participant_id", "proposal__number")
        .values_list("participant_id", "proposal__number", "dots", "rank")
    )
    numbers = set(workshop.proposals.values_list("number", flat=True))
    numbers |= {number for _, number, _, _ in votes}
    items = sorted(numbers)
    column = {number: j for j, number in enumerate(items)}
    by_participant: dict[int, list[tuple[int, int, int | None]]] = defaultdict(list)
    for participant_id, number, dots, rank in votes:
        by_participant[participant_id].append((number, dots, rank))
    order = sorted(by_participant)
    ranking = workshop.voting_method == Workshop.VotingMethod.RANKING
    matrix = np.full((len(order), len(items)), np.nan if ranking else 0.0)
    for i, participant_id in enumerate(order):
        own = by_participant[participant_id]
        if not ranking:
            for number, dots, _ in own:
                matrix[i, column[number]] = 1.0 if dots > 0 else 0.0
            continue
        ranked = sorted((r for r in own if r[2] is not None), key=lambda r: (r[2], r[0]))
        n = len(ranked)
        for position, (number, _, _) in enumerate(ranked):
            if position < n // 2:
                matrix[i, column[number]] = 1.0
            elif n % 2 and position == n // 2:
                matrix[i, column[number]] = 0.0
            else:
                matrix[i, column[number]] = -1.0
        for number, _, rank in own:
            if rank is None:
                matrix[i, column[number]] = 0.0
    return VoteMatrix(
        matrix=matrix,
        participants=[str(i + 1) for i in range(len(order))],
        items=[str(n) for n in items],
    )


def support_matrix(*, process: Process) -> VoteMatrix:
    items = sorted(
        Proposal.objects.filter(process=process).public().values_list("number", flat=True)
    )
    column = {number: j for j, number in enumerate(items)}
    rows = (
        Support.objects.filter(proposal__process=process, proposal__number__in=items)
        .order_by("created_at", "id")
        .values_list("user_id", "anonymous_token", "proposal__number")
    )
    supporters: dict[tuple, int] = {}
    cells: list[tuple[int, int]] = []
    for user_id, token, number in rows:
        key = ("user", user_id) if user_id is not None else ("token", token)
        i = supporters.setdefault(key, len(supporters))
        cells.append((i, column[number]))
    matrix = np.zeros((len(supporters), len(items)))
    for i, j in cells:
        matrix[i, j] = 1.0
    return VoteMatrix(
        matrix=matrix,
        participants=[str(i + 1) for i in range(len(supporters))],
        items=[str(n) for n in items],
    )


def opinion_analyses_visible(*, user, process: Process) -> QuerySet[OpinionAnalysis]:
    """Staff who may run analyses see all; everyone else sees the published ones."""
    analyses = OpinionAnalysis.objects.filter(process=process).select_related("workshop")
    if can(user, "opinions.analyse", process):
        return analyses
    return analyses.published()


def workshops_for_analysis(*, process: Process) -> QuerySet[Workshop]:
    return (
        Workshop.objects.filter(process=process)
        .filter(Q(votes__isnull=False))
        .distinct()
        .order_by("-held_on", "title")
    )


# --- the picture and the tables --------------------------------------------------------

GROUP_LETTERS = "ABCDEFGH"
SHAPES = ("circle", "square", "triangle", "diamond", "cross")
SIZE = 400  # the SVG's inner square, in user units
MARGIN = 16


def _shape_points(shape: str, x: float, y: float, r: float = 5.0) -> str:
    if shape == "circle":
        corners = [
            (x + r * math.cos(2 * math.pi * k / 12), y + r * math.sin(2 * math.pi * k / 12))
            for k in range(12)
        ]
    elif shape == "square":
        s = r * 0.85
        corners = [(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)]
    elif shape == "triangle":
        corners = [(x, y - r * 1.1), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    elif shape == "diamond":
        corners = [(x, y - r * 1.15), (x + r, y), (x, y + r * 1.15), (x - r, y)]
    else:  # cross
        a, b = r * 0.35, r
        corners = [
            (x - a, y - b), (x + a, y - b), (x + a, y - a), (x + b, y - a), (x + b, y + a),
            (x + a, y + a), (x + a, y + b), (x - a, y + b), (x - a, y + a), (x - b, y + a),
            (x - b, y - a), (x - a, y - a),
        ]  # fmt: skip
    return " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners)


@dataclass(frozen=True)
class GroupInfo:
    number: int
    letter: str
    size: int
    shape: str
    legend_points: str  # the shape drawn at (10, 10) for the legend


@dataclass(frozen=True)
class Point:
    group: int | None
    points: str  # SVG polygon points (or "" for a left-out participant: drawn as a dot)
    cx: float
    cy: float


@dataclass(frozen=True)
class Cell:
    agree: int | None  # percent
    disagree: int | None
    seen: int


@dataclass(frozen=True)
class ItemRow:
    number: int
    title: str
    cells: list[Cell]
    kind: str  # consensus: "agree"/"disagree"; divisive: the group letter that stands out
    kind_as: str


@dataclass(frozen=True)
class OpinionMap:
    groups: list[GroupInfo]
    points: list[Point]
    n_participants: int
    n_grouped: int
    n_left_out: int
    consensus: list[ItemRow]
    divisive: list[ItemRow]
    size: int
    has_disagree: bool


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def opinion_map(*, analysis: OpinionAnalysis, limit: int = 10) -> OpinionMap:
    """Everything the analysis page shows, from the stored result."""
    result = analysis.result
    k = result.get("k", 0)
    sizes = result.get("group_sizes", [])
    groups = [
        GroupInfo(
            number=g,
            letter=GROUP_LETTERS[g],
            size=sizes[g],
            shape=SHAPES[g % len(SHAPES)],
            legend_points=_shape_points(SHAPES[g % len(SHAPES)], 10, 10, 6),
        )
        for g in range(k)
    ]
    coords = result.get("coordinates", {})
    membership = result.get("groups", {})
    points: list[Point] = []
    if coords:
        xs = [c[0] for c in coords.values()]
        ys = [c[1] for c in coords.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        scale = (SIZE - 2 * MARGIN) / span
        # left-out participants first, so the grouped ones are drawn on top
        ordered = sorted(coords.items(), key=lambda kv: membership.get(kv[0]) is not None)
        for participant, (x, y) in ordered:
            sx = SIZE / 2 + (x - mid_x) * scale
            sy = SIZE / 2 - (y - mid_y) * scale
            group = membership.get(participant)
            points.append(
                Point(
                    group=group,
                    points=_shape_points(SHAPES[group % len(SHAPES)], sx, sy)
                    if group is not None
                    else "",
                    cx=round(sx, 1),
                    cy=round(sy, 1),
                )
            )
    numbers = [int(n) for n in result.get("items", [])]
    titles = dict(
        Proposal.objects.filter(process=analysis.process, number__in=numbers).values_list(
            "number", "title"
        )
    )
    by_item = {r["item"]: r for r in result.get("item_results", [])}

    def row(item: str, kind: str, kind_as: str) -> ItemRow:
        data = by_item[item]
        cells = []
        for g in data["groups"]:
            seen = g["n_agree"] + g["n_disagree"] + g["n_pass"]
            cells.append(
                Cell(
                    agree=_percent(g["n_agree"], seen),
                    disagree=_percent(g["n_disagree"], seen),
                    seen=seen,
                )
            )
        return ItemRow(
            number=int(item),
            title=titles.get(int(item), ""),
            cells=cells,
            kind=kind,
            kind_as=kind_as,
        )

    consensus = [
        row(item, by_item[item]["is_consensus"], "") for item in result.get("consensus", [])[:limit]
    ]
    divisive = []
    for item in result.get("divisive", [])[:limit]:
        group = by_item[item]["representative_for"]
        divisive.append(row(item, GROUP_LETTERS[group], by_item[item]["representative_as"]))
    has_disagree = any(g["n_disagree"] for r in result.get("item_results", []) for g in r["groups"])
    n_participants = len(result.get("participants", []))
    n_grouped = sum(sizes)
    return OpinionMap(
        groups=groups,
        points=points,
        n_participants=n_participants,
        n_grouped=n_grouped,
        n_left_out=n_participants - n_grouped,
        consensus=consensus,
        divisive=divisive,
        size=SIZE,
        has_disagree=has_disagree,
    )


def opinion_export_rows(*, analysis: OpinionAnalysis) -> list[tuple[str, str, str, str]]:
    """participant, group letter, x, y — anonymous numbers only."""
    result = analysis.result
    coords = result.get("coordinates", {})
    rows = []
    for participant in result.get("participants", []):
        group = result.get("groups", {}).get(participant)
        x, y = coords.get(participant, ("", ""))
        rows.append((participant, "" if group is None else GROUP_LETTERS[group], str(x), str(y)))
    return rows


def opinion_export_document(*, analysis: OpinionAnalysis) -> dict:
    """The JSON export: what was analysed, the proposals' titles, and the stored result."""
    numbers = [int(n) for n in analysis.result.get("items", [])]
    titles = dict(
        Proposal.objects.filter(process=analysis.process, number__in=numbers).values_list(
            "number", "title"
        )
    )
    return {
        "process": analysis.process.slug,
        "source": analysis.source,
        "workshop": analysis.workshop.title if analysis.workshop else None,
        "created_at": analysis.created_at.isoformat(),
        "proposals": {str(n): titles.get(n, "") for n in numbers},
        "result": analysis.result,
    }
