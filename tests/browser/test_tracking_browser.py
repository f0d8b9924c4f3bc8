"""Closing the loop in a browser: a committee member posts an update on a measure; a resident
follows their input by its receipt code, confirms by e-mail, sees the update on the receipt
page and gets it in the digest."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

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
from veikart.processes.models import PhaseKind
from veikart.tracking.digest import digests_send
from veikart.tracking.models import Committee, CommitteeMember, Subscription

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def world():
    cache.clear()
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.IMPLEMENTATION)
    focus_area = FocusAreaFactory(process=process, name="Sosiale og kulturelle aktiviteter")
    measure = measure_create(
        PlanFactory(process=process), focus_area, number="2.1.3", title="Ungdomsklubb på fredager"
    )
    item = InputFactory(process=process, receipt_code="KLUBB234")
    proposal = ProposalFactory(process=process, title="Et sted for ungdom om kvelden")
    link(proposal, item)
    measure.proposals.add(proposal)
    member = UserFactory(username="utvalg1", role="committee")
    committee = Committee.objects.create(process=process, name="Lokalsamfunnsutvalget på Borgen")
    CommitteeMember.objects.create(committee=committee, user=member)
    committee.measures.add(measure)
    return {"measure": measure, "committee": committee}


def login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pw-for-tests-1")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_load_state()


def test_member_posts_update_and_follower_sees_it(browser, live_server, world):
    # a resident looks up their input by its receipt code and follows it
    resident = browser.new_context(base_url=live_server.url, locale="nb-NO").new_page()
    resident.goto("/kvittering/")
    resident.locator("input[name=code]").fill("klubb-234")
    resident.locator("input[name=code]").press("Enter")
    resident.locator("h1 .receipt-code").filter(has_text="KLUBB234").wait_for()
    assert resident.get_by_text("Ungdomsklubb på fredager").count() == 1
    resident.locator("#id_email").fill("kari@example.org")
    resident.get_by_label("Med en gang").check()
    resident.locator("#folg button[type=submit]").click()
    resident.locator(".messages").filter(has_text="Nesten ferdig").wait_for()
    [confirmation] = mail.outbox
    link = re.search(r"https?://\S+(/folg/bekreft/\S+/)", confirmation.body).group(1)
    resident.goto(link)
    resident.get_by_role("heading", name="Du følger det nå").wait_for()
    assert Subscription.objects.active().count() == 1

    # a committee member signs in and posts an update from the committee's page
    page = browser.new_context(base_url=live_server.url, locale="nb-NO").new_page()
    page.set_default_timeout(10_000)
    login(page, "utvalg1")
    page.goto(f"/p/borgen/utvalg/{world['committee'].pk}/")
    page.get_by_role("link", name="Legg inn oppdatering").click()
    page.locator("#id_status").select_option("in_progress")
    page.locator("#id_progress").fill("60")
    page.locator("#id_text").fill("Klubben har åpnet, og 25 ungdommer kom første fredag.")
    page.get_by_role("button", name="Legg inn oppdatering").click()
    page.locator(".messages").filter(has_text="Oppdateringen er lagt inn").wait_for()
    world["measure"].refresh_from_db()
    assert (world["measure"].status, world["measure"].progress) == ("in_progress", 60)

    # the resident sees the update on the receipt page
    resident.goto("/kvittering/KLUBB234/")
    resident.get_by_text("25 ungdommer kom første fredag").wait_for()
    assert resident.get_by_text("60 %").count() >= 1

    # and gets it by e-mail: the immediate task may already have sent it; never twice
    digests_send()
    digests = [m for m in mail.outbox if "25 ungdommer" in m.body]
    assert len(digests) == 1 and digests[0].to == ["kari@example.org"]
    assert "List-Unsubscribe" in digests[0].extra_headers
