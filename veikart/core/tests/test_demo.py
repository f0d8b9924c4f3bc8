"""The Borgen demo reproduces the seed's figures, computed from stored data, and loads once."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from veikart.core.demo.borgen import SLUG, load_borgen_demo
from veikart.inputs.models import Input
from veikart.plans.models import Decision, Measure, Plan
from veikart.processes.models import Arena, Process
from veikart.processes.selectors import participant_total
from veikart.proposals.selectors import realiser_distribution


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_borgen_demo()
        yield Process.objects.get(slug=SLUG)
        from django.core.management import call_command as cc

        cc("flush", interactive=False, verbosity=0)
        from veikart.processes.method_catalogue import load_methods
        from veikart.processes.models import Method

        load_methods(Method)


@pytest.fixture
def process(demo, db):
    return demo


def test_783_participants_and_458_inputs(process):
    assert participant_total(process=process) == 783
    assert Input.objects.filter(process=process).count() == 458
    assert Input.objects.filter(process=process).public().count() == 458


def test_realiser_shares_are_25_40_35(process):
    shares = {s.key: s.percent for s in realiser_distribution(process=process)}
    assert sum(s.count for s in realiser_distribution(process=process)) >= 120
    assert shares == {"municipality": 25.0, "residents": 40.0, "partnership": 35.0}


def test_plan_has_main_goal_four_focus_areas_and_203_traced_measures(process):
    plan = Plan.objects.get(process=process)
    assert plan.main_goal == "Borgen er et aktivt, åpent og inkluderende lokalsamfunn"
    assert process.focus_areas.count() == 4
    measures = Measure.objects.of_plan(plan)
    assert measures.count() == 203
    assert not measures.annotate(n=Count("proposal_links")).filter(n=0).exists()
    decision = Decision.objects.get(plan=plan)
    assert decision.meeting_date == datetime.date(2016, 11, 8) and decision.body == "Kommunestyret"
    statuses = set(measures.values_list("status", flat=True))
    assert {"done", "in_progress", "not_started", "postponed", "dropped"} <= statuses
    for measure in measures.filter(updates__isnull=False).distinct()[:50]:
        latest = measure.updates.order_by("-date", "-id").first()
        assert (measure.status, measure.progress) == (latest.status, latest.progress)


def test_every_arena_breakdown_adds_up(process):
    for arena in Arena.objects.filter(process=process).prefetch_related("participation"):
        by_dimension: dict[str, int] = {}
        for row in arena.participation.all():
            by_dimension[row.dimension] = by_dimension.get(row.dimension, 0) + row.count
        assert set(by_dimension.values()) == {arena.participant_count}, arena.title


def test_population_baseline(process):
    areas = process.areas.all()
    total = sum(
        a.population.filter(dimension="background").aggregate(n=Sum("count"))["n"] for a in areas
    )
    immigrant = sum(
        a.population.get(dimension="background", group="immigrant").count for a in areas
    )
    assert total == 5300 and round(100 * immigrant / total) == 35


def test_no_personal_data_in_inputs(process):
    email = re.compile(r"[\w.]+@[\w.]+")
    phone = re.compile(r"\b\d{8}\b")
    for text in Input.objects.values_list("text", flat=True):
        assert not email.search(text) and not phone.search(text)


def test_loading_twice_changes_nothing(process):
    before = (Input.objects.count(), Arena.objects.count(), Measure.objects.count())
    summary = load_borgen_demo()
    call_command("demo")
    assert summary["already_loaded"]
    assert (Input.objects.count(), Arena.objects.count(), Measure.objects.count()) == before


def test_demo_pages_show_the_seed_figures(client, process):
    html = client.get(f"/p/{SLUG}/").content.decode()
    for figure in ("783", "458", "203"):
        assert f"<dd>{figure}</dd>" in html
    shares = client.get(f"/p/{SLUG}/fordeling/").content.decode()
    assert "25 %" in shares and "40 %" in shares and "35 %" in shares
