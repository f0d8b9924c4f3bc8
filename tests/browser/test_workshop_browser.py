"""The roadmap workshop on a phone and on the projector: join by code, spend dots, be refused
over budget, reload without losing a vote, and watch the projector update by itself."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import workshop_with_proposals
from veikart.proposals.models import Vote, WorkshopGroup, WorkshopParticipant

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def workshop():
    cache.clear()
    workshop, proposals = workshop_with_proposals(3, dots_per_person=3)
    WorkshopGroup.objects.create(workshop=workshop, name="Bord 1")
    return workshop, proposals


def test_phone_votes_and_projector_updates_by_itself(page, browser, live_server, workshop):
    workshop, (first, second, third) = workshop
    # The projector is open before anyone votes.
    projector = browser.new_context(base_url=live_server.url, locale="nb-NO").new_page()
    projector.goto(f"/v/{workshop.code}/tavle/")
    expect(projector.locator(".live-figures")).to_contain_text("0")

    page.goto("/v/")
    page.locator("input[name=code]").fill(workshop.code.lower())
    page.locator("input[name=code]").press("Enter")
    page.get_by_label("Bord 1").check()
    page.locator(".join-form button[type=submit]").click()
    dots_left = page.locator(".dots-left")
    expect(dots_left).to_have_text("3")

    plus = page.locator(f"#p{first.number} .dot-button").last
    plus.click()
    expect(dots_left).to_have_text("2")
    page.locator(f"#p{first.number} .dot-button").last.click()
    expect(dots_left).to_have_text("1")
    page.locator(f"#p{second.number} .dot-button").last.click()
    expect(dots_left).to_have_text("0")
    # Over budget: refused, and nothing is stored.
    page.locator(f"#p{third.number} .dot-button").last.click()
    expect(page.locator(".ballot-error")).to_be_visible()
    assert Vote.objects.filter(proposal=third).count() == 0

    # The projector shows the votes without anyone touching it.
    first_row = projector.locator(".live-list li").first
    expect(first_row).to_contain_text(first.title, timeout=8000)
    expect(first_row.locator(".live-score")).to_have_text("2")

    # Reloading (a lost connection) rejoins the same participant with the same votes.
    page.reload()
    expect(page.locator(".dots-left")).to_have_text("0")
    assert WorkshopParticipant.objects.count() == 1
    assert sorted(Vote.objects.values_list("dots", flat=True)) == [1, 2]

    # Move the dots: the projector follows by itself.
    page.locator(f"#p{first.number} .dot-button").first.click()  # − on the first
    expect(page.locator(".dots-left")).to_have_text("1")
    page.locator(f"#p{third.number} .dot-button").last.click()
    expect(page.locator(".dots-left")).to_have_text("0")
    expect(projector.locator(".live-list li").first.locator(".live-score")).to_have_text(
        "1", timeout=8000
    )
    expect(projector.locator(".live-figures")).to_contain_text("3")
    projector.context.close()
