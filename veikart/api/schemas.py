"""The shapes the API reads and writes. Public fields only: never an author, e-mail, receipt
code of someone else, token or self-described group."""

import datetime
from typing import Any

from ninja import Field, Schema
from pydantic import field_validator

SLUG = r"^[-a-zA-Z0-9_]{1,50}$"
MAX_ID = 2**31 - 1


def clean_str(value: Any) -> Any:
    """Refuse text that cannot be stored: NUL characters and lone surrogates."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode text") from None
    return value


class Error(Schema):
    detail: Any


class Phase(Schema):
    kind: str
    title: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None


class FocusArea(Schema):
    id: int
    name: str
    slug: str


class ProcessOut(Schema):
    slug: str
    name: str
    description: str
    main_goal: str
    cocreation_form: str
    current_phase: str
    requires_account: bool
    areas: list[str]
    focus_areas: list[FocusArea]
    phases: list[Phase]


class ProcessListItem(Schema):
    slug: str
    name: str
    main_goal: str
    current_phase: str


class GroupCount(Schema):
    dimension: str
    group: str
    count: int | None = Field(description="null when fewer than 5 (small-cell suppression)")


class ArenaOut(Schema):
    id: int
    title: str
    method: str
    method_slug: str
    held_on: datetime.date | None
    place: str
    target_groups: str
    participants: int
    published_inputs: int
    participation: list[GroupCount]


class InputOut(Schema):
    id: int
    created: datetime.date
    arena_id: int | None
    method: str | None
    source: str
    language: str
    text: str
    focus_area_id: int | None
    geometry: dict | None
    map_category: str
    proposals: list[int]


class ProposalOut(Schema):
    number: int
    title: str
    description: str
    focus_area_id: int | None
    focus_area: str | None
    realiser: str
    status: str
    inputs: int
    supports: int
    vote_dots: int


class MeasureOut(Schema):
    id: int
    number: str
    title: str
    description: str
    focus_area: str
    goal: str
    strategy: str
    status: str
    progress: int
    responsible: str | None
    starts_on: datetime.date | None
    due_on: datetime.date | None
    proposals: list[int]


class UpdateOut(Schema):
    id: int
    date: datetime.date
    status: str
    progress: int
    text: str


class MeasureDetail(MeasureOut):
    updates: list[UpdateOut]


class PlanOut(Schema):
    id: int
    title: str
    main_goal: str
    version: int
    status: str
    period_start: int | None
    period_end: int | None
    measures: int
    measures_by_status: dict[str, int]


class IndicatorOut(Schema):
    slug: str
    name: str
    theme: str
    unit: str
    source: str
    description: str


class IndicatorValueOut(Schema):
    indicator: str
    area: str
    area_code: str
    period: str
    value: float
    note: str


class AreaOut(Schema):
    slug: str
    name: str
    code: str
    is_municipality: bool


class InputIn(Schema):
    text: str = Field(min_length=1, max_length=5000)
    focus_area_id: int | None = Field(None, ge=1, le=MAX_ID)
    arena_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="staff only: the arena the input was given at"
    )
    geometry: dict | None = Field(None, description="a GeoJSON geometry (WGS 84)")
    group_age: str = Field("", max_length=20)
    group_gender: str = Field("", max_length=20)
    group_background: str = Field("", max_length=20)
    language: str = Field("nb", max_length=10, pattern=r"^[a-zA-Z-]{2,10}$")

    _clean = field_validator("text", "group_age", "group_gender", "group_background")(
        lambda cls, v: clean_str(v)
    )


class InputCreated(Schema):
    id: int
    receipt_code: str = Field(description="the contributor's key to follow the input; keep it")
    status: str


class SupportIn(Schema):
    supporter_token: str = Field(
        "",
        max_length=64,
        description="anonymous supporters: a random string the device keeps (16–64 characters)",
    )

    _clean = field_validator("supporter_token")(lambda cls, v: clean_str(v))


class SupportCreated(Schema):
    proposal: int
    supports: int
