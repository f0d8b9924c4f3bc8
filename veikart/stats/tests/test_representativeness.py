"""Representativeness: participants by group against the population, flags, reach of methods
and arenas, small-cell suppression on the public page, the staff page and panel."""

import pytest

from tests.factories import ArenaFactory, InputFactory, ProcessFactory, UserFactory
from veikart.areas.models import Area, PopulationCount
from veikart.processes.models import ArenaParticipation
from veikart.stats.representativeness import representativeness

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    process = ProcessFactory(slug="borgen")
    area = Area.objects.create(name="Borgen", slug="borgen-a")
    town = Area.objects.create(name="Kommunen", slug="kommunen", is_municipality=True)
    process.areas.add(area, town)
    for dim, group, n in [
        ("age", "0-12", 200),
        ("age", "13-19", 100),
        ("age", "35-66", 700),
        ("background", "immigrant", 350),
        ("background", "majority", 650),
    ]:
        PopulationCount.objects.create(area=area, year=2015, dimension=dim, group=group, count=n)
        PopulationCount.objects.create(area=area, year=2014, dimension=dim, group=group, count=1)
    PopulationCount.objects.create(area=town, year=2015, dimension="age", group="0-12", count=9999)
    return process


def headcount(arena, **groups):
    for key, n in groups.items():
        dim, group = key.split("__")
        ArenaParticipation.objects.create(arena=arena, dimension=dim, group=group, count=n)


def test_shares_ratio_and_flag(process):
    arena = ArenaFactory(process=process, participant_count=100)
    headcount(arena, age__0_12=0, age__35_66=90, age__unknown=10)
    ArenaParticipation.objects.filter(group="0_12").update(group="0-12")
    ArenaParticipation.objects.filter(group="35_66").update(group="35-66")
    kids = ArenaFactory(process=process, participant_count=10, title="Barnetråkk")
    headcount(kids, age__0_12=10)
    ArenaParticipation.objects.filter(group="0_12").update(group="0-12")
    report = representativeness(process=process, threshold=0.8)
    assert report.population_total == 1000 and report.population_year == 2015
    age = report.tables[0]
    rows = {r.group: r for r in age.rows}
    assert age.known_participants == 100 and age.unknown_participants == 10
    assert rows["0-12"].participant_share == pytest.approx(10.0)
    assert rows["0-12"].population_share == pytest.approx(20.0)
    assert rows["0-12"].ratio == pytest.approx(0.5) and rows["0-12"].flagged
    assert not rows["35-66"].flagged
    assert rows["13-19"].flagged  # nobody from the group, residents exist
    flagged = {f.row.group: f for f in report.flagged}
    assert flagged["0-12"].best_arenas[0].name == "Barnetråkk"
    assert flagged["0-12"].best_arenas[0].share == pytest.approx(100.0)


def test_threshold_is_a_setting(process, settings):
    arena = ArenaFactory(process=process)
    headcount(arena, background__immigrant=30, background__majority=70)
    settings.VEIKART = {**settings.VEIKART, "REPRESENTATIVENESS_THRESHOLD": 0.9}
    assert any(f.row.group == "immigrant" for f in representativeness(process=process).flagged)
    settings.VEIKART = {**settings.VEIKART, "REPRESENTATIVENESS_THRESHOLD": 0.8}
    assert not any(f.row.group == "immigrant" for f in representativeness(process=process).flagged)


def test_online_inputs_count_by_self_described_group(process):
    online = ArenaFactory(process=process, counts_itself=True, participant_count=0)
    for _ in range(3):
        InputFactory(process=process, arena=online, group_background="immigrant")
    report = representativeness(process=process)
    background = {r.group: r for r in report.tables[2].rows}
    assert background["immigrant"].participants == 3 and background["immigrant"].inputs == 3


def test_public_page_suppresses_small_groups(client, process):
    arena = ArenaFactory(process=process)
    headcount(arena, background__immigrant=3, background__majority=97)
    report = representativeness(process=process, public=True)
    immigrant = next(r for r in report.tables[2].rows if r.group == "immigrant")
    assert immigrant.suppressed
    html = client.get("/p/borgen/representativitet/").content.decode()
    assert "færre enn 5" in html.lower() or "fewer than 5" in html.lower()
    assert ">3<" not in html


def test_staff_page_and_panel(client, process, django_assert_max_num_queries):
    arena = ArenaFactory(process=process)
    headcount(arena, background__immigrant=3, background__majority=97)
    assert client.get("/p/borgen/stab/representativitet/").status_code == 302
    client.force_login(UserFactory(role="resident"))
    assert client.get("/p/borgen/stab/representativitet/").status_code == 403
    client.force_login(UserFactory(role="manager"))
    with django_assert_max_num_queries(20):
        response = client.get("/p/borgen/stab/representativitet/")
    html = response.content.decode()
    assert response.status_code == 200 and ">3<" in html
    panel = client.get("/p/borgen/stab/arenaer/").content.decode()
    assert "repr-panel" in panel


def test_demo_flags_an_under_represented_group():
    from veikart.core.demo.borgen import load_borgen_demo
    from veikart.processes.models import Process

    load_borgen_demo()
    report = representativeness(process=Process.objects.get(slug="borgenprosjektet"))
    assert report.population_total == 5300
    assert report.flagged
    assert report.flagged[0].best_methods
