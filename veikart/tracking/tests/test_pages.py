"""Tracking pages: where the plan stands, committees, posting updates, the receipt outcome."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import InputFactory, ProposalFactory, UserFactory, link, measure_create
from veikart.plans.models import MeasureStatus
from veikart.proposals.models import Vote, Workshop, WorkshopParticipant
from veikart.tracking.models import Committee, MeasureUpdate
from veikart.tracking.outcomes import input_outcomes

pytestmark = pytest.mark.django_db


def test_plan_status_page_shows_the_rollup(client, plan, tree, process):
    url = reverse("tracking:plan_status", args=[process.slug])
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert "Hvor langt planen har kommet" in html
    assert "44 %" in html  # the plan's mean progress
    assert "Tiltak 2.1.2" in html  # overdue list
    few = len(queries)
    goal = tree["goals"][0]
    for n in range(5):
        measure_create(plan, goal.focus_area, number=f"9.9.{n}", due_on=datetime.date(2020, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == few  # no N+1


def test_committee_page_lists_its_measures(client, process, measure, member):
    committee = Committee.objects.get()
    url = reverse("tracking:committee", args=[process.slug, committee.pk])
    html = client.get(url).content.decode()
    assert measure.title in html and "Post update" not in html
    client.force_login(member)
    html = client.get(url).content.decode()
    assert reverse("tracking:update_create", args=[process.slug, measure.pk]) in html


def test_member_posts_an_update_through_the_form(client, process, measure, member):
    url = reverse("tracking:update_create", args=[process.slug, measure.pk])
    assert client.get(url).status_code == 302  # anonymous → login
    client.force_login(member)
    assert client.get(url).status_code == 200
    bad = client.post(url, {"date": "2024-05-01", "status": "done", "progress": "50", "text": "x"})
    assert bad.status_code == 400 and not MeasureUpdate.objects.exists()
    response = client.post(
        url,
        {"date": "2024-05-01", "status": "in_progress", "progress": "50", "text": "Godt i gang"},
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == ("in_progress", 50)


def test_outsider_cannot_open_or_post_the_update_form(client, process, measure, member):
    other = measure_create(measure.strategy.goal.plan, measure.strategy.goal.focus_area, number="2")
    client.force_login(member)
    url = reverse("tracking:update_create", args=[process.slug, other.pk])
    assert client.get(url).status_code == 403
    data = {"date": "2024-05-01", "status": "done", "progress": "100", "text": "x"}
    assert client.post(url, data).status_code == 403
    other.refresh_from_db()
    assert other.status == MeasureStatus.NOT_STARTED


def _chain(process, measure, n):
    """An input in n proposals, each in a measure with two updates."""
    item = InputFactory(process=process)
    for i in range(n):
        proposal = ProposalFactory(process=process)
        link(proposal, item)
        m = (
            measure
            if i == 0
            else measure_create(
                measure.strategy.goal.plan, measure.strategy.goal.focus_area, number=f"1.{i}"
            )
        )
        m.proposals.add(proposal)
        for day in (1, 2, 3, 4):
            MeasureUpdate.objects.create(
                measure=m,
                date=datetime.date(2024, 1, day),
                status="in_progress",
                progress=10 * day,
                text=f"steg {day}",
            )
    return item


def test_receipt_page_shows_what_happened_in_constant_queries(client, process, measure):
    one = _chain(process, measure, 1)
    many = _chain(process, measure, 4)
    counts = []
    for item in (one, many):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("inputs:receipt", args=[item.receipt_code]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 10
    html = response.content.decode()
    assert "steg 4" in html and "steg 1" not in html  # only the latest three updates
    assert "40 %" in html


def test_workshop_priority_rank(process, measure):
    item = InputFactory(process=process)
    proposals = [ProposalFactory(process=process) for _ in range(3)]
    link(proposals[1], item)
    workshop = Workshop.objects.create(
        process=process, title="Veikartverksted", code="W1", status=Workshop.Status.CLOSED
    )
    workshop.proposals.set(proposals)
    for n, (proposal, dots) in enumerate(zip(proposals, (5, 3, 1), strict=True)):
        participant = WorkshopParticipant.objects.create(workshop=workshop, token=f"t{n}")
        Vote.objects.create(
            workshop=workshop, participant=participant, proposal=proposal, dots=dots
        )
    [outcome] = input_outcomes(items=[item])[item.pk]
    [priority] = outcome.priorities
    assert (priority.votes, priority.rank, priority.of) == (3, 2, 3)
    lonely = ProposalFactory(process=process)
    link(lonely, item)
    workshop.proposals.add(lonely)  # on the list, no votes: ranked after all that got some
    by_number = {o.proposal.pk: o for o in input_outcomes(items=[item])[item.pk]}
    [none] = by_number[lonely.pk].priorities
    assert (none.votes, none.rank, none.of) == (0, 4, 4)
    workshop.status = Workshop.Status.OPEN
    workshop.save()
    assert input_outcomes(items=[item])[item.pk][0].priorities == []  # only closed workshops


def test_my_inputs_page(client, process, measure):
    user = UserFactory()
    item = _chain(process, measure, 2)
    item.author = user
    item.save()
    InputFactory(process=process)  # somebody else's
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("tracking:my_inputs")).content.decode()
    assert len(queries) <= 10
    assert html.count('class="card my-input"') == 1
    assert "steg 4" in html


def test_measure_page_offers_follow_and_update_and_serves_attachments(
    client, process, measure, member, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from veikart.tracking.services import measure_update_post

    settings.MEDIA_ROOT = tmp_path
    url = reverse("plans:measure", args=[process.slug, measure.pk])
    update_url = reverse("tracking:update_create", args=[process.slug, measure.pk])
    html = client.get(url).content.decode()
    assert reverse("tracking:follow_measure", args=[process.slug, measure.pk]) in html
    assert update_url not in html
    client.force_login(member)
    assert update_url in client.get(url).content.decode()
    update = measure_update_post(
        actor=member,
        measure=measure,
        date=datetime.date(2024, 1, 1),
        status="in_progress",
        progress=10,
        text="Referat vedlagt",
        attachment=SimpleUploadedFile("referat.pdf", b"%PDF-1.4 referat"),
    )
    file_url = reverse("tracking:attachment", args=[process.slug, update.pk])
    assert file_url in client.get(url).content.decode()
    response = client.get(file_url)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
