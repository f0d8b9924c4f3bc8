"""The statistics dashboard, declared in one place: each chart is a key, a title, a selector
that returns a Table, and a kind of chart. The page, the tables and the CSV downloads are all
made from this list — to add a figure, add a line here."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from veikart.core.svgcharts import LineSeries, bar_chart, line_chart
from veikart.processes.models import Process
from veikart.stats import selectors
from veikart.stats.selectors import Table


@dataclass(frozen=True)
class Chart:
    key: str
    title: object
    select: Callable[..., Table]
    kind: str = "bar"  # "bar": first number column as bars; "line": every column over time


CHARTS = [
    Chart("over-time", _("Participation over time"), selectors.participation_over_time, "line"),
    Chart("by-method", _("Participation by method"), selectors.participation_by_method_table),
    Chart("by-arena", _("Participation by arena"), selectors.participation_by_arena),
    Chart("by-area", _("Inputs by area"), selectors.participation_by_area),
    Chart("by-focus-area", _("Inputs and proposals by focus area"), selectors.by_focus_area),
    Chart("by-realiser", _("Proposals and inputs by who can realise them"), selectors.by_realiser),
    Chart("measures", _("Measures by status"), selectors.measures_by_status),
]
BY_KEY = {c.key: c for c in CHARTS}


@dataclass(frozen=True)
class RenderedChart:
    chart: Chart
    table: Table
    svg: str


def chart_svg(chart: Chart, table: Table) -> str:
    title = str(chart.title)
    if chart.kind == "line" and len(table.rows) > 0:
        return line_chart(
            title=title,
            series=[
                LineSeries(label=str(name), points=[(r[0], r[i]) for r in table.rows])
                for i, name in enumerate(table.header[1:], start=1)
            ],
        )
    return bar_chart(title=title, bars=[(str(r[0]), r[1]) for r in table.rows])


def dashboard(*, process: Process) -> list[RenderedChart]:
    out = []
    for chart in CHARTS:
        table = chart.select(process=process)
        out.append(RenderedChart(chart=chart, table=table, svg=chart_svg(chart, table)))
    return out


def table_csv(table: Table) -> str:
    """CSV for Norwegian Excel: BOM, semicolons."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return buffer.getvalue()
