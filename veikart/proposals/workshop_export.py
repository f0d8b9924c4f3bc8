"""Export a workshop's results to CSV (UTF-8 with BOM, `;` for Norwegian Excel) or XLSX.

Two tables: the results (each proposal's score overall and per table, and how many voted for it)
and the realisation plans. The CSV holds both, separated by an empty line; the XLSX has a sheet
for each. Every figure comes from `workshop_selectors.workshop_results`.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook

from veikart.proposals.models import Workshop
from veikart.proposals.workshop_selectors import realisation_plans, workshop_results


def _result_rows(workshop: Workshop) -> list[list]:
    results = workshop_results(workshop=workshop)
    columns = results.group_columns()
    score = "borda_points" if workshop.voting_method == Workshop.VotingMethod.RANKING else "dots"
    header = ["place", "number", "title", "realiser", score, "voters"]
    header += [f"{score}: {name}" for _id, name in columns]
    rows = [header]
    for line in results.table():
        r = line["row"]
        rows.append([r.place, r.number, r.title, r.realiser, r.score, r.voters, *line["by_group"]])
    return rows


def _plan_rows(workshop: Workshop) -> list[list]:
    rows = [
        [
            "number",
            "proposal",
            "table",
            "responsible",
            "partners",
            "first_steps",
            "time_frame",
            "residents_contribution",
        ]
    ]
    for plan in realisation_plans(workshop=workshop):
        rows.append(
            [
                plan.proposal.number,
                plan.proposal.title,
                plan.group.name if plan.group else "",
                plan.responsible.name if plan.responsible else "",
                ", ".join(p.name for p in plan.partners.all()),
                plan.first_steps,
                plan.time_frame,
                plan.residents_contribution,
            ]
        )
    return rows


def _safe(value):
    """Cells starting with = + - @ are text, not formulas, when the file is opened in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _filename(workshop: Workshop, ext: str) -> str:
    return f"{slugify(workshop.title) or 'verksted'}-resultater.{ext}"


def results_csv(*, workshop: Workshop) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for row in _result_rows(workshop):
        writer.writerow([_safe(v) for v in row])
    writer.writerow([])
    for row in _plan_rows(workshop):
        writer.writerow([_safe(v) for v in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(workshop, "csv")}"'
    return response


def results_xlsx(*, workshop: Workshop) -> HttpResponse:
    book = Workbook(write_only=True)
    for title, rows in (
        ("Resultater", _result_rows(workshop)),
        ("Gjennomføring", _plan_rows(workshop)),
    ):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([_safe(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(workshop, "xlsx")}"'
    return response
