"""Evaluation: snapshots of a plan's figures over time, and their export for research.

A snapshot stores the figures of one date. For today they are counted from the measures as
they stand; for a past date (`as_of`) each measure's status and progress are rebuilt from its
timeline (its newest update on or before that date; none means not started, 0 %), so the
history of a plan can be filled in afterwards from stored data — nothing is typed in.
Participation totals are counted as they stand when the snapshot is taken; indicator values
are the newest period of each indicator and area of the process that began by `as_of`.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.areas.models import IndicatorValue
from veikart.core.services import audit_log_write
from veikart.plans.models import Measure, MeasureStatus, Plan
from veikart.tracking.models import MeasureUpdate, PlanSnapshot
from veikart.tracking.selectors import FINISHED


def _period_start(period: str) -> int | None:
    match = re.match(r"\s*(\d{4})", period or "")
    return int(match.group(1)) if match else None


def plan_figures(*, plan: Plan, as_of: datetime.date) -> dict:
    """Every figure of a snapshot, counted from stored data."""
    from veikart.inputs.models import Input
    from veikart.processes.selectors import participant_total
    from veikart.proposals.models import Proposal

    measures = list(
        Measure.objects.filter(strategy__goal__plan=plan)
        .select_related("strategy__goal__focus_area")
        .order_by("id")
    )
    if as_of < timezone.localdate():
        state: dict[int, tuple[str, int]] = {}
        for update in (
            MeasureUpdate.objects.filter(measure__strategy__goal__plan=plan, date__lte=as_of)
            .order_by("measure_id", "date", "id")
            .only("measure_id", "status", "progress")
        ):
            state[update.measure_id] = (update.status, update.progress)
    else:
        state = {m.pk: (m.status, m.progress) for m in measures}
    by_status = dict.fromkeys(MeasureStatus.values, 0)
    focus: dict[str, dict] = {}
    progress_sum = counted = overdue = 0
    for m in measures:
        status, progress = state.get(m.pk, (MeasureStatus.NOT_STARTED, 0))
        by_status[status] += 1
        fa = focus.setdefault(
            m.strategy.goal.focus_area.name,
            {"measures": 0, "done": 0, "progress_sum": 0, "counted": 0},
        )
        fa["measures"] += 1
        fa["done"] += status == MeasureStatus.DONE
        if status != MeasureStatus.DROPPED:
            progress_sum += progress
            counted += 1
            fa["progress_sum"] += progress
            fa["counted"] += 1
        if m.due_on and m.due_on < as_of and status not in FINISHED:
            overdue += 1
    indicators: dict[tuple[str, str], dict] = {}
    values = (
        IndicatorValue.objects.filter(area__in=plan.process.areas.all())
        .select_related("indicator", "area")
        .order_by("indicator__slug", "area__slug", "period")
    )
    for v in values:
        start = _period_start(v.period)
        if start is None or start > as_of.year:
            continue
        indicators[(v.indicator.slug, v.area.slug)] = {
            "indicator": v.indicator.slug,
            "name": v.indicator.name,
            "unit": v.indicator.unit,
            "area": v.area.name,
            "period": v.period,
            "value": str(v.value),
        }
    return {
        "as_of": as_of.isoformat(),
        "measures_total": len(measures),
        "measures_done": by_status[MeasureStatus.DONE],
        "mean_progress": round(progress_sum / counted, 1) if counted else None,
        "overdue": overdue,
        "by_status": by_status,
        "by_focus_area": [
            {
                "focus_area": name,
                "measures": f["measures"],
                "done": f["done"],
                "mean_progress": round(f["progress_sum"] / f["counted"], 1)
                if f["counted"]
                else None,
            }
            for name, f in focus.items()
        ],
        "participants": participant_total(process=plan.process),
        "inputs": Input.objects.filter(process=plan.process).count(),
        "proposals": Proposal.objects.filter(process=plan.process).public().count(),
        "indicators": list(indicators.values()),
    }


@transaction.atomic
def plan_snapshot_take(
    *, actor, plan: Plan, as_of: datetime.date | None = None, note: str = ""
) -> PlanSnapshot:
    """Store the plan's figures as of a date (today by default; not in the future)."""
    today = timezone.localdate()
    as_of = as_of or today
    if as_of > today:
        raise ValidationError({"as_of": _("A snapshot cannot be of a future date.")})
    if len(note) > 300:
        raise ValidationError({"note": _("Keep the note under 300 characters.")})
    figures = plan_figures(plan=plan, as_of=as_of)
    snapshot = PlanSnapshot.objects.create(
        plan=plan,
        as_of=as_of,
        taken_by=actor if getattr(actor, "is_authenticated", False) else None,
        measures_total=figures["measures_total"],
        measures_done=figures["measures_done"],
        mean_progress=(
            Decimal(str(figures["mean_progress"])) if figures["mean_progress"] is not None else None
        ),
        overdue=figures["overdue"],
        participants=figures["participants"],
        inputs=figures["inputs"],
        figures=figures,
        note=note.strip(),
    )
    audit_log_write(
        actor=actor,
        action="plan.snapshot",
        obj=plan,
        data={"snapshot": snapshot.pk, "as_of": as_of.isoformat()},
    )
    return snapshot


# --- export for follow-up research (long format: one figure per row) ---------------------
EXPORT_COLUMNS = [
    "snapshot_id",
    "plan_id",
    "plan_version",
    "as_of",
    "taken_at",
    "figure",
    "group",
    "value",
    "unit",
]


def snapshot_rows(snapshots) -> list[list]:
    """Tidy rows: snapshot, figure, group (status, focus area, indicator@area), value."""
    rows = []
    for s in snapshots:
        f = s.figures
        head = [s.pk, s.plan_id, s.plan.version, s.as_of.isoformat(), s.taken_at.isoformat()]

        def add(figure, group, value, unit="", head=head):
            rows.append([*head, figure, group, "" if value is None else value, unit])

        add("measures_total", "", s.measures_total, "measures")
        add("measures_done", "", s.measures_done, "measures")
        add("mean_progress", "", s.mean_progress, "%")
        add("overdue", "", s.overdue, "measures")
        add("participants", "", s.participants, "persons")
        add("inputs", "", s.inputs, "inputs")
        add("proposals", "", f.get("proposals"), "proposals")
        for status, n in f.get("by_status", {}).items():
            add("measures_by_status", status, n, "measures")
        for fa in f.get("by_focus_area", []):
            add("focus_area_measures", fa["focus_area"], fa["measures"], "measures")
            add("focus_area_done", fa["focus_area"], fa["done"], "measures")
            add("focus_area_mean_progress", fa["focus_area"], fa["mean_progress"], "%")
        for ind in f.get("indicators", []):
            group = f"{ind['indicator']}@{ind['area']} ({ind['period']})"
            add("indicator", group, ind["value"], ind["unit"])
    return rows


def snapshots_csv(snapshots) -> bytes:
    """UTF-8 with BOM and ';' like the other exports, so Norwegian Excel opens it right."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(EXPORT_COLUMNS)
    for row in snapshot_rows(snapshots):
        writer.writerow([_csv_safe(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_safe(value):
    """Keep spreadsheet formulas out of exported text cells."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def snapshots_xlsx(snapshots) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("snapshots")
    sheet.append(EXPORT_COLUMNS)
    for row in snapshot_rows(snapshots):
        sheet.append([float(v) if isinstance(v, Decimal) else _csv_safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
