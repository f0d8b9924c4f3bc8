import pytest

from veikart.core.demo.borgen import SLUG, demo_summary, load_borgen_demo
from veikart.plans.models import Plan
from veikart.tracking.models import Committee, MeasureUpdate, PlanSnapshot
from veikart.tracking.permissions import measure_update_allowed

pytestmark = pytest.mark.django_db


def test_demo_has_the_committee_its_updates_and_snapshots():
    load_borgen_demo()
    committee = Committee.objects.get(process__slug=SLUG, name="Lokalsamfunnsutvalget på Borgen")
    member = committee.members.get(username="utvalg")
    followed = committee.measures.all()
    assert followed.count() == 60
    assert measure_update_allowed(user=member, measure=followed.first())
    assert MeasureUpdate.objects.filter(author=member, date__year=2021).count() == 3
    plan = Plan.objects.get(process__slug=SLUG)
    snapshots = list(PlanSnapshot.objects.filter(plan=plan).order_by("as_of"))
    assert [s.as_of.year for s in snapshots] == [2017, 2018, 2019, 2020]
    done = [s.measures_done for s in snapshots]
    assert done == sorted(done) and snapshots[-1].participants == 783
    summary = demo_summary()
    assert (summary["participants"], summary["inputs"], summary["measures"]) == (783, 458, 203)
    load_borgen_demo()  # idempotent
    assert PlanSnapshot.objects.filter(plan=plan).count() == 4
