"""The endpoints of /api/v1/. Reads are public data only, paginated (limit/offset, at most 100)
and filterable; writes go through the same services and permission table as the web forms."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from veikart.api import schemas as s
from veikart.api.auth import api_user
from veikart.areas.models import Area, Indicator, IndicatorValue
from veikart.core import ratelimit
from veikart.core.permissions import can
from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.plans.models import Measure, MeasureProposal
from veikart.processes.models import Arena, ArenaParticipation, FocusArea, Process
from veikart.proposals.models import (
    Proposal,
    ProposalInput,
    ProposalStatus,
    Realiser,
    Support,
    Vote,
)

SMALL_CELL = 5
HIDDEN_PROPOSALS = [ProposalStatus.DRAFT, ProposalStatus.MERGED]
MAX_OFFSET = 10_000_000
Slug = Path(..., pattern=s.SLUG)
Number = Path(..., ge=1, le=s.MAX_ID)


class Pagination(LimitOffsetPagination):
    """limit (1–100, default 20) and offset; the answer has `count` and `items`."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=100)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _q(text: str | None) -> str:
    return (s.clean_str(text or "") or "").strip()


def _check(user, action: str, process: Process) -> None:
    """The one permission table decides; anonymous users who would be allowed with an
    account get 401 (send a token), everyone else 403."""
    if can(user, action, process):
        return
    if not user.is_authenticated and process.requires_account:
        raise AuthenticationError()
    raise PermissionDenied(action)


def _process(slug: str) -> Process:
    process = Process.objects.public().filter(slug=slug).first()
    if process is None:
        raise HttpError(404, "No such process")
    return process


# --- processes ------------------------------------------------------------------------

processes = Router(tags=["processes"])


@processes.get("/", response=list[s.ProcessListItem], summary="Public processes")
@paginate(Pagination)
def process_list(request: HttpRequest):
    return Process.objects.public().order_by("-created_at", "id")


@processes.get("/{slug}", response=s.ProcessOut, summary="One process")
def process_detail(request: HttpRequest, slug: str = Slug):
    process = _process(slug)
    return {
        "slug": process.slug,
        "name": process.name,
        "description": process.description,
        "main_goal": process.main_goal,
        "cocreation_form": process.cocreation_form,
        "current_phase": process.current_phase,
        "requires_account": process.requires_account,
        "areas": [a.slug for a in process.areas.order_by("name")],
        "focus_areas": list(process.focus_areas.order_by("order", "id")),
        "phases": list(process.phases.order_by("order", "starts_on")),
    }


# --- arenas and participation ------------------------------------------------------------


@processes.get("/{slug}/arenas", response=list[s.ArenaOut], summary="Arenas with participation")
@paginate(Pagination)
def arena_list(
    request: HttpRequest, slug: str = Slug, method: str | None = Query(None, pattern=s.SLUG)
):
    from veikart.processes.selectors import self_counted_participants

    process = _process(slug)
    qs = Arena.objects.filter(process=process)
    if method:
        qs = qs.filter(method__slug=method)
    self_counted = (
        self_counted_participants(process=process) if qs.filter(counts_itself=True).exists() else {}
    )
    published = (
        Input.objects.filter(arena=OuterRef("pk"), status=InputStatus.PUBLISHED)
        .order_by()
        .values("arena")
        .annotate(n=Count("id"))
        .values("n")
    )
    return _ArenaPage(
        qs.select_related("method")
        # A correlated count: computed for the page's arenas only, not for every arena.
        .annotate(published=Coalesce(Subquery(published, output_field=IntegerField()), Value(0)))
        .prefetch_related(
            Prefetch(
                "participation", queryset=ArenaParticipation.objects.order_by("dimension", "group")
            )
        )
        .order_by("held_on", "id"),
        self_counted,
    )


class _ArenaPage:
    """A sliceable view of arenas that turns each page into the API's shape."""

    def __init__(self, qs, self_counted: dict[int, int]) -> None:
        self.qs, self.self_counted = qs, self_counted

    def __len__(self) -> int:
        return self.qs.count()

    def all(self):
        return self.qs

    def count(self) -> int:
        return self.qs.count()

    def __getitem__(self, item):
        return [self._row(a) for a in self.qs[item]]

    def _row(self, a: Arena) -> dict:
        return {
            "id": a.pk,
            "title": a.title,
            "method": a.method.name,
            "method_slug": a.method.slug,
            "held_on": a.held_on,
            "place": a.place,
            "target_groups": a.target_groups,
            "participants": self.self_counted.get(a.pk, 0)
            if a.counts_itself
            else a.participant_count,
            "published_inputs": a.published,
            "participation": [
                {
                    "dimension": p.dimension,
                    "group": p.group,
                    "count": p.count if p.count >= SMALL_CELL else None,
                }
                for p in a.participation.all()
            ],
        }


# --- inputs -------------------------------------------------------------------------------


@processes.get("/{slug}/inputs", response=list[s.InputOut], summary="Published inputs")
@paginate(Pagination)
def input_list(
    request: HttpRequest,
    slug: str = Slug,
    focus_area: int | None = Query(None, ge=1, le=s.MAX_ID),
    arena: int | None = Query(None, ge=1, le=s.MAX_ID),
    method: str | None = Query(None, pattern=s.SLUG),
    has_place: bool | None = None,
    q: str | None = Query(None, max_length=200),
):
    process = _process(slug)
    qs = Input.objects.filter(process=process).public()
    if focus_area:
        qs = qs.filter(focus_area_id=focus_area)
    if arena:
        qs = qs.filter(arena_id=arena)
    if method:
        qs = qs.filter(arena__method__slug=method)
    if has_place is not None:
        qs = qs.filter(geometry__isnull=not has_place)
    if text := _q(q):
        qs = qs.filter(text__icontains=text)
    links = ProposalInput.objects.exclude(proposal__status__in=HIDDEN_PROPOSALS).select_related(
        "proposal"
    )
    return _InputPage(
        qs.select_related("arena__method")
        .prefetch_related(Prefetch("proposal_links", queryset=links))
        .order_by("id")
    )


class _InputPage(_ArenaPage):
    def __init__(self, qs) -> None:
        self.qs = qs

    def _row(self, i: Input) -> dict:
        return {
            "id": i.pk,
            "created": i.created_at.date(),
            "arena_id": i.arena_id,
            "method": i.arena.method.slug if i.arena else None,
            "source": i.source,
            "language": i.language,
            "text": i.text,
            "focus_area_id": i.focus_area_id,
            "geometry": i.geometry,
            "map_category": i.map_category,
            "proposals": sorted(link.proposal.number for link in i.proposal_links.all()),
        }


@processes.post(
    "/{slug}/inputs",
    response={201: s.InputCreated, 401: s.Error, 403: s.Error, 422: s.Error, 429: s.Error},
    summary="Submit an input",
    description="The same rules as the web form: open while the process collects inputs; "
    "anonymous unless the process requires an account (then a staff token). With a staff "
    "token and arena_id, an input typed from an arena's notes.",
)
def input_create(request: HttpRequest, payload: s.InputIn, slug: str = Slug):
    from veikart.inputs import services
    from veikart.processes.services import online_arena_get_or_create

    process = _process(slug)
    user = api_user(request)
    if payload.arena_id:
        action, source = "inputs.enter_offline", InputSource.STAFF
    else:
        action = "inputs.add"
        source = InputSource.MAP if payload.geometry else InputSource.ONLINE
    _check(user, action, process)
    if not user.is_authenticated and not ratelimit.allow(request, "input"):
        raise HttpError(429, "Too many inputs from this client. Wait a few minutes.")
    arena = None
    if payload.arena_id:
        arena = Arena.objects.filter(pk=payload.arena_id, process=process).first()
        if arena is None:
            raise ValidationError({"arena_id": "No such arena in this process."})
    focus = None
    if payload.focus_area_id:
        focus = FocusArea.objects.filter(pk=payload.focus_area_id, process=process).first()
        if focus is None:
            raise ValidationError({"focus_area_id": "No such focus area in this process."})
    item = services.input_create(
        actor=user,
        process=process,
        arena=arena or online_arena_get_or_create(process=process),
        text=payload.text,
        source=source,
        geometry=payload.geometry,
        focus_area=focus,
        group_age=payload.group_age,
        group_gender=payload.group_gender,
        group_background=payload.group_background,
        language=payload.language,
    )
    return Status(201, {"id": item.pk, "receipt_code": item.receipt_code, "status": item.status})


# --- proposals ----------------------------------------------------------------------------


def _count(model, *, field: str = "id", agg=Count, **filters):
    sub = (
        model.objects.filter(proposal=OuterRef("pk"), **filters)
        .order_by()
        .values("proposal")
        .annotate(n=agg(field))
        .values("n")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))


def _proposals_with_counts(qs):
    return qs.select_related("focus_area").annotate(
        inputs_n=_count(ProposalInput, input__status=InputStatus.PUBLISHED),
        supports_n=_count(Support),
        dots_n=_count(Vote, field="dots", agg=Sum),
    )


def _proposal_row(p: Proposal) -> dict:
    return {
        "number": p.number,
        "title": p.title,
        "description": p.description,
        "focus_area_id": p.focus_area_id,
        "focus_area": p.focus_area.name if p.focus_area else None,
        "realiser": p.realiser,
        "status": p.status,
        "inputs": p.inputs_n,
        "supports": p.supports_n,
        "vote_dots": p.dots_n,
    }


class _ProposalPage(_InputPage):
    def _row(self, p: Proposal) -> dict:
        return _proposal_row(p)


@processes.get(
    "/{slug}/proposals", response=list[s.ProposalOut], summary="Public proposals with counts"
)
@paginate(Pagination)
def proposal_list(
    request: HttpRequest,
    slug: str = Slug,
    focus_area: int | None = Query(None, ge=1, le=s.MAX_ID),
    realiser: Realiser | None = None,
    status: ProposalStatus | None = None,
    q: str | None = Query(None, max_length=200),
):
    from veikart.proposals.selectors import ProposalFilters, proposal_filter

    process = _process(slug)
    filters = ProposalFilters(
        q=_q(q),
        focus_area=focus_area,
        realiser=realiser.value if realiser else "",
        status=status.value if status else "",
    )
    return _ProposalPage(
        _proposals_with_counts(proposal_filter(process=process, filters=filters)).order_by("number")
    )


def _proposal(process: Process, number: int) -> Proposal:
    p = _proposals_with_counts(
        Proposal.objects.filter(process=process, number=number).public()
    ).first()
    if p is None:
        raise HttpError(404, "No such proposal")
    return p


@processes.get("/{slug}/proposals/{number}", response=s.ProposalOut, summary="One proposal")
def proposal_detail(request: HttpRequest, slug: str = Slug, number: int = Number):
    return _proposal_row(_proposal(_process(slug), number))


@processes.post(
    "/{slug}/proposals/{number}/supports",
    response={201: s.SupportCreated, 401: s.Error, 403: s.Error, 422: s.Error},
    summary="Support a proposal",
    description="The same rules as the web: while proposals are prioritised; one support per "
    "person (by staff token, or by an anonymous supporter_token where the process allows).",
)
def support_create(
    request: HttpRequest, payload: s.SupportIn, slug: str = Slug, number: int = Number
):
    from veikart.proposals.support_services import support_add

    process = _process(slug)
    user = api_user(request)
    _check(user, "proposals.support", process)
    proposal = Proposal.objects.filter(process=process, number=number).public().first()
    if proposal is None:
        raise HttpError(404, "No such proposal")
    token = payload.supporter_token.strip()
    if not user.is_authenticated and not 16 <= len(token) <= 64:
        raise ValidationError(
            {"supporter_token": "Give a random supporter token of 16–64 characters."}  # nosec B105
        )
    if not support_add(actor=user, proposal=proposal, token=_token_hash(token) if token else ""):
        raise ValidationError({"proposal": _("You already support this proposal.")})
    supports = Support.objects.filter(proposal=proposal).count()
    return Status(201, {"proposal": number, "supports": supports})


def _token_hash(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()


# --- plan, measures and updates -------------------------------------------------------------


def _plan(process: Process):
    from veikart.plans.selectors import plan_current

    plan = plan_current(process=process)
    if plan is None:
        raise HttpError(404, "The process has no plan yet")
    return plan


@processes.get("/{slug}/plan", response=s.PlanOut, summary="The current plan")
def plan_detail(request: HttpRequest, slug: str = Slug):
    from veikart.plans.selectors import measure_status_counts

    plan = _plan(_process(slug))
    counts = {value: n for value, _label, n in measure_status_counts(plan=plan)}
    return {
        "id": plan.pk,
        "title": plan.title,
        "main_goal": plan.main_goal,
        "version": plan.version,
        "status": plan.status,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "measures": sum(counts.values()),
        "measures_by_status": counts,
    }


def _measures(plan):
    links = MeasureProposal.objects.exclude(proposal__status=ProposalStatus.DRAFT).select_related(
        "proposal"
    )
    return (
        Measure.objects.of_plan(plan)
        .select_related("strategy__goal__focus_area", "responsible")
        .prefetch_related(Prefetch("proposal_links", queryset=links))
    )


def _measure_row(m: Measure) -> dict:
    return {
        "id": m.pk,
        "number": m.number,
        "title": m.title,
        "description": m.description,
        "focus_area": m.strategy.goal.focus_area.name,
        "goal": m.strategy.goal.title,
        "strategy": m.strategy.title,
        "status": m.status,
        "progress": m.progress,
        "responsible": m.responsible.name if m.responsible else None,
        "starts_on": m.starts_on,
        "due_on": m.due_on,
        "proposals": sorted(link.proposal.number for link in m.proposal_links.all()),
    }


class _MeasurePage(_InputPage):
    def _row(self, m: Measure) -> dict:
        return _measure_row(m)


@processes.get("/{slug}/measures", response=list[s.MeasureOut], summary="Measures of the plan")
@paginate(Pagination)
def measure_list(
    request: HttpRequest,
    slug: str = Slug,
    status: str | None = Query(None, pattern=r"^[a-z_]{1,20}$"),
    focus_area: int | None = Query(None, ge=1, le=s.MAX_ID),
    q: str | None = Query(None, max_length=200),
):
    qs = _measures(_plan(_process(slug)))
    if status:
        qs = qs.filter(status=status)
    if focus_area:
        qs = qs.filter(strategy__goal__focus_area_id=focus_area)
    if text := _q(q):
        qs = qs.filter(Q(title__icontains=text) | Q(description__icontains=text))
    return _MeasurePage(qs)


@processes.get(
    "/{slug}/measures/{measure_id}", response=s.MeasureDetail, summary="A measure and its timeline"
)
def measure_detail(request: HttpRequest, slug: str = Slug, measure_id: int = Number):
    measure = _measures(_plan(_process(slug))).filter(pk=measure_id).first()
    if measure is None:
        raise HttpError(404, "No such measure")
    row = _measure_row(measure)
    row["updates"] = list(measure.updates.order_by("-date", "-id"))
    return row


# --- knowledge base ----------------------------------------------------------------------------

knowledge = Router(tags=["knowledge base"])


@knowledge.get("/areas", response=list[s.AreaOut], summary="Areas")
@paginate(Pagination)
def area_list(request: HttpRequest):
    return Area.objects.order_by("name", "id")


@knowledge.get("/indicators", response=list[s.IndicatorOut], summary="Indicators")
@paginate(Pagination)
def indicator_list(
    request: HttpRequest,
    theme: Indicator.Theme | None = None,
    q: str | None = Query(None, max_length=200),
):
    qs = Indicator.objects.order_by("theme", "name", "id")
    if theme:
        qs = qs.filter(theme=theme.value)
    if text := _q(q):
        qs = qs.filter(Q(name__icontains=text) | Q(source__icontains=text))
    return qs


class _ValuePage(_InputPage):
    def _row(self, v: IndicatorValue) -> dict:
        return {
            "indicator": v.indicator.slug,
            "area": v.area.slug,
            "area_code": v.area.code,
            "period": v.period,
            "value": float(v.value),
            "note": v.note,
        }


@knowledge.get(
    "/indicators/{indicator}/values",
    response=list[s.IndicatorValueOut],
    summary="Values of an indicator by area and period",
)
@paginate(Pagination)
def indicator_values(
    request: HttpRequest,
    indicator: str = Slug,
    area: str | None = Query(None, pattern=s.SLUG),
    period: str | None = Query(None, pattern=r"^[-0-9A-Za-z]{1,20}$"),
):
    found = Indicator.objects.filter(slug=indicator).first()
    if found is None:
        raise HttpError(404, "No such indicator")
    qs = IndicatorValue.objects.filter(indicator=found).select_related("indicator", "area")
    if area:
        qs = qs.filter(area__slug=area)
    if period:
        qs = qs.filter(period=period)
    return _ValuePage(qs.order_by("area__name", "period", "id"))
