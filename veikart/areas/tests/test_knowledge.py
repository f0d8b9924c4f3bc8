"""The knowledge base: JSON-stat 2 and CSV import (preview, errors, all or nothing, re-import),
the command line, the indicator pages, the SVG chart and the 'Livet på …' report."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import UserFactory
from veikart.areas import importing
from veikart.areas.models import Area, Indicator, IndicatorImport, IndicatorValue
from veikart.areas.selectors import indicator_import_preview
from veikart.areas.services import IndicatorImportInvalid, indicators_import_file

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db


@pytest.fixture
def areas():
    borgen = Area.objects.create(name="Borgen", slug="borgen", code="0220-borgen")
    asker = Area.objects.create(
        name="Asker kommune", slug="asker", code="0220", is_municipality=True
    )
    Indicator.objects.create(
        slug="barn-lavinntekt",
        name="Barn i lavinntekt",
        theme="living_conditions",
        unit="prosent",
        source="SSB",
    )
    Indicator.objects.create(
        slug="sysselsetting",
        name="Sysselsatte",
        theme="living_conditions",
        unit="prosent",
        source="SSB",
    )
    return borgen, asker


def test_jsonstat_parse_handles_index_object_status_and_units():
    parsed = importing.parse((FIXTURES / "ssb_lavinntekt.json").read_bytes(), fmt="jsonstat")
    assert parsed.problems == []
    assert len(parsed.rows) == 5  # six cells, one missing (status "..")
    assert [s.place for s in parsed.skipped] == [
        "Region=0220-borgen, ContentsCode=EUskala60, Tid=2016"
    ]
    spec = parsed.indicators["euskala60"]
    assert spec.unit == "prosent" and spec.source == "Statistisk sentralbyrå"
    assert parsed.rows[0].value == Decimal("19.400") and parsed.rows[0].period == "2014"


def test_jsonstat_import_stores_and_reimport_updates_in_place(areas):
    borgen, asker = areas
    content = (FIXTURES / "ssb_lavinntekt.json").read_bytes()
    result = indicators_import_file(actor=None, content=content, fmt="jsonstat", label="f.json")
    assert (result.created, result.new_indicators, result.skipped) == (5, 1, 1)
    again = indicators_import_file(actor=None, content=content, fmt="jsonstat", label="f.json")
    assert (again.created, again.unchanged) == (0, 5)
    assert IndicatorValue.objects.count() == 5
    changed = content.replace(b"19.4", b"19.9")
    third = indicators_import_file(actor=None, content=changed, fmt="jsonstat", label="f.json")
    assert third.updated == 1
    assert IndicatorValue.objects.get(area=borgen, period="2014").value == Decimal("19.9")
    assert IndicatorValue.objects.count() == 5


def test_jsonstat_with_errors_lists_every_place_and_stores_nothing(areas):
    content = (FIXTURES / "ssb_errors.json").read_bytes()
    with pytest.raises(IndicatorImportInvalid) as e:
        indicators_import_file(actor=None, content=content, fmt="jsonstat", label="bad.json")
    reasons = [str(p) for p in e.value.problems]
    assert any("Tid=2017" in r and "mye" in r for r in reasons)
    assert any("9999" in r for r in reasons)
    assert IndicatorValue.objects.count() == 0
    assert not Indicator.objects.filter(slug="sysselsatte").exists()


@pytest.mark.parametrize(
    "broken",
    [b"not json", b'{"class": "dataset"}', b'{"id": ["a"], "size": [2], "dimension": {"a": {}}}'],
)
def test_malformed_jsonstat_is_a_problem_not_a_crash(broken):
    parsed = importing.parse(broken, fmt="jsonstat")
    assert parsed.problems and not parsed.rows


def test_csv_with_errors_reports_line_and_reason(areas):
    parsed = importing.parse((FIXTURES / "indicators_errors.csv").read_bytes(), fmt="csv")
    preview = indicator_import_preview(parsed=parsed)
    lines = [str(p) for p in preview.problems]
    assert [p.order for p in preview.problems] == [3, 4, 5, 6]  # one per bad line, in order
    assert "ukjent-omrade" in lines[0] and "mange" in lines[1]
    assert "living_conditions" in lines[2]  # a bad theme names the good ones
    assert "finnes-ikke" in lines[3]
    assert not preview.ok


def test_csv_import_creates_new_indicator_and_later_period_sits_beside(areas):
    borgen, _asker = areas
    IndicatorValue.objects.create(
        indicator=Indicator.objects.get(slug="barn-lavinntekt"),
        area=borgen,
        period="2015",
        value=21,
    )
    content = (FIXTURES / "indicators_ok.csv").read_bytes()
    result = indicators_import_file(actor=None, content=content, fmt="csv", label="ok.csv")
    assert result.created == 3 and result.new_indicators == 1
    periods = list(
        IndicatorValue.objects.filter(indicator__slug="barn-lavinntekt", area=borgen).values_list(
            "period", flat=True
        )
    )
    assert periods == ["2015", "2016"]
    assert IndicatorValue.objects.get(indicator__slug="ungdom-trives").note == "Ungdata 2016"


def test_command_bad_file_exits_2_with_one_line_per_problem(areas, capsys):
    with pytest.raises(CommandError) as e:
        call_command("import_indicators", str(FIXTURES / "indicators_errors.csv"))
    assert e.value.returncode == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 4 and re.match(r"^lin(e|je) 3: ", err[0])
    assert IndicatorValue.objects.count() == 0


def test_command_missing_file_exits_2(areas):
    with pytest.raises(CommandError) as e:
        call_command("import_indicators", "/nonexistent/file.csv")
    assert e.value.returncode == 2


def test_command_imports_jsonstat(areas, capsys):
    call_command("import_indicators", str(FIXTURES / "ssb_lavinntekt.json"), "--format", "jsonstat")
    assert "5" in capsys.readouterr().out
    assert IndicatorValue.objects.count() == 5


def test_upload_preview_commit_flow(client, areas):
    manager = UserFactory(role="manager")
    client.force_login(manager)
    upload = SimpleUploadedFile("ssb.json", (FIXTURES / "ssb_lavinntekt.json").read_bytes())
    response = client.post("/kunnskap/import/", {"file": upload, "default_theme": "childhood"})
    assert response.status_code == 302
    job = IndicatorImport.objects.get()
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Region=0220-borgen" in page.content.decode()
    assert IndicatorValue.objects.count() == 0
    done = client.post(response["Location"])
    assert done.status_code == 200
    assert IndicatorValue.objects.count() == 5
    job.refresh_from_db()
    assert job.status == "done"
    assert Indicator.objects.get(slug="euskala60").theme == "childhood"
    # A second commit stores nothing twice.
    client.post(response["Location"])
    assert IndicatorValue.objects.count() == 5


def test_upload_with_errors_cannot_be_committed(client, areas):
    client.force_login(UserFactory(role="manager"))
    upload = SimpleUploadedFile("bad.csv", (FIXTURES / "indicators_errors.csv").read_bytes())
    response = client.post("/kunnskap/import/", {"file": upload, "default_theme": "childhood"})
    page = client.get(response["Location"])
    assert "ukjent-omrade" in page.content.decode()
    refused = client.post(response["Location"])
    assert refused.status_code == 400
    assert IndicatorValue.objects.count() == 0


def test_import_is_for_managers_only(client, areas):
    assert client.get("/kunnskap/import/").status_code == 302
    client.force_login(UserFactory(role="resident"))
    assert client.get("/kunnskap/import/").status_code == 403


def test_public_pages_chart_and_report(client, areas, django_assert_max_num_queries):
    borgen, _asker = areas
    indicators_import_file(
        actor=None,
        content=(FIXTURES / "ssb_lavinntekt.json").read_bytes(),
        fmt="jsonstat",
        label="f.json",
    )
    assert "Barn under 18" in client.get("/kunnskap/").content.decode()
    detail = client.get("/kunnskap/indikator/euskala60/?area=borgen").content.decode()
    assert "graf.svg?area=borgen" in detail and "<table" in detail
    svg = client.get("/kunnskap/indikator/euskala60/graf.svg?area=borgen")
    assert svg["Content-Type"].startswith("image/svg+xml")
    body = svg.content.decode()
    assert "<polyline" in body and "stroke-dasharray" in body and "Borgen" in body
    with django_assert_max_num_queries(8):
        report = client.get("/kunnskap/omrade/borgen/")
    html = report.content.decode()
    assert report.status_code == 200 and "<svg" in html and "Asker kommune" in html
    assert client.get("/kunnskap/omrade/finnes-ikke/").status_code == 404


def test_report_pdf_downloads(client, areas):
    indicators_import_file(
        actor=None,
        content=(FIXTURES / "ssb_lavinntekt.json").read_bytes(),
        fmt="jsonstat",
        label="f.json",
    )
    response = client.get("/kunnskap/omrade/borgen/livet-pa.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
