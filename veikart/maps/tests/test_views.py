"""Map pages: the online form's map field, class sessions (host and pupils), the results map,
its data endpoint and query counts."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import InputFactory, UserFactory
from veikart.accounts.models import Role
from veikart.inputs.models import Input, InputStatus
from veikart.maps import selectors, services
from veikart.maps.models import ClassContribution, ClassPupil
from veikart.processes.models import PhaseKind

from .conftest import INSIDE, OUTSIDE

pytestmark = pytest.mark.django_db


def point(coords=INSIDE) -> str:
    return json.dumps({"type": "Point", "coordinates": coords})


# --- the online form ---------------------------------------------------------------------


def test_online_form_stores_a_drawn_route_with_its_category(client, process):
    route = json.dumps({"type": "LineString", "coordinates": [INSIDE, [10.42, 59.83]]})
    response = client.post(
        reverse("inputs:create", args=["borgen"]),
        {"text": "Min skolevei", "geometry": route, "map_category": "skolevei"},
    )
    assert response.status_code == 302
    item = Input.objects.get()
    assert item.geometry["type"] == "LineString" and item.map_category == "skolevei"


def test_online_form_takes_a_named_place_from_the_list(client, process, school):
    client.post(
        reverse("inputs:create", args=["borgen"]),
        {"text": "Trygt her", "place": school.pk, "map_category": "liker"},
    )
    item = Input.objects.get()
    assert item.geometry == {"type": "Point", "coordinates": [school.lon, school.lat]}


def test_online_form_refuses_a_place_outside_and_keeps_what_was_typed(client, process):
    response = client.post(
        reverse("inputs:create", args=["borgen"]),
        {"text": "Min tekst blir her", "geometry": point(OUTSIDE), "map_category": "utrygt"},
    )
    assert response.status_code == 400 and not Input.objects.exists()
    page = response.content.decode()
    assert "Min tekst blir her" in page and "10.5" in page
    assert 'class="field-error" data-map-error' in page
    assert "Borgen" in response.context["form"].errors["geometry"][0]


def test_online_form_page_carries_the_map_without_inline_code(client, process, school):
    page = client.get(reverse("inputs:create", args=["borgen"])).content.decode()
    assert "vendor/leaflet/leaflet.js" in page and "maps/map-input.js" in page
    assert "data-map-input" in page and "Borgen skole" in page  # the no-JS list of places
    assert "style=" not in page


def test_base_map_has_outlines_places_and_no_tiles_by_default(client, process, school):
    data = client.get(reverse("maps:base", args=["borgen"])).json()
    assert data["areas"]["features"][0]["properties"]["name"] == "Borgen"
    assert data["places"][0]["name"] == "Borgen skole"
    assert data["tiles"]["url"] == ""


# --- class sessions ------------------------------------------------------------------------


def test_host_starts_a_session_and_sees_live_figures(client, process, host):
    client.force_login(host)
    response = client.post(reverse("maps:session_list", args=["borgen"]), {"grade": 6})
    assert response.status_code == 302
    session = process.class_sessions.get()
    page = client.get(response["Location"]).content.decode()
    assert session.code in page and 'hx-trigger="every 5s"' in page
    services.class_pupil_join(session=session)
    partial = client.get(response["Location"], headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert html.lstrip().startswith("<dl") and 'class="figure-joined">1<' in html


def test_residents_and_moderators_cannot_run_sessions(client, process):
    for role in (Role.RESIDENT, Role.MODERATOR):
        client.force_login(UserFactory(role=role))
        assert client.get(reverse("maps:session_list", args=["borgen"])).status_code == 403


def test_pupil_joins_with_the_code_alone_and_maps_a_place(process, host, school):
    session = services.class_session_create(actor=host, process=process, grade=6)
    pupil = Client()
    response = pupil.post(reverse("maps:class_join"), {"code": f" {session.code.lower()} "})
    assert response.status_code == 302 and response["Location"] == reverse("maps:class_map")
    page = pupil.get(reverse("maps:class_map"))
    assert page.status_code == 200 and "data-map-input" in page.content.decode()
    response = pupil.post(
        reverse("maps:class_map"),
        {"map_category": "liker", "text": "Her spiller vi", "geometry": point()},
    )
    assert response.status_code == 302
    contribution = ClassContribution.objects.select_related("input").get()
    assert contribution.input.arena == session.arena
    # the same device joining again is the same pupil: no double counting
    pupil.post(reverse("maps:class_join"), {"code": session.code})
    assert ClassPupil.objects.count() == 1
    session.arena.refresh_from_db()
    assert session.arena.participant_count == 1


def test_pupil_place_outside_the_area_is_refused_with_a_message(process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    pupil = Client()
    pupil.post(reverse("maps:class_join"), {"code": session.code})
    response = pupil.post(
        reverse("maps:class_map"),
        {"map_category": "utrygt", "text": "Skummelt", "geometry": point(OUTSIDE)},
    )
    assert response.status_code == 400 and not Input.objects.exists()
    assert "Skummelt" in response.content.decode()


def test_wrong_or_closed_code_does_not_let_anyone_in(client, process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    response = client.post(reverse("maps:class_join"), {"code": "ZZZZZZ"})
    assert response.status_code == 400 and not ClassPupil.objects.exists()
    pupil = Client()
    pupil.post(reverse("maps:class_join"), {"code": session.code})
    client.force_login(host)
    client.post(reverse("maps:session_close", args=["borgen", session.pk]))
    session.refresh_from_db()
    assert not session.is_open
    assert pupil.get(reverse("maps:class_map")).status_code == 410
    late = Client().post(reverse("maps:class_join"), {"code": session.code})
    assert late.status_code == 400 and ClassPupil.objects.count() == 1


def test_pupils_cannot_join_when_the_process_is_not_collecting(client, process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    process.current_phase = PhaseKind.IMPLEMENTATION
    process.save()
    response = client.post(reverse("maps:class_join"), {"code": session.code})
    assert response.status_code == 400 and not ClassPupil.objects.exists()


# --- results ---------------------------------------------------------------------------------


def make_points(process, arena, n, **kw):
    return [
        InputFactory(
            process=process,
            arena=arena,
            geometry={"type": "Point", "coordinates": [10.42 + i * 0.0001, 59.83]},
            map_category="liker" if i % 2 else "utrygt",
            **kw,
        )
        for i in range(n)
    ]


def test_map_page_lists_published_map_inputs_with_filters(client, process, barnetrakk):
    make_points(process, barnetrakk, 4)
    make_points(process, barnetrakk, 1, status=InputStatus.NEW)
    InputFactory(process=process, arena=barnetrakk)  # no place: not on the map
    response = client.get(reverse("maps:map", args=["borgen"]))
    assert response.context["page"].paginator.count == 4
    response = client.get(reverse("maps:map", args=["borgen"]), {"category": "utrygt"})
    assert response.context["page"].paginator.count == 2
    assert "maps/map-results.js" in response.content.decode()


def test_map_page_query_count_does_not_grow_with_inputs(
    client, process, barnetrakk, django_assert_max_num_queries
):
    make_points(process, barnetrakk, 3)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("maps:map", args=["borgen"]))
    make_points(process, barnetrakk, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("maps:map", args=["borgen"]))


def test_data_endpoint_sends_points_then_clusters_when_dense(
    client, process, barnetrakk, monkeypatch
):
    make_points(process, barnetrakk, 6)
    InputFactory(
        process=process,
        arena=barnetrakk,
        geometry={"type": "LineString", "coordinates": [INSIDE, [10.42, 59.83]]},
        map_category="skolevei",
    )
    url = reverse("maps:data", args=["borgen"])
    data = json.loads(client.get(url, {"zoom": 15}).content)
    assert data["meta"] == {"points": 6, "clustered": False, "shapes": 1}
    monkeypatch.setattr(selectors, "POINTS_MAX", 2)
    data = json.loads(client.get(url, {"zoom": 10}).content)
    clusters = [f for f in data["features"] if f["properties"].get("cluster")]
    assert sum(f["properties"]["count"] for f in clusters) == 6 and len(clusters) < 6
    data = json.loads(
        client.get(url, {"zoom": 10, "bbox": "10.41995,59.82,10.42005,59.84"}).content
    )
    assert data["meta"]["points"] == 1
    data = json.loads(client.get(url, {"zoom": 10, "category": "skolevei"}).content)
    assert data["meta"] == {"points": 0, "clustered": False, "shapes": 1}


def test_data_endpoint_sees_moderation_at_once(client, process, barnetrakk):
    item = make_points(process, barnetrakk, 1, status=InputStatus.NEW)[0]
    url = reverse("maps:data", args=["borgen"])
    assert json.loads(client.get(url).content)["meta"]["points"] == 0
    from veikart.inputs.services import input_set_status

    input_set_status(actor=None, item=item, status=InputStatus.PUBLISHED)
    assert json.loads(client.get(url).content)["meta"]["points"] == 1


def test_export_download_is_geojson(client, process, barnetrakk):
    make_points(process, barnetrakk, 2)
    response = client.get(reverse("maps:export", args=["borgen"]))
    assert response["Content-Type"] == "application/geo+json"
    assert len(json.loads(response.content)["features"]) == 2


def test_session_list_query_count_does_not_grow_with_sessions(
    client, process, host, django_assert_max_num_queries
):
    client.force_login(host)
    url = reverse("maps:session_list", args=["borgen"])
    services.class_session_create(actor=host, process=process, grade=5)
    with django_assert_max_num_queries(15) as few:
        client.get(url)
    for grade in (6, 7, 8):
        session = services.class_session_create(actor=host, process=process, grade=grade)
        services.class_pupil_join(session=session)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("class-code-small") == 4
