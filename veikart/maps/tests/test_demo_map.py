"""The Borgen demo's Barnetråkk arena is a closed class session of 42 pupils whose places and
routes are among the demo's 458 inputs (totals unchanged)."""

import pytest

from veikart.core.demo.borgen import SLUG, load_borgen_demo
from veikart.inputs.models import Input
from veikart.maps.models import ClassContribution, ClassSession, Place
from veikart.maps.selectors import class_session_figures
from veikart.processes.models import Arena, Process
from veikart.processes.selectors import participant_total

pytestmark = pytest.mark.django_db


def test_barnetrakk_is_a_closed_class_session_and_the_totals_stay():
    load_borgen_demo()
    process = Process.objects.get(slug=SLUG)
    arena = Arena.objects.get(process=process, method__slug="barnetrakk")
    session = ClassSession.objects.get(arena=arena)
    assert not session.is_open
    figures = class_session_figures(session=session)
    assert figures.joined == 42 == arena.participant_count
    assert figures.inputs == arena.inputs.count() == 42
    assert ClassContribution.objects.filter(input__arena=arena).count() == 42
    assert not Input.objects.filter(arena=arena, geometry__isnull=True).exists()
    assert participant_total(process=process) == 783
    assert Input.objects.filter(process=process).count() == 458
    assert Place.objects.filter(area__processes=process).count() >= 10
    load_borgen_demo()  # idempotent
    assert ClassSession.objects.count() == 1
