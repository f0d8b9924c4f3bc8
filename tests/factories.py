"""factory_boy factories for the whole flow: small, invented data only."""

import datetime

import factory

from veikart.accounts.models import Role, User
from veikart.inputs.models import Input, InputStatus
from veikart.plans.models import Goal, Measure, Plan, PlanStatus, Strategy
from veikart.processes.models import Arena, FocusArea, PhaseKind, Process
from veikart.processes.services import method_from_catalogue
from veikart.proposals.models import Proposal, ProposalInput, Realiser
from veikart.proposals.search import search_stems


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.RESIDENT
    password = factory.django.Password("pw-for-tests-1")


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    name = factory.Sequence(lambda n: f"Prosess {n}")
    slug = factory.Sequence(lambda n: f"prosess-{n}")
    main_goal = "Et aktivt, åpent og inkluderende lokalsamfunn"
    current_phase = PhaseKind.SOLUTION_HUNT


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    process = factory.SubFactory(ProcessFactory)
    name = factory.Sequence(lambda n: f"Innsatsområde {n}")
    slug = factory.Sequence(lambda n: f"fa-{n}")


class ArenaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arena

    process = factory.SubFactory(ProcessFactory)
    method = factory.LazyFunction(lambda: method_from_catalogue(slug="gjestebud"))
    title = factory.Sequence(lambda n: f"Gjestebud {n}")
    held_on = datetime.date(2016, 3, 1)
    participant_count = 10


class InputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Input

    process = factory.SubFactory(ProcessFactory)
    arena = factory.SubFactory(ArenaFactory, process=factory.SelfAttribute("..process"))
    text = "Vi trenger flere møteplasser for ungdom på kveldstid."
    status = InputStatus.PUBLISHED
    receipt_code = factory.Sequence(lambda n: f"R{n:07d}")


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    process = factory.SubFactory(ProcessFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "Møteplass for ungdom"
    description = "Et åpent sted der ungdom kan møtes etter skoletid."
    realiser = Realiser.PARTNERSHIP
    search_stems = factory.LazyAttribute(lambda o: search_stems(o.title, o.description))


def link(proposal: Proposal, *inputs: Input) -> None:
    for i in inputs:
        ProposalInput.objects.create(proposal=proposal, input=i)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    process = factory.SubFactory(ProcessFactory)
    title = "Temaplan"
    main_goal = "Et aktivt lokalsamfunn"
    status = PlanStatus.ADOPTED


def measure_create(plan: Plan, focus_area: FocusArea, **kwargs) -> Measure:
    goal = Goal.objects.create(plan=plan, focus_area=focus_area, title="Mål")
    strategy = Strategy.objects.create(goal=goal, title="Strategi")
    kwargs.setdefault("number", "1.1.1")
    kwargs.setdefault("title", "Tiltak")
    return Measure.objects.create(strategy=strategy, **kwargs)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "proposals.Actor"

    name = factory.Sequence(lambda n: f"Aktør {n}")
    slug = factory.Sequence(lambda n: f"aktor-{n}")
    kind = "voluntary"


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "proposals.Workshop"

    process = factory.SubFactory(ProcessFactory, current_phase=PhaseKind.WORKSHOP)
    title = factory.Sequence(lambda n: f"Veikartverksted {n}")
    code = factory.Sequence(lambda n: f"W{n:05d}")
    dots_per_person = 5
    status = "open"


def workshop_with_proposals(n: int = 5, **kwargs):
    """An open workshop with `n` public proposals in scope."""
    workshop = WorkshopFactory(**kwargs)
    proposals = [
        ProposalFactory(process=workshop.process, title=f"Forslag {i}") for i in range(1, n + 1)
    ]
    workshop.proposals.set(proposals)
    return workshop, proposals
