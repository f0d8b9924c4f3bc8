import datetime

import pytest

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
)
from veikart.plans import services
from veikart.processes.models import PhaseKind
from veikart.proposals.models import Actor, ProposalStatus


@pytest.fixture
def manager(db):
    return UserFactory(username="leder", role="manager")


@pytest.fixture
def world(db, manager):
    """A process with two focus areas, three proposals (one prioritised) and a draft plan."""
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.POLITICAL)
    place = FocusAreaFactory(process=process, name="Stedsutvikling", order=2)
    social = FocusAreaFactory(process=process, name="Sosiale aktiviteter", order=1)
    arena = ArenaFactory(process=process, title="Gjestebud")
    other_arena = ArenaFactory(process=process, title="Barnetråkk")
    proposals = [
        ProposalFactory(process=process, number=1, title="Lys på stien", focus_area=place),
        ProposalFactory(
            process=process,
            number=2,
            title="Ungdomsklubb",
            focus_area=social,
            status=ProposalStatus.PRIORITISED,
        ),
        ProposalFactory(process=process, number=3, title="Benker", focus_area=place),
    ]
    link(proposals[0], InputFactory(process=process, arena=arena))
    link(
        proposals[1],
        InputFactory(process=process, arena=arena),
        InputFactory(process=process, arena=other_arena),
        InputFactory(process=process, arena=other_arena),
    )
    actors = [
        Actor.objects.create(name="Kulturenheten", slug="kultur", kind="municipal_unit"),
        Actor.objects.create(name="Velforeningen", slug="vel", kind="voluntary"),
    ]
    plan = services.plan_create(
        actor=manager,
        process=process,
        title="Temaplan for Borgen",
        main_goal="Et aktivt lokalsamfunn",
        period_start=2017,
        period_end=2020,
    )
    goal = services.goal_create(actor=manager, plan=plan, focus_area=place, title="Trygge steder")
    strategy = services.strategy_create(actor=manager, goal=goal, title="Bedre belysning")
    measure = services.measure_create(
        actor=manager,
        strategy=strategy,
        title="Lys langs stien til skolen",
        proposals=[proposals[0]],
        responsible=actors[0],
        partners=[actors[1]],
        starts_on=datetime.date(2017, 1, 1),
        due_on=datetime.date(2017, 12, 31),
        sdgs=[11, 3],
    )
    return {
        "process": process,
        "place": place,
        "social": social,
        "arenas": (arena, other_arena),
        "proposals": proposals,
        "actors": actors,
        "plan": plan,
        "goal": goal,
        "strategy": strategy,
        "measure": measure,
    }


def adopt(world, manager):
    return services.decision_record(
        actor=manager,
        plan=world["plan"],
        body="Kommunestyret",
        meeting_date=datetime.date(2016, 11, 8),
        outcome="adopted",
        case_number="16/1842",
    )
