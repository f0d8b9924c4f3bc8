"""The plan builder's services: validation per field, ordering, numbering, drafting from proposals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import ProcessFactory, ProposalFactory
from veikart.core.models import AuditLog
from veikart.plans import selectors, services
from veikart.plans.models import Measure
from veikart.proposals.models import ProposalStatus, RealisationPlan, Workshop

pytestmark = pytest.mark.django_db


def test_measure_is_numbered_and_linked(world):
    m = world["measure"]
    assert m.number == "1.1.1"
    assert list(m.proposals.all()) == [world["proposals"][0]]
    assert m.sdgs == [3, 11]
    assert AuditLog.objects.filter(action="plan.measure_create").count() == 1


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"title": " "}, "title"),
        ({"sdgs": [0]}, "sdgs"),
        ({"sdgs": [18]}, "sdgs"),
        ({"sdgs": ["x"]}, "sdgs"),
        ({"starts_on": datetime.date(2018, 1, 1), "due_on": datetime.date(2017, 1, 1)}, "due_on"),
        ({"budget_line": "x" * 201}, "budget_line"),
    ],
)
def test_bad_measure_input_is_refused_per_field(world, manager, changes, field):
    kwargs = {"actor": manager, "strategy": world["strategy"], "title": "Nytt tiltak"} | changes
    with pytest.raises(ValidationError) as e:
        services.measure_create(**kwargs)
    assert field in e.value.message_dict
    assert Measure.objects.count() == 1


def test_proposal_of_another_process_or_merged_is_refused(world, manager):
    foreign = ProposalFactory(process=ProcessFactory(), number=9)
    merged = ProposalFactory(process=world["process"], number=10, status=ProposalStatus.MERGED)
    for proposal in (foreign, merged):
        with pytest.raises(ValidationError) as e:
            services.measure_create(
                actor=manager, strategy=world["strategy"], title="X", proposals=[proposal]
            )
        assert "proposals" in e.value.message_dict


def test_goal_needs_a_focus_area_of_the_process(world, manager):
    from tests.factories import FocusAreaFactory

    with pytest.raises(ValidationError) as e:
        services.goal_create(
            actor=manager, plan=world["plan"], focus_area=FocusAreaFactory(), title="Mål"
        )
    assert "focus_area" in e.value.message_dict


def test_plan_period_is_checked(manager, world):
    with pytest.raises(ValidationError) as e:
        services.plan_create(
            actor=manager,
            process=world["process"],
            title="T",
            main_goal="M",
            period_start=2020,
            period_end=2017,
        )
    assert "period_end" in e.value.message_dict


def test_move_up_and_down_renumbers(world, manager):
    second = services.measure_create(actor=manager, strategy=world["strategy"], title="To")
    assert second.number == "1.1.2"
    services.measure_move(actor=manager, measure=second, direction="up")
    second.refresh_from_db()
    world["measure"].refresh_from_db()
    assert (second.number, world["measure"].number) == ("1.1.1", "1.1.2")
    services.measure_move(actor=manager, measure=second, direction="up")  # already first
    second.refresh_from_db()
    assert second.number == "1.1.1"

    goal2 = services.goal_create(
        actor=manager, plan=world["plan"], focus_area=world["social"], title="Møteplasser"
    )
    s2 = services.strategy_create(actor=manager, goal=goal2, title="Klubber")
    m3 = services.measure_create(actor=manager, strategy=s2, title="Klubb")
    assert m3.number == "2.1.1"
    services.goal_move(actor=manager, goal=goal2, direction="up")
    m3.refresh_from_db()
    second.refresh_from_db()
    assert (m3.number, second.number) == ("1.1.1", "2.1.1")


def test_moving_a_measure_to_another_strategy(world, manager):
    s2 = services.strategy_create(actor=manager, goal=world["goal"], title="Benker")
    m = services.measure_update(
        actor=manager,
        measure=world["measure"],
        strategy=s2,
        title="Lys",
        proposals=world["proposals"][:2],
    )
    assert m.number == "1.2.1"
    assert m.proposals.count() == 2


def test_resident_share(world, manager):
    services.measure_create(actor=manager, strategy=world["strategy"], title="Kommunens eget")
    share = selectors.plan_resident_share(plan=world["plan"])
    assert (share.from_residents, share.total, share.percent) == (1, 2, 50.0)


def test_builder_lists_prioritised_proposals_first(world):
    numbers = [p.number for p in selectors.proposals_for_plan(process=world["process"])]
    assert numbers[0] == 2


def test_draft_from_prioritised_proposals(world, manager):
    workshop = Workshop.objects.create(process=world["process"], title="Verksted", code="V1")
    realisation = RealisationPlan.objects.create(
        workshop=workshop,
        proposal=world["proposals"][1],
        responsible=world["actors"][1],
        first_steps="Et første møte.",
        time_frame="Høsten 2017",
    )
    realisation.partners.set([world["actors"][0]])
    made = services.measures_draft_from_proposals(
        actor=manager, plan=world["plan"], proposals=world["proposals"][1:]
    )
    club = next(m for m in made if m.title == "Ungdomsklubb")
    assert club.responsible == world["actors"][1]
    assert list(club.partners.all()) == [world["actors"][0]]
    assert (club.starts_on, club.due_on) == (datetime.date(2017, 8, 1), datetime.date(2017, 12, 31))
    assert club.strategy.goal.focus_area == world["social"]  # a goal was made for it
    benches = next(m for m in made if m.title == "Benker")
    assert benches.strategy == world["strategy"]  # the existing goal of its focus area
    assert selectors.plan_resident_share(plan=world["plan"]).percent == 100.0


def test_draft_from_proposals_without_focus_area_needs_a_strategy(world, manager):
    loose = ProposalFactory(process=world["process"], number=20, focus_area=None)
    with pytest.raises(ValidationError) as e:
        services.measures_draft_from_proposals(actor=manager, plan=world["plan"], proposals=[loose])
    assert "strategy" in e.value.message_dict
    made = services.measures_draft_from_proposals(
        actor=manager, plan=world["plan"], proposals=[loose], strategy=world["strategy"]
    )
    assert made[0].strategy == world["strategy"]


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("Høsten 2016", datetime.date(2016, 8, 1), datetime.date(2016, 12, 31)),
        ("2017", datetime.date(2017, 1, 1), datetime.date(2017, 12, 31)),
        ("2017–2018", datetime.date(2017, 1, 1), datetime.date(2018, 12, 31)),
        ("Våren 2018", datetime.date(2018, 1, 1), datetime.date(2018, 6, 30)),
        ("snart", None, None),
    ],
)
def test_time_frame_dates(text, start, end):
    assert services.time_frame_dates(text) == (start, end)


def test_versions_and_diff(world, manager):
    v1 = services.plan_version_save(actor=manager, plan=world["plan"], note="Første utkast")
    services.measure_update(
        actor=manager,
        measure=world["measure"],
        title="Lys langs hele stien",
        proposals=world["proposals"][:1],
        due_on=datetime.date(2018, 6, 1),
    )
    added = services.measure_create(actor=manager, strategy=world["strategy"], title="Benker")
    v2 = services.plan_version_save(actor=manager, plan=world["plan"])
    assert (v1.number, v2.number) == (1, 2)
    diff = selectors.plan_version_diff(old=v1.snapshot, new=v2.snapshot)
    assert [m["id"] for m in diff.added] == [added.pk]
    assert diff.removed == []
    [change] = diff.changed
    assert {f for f, _a, _b in change.fields} == {
        "title",
        "responsible",
        "partners",
        "starts_on",
        "due_on",
        "sdgs",
    }
    back = selectors.plan_version_diff(old=v2.snapshot, new=v1.snapshot)
    assert [m["id"] for m in back.removed] == [added.pk]


def test_deleting_goal_with_measures_is_refused(world, manager):
    with pytest.raises(ValidationError):
        services.goal_delete(actor=manager, goal=world["goal"])
    services.measure_delete(actor=manager, measure=world["measure"])
    services.strategy_delete(actor=manager, strategy=world["strategy"])
    services.goal_delete(actor=manager, goal=world["goal"])
    assert world["plan"].goals.count() == 0
