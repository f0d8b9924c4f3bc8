"""The demo plan as PDF and DOCX: read back, every one of the 203 measures is in both files."""

import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from veikart.core.demo.borgen import SLUG, load_borgen_demo
from veikart.plans import documents
from veikart.plans.models import Measure, Plan


@pytest.fixture(scope="module")
def demo_plan(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_borgen_demo()
        plan = Plan.objects.get(process__slug=SLUG)
        measures = list(Measure.objects.of_plan(plan).values_list("number", "title"))
        pdf = documents.render_plan_pdf(plan=plan)
        docx = documents.render_plan_docx(plan=plan)
        yield {"plan": plan, "measures": measures, "pdf": pdf, "docx": docx}
        call_command("flush", interactive=False, verbosity=0)
        from veikart.processes.method_catalogue import load_methods
        from veikart.processes.models import Method

        load_methods(Method)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_has_every_measure_page_numbers_and_contents(demo_plan, db):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(demo_plan["pdf"]))
    pages = [page.extract_text() for page in reader.pages]
    text = squash(" ".join(pages))
    assert len(demo_plan["measures"]) == 203
    missing = [n for n, t in demo_plan["measures"] if n not in text or squash(t) not in text]
    assert not missing
    assert "Innhold" in pages[1]  # table of contents after the title page
    assert f"Side 3 av {len(pages)}" in squash(pages[2])
    assert "Vedlegg" in text and "Temaplan for lokalsamfunnsutvikling" in squash(pages[0])
    assert "Tiltak fordelt på innsatsområde" in text


def test_docx_has_every_measure_toc_and_page_field(demo_plan, db):
    import docx

    document = docx.Document(io.BytesIO(demo_plan["docx"]))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = squash(" ".join([p.text for p in document.paragraphs] + cells))
    missing = [n for n, t in demo_plan["measures"] if n not in cells or squash(t) not in text]
    assert not missing
    xml = zipfile.ZipFile(io.BytesIO(demo_plan["docx"])).read("word/document.xml").decode()
    assert "TOC \\o" in xml
    footers = "".join(
        zipfile.ZipFile(io.BytesIO(demo_plan["docx"])).read(name).decode()
        for name in zipfile.ZipFile(io.BytesIO(demo_plan["docx"])).namelist()
        if name.startswith("word/footer")
    )
    assert " PAGE " in footers and "Side" in footers
    assert "Vedlegg: fra innspill til tiltak" in text


def test_document_data_is_read_in_a_fixed_number_of_queries(demo_plan, db):
    with CaptureQueriesContext(connection) as queries:
        data = documents.plan_document_data(plan=demo_plan["plan"])
        for m in data.measures:
            list(m.partners.all()), m.trace.input_total, m.responsible
    assert len(data.measures) == 203
    assert len(queries) <= 15


def test_appendix_counts_inputs_per_arena(demo_plan, db):
    from veikart.inputs.models import Input

    data = documents.plan_document_data(plan=demo_plan["plan"])
    m = next(m for m in data.measures if m.trace.proposals)
    numbers = [n for n, _t in m.trace.proposals]
    expected = (
        Input.objects.public()
        .filter(proposals__number__in=numbers, proposals__process=demo_plan["plan"].process)
        .distinct()
        .count()
    )
    assert m.trace.input_total == expected


def test_download_links_and_files(client, demo_plan, db):
    page = client.get(reverse("plans:detail", args=[SLUG])).content.decode()
    for fmt in ("pdf", "docx"):
        url = reverse("plans:document", args=[SLUG, fmt])
        assert url in page
    response = client.get(reverse("plans:document", args=[SLUG, "docx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == documents.FORMATS["docx"]
    assert "attachment" in response["Content-Disposition"]
    assert client.get(reverse("plans:document", args=[SLUG, "odt"])).status_code == 404


def test_export_command(tmp_path, demo_plan, db):
    out = tmp_path / "plan.docx"
    call_command("export_plan", str(demo_plan["plan"].pk), "--format", "docx", "--out", str(out))
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    "args,message",
    [
        (["999999", "--format", "pdf"], "999999"),
        (["abc", "--format", "pdf"], "abc"),
        (["{plan}", "--format", "odt"], "odt"),
    ],
)
def test_export_command_refuses_bad_input(tmp_path, demo_plan, db, args, message, capsys):
    from veikart.cli import main

    out = tmp_path / "plan.out"
    argv = [a.format(plan=demo_plan["plan"].pk) for a in args]
    with pytest.raises(SystemExit) as e:
        main(["veikart", "export-plan", *argv, "--out", str(out)])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_demo_plan_has_a_version_history_and_is_frozen(demo_plan, db):
    from veikart.plans.selectors import plan_snapshot, plan_version_diff

    plan = Plan.objects.get(pk=demo_plan["plan"].pk)
    assert plan.is_frozen and plan.status == "adopted"
    draft, adopted = plan.versions.order_by("number")
    assert not draft.is_adopted and adopted.is_adopted
    assert adopted.snapshot == plan_snapshot(plan=plan)
    assert plan.decisions.get().version == adopted
    diff = plan_version_diff(old=draft.snapshot, new=adopted.snapshot)
    assert (len(diff.added), len(diff.removed), len(diff.changed)) == (3, 2, 4)
    assert Measure.objects.of_plan(plan).count() == 203


def test_demo_diff_page(client, demo_plan, db):
    from veikart.accounts.models import User

    client.force_login(User.objects.get(username="prosjektleder"))
    url = reverse("plans:version_diff", args=[SLUG, demo_plan["plan"].pk])
    html = client.get(url + "?fra=1&til=2").content.decode()
    assert "3 lagt til, 2 fjernet, 4 endret" in html
