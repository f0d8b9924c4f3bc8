"""The residents' online form and the receipt page."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import FocusAreaFactory, ProcessFactory, ProposalFactory, UserFactory, link
from veikart.inputs.models import Input, InputStatus
from veikart.inputs.services import input_set_status
from veikart.processes.models import PhaseKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture
def process():
    return ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)


def url():
    return reverse("inputs:create", args=["borgen"])


def test_send_without_account_gives_receipt(client, process):
    fa = FocusAreaFactory(process=process)
    response = client.post(
        url(),
        {"text": "Flere benker langs turveien 🌳", "focus_area": fa.pk, "group_age": "67+"},
    )
    item = Input.objects.get()
    assert response.status_code == 302 and item.receipt_code in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert item.receipt_code in page and "Flere benker langs turveien 🌳" in page
    assert item.group_age == "67+" and item.status == InputStatus.NEW
    assert item.arena.counts_itself and item.author is None


@pytest.mark.parametrize(
    "data,field_text",
    [
        ({"text": ""}, "Skriv"),
        ({"text": "   "}, "Skriv"),
        ({"text": "x" * 5001}, "5000"),
        ({"text": "Hei", "group_age": "999"}, "gyldig"),
        ({"text": "Hei", "geometry": "{not json"}, "GeoJSON"),
        ({"text": "Hei", "geometry": '{"type": "Point", "coordinates": [500, 1]}'}, ""),
    ],
)
def test_bad_input_gets_a_message_beside_the_field_and_keeps_the_text(
    client, process, data, field_text
):
    data = {"text": "Min tekst som ikke skal forsvinne", **data}
    response = client.post(url(), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="field-error"' in html and field_text in html
    if data["text"].strip() and len(data["text"]) <= 5000:
        assert data["text"] in html
    assert Input.objects.count() == 0


@pytest.mark.parametrize(
    "text",
    [
        "نحتاج إلى ملعب كرة قدم للأطفال",
        "Trenger mer lys 💡🚶‍♀️",
        "ø" * 5000,
        "Wir brauchen Bänke\n\nok",
    ],
)
def test_unicode_rtl_emoji_and_long_texts_work(client, process, text):
    response = client.post(url(), {"text": text})
    assert response.status_code == 302
    assert Input.objects.get().text == text.strip()
    page = client.get(response["Location"]).content.decode()
    assert text.split("\n")[0] in page


def test_honeypot_stores_nothing(client, process):
    response = client.post(url(), {"text": "Kjøp billig", "website": "http://spam.example"})
    assert response.status_code == 200 and Input.objects.count() == 0


def test_one_device_is_slowed_but_a_class_behind_one_ip_is_not(process):
    pupils = [Client(REMOTE_ADDR="10.1.2.3") for _ in range(30)]
    for pupil in pupils:
        pupil.get(url())
        for n in range(3):
            assert pupil.post(url(), {"text": f"Innspill {n}"}).status_code == 302
    assert Input.objects.count() == 90
    spammer = Client(REMOTE_ADDR="10.9.9.9")
    spammer.get(url())
    codes = [spammer.post(url(), {"text": f"spam {n}"}).status_code for n in range(25)]
    assert codes.count(302) == 20 and codes[-1] == 429
    last = spammer.post(url(), {"text": "Dette skal bli stående"})
    assert "Dette skal bli stående" in last.content.decode()


def test_closed_outside_the_solution_hunt(client, process):
    process.current_phase = PhaseKind.IMPLEMENTATION
    process.save()
    response = client.post(url(), {"text": "For sent"})
    assert response.status_code == 403 and Input.objects.count() == 0


def test_process_can_require_an_account(client, process):
    process.requires_account = True
    process.save()
    assert client.post(url(), {"text": "Hei"}).status_code == 403
    user = UserFactory()
    client.force_login(user)
    assert client.post(url(), {"text": "Hei"}).status_code == 302
    assert Input.objects.get().author == user


def test_receipt_shows_hidden_reason_and_the_proposal(client, process):
    client.post(url(), {"text": "Et innspill"})
    item = Input.objects.get()
    input_set_status(actor=None, item=item, status=InputStatus.HIDDEN, reason="Inneholder navn")
    page = client.get(reverse("inputs:receipt", args=[item.receipt_code])).content.decode()
    assert "Inneholder navn" in page
    input_set_status(actor=None, item=item, status=InputStatus.PUBLISHED)
    proposal = ProposalFactory(process=process, title="Sitteplasser i parken")
    link(proposal, item)
    page = client.get(reverse("inputs:receipt", args=[item.receipt_code.lower()])).content
    assert "Sitteplasser i parken" in page.decode()


def test_receipt_lookup_by_code(client, process):
    client.post(url(), {"text": "Et innspill"})
    code = Input.objects.get().receipt_code
    response = client.get(reverse("inputs:receipt_lookup"), {"code": f" {code[:4]} {code[4:]} "})
    assert response.status_code == 302
    missing = client.get(reverse("inputs:receipt_lookup"), {"code": "NOPE1234"})
    assert "field-error" in missing.content.decode()
    assert client.get(reverse("inputs:receipt", args=["NOPE1234"])).status_code == 404
