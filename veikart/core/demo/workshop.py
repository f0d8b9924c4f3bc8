"""The Borgen demo's roadmap workshop (veikartverksted), 13 June 2016: 59 participants at 8 tables.

Invented votes and realisation plans, stored the way the live workshop stores them: one vote row
per participant × proposal and each participant's `dots_spent` within their budget. Called once
from `borgen.py`; adds no participants to the process totals (the arena's headcount is 59 already).
"""

import datetime
import random

from veikart.accounts.models import User
from veikart.inputs.services import RECEIPT_ALPHABET
from veikart.processes.models import Arena, Process
from veikart.proposals.models import (
    Actor,
    Proposal,
    ProposalStatus,
    RealisationPlan,
    Vote,
    Workshop,
    WorkshopGroup,
    WorkshopParticipant,
)

FIRST_STEPS = [
    "Invitere til et første møte og lage en enkel plan for høsten.",
    "Finne et lokale og avtale faste tider.",
    "Lage en oppslagstavle og spre ordet i borettslagene.",
    "Søke om midler fra kommunens frivillighetspott.",
]
RESIDENTS = [
    "Naboer stiller opp på dugnad og sprer ordet.",
    "Foreldre bytter på å være verter.",
    "Ungdommene planlegger programmet selv.",
    "Pensjonister tar ansvar for kaffe og åpning.",
]


def load_workshop_demo(
    *,
    rng: random.Random,
    process: Process,
    arena: Arena,
    proposals: list[Proposal],
    actors: list[Actor],
    contact: User | None = None,
) -> Workshop:
    code = "".join(rng.choice(RECEIPT_ALPHABET) for _ in range(6))
    workshop = Workshop.objects.create(
        process=process,
        arena=arena,
        title="Veikartverksted for Borgen",
        held_on=datetime.date(2016, 6, 13),
        code=code,
        dots_per_person=5,
        several_dots_per_proposal=True,
        status=Workshop.Status.CLOSED,
    )
    workshop.proposals.set(proposals)
    groups = WorkshopGroup.objects.bulk_create(
        WorkshopGroup(workshop=workshop, name=f"Bord {i}") for i in range(1, 9)
    )
    favourites = rng.sample(proposals, 30)
    participants, votes = [], []
    for i in range(arena.participant_count):
        participant = WorkshopParticipant(
            workshop=workshop,
            group=groups[i % 8],
            token=f"demo-{rng.getrandbits(64):016x}",
            budget=workshop.dots_per_person,
        )
        left = workshop.dots_per_person
        for proposal in rng.sample(favourites, 3):
            dots = min(left, rng.choice([1, 2]))
            if dots:
                votes.append((participant, proposal, dots))
                left -= dots
        participant.dots_spent = workshop.dots_per_person - left
        participants.append(participant)
    WorkshopParticipant.objects.bulk_create(participants)
    Vote.objects.bulk_create(
        Vote(workshop=workshop, participant=p, proposal=proposal, dots=dots)
        for p, proposal, dots in votes
    )
    # The 25 proposals with the most dots get a realisation plan from one of the tables.
    score: dict[int, int] = {}
    for _p, proposal, dots in votes:
        score[proposal.pk] = score.get(proposal.pk, 0) + dots
    top = sorted(favourites, key=lambda p: (-score.get(p.pk, 0), p.number))[:25]
    for i, proposal in enumerate(top):
        responsible = rng.choice(actors)
        plan = RealisationPlan.objects.create(
            workshop=workshop,
            proposal=proposal,
            group=groups[i % 8],
            responsible=responsible,
            first_steps=rng.choice(FIRST_STEPS),
            time_frame=rng.choice(["Høsten 2016", "2017", "2017–2018"]),
            residents_contribution=rng.choice(RESIDENTS),
        )
        plan.partners.set(rng.sample([a for a in actors if a != responsible], 2))
    Proposal.objects.filter(pk__in=[p.pk for p in top], status=ProposalStatus.PUBLISHED).update(
        status=ProposalStatus.PRIORITISED
    )
    if contact is not None:  # a resident who keeps one voluntary organisation's entry up to date
        voluntary = [a for a in actors if a.kind == Actor.Kind.VOLUNTARY]
        if voluntary:
            Actor.objects.filter(pk=voluntary[0].pk).update(contact_person=contact)
    return workshop
