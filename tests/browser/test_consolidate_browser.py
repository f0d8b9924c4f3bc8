"""A manager builds a proposal from a suggested cluster, merges two proposals, and finds every
input still linked; a background run's progress bar follows the run by itself."""

import re

import pytest
from django.conf import settings as django_settings
from django.db.models import Count

from tests.factories import InputFactory, ProcessFactory, ProposalFactory, UserFactory, link
from veikart.accounts.models import User
from veikart.processes.models import PhaseKind
from veikart.proposals.models import ConsolidationRun, Proposal, ProposalInput, ProposalStatus

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BENCHES = [
    "Flere benker langs turstien ved vannet.",
    "Vi trenger flere benker langs turstien ved vannet!",
    "Sett opp benker langs turstien ved vannet, så eldre kan hvile.",
    "Benker langs turstien ved vannet hadde vært fint.",
]
LIGHTS = [
    "Bedre gatelys på skoleveien om vinteren.",
    "Gatelys på skoleveien er for dårlig om vinteren.",
    "Mer gatelys på skoleveien, det er mørkt om vinteren.",
]


@pytest.fixture
def world(settings):
    settings.VEIKART_EMBEDDER = "tfidf"
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)
    UserFactory(username="leder", role="manager")
    existing = ProposalFactory(process=process, number=1, title="Sitteplasser ved vannet")
    link(existing, *[InputFactory(process=process, text=t) for t in ["Benker.", "Sitteplasser."]])
    for text in BENCHES + LIGHTS:
        InputFactory(process=process, text=text)
    return {"process": process, "existing": existing}


def login(page, client, live_server, username: str) -> None:
    """Sign in by handing the browser the session cookie of Django's test client."""
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


def links_per_input(process) -> dict[int, int]:
    rows = (
        ProposalInput.objects.filter(proposal__process=process)
        .values_list("input_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def test_build_a_proposal_from_a_cluster_then_merge(page, client, live_server, world):
    process = world["process"]
    login(page, client, live_server, "leder")
    page.goto("/p/borgen/stab/forslag/1/")
    page.get_by_role("link", name="Konsolider").first.click()
    page.wait_for_url(re.compile(r"/stab/konsolider/$"))
    page.locator("form.run-form button").click()
    page.wait_for_url(re.compile(r"/stab/konsolider/$"))

    # The benches cluster: every input pre-ticked, title pre-filled (and editable).
    cluster = page.locator("article.cluster", has_text="turstien").first
    boxes = cluster.locator("input[name=inputs]")
    assert boxes.count() >= 3
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert cluster.locator("input[name=title]").input_value() != ""
    cluster.locator("input[name=title]").fill("Benker langs turstien")
    cluster.locator("select[name=realiser]").select_option("residents")
    cluster.locator("button.create-button").click()
    done = page.locator("article.cluster .done-message")  # htmx swapped only this cluster
    done.wait_for()
    # The keyboard focus moved to the message, not lost with the removed button.
    page.wait_for_function("document.activeElement.classList.contains('done-message')")
    created = Proposal.objects.get(process=process, title="Benker langs turstien")
    assert str(created.number) in done.inner_text()
    assert page.locator("article.cluster-created").count() == 1
    clustered = set(created.input_links.values_list("input_id", flat=True))
    assert len(clustered) >= 3

    # Merge the new proposal into the existing one on its page.
    page.goto("/p/borgen/stab/forslag/1/")
    page.locator("select[name=sources]").select_option(str(created.pk))
    page.get_by_role("button", name="Slå sammen").click()
    page.wait_for_url(re.compile(r"/stab/forslag/1/$"))
    heading = page.locator("#inputs-h").inner_text()
    assert str(2 + len(clustered)) in heading
    created.refresh_from_db()
    assert created.status == ProposalStatus.MERGED

    counts = links_per_input(process)
    assert all(n == 1 for n in counts.values())  # every input linked exactly once
    assert clustered <= set(counts)
    assert set(world["existing"].input_links.values_list("input_id", flat=True)) == set(counts)


def test_background_run_progress_follows_by_itself(page, client, live_server, world):
    run = ConsolidationRun.objects.create(
        process=world["process"], status=ConsolidationRun.Status.RUNNING, total=10, done=3
    )
    login(page, client, live_server, "leder")
    page.goto("/p/borgen/stab/konsolider/")
    assert page.locator("#consolidate-progress progress").get_attribute("value") == "3"
    ConsolidationRun.objects.filter(pk=run.pk).update(done=8)
    page.wait_for_selector("#consolidate-progress progress[value='8']")  # htmx polled
    from veikart.proposals.consolidation_services import consolidation_run_compute

    consolidation_run_compute(run=run)
    page.locator("#clusters").wait_for()  # the page reloaded itself with the result
