import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import ArenaFactory, InputFactory, UserFactory
from veikart.areas.models import Area, Indicator, IndicatorValue
from veikart.tracking.models import MeasureUpdate, PlanSnapshot
from veikart.tracking.snapshots import plan_snapshot_take

pytestmark = pytest.mark.django_db


def test_snapshot_of_today_counts_the_measures_as_they_stand(plan, tree, process):
    ArenaFactory(process=process, participant_count=25)
    InputFactory(process=process)
    snapshot = plan_snapshot_take(actor=None, plan=plan)
    assert (snapshot.measures_total, snapshot.measures_done) == (6, 1)
    assert float(snapshot.mean_progress) == 44.0
    assert snapshot.overdue == 2
    assert snapshot.inputs == 1 and snapshot.participants >= 25
    assert snapshot.figures["by_status"]["dropped"] == 1


def test_snapshot_of_a_past_date_rebuilds_status_from_the_timeline(plan, measure):
    MeasureUpdate.objects.create(
        measure=measure, date=datetime.date(2018, 1, 1), status="in_progress", progress=30, text="a"
    )
    MeasureUpdate.objects.create(
        measure=measure, date=datetime.date(2019, 1, 1), status="done", progress=100, text="b"
    )
    measure.status, measure.progress = "done", 100
    measure.save()
    early = plan_snapshot_take(actor=None, plan=plan, as_of=datetime.date(2017, 6, 1))
    middle = plan_snapshot_take(actor=None, plan=plan, as_of=datetime.date(2018, 6, 1))
    late = plan_snapshot_take(actor=None, plan=plan, as_of=datetime.date(2019, 6, 1))
    assert [float(s.mean_progress) for s in (early, middle, late)] == [0.0, 30.0, 100.0]
    assert [s.measures_done for s in (early, middle, late)] == [0, 0, 1]


def test_snapshot_keeps_the_newest_indicator_value_by_the_date(plan, process):
    area = Area.objects.create(name="Borgen", slug="borgen-a")
    process.areas.add(area)
    indicator = Indicator.objects.create(
        name="Barn i lavinntektsfamilier",
        slug="lavinntekt",
        theme="childhood",
        unit="%",
        source="SSB",
    )
    for period, value in (("2015", "18.0"), ("2017-2019", "15.5"), ("2022", "12.0")):
        IndicatorValue.objects.create(indicator=indicator, area=area, period=period, value=value)
    snapshot = plan_snapshot_take(actor=None, plan=plan, as_of=datetime.date(2020, 12, 31))
    [value] = snapshot.figures["indicators"]
    assert (value["period"], value["value"]) == ("2017-2019", "15.500")


def test_future_snapshot_is_refused(plan):
    with pytest.raises(ValidationError):
        plan_snapshot_take(actor=None, plan=plan, as_of=datetime.date(2999, 1, 1))
    assert not PlanSnapshot.objects.exists()


def test_snapshot_command(plan, tree, capsys):
    call_command("snapshot_plan", str(plan.pk), "--note", "Årsrapport")
    assert "1/6 measures done" in capsys.readouterr().out
    assert PlanSnapshot.objects.get().note == "Årsrapport"


@pytest.mark.parametrize(
    "args",
    [["999999"], ["abc"], ["{plan}", "--as-of", "2019-02-30"], ["{plan}", "--as-of", "2999-01-01"]],
)
def test_snapshot_command_refuses_bad_input_with_exit_2(plan, args):
    args = [a.replace("{plan}", str(plan.pk)) for a in args]
    with pytest.raises(CommandError) as error:
        call_command("snapshot_plan", *args)
    assert error.value.returncode == 2
    assert "\n" not in str(error.value)
    assert not PlanSnapshot.objects.exists()


def test_evaluation_page_and_exports(client, plan, tree, process):
    plan_snapshot_take(actor=None, plan=plan)
    url = reverse("tracking:evaluation", args=[process.slug])
    assert client.get(url).status_code == 302  # anonymous → login
    client.force_login(UserFactory(role="resident"))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role="committee"))
    assert client.get(url).status_code == 200
    assert client.post(url, {"note": "x"}).status_code == 403  # only managers take snapshots
    response = client.get(reverse("tracking:evaluation_export", args=[process.slug, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["snapshot_id", "plan_id", "plan_version"]
    assert ["measures_done", "", "1", "measures"] in [r[5:] for r in rows]
    xlsx = client.get(reverse("tracking:evaluation_export", args=[process.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == len(rows)
    assert (
        client.get(reverse("tracking:evaluation_export", args=[process.slug, "pdf"])).status_code
        == 404
    )


def test_manager_takes_a_snapshot_from_the_page(client, plan, tree, process):
    client.force_login(UserFactory(role="manager"))
    url = reverse("tracking:evaluation", args=[process.slug])
    assert client.post(url, {"as_of": "2999-01-01"}).status_code == 400
    assert client.post(url, {"as_of": "2023-12-31", "note": "Midtveis"}).status_code == 302
    assert PlanSnapshot.objects.get().as_of == datetime.date(2023, 12, 31)
