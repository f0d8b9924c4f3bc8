import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import FocusAreaFactory, PlanFactory, UserFactory, measure_create
from veikart.core.models import AuditLog
from veikart.tracking.services import measure_update_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure():
    plan = PlanFactory()
    return measure_create(plan, FocusAreaFactory(process=plan.process))


def test_newest_update_sets_status_and_progress(measure):
    member = UserFactory(role="committee")
    measure_update_post(
        actor=member,
        measure=measure,
        date=datetime.date(2018, 5, 1),
        status="in_progress",
        progress=40,
        text="Startet",
    )
    measure_update_post(
        actor=member,
        measure=measure,
        date=datetime.date(2017, 1, 1),
        status="not_started",
        progress=0,
        text="Eldre notat",
    )
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == ("in_progress", 40)
    assert AuditLog.objects.for_object(measure).count() == 2


@pytest.mark.parametrize(
    "status,progress,text", [("finished", 10, "x"), ("done", 101, "x"), ("done", 100, " ")]
)
def test_bad_update_is_refused(measure, status, progress, text):
    with pytest.raises(ValidationError):
        measure_update_post(
            actor=None,
            measure=measure,
            date=datetime.date(2018, 1, 1),
            status=status,
            progress=progress,
            text=text,
        )
    assert measure.updates.count() == 0
