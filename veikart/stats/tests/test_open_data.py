"""Open data: the ZIP holds every public resource as CSV and JSON, map inputs as GeoJSON and a
README with the licence — and no personal data at all (planted values are grepped for)."""

import csv
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
    measure_create,
)
from veikart.inputs.models import InputStatus
from veikart.processes.models import ArenaParticipation
from veikart.proposals.models import (
    Actor,
    ProposalInput,
    Support,
    Vote,
    Workshop,
    WorkshopParticipant,
)
from veikart.stats.open_data import RESOURCES, write_zip
from veikart.tracking.models import MeasureUpdate

pytestmark = pytest.mark.django_db

PLANTED = [
    "plantuser9q",
    "plant9q@example.invalid",
    "Zorvild",
    "Plantesen",
    "PLNT9QXZ",
    "EXTREF9Q",
    "HIDDENTEXT9Q",
    "HIDREASON9Q",
    "NEWTEXT9Q",
    "HOSTNAME9Q",
    "ANONTOKEN9Q",
    "WPTOKEN9Q",
    "WSC9Q",
    "DRAFTPROP9Q",
    "67+",
]


@pytest.fixture
def process():
    process = ProcessFactory(slug="p")
    person = UserFactory(
        username="plantuser9q",
        email="plant9q@example.invalid",
        first_name="Zorvild",
        last_name="Plantesen",
        display_name="Zorvild Plantesen",
    )
    fa = FocusAreaFactory(process=process)
    arena = ArenaFactory(process=process, host="HOSTNAME9Q", host_user=person)
    ArenaParticipation.objects.create(arena=arena, dimension="age", group="13-19", count=9)
    ArenaParticipation.objects.create(arena=arena, dimension="gender", group="other", count=2)
    public = [
        InputFactory(process=process, arena=arena, author=person, group_age="13-19", focus_area=fa)
        for _ in range(5)
    ]
    public.append(
        InputFactory(
            process=process,
            arena=arena,
            author=person,
            entered_by=person,
            receipt_code="PLNT9QXZ",
            external_ref="EXTREF9Q",
            group_age="67+",
            geometry={"type": "Point", "coordinates": [10.42, 59.83]},
        )
    )
    public.append(InputFactory(process=process, arena=arena, group_age="67+"))
    InputFactory(
        process=process,
        arena=arena,
        text="HIDDENTEXT9Q",
        status=InputStatus.HIDDEN,
        hidden_reason="HIDREASON9Q",
    )
    InputFactory(process=process, arena=arena, text="NEWTEXT9Q", status=InputStatus.NEW)
    proposal = ProposalFactory(process=process, focus_area=fa)
    link(proposal, *public)
    ProposalInput.objects.filter(proposal=proposal).update(linked_by=person)
    ProposalFactory(process=process, title="DRAFTPROP9Q", status="draft")
    Support.objects.create(proposal=proposal, user=person)
    Support.objects.create(proposal=proposal, anonymous_token="ANONTOKEN9Q")
    workshop = Workshop.objects.create(process=process, title="Veikartverksted", code="WSC9Q")
    participant = WorkshopParticipant.objects.create(workshop=workshop, token="WPTOKEN9Q")
    Vote.objects.create(workshop=workshop, participant=participant, proposal=proposal, dots=3)
    plan = PlanFactory(process=process)
    actor = Actor.objects.create(name="Frivilligsentralen", slug="fs", kind="voluntary")
    actor.contact_person = person
    actor.save()
    measure = measure_create(plan, fa, responsible=actor)
    measure.proposals.add(proposal)
    MeasureUpdate.objects.create(
        measure=measure,
        date="2017-03-01",
        status="in_progress",
        progress=20,
        text="Startet",
        author=person,
    )
    return process


def zip_of(process) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    write_zip(process, buffer)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def test_no_personal_data_in_any_file(process):
    archive = zip_of(process)
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8").lower()
        for planted in PLANTED:
            assert planted.lower() not in text, f"{planted!r} found in {name}"


def test_every_resource_as_csv_and_json_with_geojson_and_readme(process, settings):
    settings.VEIKART = {**settings.VEIKART, "OPEN_DATA_LICENCE": "NLOD 2.0"}
    archive = zip_of(process)
    names = set(archive.namelist())
    for resource in RESOURCES:
        assert {f"{resource.name}.csv", f"{resource.name}.json"} <= names
        rows = list(csv.reader(io.StringIO(archive.read(f"{resource.name}.csv").decode())))
        data = json.loads(archive.read(f"{resource.name}.json"))
        assert rows[0] == [c for c, _d in resource.columns]
        assert len(rows) - 1 == len(data)
    inputs = json.loads(archive.read("inputs.json"))
    assert len(inputs) == 7
    assert {i["group_age"] for i in inputs} == {"13-19", ""}
    proposals = json.loads(archive.read("proposals.json"))
    assert proposals[0]["supports"] == 2 and proposals[0]["vote_dots"] == 3
    geo = json.loads(archive.read("inputs.geojson"))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    participation = json.loads(archive.read("participation.json"))
    other = next(p for p in participation if p["group"] == "other")
    assert other["count"] == "" and other["suppressed"] is True
    readme = archive.read("README.md").decode()
    assert "NLOD 2.0" in readme and "group_background" in readme


def test_public_download_and_page(client, process):
    assert "apne-data.zip" in client.get("/p/p/apne-data/").content.decode()
    response = client.get("/p/p/apne-data.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "README.md" in archive.namelist()
    process.is_public = False
    process.save()
    assert client.get("/p/p/apne-data.zip").status_code == 404


def test_command_writes_the_zip(process, tmp_path):
    out = tmp_path / "open.zip"
    call_command("export_open_data", str(process.pk), "--out", str(out))
    assert "inputs.csv" in zipfile.ZipFile(out).namelist()
    with pytest.raises(CommandError) as e:
        call_command("export_open_data", "999999", "--out", str(out))
    assert e.value.returncode == 2
    with pytest.raises(CommandError) as e:
        call_command("export_open_data", str(process.pk), "--out", "/nonexistent/dir/x.zip")
    assert e.value.returncode == 2
