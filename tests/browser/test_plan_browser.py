"""A manager builds a plan from proposals, saves a version, records the adoption; the plan is
then frozen (editing refused) and public."""

import re

import pytest
from django.conf import settings as django_settings

from tests.factories import FocusAreaFactory, ProcessFactory, ProposalFactory, UserFactory
from veikart.accounts.models import User
from veikart.plans.models import Measure, Plan
from veikart.processes.models import PhaseKind
from veikart.proposals.models import ProposalStatus

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def process():
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.POLITICAL)
    place = FocusAreaFactory(process=process, name="Stedsutvikling", slug="stedsutvikling")
    ProposalFactory(process=process, number=1, title="Benker langs vannet", focus_area=place)
    ProposalFactory(
        process=process,
        number=2,
        title="Lys på skoleveien",
        focus_area=place,
        status=ProposalStatus.PRIORITISED,
    )
    UserFactory(username="leder", role="manager")
    return process


def login(page, client, live_server, username: str) -> None:
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


def test_build_a_plan_from_proposals_and_adopt_it(page, client, live_server, process):
    login(page, client, live_server, "leder")
    page.goto("/p/borgen/stab/planer/")
    form = page.locator("form.plan-create")
    form.get_by_label("Tittel").fill("Temaplan for Borgen 2017–2020")
    form.get_by_label("Hovedmål").fill("Borgen er et aktivt og inkluderende lokalsamfunn")
    form.get_by_label("Fra år").fill("2017")
    form.get_by_label("Til år").fill("2020")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/stab/planer/\d+/$"))
    plan = Plan.objects.get()

    goal_form = page.locator("form.goal-add")
    goal_form.get_by_label("Innsatsområde").select_option(label="Stedsutvikling")
    goal_form.get_by_label("Mål").fill("Trygge veier for barn")
    goal_form.locator("button[type=submit]").click()
    strategy_form = page.locator("form.strategy-add")
    strategy_form.get_by_label("Strategi").fill("Bedre belysning")
    strategy_form.locator("button[type=submit]").click()

    page.locator("a.add-measure").first.click()
    page.get_by_label("Tittel").fill("Lys langs skoleveien")
    proposals = page.locator("select[name=proposals] option")
    assert proposals.first.inner_text().startswith("2. Lys på skoleveien")  # prioritised first
    page.locator("select[name=proposals]").select_option(label=proposals.first.inner_text())
    page.locator("form.plan-item-form button[name=save]").click()
    page.wait_for_url(re.compile(r"/stab/planer/\d+/$"))
    assert page.locator(".measure-list li").first.inner_text().startswith("1.1.1")
    assert "1 av 1 tiltak (100 %)" in page.locator(".resident-share").inner_text()

    page.locator("form.version-save").get_by_label("Merknad").fill("Utkast til høring")
    page.locator("form.version-save button").click()
    assert "Versjon 1" in page.locator(".version-list").inner_text()

    decision = page.locator("form.decision-form")
    decision.get_by_label("Organ").fill("Kommunestyret")
    decision.get_by_label("Møtedato").fill("2016-11-08")
    decision.get_by_label("Saksnummer").fill("16/1842")
    decision.get_by_label("Utfall").select_option("adopted")
    decision.locator("button[type=submit]").click()
    page.locator(".frozen-notice").wait_for()
    assert page.locator("form.goal-add").count() == 0
    assert page.locator("form.decision-form").count() == 0

    # editing is refused even when the edit page is opened directly
    measure = Measure.objects.get()
    page.goto(f"/p/borgen/stab/planer/{plan.pk}/tiltak/{measure.pk}/")
    page.get_by_label("Tittel").fill("Endret etter vedtak")
    page.locator("form.plan-item-form button[name=save]").click()
    assert "frosset" in page.locator(".field-error").first.inner_text()
    measure.refresh_from_db()
    assert measure.title == "Lys langs skoleveien"

    # and the adopted plan is public
    page.context.clear_cookies()
    page.goto("/p/borgen/plan/")
    assert page.locator("h1").inner_text() == "Temaplan for Borgen 2017–2020"
    assert page.locator("a[href$='temaplan.pdf']").count() == 1
    assert "Lys langs skoleveien" in page.locator(".measure-list").inner_text()
