from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: float  # bar length, 0–100


def bars_relative_to_max(items, *, label: str, count: str) -> list[Bar]:
    """Bars whose length is relative to the largest value (for counts that are not shares)."""
    rows = [(str(getattr(i, label)), int(getattr(i, count))) for i in items]
    top = max((c for _l, c in rows), default=0)
    return [Bar(label=lb, count=c, percent=(100.0 * c / top) if top else 0.0) for lb, c in rows]
