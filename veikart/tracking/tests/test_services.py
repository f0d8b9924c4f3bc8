import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from tests.factories import UserFactory
from veikart.core.models import AuditLog
from veikart.plans.models import MeasureStatus
from veikart.processes.models import PhaseKind
from veikart.tracking.models import Committee, CommitteeMember
from veikart.tracking.selectors import measures_overdue, plan_rollup, status_counts
from veikart.tracking.services import measure_update_post

pytestmark = pytest.mark.django_db


def post(actor, measure, **kwargs):
    values = {
        "date": datetime.date(2018, 5, 1),
        "status": "in_progress",
        "progress": 40,
        "text": "Startet",
    }
    values.update(kwargs)
    return measure_update_post(actor=actor, measure=measure, **values)


def test_newest_update_sets_status_and_progress(measure, member):
    post(member, measure)
    post(member, measure, date=datetime.date(2017, 1, 1), status="not_started", progress=0)
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == ("in_progress", 40)
    assert AuditLog.objects.for_object(measure).count() == 2


@pytest.mark.parametrize(
    "status,progress,text,date",
    [
        ("finished", 10, "x", datetime.date(2018, 1, 1)),
        ("done", 101, "x", datetime.date(2018, 1, 1)),
        ("done", 90, "x", datetime.date(2018, 1, 1)),  # done means 100 %
        ("done", 100, " ", datetime.date(2018, 1, 1)),
        ("in_progress", 10, "x", datetime.date(2999, 1, 1)),  # future
        ("in_progress", True, "x", datetime.date(2018, 1, 1)),
    ],
)
def test_bad_update_is_refused(measure, manager, status, progress, text, date):
    with pytest.raises(ValidationError):
        post(manager, measure, status=status, progress=progress, text=text, date=date)
    assert measure.updates.count() == 0
    assert not AuditLog.objects.exists()


def test_member_of_another_committee_is_refused_and_nothing_changes(measure, member, process):
    outsider = UserFactory(role="committee")
    other = Committee.objects.create(process=process, name="Oppgaveutvalg")
    CommitteeMember.objects.create(committee=other, user=outsider)
    with pytest.raises(PermissionDenied):
        post(outsider, measure, status="done", progress=100)
    measure.refresh_from_db()
    assert (measure.status, measure.progress, measure.updates.count()) == ("not_started", 0, 0)
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize("role", ["resident", "host", "moderator", None])
def test_other_roles_are_refused(measure, role):
    actor = UserFactory(role=role) if role else None
    with pytest.raises(PermissionDenied):
        post(actor, measure)
    assert measure.updates.count() == 0


def test_committee_member_is_refused_outside_implementation(measure, member, process):
    process.current_phase = PhaseKind.WORKSHOP
    process.save()
    measure.refresh_from_db()
    with pytest.raises(PermissionDenied):
        post(member, measure)
    assert measure.updates.count() == 0


def test_manager_may_post_for_any_measure(measure, manager):
    post(manager, measure, status="done", progress=100)
    measure.refresh_from_db()
    assert measure.status == "done"


# --- attachments -------------------------------------------------------------------------
def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (20, 10), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (59.0, 49.0, 30.0)}  # GPSInfo: latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_jpeg_attachment_is_stored_without_metadata(measure, manager, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = _jpeg_with_gps()
    assert b"PhoneMaker" in data
    upload = SimpleUploadedFile("bilde.exe", data, content_type="application/octet-stream")
    update = post(manager, measure, attachment=upload)
    assert update.attachment.name.endswith(".jpg")
    stored = update.attachment.read()
    assert b"PhoneMaker" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
        assert image.size == (20, 10)


def test_pdf_attachment_is_kept(measure, manager, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4\n%...\n%%EOF\n")
    update = post(manager, measure, attachment=upload)
    assert update.attachment.name.endswith(".pdf")


@pytest.mark.parametrize(
    "name,data",
    [
        ("rapport.pdf", b"MZ\x90\x00 this is a program"),
        ("tom.pdf", b""),
        ("bilde.png", b"\x89PNG\r\n\x1a\nbroken"),
        ("doc.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_bad_attachment_is_refused_and_nothing_stored(
    measure, manager, settings, tmp_path, name, data
):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as error:
        post(manager, measure, attachment=SimpleUploadedFile(name, data))
    assert "attachment" in error.value.message_dict
    assert measure.updates.count() == 0
    assert not list(tmp_path.rglob("*.*"))


def test_too_large_attachment_is_refused(measure, manager, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("veikart.core.uploads.MAX_BYTES", 100)
    with pytest.raises(ValidationError):
        post(manager, measure, attachment=SimpleUploadedFile("r.pdf", b"%PDF-" + b"x" * 200))
    assert measure.updates.count() == 0


def test_docx_attachment_is_recognised_by_content(measure, manager, settings, tmp_path):
    import docx

    settings.MEDIA_ROOT = tmp_path
    document = docx.Document()
    document.add_paragraph("Referat fra utvalgsmøtet")
    out = io.BytesIO()
    document.save(out)
    update = post(manager, measure, attachment=SimpleUploadedFile("referat", out.getvalue()))
    assert update.attachment.name.endswith(".docx")


# --- roll-ups and overdue ----------------------------------------------------------------
def test_rollup_is_the_mean_of_measures_without_dropped(plan, tree):
    rollup = plan_rollup(plan=plan, on=datetime.date(2025, 1, 1))
    # measures counted: 100, 40, 30, 0, 50 (dropped left out) → 220 / 5
    assert rollup.plan.total == 6 and rollup.plan.counted == 5
    assert rollup.plan.mean == pytest.approx(44.0)
    assert rollup.plan.done == 1 and rollup.plan.overdue == 2
    focus = {n.label: n for n in rollup.focus_areas}
    assert focus["Stedsutvikling"].progress.mean == pytest.approx(170 / 4)
    assert focus["Offentlige tjenester"].progress.mean == pytest.approx(50)
    goals = {g.label: g for g in rollup.goals}
    assert goals["Mål 1"].progress.mean == pytest.approx(70)  # (100 + 40) / 2, dropped out
    assert goals["Mål 2"].progress.mean == pytest.approx(15)
    strategies = {s.label: s for g in rollup.goals for s in g.children}
    assert strategies["S2"].progress.mean is None  # only a dropped measure
    assert strategies["S2"].progress.total == 1


def test_rollup_takes_two_queries_whatever_the_size(plan, tree):
    with CaptureQueriesContext(connection) as queries:
        plan_rollup(plan=plan)
    assert len(queries) == 2


def test_overdue_excludes_done_dropped_and_future(plan, tree):
    overdue = list(measures_overdue(plan=plan, on=datetime.date(2025, 1, 1)))
    assert sorted(m.number for m in overdue) == ["1.1.2", "2.1.2"]
    assert not list(measures_overdue(plan=plan, on=datetime.date(2019, 1, 1)))


def test_status_counts_include_zeros(plan, tree):
    counts = {c.value: c.count for c in status_counts(plan=plan)}
    assert counts == {
        MeasureStatus.NOT_STARTED: 1,
        MeasureStatus.IN_PROGRESS: 2,
        MeasureStatus.DONE: 1,
        MeasureStatus.POSTPONED: 1,
        MeasureStatus.DROPPED: 1,
    }
