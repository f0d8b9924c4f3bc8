"""An adopted plan is frozen: every service refuses, the database refuses, the admin is read-only.

Status and progress of its measures stay changeable (tracking posts MeasureUpdates).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from tests.factories import UserFactory
from veikart.plans import services
from veikart.plans.models import Decision, Goal, Measure, Plan, PlanStatus, PlanVersion, Strategy
from veikart.plans.tests.conftest import adopt
from veikart.proposals.models import ProposalStatus
from veikart.tracking.services import measure_update_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(world, manager):
    decision = adopt(world, manager)
    world["plan"].refresh_from_db()
    world["decision"] = decision
    return world


def test_adoption_freezes_and_versions_the_plan(frozen):
    plan, decision = frozen["plan"], frozen["decision"]
    assert plan.status == PlanStatus.ADOPTED and plan.is_frozen
    assert decision.version.is_adopted and decision.version.number == 1
    assert decision.version.snapshot["goals"][0]["strategies"][0]["measures"][0]["title"] == (
        "Lys langs stien til skolen"
    )
    frozen["proposals"][0].refresh_from_db()
    assert frozen["proposals"][0].status == ProposalStatus.IN_PLAN


def every_content_service(w, manager):
    """(name, call) for every service that changes a plan's content."""
    m, s, g, plan = w["measure"], w["strategy"], w["goal"], w["plan"]
    return [
        ("plan_update", lambda: services.plan_update(
            actor=manager, plan=plan, title="Ny", main_goal="Ny")),
        ("goal_create", lambda: services.goal_create(
            actor=manager, plan=plan, focus_area=w["social"], title="Ny")),
        ("goal_update", lambda: services.goal_update(
            actor=manager, goal=g, focus_area=w["place"], title="Ny")),
        ("goal_move", lambda: services.goal_move(actor=manager, goal=g, direction="down")),
        ("goal_delete", lambda: services.goal_delete(actor=manager, goal=g)),
        ("strategy_create", lambda: services.strategy_create(actor=manager, goal=g, title="Ny")),
        ("strategy_update", lambda: services.strategy_update(actor=manager, strategy=s, title="N")),
        ("strategy_move", lambda: services.strategy_move(
            actor=manager, strategy=s, direction="up")),
        ("strategy_delete", lambda: services.strategy_delete(actor=manager, strategy=s)),
        ("measure_create", lambda: services.measure_create(actor=manager, strategy=s, title="N")),
        ("measure_update", lambda: services.measure_update(actor=manager, measure=m, title="N")),
        ("measure_move", lambda: services.measure_move(actor=manager, measure=m, direction="up")),
        ("measure_delete", lambda: services.measure_delete(actor=manager, measure=m)),
        ("measures_draft_from_proposals", lambda: services.measures_draft_from_proposals(
            actor=manager, plan=plan, proposals=w["proposals"][1:])),
        ("plan_version_save", lambda: services.plan_version_save(actor=manager, plan=plan)),
        ("decision_record", lambda: adopt(w, manager)),
    ]  # fmt: skip


def test_every_content_service_refuses_a_frozen_plan(frozen, manager):
    for name, call in every_content_service(frozen, manager):
        with pytest.raises(ValidationError, match="frozen|frosset"):
            call()
        assert name  # for the failure message
    frozen["measure"].refresh_from_db()
    assert frozen["measure"].title == "Lys langs stien til skolen"
    assert Measure.objects.count() == 1 and Goal.objects.count() == 1
    assert Decision.objects.count() == 1


def test_every_plan_service_is_covered_by_the_frozen_test():
    """A new content service must be added to every_content_service (and so to the check)."""
    import inspect

    public = {
        name
        for name, fn in inspect.getmembers(services, inspect.isfunction)
        if fn.__module__.startswith(services.__name__ + ".")
        and not name.startswith("_")
        and name not in {"plan_check_editable", "plan_create", "plan_renumber", "time_frame_dates"}
    }
    source = inspect.getsource(every_content_service)
    assert all(f"services.{name}(" in source or name == "decision_record" for name in public)


def test_status_and_progress_stay_changeable(frozen, manager):
    frozen["process"].current_phase = "implementation"  # updates are posted while implementing
    frozen["process"].save(update_fields=["current_phase"])
    measure_update_post(
        actor=manager,
        measure=frozen["measure"],
        date=datetime.date(2017, 3, 1),
        status="in_progress",
        progress=40,
        text="Lysmaster bestilt.",
    )
    frozen["measure"].refresh_from_db()
    assert (frozen["measure"].status, frozen["measure"].progress) == ("in_progress", 40)


@pytest.mark.parametrize(
    "write",
    [
        lambda w: Measure.objects.filter(pk=w["measure"].pk).update(title="Endret"),
        lambda w: Measure.objects.filter(pk=w["measure"].pk).update(
            due_on=datetime.date(2030, 1, 1)
        ),
        lambda w: Measure.objects.filter(pk=w["measure"].pk).update(responsible=None),
        lambda w: Measure.objects.create(strategy=w["strategy"], number="9", title="Smuglet"),
        lambda w: Strategy.objects.filter(pk=w["strategy"].pk).update(title="Endret"),
        lambda w: Strategy.objects.create(goal=w["goal"], title="Smuglet"),
        lambda w: Goal.objects.filter(pk=w["goal"].pk).update(title="Endret"),
        lambda w: Goal.objects.create(plan=w["plan"], focus_area=w["place"], title="Smuglet"),
        lambda w: Plan.objects.filter(pk=w["plan"].pk).update(title="Endret"),
        lambda w: Plan.objects.filter(pk=w["plan"].pk).update(frozen_at=None),
        lambda w: Plan.objects.filter(pk=w["plan"].pk).update(status="draft"),
        lambda w: w["measure"].partners.add(w["actors"][0]),
        lambda w: PlanVersion.objects.update(note="Endret"),
    ],
)
def test_the_database_refuses_changes_to_a_frozen_plan(frozen, write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write(frozen)


def test_the_database_lets_tracking_change_status_and_progress(frozen):
    Measure.objects.filter(pk=frozen["measure"].pk).update(status="done", progress=100)
    frozen["measure"].refresh_from_db()
    frozen["measure"].save()  # an unchanged full save passes too
    assert Measure.objects.get(pk=frozen["measure"].pk).status == "done"


def test_draft_plans_are_not_guarded_by_the_database(world):
    Measure.objects.filter(pk=world["measure"].pk).update(title="Fritt fram i utkastet")


def test_guard_triggers_exist():
    """SQLite drops a table's triggers when a migration rebuilds it: this test notices."""
    if connection.vendor == "sqlite":
        with connection.cursor() as c:
            c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            names = {row[0] for row in c.fetchall()}
        from veikart.plans import db_guard as _guard

        assert set(_guard.SQLITE_DROP) <= names
    elif connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'plans_%%'")
            assert len(c.fetchall()) == 6


def test_the_admin_is_read_only_for_a_frozen_plan(client, frozen):
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    for model, obj in (
        ("plan", frozen["plan"]),
        ("goal", frozen["goal"]),
        ("strategy", frozen["strategy"]),
        ("measure", frozen["measure"]),
    ):
        url = reverse(f"admin:plans_{model}_change", args=[obj.pk])
        page = client.get(url)
        assert page.status_code == 200
        assert b'name="title"' not in page.content, model
        client.post(url, {"title": "Endret i admin"})
        assert type(obj).objects.get(pk=obj.pk).title != "Endret i admin"
        delete = reverse(f"admin:plans_{model}_delete", args=[obj.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Measure.objects.filter(pk=frozen["measure"].pk).exists()


def test_the_admin_still_edits_a_draft(client, world):
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    url = reverse("admin:plans_goal_change", args=[world["goal"].pk])
    assert b'name="title"' in client.get(url).content
