"""The builder's pages: permission, forms without JavaScript, refusals shown, frozen read-only."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from veikart.plans.models import Decision, Measure, Plan, Strategy
from veikart.plans.tests.conftest import adopt

pytestmark = pytest.mark.django_db


def url(name, world, *args):
    return reverse(f"plans:{name}", args=[world["process"].slug, world["plan"].pk, *args])


@pytest.fixture
def staff(client, manager):
    client.force_login(manager)
    return client


def test_builder_needs_plans_edit(client, world):
    assert client.get(url("manage", world)).status_code == 302  # to login
    client.force_login(UserFactory(role="moderator"))
    assert client.get(url("manage", world)).status_code == 403
    assert client.post(url("decision_record", world), {}).status_code == 403


def test_builder_page_shows_tree_and_share(staff, world):
    html = staff.get(url("manage", world)).content.decode()
    assert "Lys langs stien til skolen" in html and "1.1.1" in html
    assert "1 av 1 tiltak (100 %)" in html


def test_builder_page_query_count_does_not_grow_with_measures(staff, world, manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from veikart.plans import services

    def count():
        with CaptureQueriesContext(connection) as q:
            assert staff.get(url("manage", world)).status_code == 200
        return len(q)

    before = count()
    for n in range(5):
        services.measure_create(
            actor=manager,
            strategy=world["strategy"],
            title=f"T{n}",
            proposals=world["proposals"][:2],
            partners=world["actors"][1:],
        )
    assert count() == before


def test_create_plan_and_goal_strategy_measure_by_forms(staff, world):
    slug = world["process"].slug
    r = staff.post(
        reverse("plans:manage_list", args=[slug]),
        {
            "title": "Revidert plan",
            "main_goal": "Mål",
            "period_start": "2021",
            "period_end": "2024",
        },
    )
    plan = Plan.objects.get(title="Revidert plan")
    assert r.status_code == 302 and plan.version == 2
    base = ["plans:", slug, plan.pk]
    staff.post(
        reverse(base[0] + "goal_add", args=base[1:]),
        {"focus_area": world["place"].pk, "title": "Trygt"},
    )
    goal = plan.goals.get()
    staff.post(reverse("plans:strategy_add", args=base[1:]), {"goal": goal.pk, "title": "Lys"})
    strategy = goal.strategies.get()
    r = staff.post(
        reverse("plans:measure_add", args=base[1:]),
        {
            "title": "Nye lyktestolper",
            "strategy": strategy.pk,
            "proposals": [world["proposals"][1].pk],
            "responsible": world["actors"][0].pk,
            "sdgs": ["11"],
            "starts_on": "2021-01-01",
            "due_on": "2021-12-31",
        },
    )
    assert r.status_code == 302
    m = Measure.objects.get(title="Nye lyktestolper")
    assert (m.number, m.sdgs, list(m.proposals.all())) == ("1.1.1", [11], [world["proposals"][1]])


def test_bad_measure_form_shows_errors(staff, world):
    r = staff.post(
        url("measure_add", world),
        {"title": "", "strategy": world["strategy"].pk, "sdgs": ["18"]},
    )
    assert r.status_code == 400
    assert Measure.objects.count() == 1


def test_move_buttons_work_without_javascript(staff, world, manager):
    from veikart.plans import services

    second = services.measure_create(actor=manager, strategy=world["strategy"], title="To")
    r = staff.post(url("move", world), {"kind": "measure", "id": second.pk, "direction": "up"})
    assert r.status_code == 302 and r["Location"].endswith(f"#measure-{second.pk}")
    second.refresh_from_db()
    assert second.number == "1.1.1"
    assert staff.post(url("move", world), {"kind": "x", "id": "1"}).status_code == 404


def test_draft_from_proposals_page(staff, world):
    page = staff.get(url("from_proposals", world)).content.decode()
    assert page.index("2. Ungdomsklubb") < page.index("1. Lys på stien")  # prioritised first
    r = staff.post(url("from_proposals", world), {"proposals": [world["proposals"][2].pk]})
    assert r.status_code == 302
    assert Measure.objects.filter(title="Benker").exists()


def test_versions_and_diff_page(staff, world):
    staff.post(url("version_save", world), {"note": "Første"})
    staff.post(
        url("measure_edit", world, world["measure"].pk),
        {"title": "Lys langs hele stien", "strategy": world["strategy"].pk},
    )
    staff.post(url("version_save", world), {"note": "Andre"})
    html = staff.get(url("version_diff", world) + "?fra=1&til=2").content.decode()
    assert "Lys langs hele stien" in html and "Tittel" in html
    assert "0 lagt til, 0 fjernet, 1 endret" in html


def test_decision_freezes_and_the_builder_refuses(staff, world):
    r = staff.post(
        url("decision_record", world),
        {
            "body": "Kommunestyret",
            "meeting_date": "2016-11-08",
            "case_number": "16/1",
            "outcome": "adopted",
        },
    )
    assert r.status_code == 302
    world["plan"].refresh_from_db()
    assert world["plan"].is_frozen
    html = staff.get(url("manage", world)).content.decode()
    assert "frosset" in html and 'class="goal-add"' not in html
    r = staff.post(
        url("measure_edit", world, world["measure"].pk),
        {"title": "Endret", "strategy": world["strategy"].pk},
    )
    assert r.status_code == 400 and "frosset" in r.content.decode()
    world["measure"].refresh_from_db()
    assert world["measure"].title == "Lys langs stien til skolen"
    public = staff.get(reverse("plans:detail", args=[world["process"].slug])).content.decode()
    assert "Temaplan for Borgen" in public


def test_decision_in_the_future_is_refused(staff, world):
    future = datetime.date.today() + datetime.timedelta(days=10)
    staff.post(
        url("decision_record", world),
        {"body": "Kommunestyret", "meeting_date": future.isoformat(), "outcome": "adopted"},
    )
    assert Decision.objects.count() == 0
    world["plan"].refresh_from_db()
    assert not world["plan"].is_frozen


def test_draft_plan_is_not_public(client, world, manager):
    slug = world["process"].slug
    assert (
        "Temaplan for Borgen"
        not in client.get(reverse("plans:detail", args=[slug])).content.decode()
    )
    assert client.get(reverse("plans:document", args=[slug, "pdf"])).status_code == 404
    adopt(world, manager)
    assert (
        "Temaplan for Borgen" in client.get(reverse("plans:detail", args=[slug])).content.decode()
    )


def test_staff_download_of_a_draft_even_an_empty_one(staff, world, manager):
    from veikart.plans import services

    empty = services.plan_create(
        actor=manager, process=world["process"], title="Tom plan", main_goal="Mål"
    )
    for plan in (world["plan"], empty):
        for fmt, magic in (("pdf", b"%PDF"), ("docx", b"PK")):
            r = staff.get(
                reverse("plans:manage_document", args=[world["process"].slug, plan.pk, fmt])
            )
            assert r.status_code == 200 and r.content.startswith(magic)


def test_goal_and_strategy_edit_save_refuse_and_delete(staff, world):
    goal, strategy = world["goal"], world["strategy"]
    r = staff.post(
        url("strategy_edit", world, strategy.pk), {"goal": goal.pk, "title": "Tryggere veier"}
    )
    assert r.status_code == 302
    strategy.refresh_from_db()
    assert strategy.title == "Tryggere veier"
    r = staff.post(url("goal_edit", world, goal.pk), {"focus_area": "", "title": ""})
    assert r.status_code == 400  # the form shows what is missing, nothing changes
    goal.refresh_from_db()
    assert goal.title
    r = staff.post(
        url("goal_edit", world, goal.pk),
        {"focus_area": goal.focus_area_id, "title": "Et tryggere Borgen"},
    )
    assert r.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Et tryggere Borgen"
    # A strategy with measures cannot go: the refusal is shown and nothing is deleted.
    r = staff.post(url("strategy_edit", world, strategy.pk), {"delete": "1"})
    assert r.status_code == 400 and "tiltak" in r.content.decode()
    assert Strategy.objects.filter(pk=strategy.pk).exists()
    Measure.objects.filter(strategy=strategy).delete()
    r = staff.post(url("strategy_edit", world, strategy.pk), {"delete": "1"})
    assert r.status_code == 302 and not Strategy.objects.filter(pk=strategy.pk).exists()
