"""The REST API: public reads with pagination and filters, writes with the web's rules,
token authentication, and JSON errors with field names."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
)
from veikart.api.models import ApiToken
from veikart.api.services import api_token_create, api_token_revoke
from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.processes.models import ArenaParticipation
from veikart.proposals.models import Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    process = ProcessFactory(slug="borgen")
    fa = FocusAreaFactory(process=process)
    arena = ArenaFactory(process=process, participant_count=30)
    ArenaParticipation.objects.create(arena=arena, dimension="age", group="13-19", count=12)
    ArenaParticipation.objects.create(arena=arena, dimension="age", group="67+", count=2)
    items = [
        InputFactory(process=process, arena=arena, focus_area=fa, text=f"Innspill {i} om lekeplass")
        for i in range(30)
    ]
    InputFactory(process=process, arena=arena, text="SKJULT", status=InputStatus.HIDDEN)
    p1 = ProposalFactory(process=process, number=1, focus_area=fa, realiser="residents")
    ProposalFactory(process=process, number=2, realiser="municipality")
    ProposalFactory(process=process, number=3, status="draft", title="Utkast")
    link(p1, *items[:5])
    return process


def token_for(role: str) -> str:
    _token, key = api_token_create(actor=None, user=UserFactory(role=role), name="test")
    return key


def test_lists_are_paginated_and_filtered(client, process, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        page = client.get("/api/v1/processes/borgen/inputs?limit=10&offset=5").json()
    assert page["count"] == 30 and len(page["items"]) == 10
    assert "SKJULT" not in str(page) and "receipt" not in str(page)
    assert client.get("/api/v1/processes/borgen/inputs?q=Innspill 7").json()["count"] == 1
    assert client.get("/api/v1/processes/borgen/inputs?limit=101").status_code == 422
    proposals = client.get("/api/v1/processes/borgen/proposals").json()
    assert [p["number"] for p in proposals["items"]] == [1, 2]
    assert proposals["items"][0]["inputs"] == 5
    only = client.get("/api/v1/processes/borgen/proposals?realiser=municipality").json()
    assert [p["number"] for p in only["items"]] == [2]
    assert client.get("/api/v1/processes/borgen/proposals?realiser=nobody").status_code == 422
    assert client.get("/api/v1/processes/borgen/proposals/3").status_code == 404


def test_arena_participation_is_suppressed_under_5(client, process):
    arena = client.get("/api/v1/processes/borgen/arenas").json()["items"][0]
    counts = {p["group"]: p["count"] for p in arena["participation"]}
    assert counts == {"13-19": 12, "67+": None}


def test_errors_are_json_with_detail(client, process):
    missing = client.get("/api/v1/processes/nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "No such process"}
    bad = client.post(
        "/api/v1/processes/borgen/inputs",
        {"text": "hei", "group_age": "99"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "group_age"]
    empty = client.post("/api/v1/processes/borgen/inputs", {}, content_type="application/json")
    assert empty.status_code == 422 and "text" in str(empty.json()["detail"])


def test_submit_input_like_the_web_form(client, process):
    response = client.post(
        "/api/v1/processes/borgen/inputs",
        {
            "text": "Flere benker i parken",
            "geometry": {"type": "Point", "coordinates": [10.4, 59.8]},
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    item = Input.objects.get(pk=response.json()["id"])
    assert item.status == InputStatus.NEW and item.source == InputSource.MAP
    assert item.arena.counts_itself and response.json()["receipt_code"] == item.receipt_code
    process.current_phase = "implementation"
    process.save()
    closed = client.post(
        "/api/v1/processes/borgen/inputs", {"text": "For sent"}, content_type="application/json"
    )
    assert closed.status_code == 403 and "detail" in closed.json()


def test_account_required_needs_a_token(client, process):
    process.requires_account = True
    process.save()
    body = {"text": "Med konto"}
    assert (
        client.post(
            "/api/v1/processes/borgen/inputs", body, content_type="application/json"
        ).status_code
        == 401
    )
    key = token_for("host")
    ok = client.post(
        "/api/v1/processes/borgen/inputs",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert ok.status_code == 201


def test_staff_token_enters_inputs_for_an_arena(client, process):
    arena = process.arenas.first()
    body = {"text": "Fra lappene", "arena_id": arena.pk}
    anonymous = client.post(
        "/api/v1/processes/borgen/inputs", body, content_type="application/json"
    )
    assert anonymous.status_code == 403
    key = token_for("host")
    ok = client.post(
        "/api/v1/processes/borgen/inputs",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert ok.status_code == 201
    assert Input.objects.get(pk=ok.json()["id"]).source == InputSource.STAFF


def test_bad_or_revoked_token_is_401(client, process):
    assert client.get("/api/v1/processes/", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    token, key = api_token_create(actor=None, user=UserFactory(role="manager"), name="x")
    assert client.get("/api/v1/processes/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    api_token_revoke(actor=None, token=token)
    assert client.get("/api/v1/processes/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert key not in str(ApiToken.objects.values_list())


def test_support_once_per_person(client, process):
    url = "/api/v1/processes/borgen/proposals/1/supports"
    body = {"supporter_token": "a-random-device-token-123"}
    first = client.post(url, body, content_type="application/json")
    assert first.status_code == 201 and first.json()["supports"] == 1
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 422 and again.json()["detail"][0]["loc"] == ["body", "proposal"]
    short = client.post(url, {"supporter_token": "kort"}, content_type="application/json")
    assert short.status_code == 422
    assert Support.objects.count() == 1
    assert "a-random-device-token-123" not in Support.objects.get().anonymous_token
    process.current_phase = "implementation"
    process.save()
    closed = client.post(
        url, {"supporter_token": "another-device-token-456"}, content_type="application/json"
    )
    assert closed.status_code == 403


def test_create_api_token_command(capsys):
    UserFactory(username="integrasjon", role="manager")
    call_command("create_api_token", "integrasjon", "--name", "Statistikk")
    key = capsys.readouterr().out.strip()
    assert key.startswith("vk_") and ApiToken.objects.get().prefix == key[:9]
    with pytest.raises(CommandError) as e:
        call_command("create_api_token", "finnes-ikke", "--name", "x")
    assert e.value.returncode == 2
