"""Residents send inputs online; a host types inputs from notes using only the keyboard."""

import pytest
from django.core.cache import cache

from tests.factories import ArenaFactory, FocusAreaFactory, ProcessFactory, UserFactory
from veikart.inputs.models import Input
from veikart.processes.models import PhaseKind

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def process():
    cache.clear()
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)
    FocusAreaFactory(process=process, name="Stedsutvikling")
    return process


def login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pw-for-tests-1")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_load_state()


def test_online_form_with_bad_then_good_input(page, process):
    page.goto("/p/borgen/innspill/ny/")
    page.locator("#id_text").fill("   ")
    page.locator("#id_group_age").select_option("13-19")
    page.locator("form.input-form button[type=submit]").click()
    error = page.locator("#id_text-error")
    error.wait_for()
    assert page.locator("#id_text").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_group_age").input_value() == "13-19"  # kept
    text = "Vi ønsker oss en ballbinge ⚽ – نحتاج ملعب"
    page.locator("#id_text").fill(text)
    page.locator("form.input-form button[type=submit]").click()
    code = page.locator(".receipt-code")
    code.wait_for()
    item = Input.objects.get()
    assert code.inner_text().strip() == item.receipt_code
    assert page.get_by_text("Vi ønsker oss en ballbinge").count() == 1
    assert item.text == text and item.group_age == "13-19"


def test_staff_entry_by_keyboard_only(page, process):
    arena = ArenaFactory(process=process, title="Gjestebud i Askerlia")
    UserFactory(username="vert1", role="host")
    login(page, "vert1")
    page.goto(f"/p/borgen/stab/arenaer/{arena.pk}/innspill/")
    box = page.locator("#id_text")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_text'")
    page.keyboard.type("Lekeplassen trenger nye husker")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("og benker til foreldrene")
    page.keyboard.press("Tab")  # focus area
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.locator(".running-count").filter(has_text="1").wait_for()
    # htmx swaps in the next form, then the script focuses it: wait for that, on a slow machine too
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_text'")
    assert box.input_value() == ""
    page.keyboard.type("Mer lys på gangstien")
    page.keyboard.press("Enter")
    page.locator(".running-count").filter(has_text="2").wait_for()
    texts = list(Input.objects.order_by("id").values_list("text", "focus_area__name"))
    assert texts[0] == (
        "Lekeplassen trenger nye husker\nog benker til foreldrene",
        "Stedsutvikling",
    )
    assert texts[1] == ("Mer lys på gangstien", "Stedsutvikling")  # the focus area stayed
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_text'")
    page.keyboard.press("Enter")  # empty: refused, nothing stored
    page.locator("#id_text-error").wait_for()
    assert Input.objects.count() == 2
