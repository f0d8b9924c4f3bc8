import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ArenaFactory, FocusAreaFactory, ProcessFactory, UserFactory
from veikart.inputs.models import Input, InputSource
from veikart.processes.models import PhaseKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def arena():
    return ArenaFactory(
        process=ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)
    )


@pytest.fixture
def host(client):
    user = UserFactory(role="host")
    client.force_login(user)
    return user


def entry_url(arena):
    return reverse("inputs:staff_entry", args=["borgen", arena.pk])


def test_htmx_save_returns_a_fresh_form_with_count_and_sticky_tags(client, host, arena):
    fa = FocusAreaFactory(process=arena.process)
    response = client.post(
        entry_url(arena),
        {"text": "Mer lys på stien", "focus_area": fa.pk, "group_age": "35-66"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    item = Input.objects.get()
    assert item.entered_by == host and item.arena == arena and item.source == InputSource.STAFF
    assert '<div id="entry">' in html and "<html" not in html
    assert "1 innspill" in html or "1 input" in html
    assert f'<option value="{fa.pk}" selected>' in html
    assert '<option value="35-66" selected>' in html
    assert (
        '<textarea name="text" id="id_text" rows="3" dir="auto" maxlength="5000" autofocus></textarea>'
        in html
    )


def test_plain_post_redirects_back_with_the_tags(client, host, arena):
    response = client.post(entry_url(arena), {"text": "Benker", "group_gender": "female"})
    assert response.status_code == 302 and "group_gender=female" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert '<option value="female" selected>' in page


def test_empty_entry_is_refused_with_a_message(client, host, arena):
    response = client.post(entry_url(arena), {"text": "  "}, headers={"HX-Request": "true"})
    assert response.status_code == 400 and "field-error" in response.content.decode()
    assert Input.objects.count() == 0


@pytest.mark.parametrize("role", [None, "resident", "moderator", "committee"])
def test_only_hosts_and_managers_enter_inputs(client, arena, role):
    if role:
        client.force_login(UserFactory(role=role))
    response = client.post(entry_url(arena), {"text": "Hei"})
    assert response.status_code in (302, 403) and Input.objects.count() == 0


def test_saving_uses_a_fixed_number_of_queries(client, host, arena):
    client.post(entry_url(arena), {"text": "først"}, headers={"HX-Request": "true"})
    with CaptureQueriesContext(connection) as first:
        client.post(entry_url(arena), {"text": "to"}, headers={"HX-Request": "true"})
    for n in range(10):
        client.post(entry_url(arena), {"text": f"flere {n}"}, headers={"HX-Request": "true"})
    with CaptureQueriesContext(connection) as later:
        client.post(entry_url(arena), {"text": "siste"}, headers={"HX-Request": "true"})
    assert len(later) == len(first) <= 20
