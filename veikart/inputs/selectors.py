"""Reads about inputs: the receipt-code trace ("what happened to my input?") and staff entry."""

from dataclasses import dataclass

from django.db.models import QuerySet

from veikart.inputs.models import Input
from veikart.plans.models import Measure
from veikart.processes.models import Arena
from veikart.proposals.models import Proposal


def input_by_receipt(*, code: str) -> Input | None:
    code = "".join((code or "").split()).upper().replace("-", "")
    if not code or len(code) > 16:
        return None
    return (
        Input.objects.select_related("process", "arena__method", "focus_area")
        .filter(receipt_code=code)
        .first()
    )


@dataclass(frozen=True)
class TraceStep:
    proposal: Proposal
    measures: list[Measure]


def input_trace(*, item: Input) -> list[TraceStep]:
    """The public proposals an input became part of, and the plan measures they became."""
    proposals = (
        Proposal.objects.filter(input_links__input=item)
        .public()
        .select_related("focus_area")
        .prefetch_related("measures")
        .order_by("number")
    )
    return [TraceStep(proposal=p, measures=list(p.measures.all())) for p in proposals]


def arena_recent_inputs(*, arena: Arena, limit: int = 10) -> QuerySet[Input]:
    return arena.inputs.select_related("focus_area").order_by("-id")[:limit]
