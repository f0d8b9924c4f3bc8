import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import ArenaFactory, InputFactory, ProcessFactory, UserFactory
from veikart.core.models import AuditLog
from veikart.inputs.services import input_create
from veikart.processes import selectors
from veikart.processes.models import Arena, Method
from veikart.processes.services import (
    arena_create,
    arena_record_participation,
    online_arena_get_or_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client):
    user = UserFactory(role="manager")
    client.force_login(user)
    return user


def test_record_participation_fills_unknown_and_logs():
    arena = ArenaFactory(participant_count=0)
    arena_record_participation(
        actor=None,
        arena=arena,
        total=20,
        breakdown={"age": {"13-19": 12, "20-34": 3}, "gender": {"female": 20}},
    )
    got = selectors.arena_breakdown(arena=arena)
    assert got["age"] == {"13-19": 12, "20-34": 3, "unknown": 5}
    assert got["gender"] == {"female": 20}
    assert got["background"] == {"unknown": 20}
    assert AuditLog.objects.for_object(arena).get().data["to"] == 20


def test_groups_adding_up_to_more_than_total_are_refused_and_nothing_changes():
    arena = ArenaFactory(participant_count=7)
    with pytest.raises(ValidationError) as e:
        arena_record_participation(
            actor=None, arena=arena, total=10, breakdown={"age": {"13-19": 8, "20-34": 5}}
        )
    assert "age" in e.value.message_dict
    arena.refresh_from_db()
    assert arena.participant_count == 7 and not arena.participation.exists()


def test_ledger_counts_an_account_once_and_anonymous_inputs_each():
    process = ProcessFactory()
    ArenaFactory(process=process, participant_count=30)
    resident = UserFactory()
    for _ in range(3):
        input_create(
            actor=resident,
            process=process,
            text="Hei",
            arena=online_arena_get_or_create(process=process),
        )
    input_create(
        actor=None, process=process, text="Hei", arena=online_arena_get_or_create(process=process)
    )
    input_create(
        actor=None, process=process, text="Hå", arena=online_arena_get_or_create(process=process)
    )
    assert selectors.participant_total(process=process) == 30 + 1 + 2
    by_method = {
        r.method_name: r.participants for r in selectors.participation_by_method(process=process)
    }
    assert by_method["Digitalt innspillsskjema"] == 3
    assert Arena.objects.filter(process=process, counts_itself=True).count() == 1


def test_create_arena_from_method_shows_its_plan(client, manager):
    process = ProcessFactory(slug="p1")
    url = reverse("processes:arena_create", args=["p1"]) + "?method=gjestebud"
    html = client.get(url).content.decode()
    assert "Samle innspill" in html or "Innsamling av informasjon fra gjestebudene" in html
    method = Method.objects.get(slug="gjestebud")
    response = client.post(
        url, {"method": method.pk, "title": "Gjestebud hos nabo", "held_on": "2016-03-02"}
    )
    arena = Arena.objects.get(process=process, title="Gjestebud hos nabo")
    assert response.status_code == 302 and arena.method == method


def test_arena_form_errors_keep_input(client, manager):
    ProcessFactory(slug="p1")
    method = Method.objects.get(slug="gjestebud")
    response = client.post(
        reverse("processes:arena_create", args=["p1"]),
        {"method": method.pk, "title": "", "held_on": "not a date", "place": "Borgen skole"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Borgen skole"' in html
    assert "field-error" in html


def test_participation_form_round_trip(client, manager):
    arena = ArenaFactory(process=ProcessFactory(slug="p1"), participant_count=0)
    url = reverse("processes:arena_participation", args=["p1", arena.pk])
    response = client.post(url, {"total": "12", "age__13_19": "12", "gender__female": "5"})
    assert response.status_code == 302
    arena.refresh_from_db()
    assert arena.participant_count == 12
    bad = client.post(url, {"total": "3", "age__13_19": "12"})
    assert bad.status_code == 200 and "field-error" in bad.content.decode()
    arena.refresh_from_db()
    assert arena.participant_count == 12


@pytest.mark.parametrize("role", [None, "resident", "host"])
def test_others_cannot_create_arenas(client, role):
    ProcessFactory(slug="p1")
    if role:
        client.force_login(UserFactory(role=role))
    method = Method.objects.get(slug="gjestebud")
    response = client.post(
        reverse("processes:arena_create", args=["p1"]), {"method": method.pk, "title": "X"}
    )
    assert response.status_code in (302, 403)
    assert not Arena.objects.filter(title="X").exists()


def test_ledger_page_for_staff(client, manager):
    process = ProcessFactory(slug="p1")
    arena = ArenaFactory(process=process, participant_count=14, title="Fokusgruppe idrett")
    InputFactory(process=process, arena=arena)
    html = client.get(reverse("processes:arena_list", args=["p1"])).content.decode()
    assert "Fokusgruppe idrett" in html and ">14<" in html


def test_arena_create_service_validates():
    with pytest.raises(ValidationError):
        arena_create(
            actor=None,
            process=ProcessFactory(),
            method=Method.objects.get(slug="gjestebud"),
            title="  ",
        )
