"""A host makes an opinion map of a workshop by keyboard; a visitor reads it without JavaScript."""

import re

import pytest
from django.conf import settings as django_settings

from tests.factories import ProcessFactory, ProposalFactory, UserFactory
from veikart.proposals.models import OpinionAnalysis, Vote, Workshop, WorkshopParticipant

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def workshop():
    process = ProcessFactory(slug="borgen")
    proposals = [
        ProposalFactory(process=process, number=i, title=f"Forslag {i}") for i in range(1, 8)
    ]
    workshop = Workshop.objects.create(
        process=process, title="Veikartverksted", code="B16", status="closed"
    )
    workshop.proposals.set(proposals)
    for n in range(12):
        person = WorkshopParticipant.objects.create(workshop=workshop, token=f"t{n}")
        for i in [*([0, 1, 2] if n < 6 else [3, 4, 5]), 6]:
            Vote.objects.create(workshop=workshop, participant=person, proposal=proposals[i])
    UserFactory(username="vert", role="host")
    return workshop


def login(page, client, live_server, username: str) -> None:
    from veikart.accounts.models import User

    client.force_login(User.objects.get(username=username))
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": cookie.value,
                "url": live_server.url,
            }
        ]
    )


def test_host_makes_a_map_by_keyboard_and_a_visitor_reads_it(
    page, client, live_server, browser, workshop
):
    login(page, client, live_server, "vert")
    page.goto("/p/borgen/meningskart/")
    select = page.get_by_label("Stemmer som skal analyseres")
    select.focus()
    select.select_option(f"workshop-{workshop.pk}")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/meningskart/\d+/$"), timeout=30_000)  # analysis + imports
    assert OpinionAnalysis.objects.count() == 1
    figure = page.get_by_role("img", name="Deltakerne plassert etter hvordan de stemte")
    assert figure.is_visible()
    assert page.locator("svg[role=img] polygon.opinion-g0").count() == 6
    assert page.locator("svg[role=img] polygon.opinion-g1").count() == 6
    assert page.get_by_text("Gruppe A: 6 deltakere").is_visible()
    assert page.get_by_role("heading", name="Forslag som samler gruppene").is_visible()

    # a visitor without JavaScript sees the same map
    url = page.url
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    visitor = context.new_page()
    visitor.goto(url)
    assert visitor.locator("svg[role=img] polygon.opinion-g1").count() == 6
    assert visitor.get_by_role("link", name="Forslag 7").count() >= 1
    context.close()
