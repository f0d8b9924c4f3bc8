"""The statistics dashboard: every chart with its table and CSV, figures from stored data,
and a bounded number of queries however much data there is."""

import datetime

import pytest

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    link,
    measure_create,
)
from veikart.areas.models import Area
from veikart.inputs.models import InputStatus
from veikart.stats import selectors
from veikart.stats.dashboard import CHARTS

pytestmark = pytest.mark.django_db


def build(process, n: int):
    fa = FocusAreaFactory(process=process)
    arena = ArenaFactory(process=process, participant_count=12, held_on=datetime.date(2016, 3, 5))
    online = ArenaFactory(process=process, counts_itself=True, participant_count=0)
    items = [
        InputFactory(
            process=process,
            arena=arena if i % 2 else online,
            focus_area=fa if i % 3 else None,
            geometry={"type": "Point", "coordinates": [10.42, 59.83]} if i % 4 == 0 else None,
        )
        for i in range(n)
    ]
    InputFactory(process=process, arena=arena, status=InputStatus.HIDDEN)
    proposal = ProposalFactory(process=process, focus_area=fa, realiser="residents")
    link(proposal, *items[: n // 2])
    plan = PlanFactory(process=process)
    measure_create(plan, fa, status="in_progress")
    return items


def test_figures_come_from_the_data():
    process = ProcessFactory()
    area = Area.objects.create(
        name="Borgen",
        slug="b",
        boundary={
            "type": "Polygon",
            "coordinates": [[[10.4, 59.8], [10.5, 59.8], [10.5, 59.9], [10.4, 59.9], [10.4, 59.8]]],
        },
    )
    process.areas.add(area)
    build(process, 8)
    by_area = {r[0]: r[1] for r in selectors.participation_by_area(process=process).rows}
    assert by_area["Borgen"] == 2
    assert sum(by_area.values()) == 8  # the hidden input is not counted
    realiser = [r[1:] for r in selectors.by_realiser(process=process).rows]
    assert realiser == [[0, 0], [1, 4], [0, 0]]  # municipality, residents, partnership
    over_time = selectors.participation_over_time(process=process)
    assert any(row[0] == "2016-03" and row[1] == 12 for row in over_time.rows)
    assert sum(r[1] for r in selectors.measures_by_status(process=process).rows) == 1


@pytest.mark.parametrize("n", [6, 30])
def test_dashboard_query_count_is_bounded(client, n, django_assert_max_num_queries):
    process = ProcessFactory(slug="p")
    build(process, n)
    with django_assert_max_num_queries(25):
        response = client.get("/p/p/statistikk/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") == len(CHARTS) and html.count("<table") == len(CHARTS)


def test_every_chart_has_a_csv(client):
    process = ProcessFactory(slug="p")
    build(process, 6)
    for chart in CHARTS:
        response = client.get(f"/p/p/statistikk/{chart.key}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert response.content.decode("utf-8-sig").count("\n") >= 1
    assert client.get("/p/p/statistikk/nope.csv").status_code == 404
