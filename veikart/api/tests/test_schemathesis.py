"""Schemathesis against the API's own OpenAPI schema, in process (WSGI): every operation,
a bounded number of generated requests each, and not one server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from config.wsgi import application
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
from veikart.api.api import api
from veikart.areas.models import Area, Indicator, IndicatorValue

EXAMPLES = 25


def _schema():
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def keep_connection():
    """Requests run through the WSGI app, whose request_finished signal would close the
    database connection (and with it the test's transaction) — as Django's test client does,
    keep it open while the test runs."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def data(db, keep_connection):
    process = ProcessFactory(slug="borgen")
    fa = FocusAreaFactory(process=process)
    arena = ArenaFactory(process=process)
    items = [InputFactory(process=process, arena=arena, focus_area=fa) for _ in range(3)]
    link(ProposalFactory(process=process, number=1, focus_area=fa), *items)
    measure_create(PlanFactory(process=process), fa)
    area = Area.objects.create(name="Borgen", slug="borgen", code="0220-borgen")
    indicator = Indicator.objects.create(
        slug="trygghet", name="Trygghet", theme="neighbourhood", unit="prosent", source="SSB"
    )
    IndicatorValue.objects.create(indicator=indicator, area=area, period="2016", value=61)
    return process


def test_schema_is_served_and_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/processes/{slug}/inputs" in schema["paths"]
    assert api.get_openapi_schema()["info"]["version"] == "1"


def _operations():
    return [op.ok() for op in _schema().get_all_operations()]


def check(case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
    assert "json" in str(response.headers.get("content-type")), response.status_code


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("operation", _operations(), ids=lambda op: op.label)
def test_no_server_errors(operation, data):
    from veikart.plans.models import Measure

    measure_id = Measure.objects.get().pk

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case):
        check(case)
        # Again with the path pointing at real data, so the handlers run past their 404s.
        known = {"slug": "borgen", "number": 1, "indicator": "trygghet", "measure_id": measure_id}
        if case.path_parameters and set(case.path_parameters) <= set(known):
            case.path_parameters = {k: known[k] for k in case.path_parameters}
            check(case)

    run()
