import datetime

import pytest

from tests.factories import (
    FocusAreaFactory,
    InputFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
    measure_create,
)
from veikart.plans.models import Goal, Measure, Strategy
from veikart.processes.models import PhaseKind
from veikart.tracking.models import Committee, CommitteeMember


@pytest.fixture
def process():
    return ProcessFactory(slug="borgen", current_phase=PhaseKind.IMPLEMENTATION)


@pytest.fixture
def plan(process):
    return PlanFactory(process=process)


@pytest.fixture
def focus_area(process):
    return FocusAreaFactory(process=process, name="Stedsutvikling")


@pytest.fixture
def measure(plan, focus_area):
    return measure_create(plan, focus_area, due_on=datetime.date(2030, 1, 1))


def add_measure(strategy: Strategy, number: str, **kwargs) -> Measure:
    return Measure.objects.create(
        strategy=strategy, number=number, title=f"Tiltak {number}", **kwargs
    )


@pytest.fixture
def tree(plan, process, focus_area):
    """Two focus areas, three goals, four strategies, seven measures with known progress."""
    other = FocusAreaFactory(process=process, name="Offentlige tjenester")
    g1 = Goal.objects.create(plan=plan, focus_area=focus_area, title="Mål 1", order=1)
    g2 = Goal.objects.create(plan=plan, focus_area=focus_area, title="Mål 2", order=2)
    g3 = Goal.objects.create(plan=plan, focus_area=other, title="Mål 3", order=3)
    s1 = Strategy.objects.create(goal=g1, title="S1", order=1)
    s2 = Strategy.objects.create(goal=g1, title="S2", order=2)
    s3 = Strategy.objects.create(goal=g2, title="S3", order=1)
    s4 = Strategy.objects.create(goal=g3, title="S4", order=1)
    past = datetime.date(2020, 1, 1)
    add_measure(s1, "1.1.1", status="done", progress=100, due_on=past)
    add_measure(s1, "1.1.2", status="in_progress", progress=40, due_on=past)  # overdue
    add_measure(s2, "1.2.1", status="dropped", progress=0, due_on=past)  # left out
    add_measure(s3, "2.1.1", status="postponed", progress=30)
    add_measure(s3, "2.1.2", status="not_started", progress=0, due_on=past)  # overdue
    add_measure(s4, "3.1.1", status="in_progress", progress=50, due_on=datetime.date(2099, 1, 1))
    return {"goals": [g1, g2, g3], "strategies": [s1, s2, s3, s4], "other": other}


@pytest.fixture
def member(process, measure):
    user = UserFactory(role="committee")
    committee = Committee.objects.create(process=process, name="Lokalsamfunnsutvalget")
    CommitteeMember.objects.create(committee=committee, user=user)
    committee.measures.add(measure)
    return user


@pytest.fixture
def manager():
    return UserFactory(role="manager")


@pytest.fixture
def traced(process, measure):
    """An input → proposal → measure chain."""
    item = InputFactory(process=process)
    proposal = ProposalFactory(process=process, focus_area=measure.strategy.goal.focus_area)
    link(proposal, item)
    measure.proposals.add(proposal)
    return {"input": item, "proposal": proposal, "measure": measure}
