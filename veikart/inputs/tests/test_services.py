import pytest
from django.core.exceptions import ValidationError

from tests.factories import ArenaFactory, ProcessFactory, UserFactory
from veikart.core.models import AuditLog
from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.inputs.services import RECEIPT_ALPHABET, input_create, input_set_status

pytestmark = pytest.mark.django_db


def test_online_input_gets_receipt_code_and_audit_row():
    process = ProcessFactory()
    item = input_create(actor=None, process=process, text="  Flere benker i parken  ")
    assert item.text == "Flere benker i parken"
    assert len(item.receipt_code) == 8 and set(item.receipt_code) <= set(RECEIPT_ALPHABET)
    assert item.status == InputStatus.NEW and item.author is None
    assert AuditLog.objects.for_object(item).get().action == "input.create"


def test_staff_entry_records_who_entered_it_and_for_which_arena():
    host = UserFactory(role="host")
    arena = ArenaFactory()
    item = input_create(
        actor=host, process=arena.process, arena=arena, text="Fra gjestebudet", source="staff"
    )
    assert item.entered_by == host and item.author is None and item.arena == arena


@pytest.mark.parametrize(
    "text",
    ["مرحبا، نريد ملعبا جديدا", "Vi vil ha 🛝 og 🌳!", "ä" * 5000, "Ñandú\n\nZażółć gęślą jaźń"],
)
def test_every_kind_of_unicode_is_kept(text):
    item = input_create(actor=None, process=ProcessFactory(), text=text)
    item.refresh_from_db()
    assert item.text == text.strip()


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001, "a\x00b"])
def test_bad_text_is_refused_and_nothing_is_stored(text):
    with pytest.raises(ValidationError) as e:
        input_create(actor=None, process=ProcessFactory(), text=text)
    assert "text" in e.value.message_dict
    assert Input.objects.count() == 0 and AuditLog.objects.count() == 0


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [200, 10]},
        {"type": "Point", "coordinates": ["a", "b"]},
        {"type": "Circle", "coordinates": [10, 59]},
        {"type": "LineString", "coordinates": [[10, 59]]},
        "not a dict",
    ],
)
def test_malformed_geometry_is_refused(geometry):
    with pytest.raises(ValidationError) as e:
        input_create(actor=None, process=ProcessFactory(), text="Her", geometry=geometry)
    assert "geometry" in e.value.message_dict


def test_valid_geometry_and_group_are_stored():
    item = input_create(
        actor=None,
        process=ProcessFactory(),
        text="Skoleveien er mørk",
        source=InputSource.MAP,
        geometry={"type": "LineString", "coordinates": [[10.43, 59.83], [10.44, 59.84]]},
        group_age="13-19",
    )
    assert item.geometry["type"] == "LineString" and item.group_age == "13-19"


def test_unknown_group_is_refused():
    with pytest.raises(ValidationError) as e:
        input_create(actor=None, process=ProcessFactory(), text="Hei", group_age="200+")
    assert "group_age" in e.value.message_dict


def test_arena_of_another_process_is_refused():
    with pytest.raises(ValidationError):
        input_create(actor=None, process=ProcessFactory(), arena=ArenaFactory(), text="Hei")


def test_hiding_needs_a_reason_and_is_logged():
    item = input_create(actor=None, process=ProcessFactory(), text="Hei")
    moderator = UserFactory(role="moderator")
    with pytest.raises(ValidationError):
        input_set_status(actor=moderator, item=item, status=InputStatus.HIDDEN)
    input_set_status(actor=moderator, item=item, status=InputStatus.HIDDEN, reason="Personangrep")
    item.refresh_from_db()
    assert item.status == InputStatus.HIDDEN and item.hidden_reason == "Personangrep"
    assert AuditLog.objects.for_object(item).first().data["to"] == "hidden"
