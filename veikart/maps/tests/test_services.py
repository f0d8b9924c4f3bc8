"""Class sessions, pupils' map inputs and the outside-area refusal, at the service level."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ArenaFactory
from veikart.core.models import AuditLog
from veikart.inputs.models import Input, InputSource
from veikart.inputs.services import RECEIPT_ALPHABET, input_create
from veikart.maps import services
from veikart.maps.models import ClassContribution, ClassPupil, ClassSession
from veikart.maps.selectors import class_session_by_code, class_session_figures
from veikart.processes.models import ArenaParticipation
from veikart.processes.selectors import participant_total

from .conftest import INSIDE, OUTSIDE

pytestmark = pytest.mark.django_db

POINT = {"type": "Point", "coordinates": INSIDE}


def test_session_gets_a_short_code_without_look_alikes_and_a_new_barnetrakk_arena(process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    assert len(session.code) == 6 and set(session.code) <= set(RECEIPT_ALPHABET)
    assert not set(session.code) & set("01OIL")
    assert session.arena.method.slug == "barnetrakk" and session.arena.process == process
    assert AuditLog.objects.filter(action="class_session.create").count() == 1


def test_session_uses_a_chosen_barnetrakk_arena_and_refuses_others(process, host, barnetrakk):
    session = services.class_session_create(actor=host, process=process, grade=5, arena=barnetrakk)
    assert session.arena == barnetrakk
    other = ArenaFactory(process=process)  # a gjestebud
    with pytest.raises(ValidationError) as e:
        services.class_session_create(actor=host, process=process, grade=5, arena=other)
    assert "arena" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        services.class_session_create(actor=host, process=process, grade=14)
    assert "grade" in e.value.message_dict


def test_codes_are_unique_in_the_database(process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClassSession.objects.create(
            process=process, arena=session.arena, grade=6, code=session.code
        )


def test_joined_pupils_are_the_arenas_participants_once_each(process, host, barnetrakk):
    session = services.class_session_create(actor=host, process=process, grade=6, arena=barnetrakk)
    before = participant_total(process=process)
    services.class_pupil_join(session=session, gender="female")
    services.class_pupil_join(session=session)
    second = services.class_session_create(actor=host, process=process, grade=9, arena=barnetrakk)
    services.class_pupil_join(session=second, gender="male")
    barnetrakk.refresh_from_db()
    assert barnetrakk.participant_count == 3
    assert participant_total(process=process) == before + 3
    cells = {
        (r.dimension, r.group): r.count for r in ArenaParticipation.objects.filter(arena=barnetrakk)
    }
    assert cells == {
        ("age", "0-12"): 2,
        ("age", "13-19"): 1,
        ("gender", "female"): 1,
        ("gender", "male"): 1,
        ("gender", "unknown"): 1,
    }


def test_pupils_hold_no_personal_data(process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    pupil = services.class_pupil_join(session=session)
    fields = {f.name for f in ClassPupil._meta.get_fields()}
    assert fields == {"id", "session", "token", "gender", "joined_at", "contributions"}
    assert len(pupil.token) >= 40


def test_pupil_maps_a_place_and_the_host_sees_it(process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    pupil = services.class_pupil_join(session=session)
    services.class_pupil_join(session=session)
    item = services.class_input_create(
        pupil=pupil, text="Her spiller vi fotball", geometry=POINT, map_category="liker"
    )
    assert item.arena == session.arena and item.source == InputSource.MAP
    assert item.group_age == "0-12" and item.author is None
    assert ClassContribution.objects.get().pupil == pupil
    assert class_session_figures(session=session).__dict__ == {
        "joined": 2,
        "contributed": 1,
        "inputs": 1,
    }


def test_closed_session_refuses_joining_and_mapping_and_its_code_is_dead(process, host):
    session = services.class_session_create(actor=host, process=process, grade=6)
    pupil = services.class_pupil_join(session=session)
    assert class_session_by_code(code=session.code.lower()) == session
    services.class_session_close(actor=host, session=session)
    assert class_session_by_code(code=session.code) is None
    with pytest.raises(ValidationError):
        services.class_pupil_join(session=session)
    pupil.refresh_from_db()
    with pytest.raises(ValidationError):
        services.class_input_create(pupil=pupil, text="x", geometry=POINT, map_category="liker")
    with pytest.raises(ValidationError):
        services.class_session_close(actor=host, session=session)


def test_a_place_outside_the_area_is_refused(process):
    with pytest.raises(ValidationError) as e:
        input_create(
            actor=None,
            process=process,
            text="Langt unna",
            geometry={"type": "Point", "coordinates": OUTSIDE},
        )
    assert "outside" in str(e.value.message_dict["geometry"]) or "utenfor" in str(
        e.value.message_dict["geometry"]
    )
    assert not Input.objects.exists()


def test_unknown_map_category_is_refused(process):
    with pytest.raises(ValidationError) as e:
        input_create(actor=None, process=process, text="x", geometry=POINT, map_category="nope")
    assert "map_category" in e.value.message_dict
