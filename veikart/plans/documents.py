"""The plan as a document: PDF (WeasyPrint, CSS paged media) and DOCX (python-docx), in bokmål.

Both have a title page, a table of contents, page numbers, charts of the measures by realiser
and by focus area (SVG bars in the PDF, a table with text bars in the DOCX: readable without
colour), the plan tree with its measures, and an appendix that traces every measure to its
proposals and the inputs behind it per arena. All figures come from `plan_document_data`,
which reads everything in a fixed handful of queries (no query per measure).
"""

import io
from dataclasses import dataclass
from html import escape

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veikart.plans import selectors
from veikart.plans.models import Plan

DOCUMENT_LANGUAGE = "nb"
FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass
class PlanDocument:
    plan: Plan
    municipality: str
    decisions: list
    adopted_version: object
    goals: list
    focus_sections: list  # [(focus area, [goals])] in plan order
    realisers: list
    focus_areas: list
    traces: dict
    resident_share: selectors.ResidentShare
    measures: list  # every measure in plan order
    generated: object


def plan_document_data(*, plan: Plan) -> PlanDocument:
    goals = selectors.plan_builder_tree(plan=plan)
    sections: list = []
    for goal in goals:
        if sections and sections[-1][0].pk == goal.focus_area_id:
            sections[-1][1].append(goal)
        else:
            sections.append((goal.focus_area, [goal]))
    traces = selectors.plan_measure_traces(plan=plan)
    measures = [m for g in goals for s in g.strategies.all() for m in s.measures.all()]
    for m in measures:
        m.trace = traces.get(m.pk) or selectors.MeasureTrace()
    return PlanDocument(
        plan=plan,
        municipality=settings.VEIKART["MUNICIPALITY_NAME"],
        decisions=list(plan.decisions.order_by("meeting_date")),
        adopted_version=selectors.plan_adopted_version(plan=plan),
        goals=goals,
        focus_sections=sections,
        realisers=selectors.plan_realiser_distribution(plan=plan),
        focus_areas=selectors.plan_focus_area_distribution(plan=plan),
        traces=traces,
        resident_share=selectors.plan_resident_share(plan=plan),
        measures=measures,
        generated=timezone.localdate(),
    )


def document_filename(plan: Plan, fmt: str) -> str:
    return f"{slugify(plan.title) or 'plan'}.{fmt}"


# --- charts ----------------------------------------------------------------------------------
def bar_chart_svg(shares: list, *, title: str) -> str:
    """A horizontal bar chart as SVG: label, bar, count and percent on every row.

    Black bars with the figures written out, so it reads in greyscale and on paper.
    """
    row, label_w, bar_w = 26, 210, 260
    height = row * len(shares) + 34
    top = max((s.count for s in shares), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="620" height="{height}" '
        f'viewBox="0 0 620 {height}"><title>{escape(title)}</title>',
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for i, s in enumerate(shares):
        y = 30 + i * row
        length = round(bar_w * s.count / top)
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="11">{escape(str(s.label))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="16" fill="none" '
            f'stroke="#999" stroke-width="0.5"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{length}" height="16" fill="#222"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 15}" font-size="11">'
            f"{s.count} ({s.percent:.0f} %)</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def text_bar(percent: float, width: int = 25) -> str:
    return "█" * round(width * percent / 100) or "▏"


# --- PDF -------------------------------------------------------------------------------------
def render_plan_pdf(*, plan: Plan) -> bytes:
    import logging

    for name in ("weasyprint", "weasyprint.progress"):  # quiet: no progress lines on stderr
        logging.getLogger(name).setLevel(logging.WARNING)
    from weasyprint import CSS, HTML

    with translation.override(DOCUMENT_LANGUAGE):
        doc = plan_document_data(plan=plan)
        html = render_to_string(
            "plans/document/plan_pdf.html",
            {
                "doc": doc,
                "realiser_chart": mark_safe(  # noqa: S308 - built by bar_chart_svg, escaped  # nosec B308 B703
                    bar_chart_svg(doc.realisers, title=_("Measures by who can realise them"))
                ),
                "focus_chart": mark_safe(  # noqa: S308 - built by bar_chart_svg, escaped  # nosec B308 B703
                    bar_chart_svg(doc.focus_areas, title=_("Measures by focus area"))
                ),
            },
        )
    css = CSS(filename=finders.find("plans/plan_document.css"))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=[css])


# --- DOCX ------------------------------------------------------------------------------------
def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """Insert a Word field (PAGE, NUMPAGES, TOC ...) as begin/instr/separate/result/end runs."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        run._r.append(element)

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def _update_fields_on_open(document) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    document.settings.element.append(element)


def _table(document, headers: list[str], rows: list[list[str]], widths: list[float] | None = None):
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9)
            if widths:
                cell.width = Cm(widths[i])
    return table


def _period(m) -> str:
    if m.starts_on and m.due_on:
        return f"{m.starts_on:%m.%Y}–{m.due_on:%m.%Y}"
    if m.due_on:
        return _("by %(date)s") % {"date": f"{m.due_on:%m.%Y}"}
    return ""


def _decision_line(d) -> str:
    from django.utils.formats import date_format

    line = f"{d.get_outcome_display()}: {d.body} {date_format(d.meeting_date, 'DATE_FORMAT')}"
    if d.case_number:
        line += f" ({_('case')} {d.case_number})"
    return line


def render_plan_docx(*, plan: Plan) -> bytes:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    with translation.override(DOCUMENT_LANGUAGE):
        doc = plan_document_data(plan=plan)
        document = Document()
        document.core_properties.title = plan.title
        document.core_properties.language = "nb-NO"
        styles = document.styles
        styles["Normal"].font.name = "Calibri"
        styles["Normal"].font.size = Pt(10.5)

        # title page
        document.add_paragraph(doc.municipality).alignment = WD_ALIGN_PARAGRAPH.CENTER
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(plan.title)
        run.bold, run.font.size = True, Pt(26)
        goal = document.add_paragraph()
        goal.alignment = WD_ALIGN_PARAGRAPH.CENTER
        goal.add_run(f"{_('Main goal')}: {plan.main_goal}").italic = True
        if plan.period_start and plan.period_end:
            document.add_paragraph(
                f"{_('Period')}: {plan.period_start}–{plan.period_end}"
            ).alignment = WD_ALIGN_PARAGRAPH.CENTER
        for d in doc.decisions:
            document.add_paragraph(_decision_line(d)).alignment = WD_ALIGN_PARAGRAPH.CENTER
        if not plan.is_frozen:
            document.add_paragraph(_("Draft – not adopted")).alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_paragraph(
            _("Made with Veikart on %(date)s") % {"date": doc.generated.strftime("%d.%m.%Y")}
        ).alignment = WD_ALIGN_PARAGRAPH.CENTER

        # page numbers in the footer of the section that follows the title page
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.footer.is_linked_to_previous = False
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(_("Page") + " ")
        _field(footer, "PAGE", "1")
        footer.add_run(" " + _("of") + " ")
        _field(footer, "NUMPAGES", "1")
        document.sections[0].footer.is_linked_to_previous = False

        document.add_heading(_("Contents"), level=1)
        _field(
            document.add_paragraph(),
            'TOC \\o "1-3" \\h \\z \\u',
            _("Right-click and choose Update field to show the table of contents."),
        )
        _update_fields_on_open(document)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

        # about the plan
        document.add_heading(_("About the plan"), level=1)
        document.add_paragraph(f"{_('Main goal')}: {plan.main_goal}")
        share = doc.resident_share
        document.add_paragraph(
            _(
                "%(linked)s of %(total)s measures (%(percent)s %%) come from the residents' "
                "proposals in the Veikart."
            )
            % {
                "linked": share.from_residents,
                "total": share.total,
                "percent": f"{share.percent:.0f}",
            }
        )
        for d in doc.decisions:
            document.add_paragraph(_decision_line(d), style="List Bullet")
            if d.amendments:
                document.add_paragraph(f"{_('Amendments')}: {d.amendments}")

        document.add_heading(_("Distribution of the measures"), level=1)
        for heading, shares, label in (
            (_("Measures by who can realise them"), doc.realisers, _("Who can realise it")),
            (_("Measures by focus area"), doc.focus_areas, _("Focus area")),
        ):
            document.add_heading(heading, level=2)
            _table(
                document,
                [label, _("Measures"), _("Share"), ""],
                [
                    [str(s.label), str(s.count), f"{s.percent:.0f} %", text_bar(s.percent)]
                    for s in shares
                ],
            )

        # the plan tree
        for focus_area, goals in doc.focus_sections:
            document.add_heading(f"{_('Focus area')}: {focus_area.name}", level=1)
            for g in goals:
                document.add_heading(f"{_('Goal')}: {g.title}", level=2)
                for s in g.strategies.all():
                    document.add_heading(f"{_('Strategy')}: {s.title}", level=3)
                    _table(
                        document,
                        [_("No."), _("Measure"), _("Responsible"), _("Time"), _("Proposals")],
                        [
                            [
                                m.number,
                                _measure_text(m),
                                _actors(m),
                                _period(m),
                                ", ".join(str(n) for n, _t in m.trace.proposals)
                                or _("Not from the Veikart"),
                            ]
                            for m in s.measures.all()
                        ],
                    )

        # appendix
        document.add_page_break()
        document.add_heading(_("Appendix: from input to measure"), level=1)
        document.add_paragraph(
            _(
                "Every measure with the proposals behind it and the number of published inputs "
                "behind those proposals, per arena."
            )
        )
        _table(
            document,
            [_("No."), _("Measure"), _("Proposals"), _("Inputs per arena"), _("Inputs")],
            [
                [
                    m.number,
                    m.title,
                    "\n".join(f"{n}. {t}" for n, t in m.trace.proposals)
                    or _("Not from the Veikart"),
                    "\n".join(f"{a}: {n}" for a, n in m.trace.arenas),
                    str(m.trace.input_total),
                ]
                for m in doc.measures
            ],
        )
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _measure_text(m) -> str:
    text = m.title
    extra = []
    if m.budget_line:
        extra.append(f"{_('Budget line')}: {m.budget_line}")
    if m.sdgs:
        extra.append(f"{_('UN SDGs')}: {', '.join(str(n) for n in m.sdgs)}")
    return "\n".join([text, *extra])


def _actors(m) -> str:
    names = [m.responsible.name] if m.responsible else []
    partners = [a.name for a in m.partners.all()]
    if partners:
        names.append(f"{_('with')} {', '.join(partners)}")
    return "\n".join(names)


def render_plan(*, plan: Plan, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_plan_pdf(plan=plan)
    if fmt == "docx":
        return render_plan_docx(plan=plan)
    raise ValueError(fmt)
