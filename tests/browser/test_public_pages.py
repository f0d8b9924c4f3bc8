"""A resident browses the Veikart: with JavaScript (htmx) and by keyboard."""

import pytest

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    ProcessFactory,
    ProposalFactory,
    link,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def veikart():
    process = ProcessFactory(slug="borgen", name="Borgenprosjektet")
    fa = FocusAreaFactory(process=process, name="Stedsutvikling")
    arena = ArenaFactory(process=process, participant_count=25)
    park = ProposalFactory(process=process, title="Benker i parken", realiser="municipality")
    youth = ProposalFactory(process=process, title="Møteplass for ungdom", focus_area=fa)
    link(park, InputFactory(process=process, arena=arena, text="Vi trenger benker"))
    link(youth, InputFactory(process=process, arena=arena, text="Ungdommen trenger et sted"))
    return process


def test_search_and_filter_update_the_list_in_place(page, veikart):
    page.goto("/p/borgen/veikart/")
    assert page.locator("html").get_attribute("lang") == "nb"
    page.get_by_label("Søk").fill("ungdommens møteplasser")
    page.get_by_label("Søk").press("Enter")
    page.wait_for_url("**q=ungdommens*")
    results = page.locator("#proposal-results")
    results.get_by_text("Møteplass for ungdom").wait_for()
    assert results.get_by_text("Benker i parken").count() == 0
    page.get_by_label("Søk").fill("")
    page.get_by_label("Hvem kan realisere").select_option("municipality")
    page.wait_for_url("**realiser=municipality*")
    results.get_by_text("Benker i parken").wait_for()
    assert results.get_by_text("Møteplass for ungdom").count() == 0


def test_pages_work_without_javascript(browser, live_server, veikart):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/p/borgen/veikart/?realiser=municipality")
    assert page.get_by_text("Benker i parken").count() == 1
    page.get_by_role("link", name="Benker i parken").click()
    page.get_by_text("Vi trenger benker").wait_for()
    context.close()


def test_keyboard_user_can_skip_to_content_and_open_a_proposal(page, veikart):
    page.goto("/p/borgen/veikart/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "innhold" in focused.lower()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    link = page.get_by_role("link", name="Møteplass for ungdom")
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Ungdommen trenger et sted").wait_for()


def test_participation_page_shows_counted_figures(page, veikart):
    page.goto("/p/borgen/deltakelse/")
    assert page.locator("tfoot").get_by_text("25").count() >= 1
    assert page.locator("figure.bar-chart").count() == 1


def test_language_switch_to_english(page, veikart):
    page.goto("/p/borgen/")
    languages = page.get_by_role("navigation", name="Språk")
    assert languages.locator("[aria-current=true]").get_attribute("lang") == "nb"
    languages.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.evaluate("location.pathname") == "/p/borgen/"
    assert page.get_by_role("link", name="The Veikart").count() >= 1
