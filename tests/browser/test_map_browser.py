"""Maps in a real browser: a point by mouse and by keyboard, a route, a refused point outside
the area, and a class session joined by code in a second browser context — with no CSP errors."""

import json

import pytest
from django.core.cache import cache

from tests.factories import ProcessFactory, UserFactory
from veikart.areas.models import Area
from veikart.inputs.models import Input
from veikart.maps.models import ClassContribution, ClassSession, Place
from veikart.processes.models import PhaseKind

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

RING = [[10.415, 59.826], [10.440, 59.826], [10.440, 59.838], [10.415, 59.838], [10.415, 59.826]]


@pytest.fixture
def process():
    cache.clear()
    area = Area.objects.create(
        name="Borgen", slug="borgen-area", boundary={"type": "Polygon", "coordinates": [RING]}
    )
    Place.objects.create(area=area, name="Borgen skole", kind="school", lon=10.4275, lat=59.8325)
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)
    process.areas.add(area)
    return process


def watch_console(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def open_form(page):
    page.goto("/p/borgen/innspill/ny/")
    canvas = page.locator(".map-input-canvas")
    canvas.wait_for(state="visible")
    page.locator(".map-input-canvas path.map-area-outline").first.wait_for(state="attached")
    canvas.scroll_into_view_if_needed()
    return canvas


def geometry(page) -> dict | None:
    value = page.locator("textarea.map-geometry").input_value()
    return json.loads(value) if value else None


def send(page, text: str) -> Input:
    page.locator("#id_text").fill(text)
    page.locator("form.input-form button[type=submit]").last.click()
    page.locator(".receipt-code").wait_for()
    return Input.objects.get(text=text)


def test_place_a_point_with_the_mouse(page, process):
    problems = watch_console(page)
    canvas = open_form(page)
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    placed = geometry(page)
    assert placed["type"] == "Point"
    assert page.locator(".map-status").inner_text().strip()
    page.locator("#id_map_category").select_option("liker")
    item = send(page, "Fin plass å være")
    assert item.geometry["type"] == "Point" and item.map_category == "liker"
    assert not problems, problems


def test_place_a_point_with_the_keyboard(page, process):
    canvas = open_form(page)
    canvas.focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(400)  # the pan animation
    page.keyboard.press("Enter")
    status = page.locator(".map-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "59.8" in status.inner_text()
    assert geometry(page)["type"] == "Point"
    item = send(page, "Plassert med tastaturet")
    assert item.geometry["type"] == "Point"


def test_draw_a_route(page, process):
    canvas = open_form(page)
    page.locator(".map-tool-line").click()
    assert page.locator(".map-tool-line").get_attribute("aria-pressed") == "true"
    box = canvas.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in ((-20, 30), (0, 0), (25, -30)):
        page.mouse.click(cx + dx, cy + dy)
    drawn = geometry(page)
    assert drawn["type"] == "LineString" and len(drawn["coordinates"]) == 3
    page.locator("#id_map_category").select_option("skolevei")
    item = send(page, "Veien min til skolen")
    assert item.geometry["type"] == "LineString" and item.map_category == "skolevei"


def test_a_point_outside_the_area_is_refused(page, process):
    canvas = open_form(page)
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + box["height"] / 2)  # west of the outline
    error = page.locator("[data-map-error]")
    error.wait_for(state="visible")
    assert error.inner_text().strip() and geometry(page) is None
    # typed by hand past the map: the server refuses it too, and keeps the text
    page.locator(".map-input details summary").click()
    page.locator("textarea.map-geometry").fill('{"type": "Point", "coordinates": [10.6, 59.9]}')
    page.locator("#id_text").fill("Langt utenfor")
    page.locator("form.input-form button[type=submit]").last.click()
    page.locator("[data-map-error]").wait_for(state="visible")
    assert page.locator("#id_text").input_value() == "Langt utenfor"
    assert not Input.objects.exists()


def test_class_session_joined_by_code_in_a_second_browser(page, browser, live_server, process):
    UserFactory(username="laerer", role="host")
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill("laerer")
    page.locator("input[name=password]").fill("pw-for-tests-1")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_load_state()
    page.goto("/p/borgen/stab/klasseokter/")
    page.locator("#id_grade").select_option("6")
    page.locator("form button[type=submit]").last.click()
    code = page.locator(".class-code").inner_text().strip()
    assert code == ClassSession.objects.get().code

    pupil_context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    pupil = pupil_context.new_page()
    pupil.set_default_timeout(10_000)
    problems = watch_console(pupil)
    pupil.goto("/klasse/")
    pupil.locator("#id_code").fill(code.lower())
    pupil.locator("#id_code").press("Enter")
    canvas = pupil.locator(".map-input-canvas")
    canvas.wait_for(state="visible")
    pupil.locator(".map-input-canvas path.map-area-outline").first.wait_for(state="attached")
    canvas.focus()
    pupil.keyboard.press("Enter")
    pupil.locator("#id_map_category").select_option("utrygt")
    pupil.locator("#id_text").fill("Skummelt om kvelden")
    pupil.locator("form.class-map-form button[type=submit]").click()
    pupil.locator(".map-list-item").first.wait_for()
    assert ClassContribution.objects.count() == 1
    assert not problems, problems

    # the host's page updates by itself (htmx polling)
    page.locator(".figure-contributed", has_text="1").wait_for(timeout=15_000)
    assert page.locator(".figure-joined").inner_text().strip() == "1"
    page.locator("form[action$='/lukk/'] button").click()
    page.locator(".session-closed").wait_for()
    response = pupil.reload()
    assert (
        response.status == 410 and pupil.locator("h1").inner_text().strip() == "Økten er avsluttet"
    )
    pupil_context.close()
