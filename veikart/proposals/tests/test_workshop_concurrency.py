"""Votes that can be trusted: many phones at once, repeated requests, parallel overspending.

Runs through the real views (Django's test client, one per phone) in threads against the real
database, on SQLite and on PostgreSQL. The database, not only Python, keeps the rules: one
vote row per participant × proposal, and dots_spent <= budget (a CHECK constraint).
"""

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, connections, transaction
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from tests.factories import workshop_with_proposals
from veikart.proposals.models import Vote, WorkshopParticipant
from veikart.proposals.workshop_selectors import workshop_results

PHONES = 200
REPEATERS = 20
REPEATS = 10
THREADS = 16

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _keep_connections():
    """Each thread keeps its connection for its jobs (as a server worker would) instead of
    connecting once per request; `_run` closes them all at the end."""
    settings_dict = connections.settings["default"]
    before = settings_dict["CONN_MAX_AGE"]
    settings_dict["CONN_MAX_AGE"] = None
    yield
    settings_dict["CONN_MAX_AGE"] = before


def _run(jobs):
    """Run callables on a bounded pool of threads; every thread closes its connection at the end."""
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda job: job(), jobs))
        barrier = threading.Barrier(THREADS)

        def close():
            barrier.wait()  # holds each thread until all have one: every thread runs one close
            connections.close_all()

        list(pool.map(lambda _i: close(), range(THREADS)))
    return results


def _join(workshop) -> Client:
    client = Client()
    response = client.post(reverse("proposals:workshop_join", args=[workshop.code]), {"group": ""})
    assert response.status_code == 302
    return client


def _vote(client: Client, workshop, proposal, dots: int) -> int:
    response = client.post(
        reverse("proposals:workshop_vote", args=[workshop.code]),
        {"proposal": proposal.pk, "dots": dots},
    )
    return response.status_code


def test_200_phones_at_once_with_repeats_store_exactly_the_right_votes():
    workshop, proposals = workshop_with_proposals(8, dots_per_person=5)
    clients = _run([lambda: _join(workshop) for _ in range(PHONES)])
    assert WorkshopParticipant.objects.filter(workshop=workshop).count() == PHONES

    rng = random.Random(6)
    plans = []  # (client, [(proposal, dots)]) — what each phone means to vote
    for client in clients:
        chosen = rng.sample(proposals, 3)
        plans.append((client, [(chosen[0], 2), (chosen[1], 2), (chosen[2], 1)]))
    jobs = []
    for i, (client, wanted) in enumerate(plans):
        repeat = REPEATS if i < REPEATERS else 1
        for proposal, dots in wanted:
            jobs += [lambda c=client, p=proposal, d=dots: _vote(c, workshop, p, d)] * repeat
    rng.shuffle(jobs)
    statuses = _run(jobs)

    assert len(statuses) == PHONES * 3 + REPEATERS * 3 * (REPEATS - 1)
    assert set(statuses) == {302}, "no server error, no refusal"
    assert Vote.objects.filter(workshop=workshop).count() == PHONES * 3
    assert Vote.objects.filter(workshop=workshop).aggregate(s=Sum("dots"))["s"] == PHONES * 5
    for participant in WorkshopParticipant.objects.filter(workshop=workshop):
        assert participant.dots_spent == 5 == participant.budget
    # Tallies shown on the projector equal the stored votes, proposal by proposal.
    expected = {p.pk: 0 for p in proposals}
    for _client, wanted in plans:
        for proposal, dots in wanted:
            expected[proposal.pk] += dots
    results = workshop_results(workshop=workshop)
    assert {r.proposal_id: r.score for r in results.rows} == expected
    stored = dict(
        Vote.objects.filter(workshop=workshop)
        .values_list("proposal_id")
        .annotate(s=Sum("dots"))
        .order_by()
    )
    assert stored == {k: v for k, v in expected.items() if v}
    assert results.dots_spent == PHONES * 5


def test_parallel_requests_never_exceed_the_budget():
    workshop, proposals = workshop_with_proposals(10, dots_per_person=3)
    phones = _run([lambda: _join(workshop) for _ in range(6)])
    # Every phone tries to put 2 dots on each of 10 proposals at once: 20 dots against 3.
    jobs = [lambda c=c, p=p: _vote(c, workshop, p, 2) for c in phones for p in proposals]
    random.Random(1).shuffle(jobs)
    statuses = _run(jobs)
    assert set(statuses) == {302}
    for participant in WorkshopParticipant.objects.filter(workshop=workshop):
        spent = Vote.objects.filter(participant=participant).aggregate(s=Sum("dots"))["s"]
        assert spent == participant.dots_spent == 2  # one proposal fits, the second would be 4
        assert participant.dots_spent <= participant.budget


def test_the_database_itself_refuses_overspending_and_double_rows():
    workshop, proposals = workshop_with_proposals(2, dots_per_person=3)
    participant = WorkshopParticipant.objects.create(workshop=workshop, token="t1", budget=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkshopParticipant.objects.filter(pk=participant.pk).update(dots_spent=4)
    Vote.objects.create(workshop=workshop, participant=participant, proposal=proposals[0], dots=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(workshop=workshop, participant=participant, proposal=proposals[0])


def test_parallel_joins_with_one_session_make_one_participant():
    workshop, _proposals = workshop_with_proposals(1)
    client = _join(workshop)
    url = reverse("proposals:workshop_join", args=[workshop.code])
    statuses = _run([lambda: client.post(url, {"group": ""}).status_code for _ in range(20)])
    assert set(statuses) == {302}
    assert WorkshopParticipant.objects.filter(workshop=workshop).count() == 1
