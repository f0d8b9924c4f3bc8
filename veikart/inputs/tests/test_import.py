"""Bulk import of inputs: reading files, checking rows, all or nothing, re-import, command, task."""

import hashlib
import io
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from tests.factories import ArenaFactory, FocusAreaFactory, ProcessFactory, UserFactory
from veikart.core.models import AuditLog
from veikart.inputs import import_services, importing
from veikart.inputs.import_services import (
    ImportRowsInvalid,
    import_job_commit,
    import_job_create,
    import_job_preview,
    import_job_task,
    inputs_import,
)
from veikart.inputs.importing import ImportFileError, RowChecker, TableFile
from veikart.inputs.models import ImportJob, Input, InputSource, InputStatus
from veikart.processes.models import PhaseKind

ROOT = Path(__file__).resolve().parents[3]
SHA = "ab" * 32


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def table(data: bytes, name: str = "innspill.csv") -> TableFile:
    return importing.table_open(lambda: io.BytesIO(data), name=name)


def rows(t: TableFile) -> list[tuple[int, list]]:
    return list(t.data_rows())


def xlsx_bytes(data: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in data:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Reading -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("tekst;gruppe\nBlåbærtur på Østsiden;13-19\n".encode(), "utf-8-sig"),
        ("\ufefftekst;gruppe\nBlåbærtur på Østsiden;13-19\n".encode(), "utf-8-sig"),
        ("tekst;gruppe\r\nBlåbærtur på Østsiden;13-19\r\n".encode("cp1252"), "cp1252"),
        ("tekst;gruppe\nBlåbærtur på Østsiden;13-19\n".encode("utf-16"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "windows-1252", "utf16"],
)
def test_encodings_are_detected(data, encoding):
    t = table(data)
    assert t.encoding == encoding and t.delimiter == ";"
    assert t.header() == ["tekst", "gruppe"]
    assert rows(t) == [(2, ["Blåbærtur på Østsiden", "13-19"])]


def test_windows_1252_with_a_late_non_utf8_byte_is_read_as_windows_1252():
    data = ("tekst\n" + "Ok rad\n" * 20000 + "Sær rad på slutten\n").encode("cp1252")
    t = table(data)
    assert t.encoding == "cp1252"
    assert rows(t)[-1] == (20002, ["Sær rad på slutten"])


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters_are_detected(delimiter):
    data = delimiter.join(["text", "group", "lat"]) + "\n" + delimiter.join(["Hei", "", "59"])
    t = table(data.encode())
    assert t.delimiter == delimiter
    assert t.header() == ["text", "group", "lat"]


def test_commas_inside_text_do_not_fool_the_semicolon_file():
    t = table(b'tekst;gruppe\n"Lys, benker, og mer lys";67+\n')
    assert t.delimiter == ";"
    assert rows(t) == [(2, ["Lys, benker, og mer lys", "67+"])]


def test_quoted_newlines_keep_one_record_and_spreadsheet_line_numbers():
    data = 'tekst;gruppe\n"Første linje\nandre linje";13-19\n"";\nTredje;\n'.encode()
    t = table(data)
    assert rows(t) == [(2, ["Første linje\nandre linje", "13-19"]), (4, ["Tredje", ""])]


def test_xlsx_is_read_with_numbers_as_numbers():
    data = xlsx_bytes(
        [["Innspill", "Gruppe", "Lat", "Lon"], ["Benk ved vannet", "67+", 59.83, 10.43], [None]]
    )
    t = table(data, name="innspill.xlsx")
    assert t.kind == "xlsx"
    assert t.header() == ["Innspill", "Gruppe", "Lat", "Lon"]
    assert rows(t) == [(2, ["Benk ved vannet", "67+", 59.83, 10.43])]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "tom.csv", "empty"),
        (b"\n\n  \n", "tom.csv", "empty"),
        (b"%PDF-1.4 binary", "innspill.pdf", "Unknown file format"),
        (b"\xd0\xcf\x11\xe0rest", "gammel.xls", "Old Excel"),
        (b"not a zip", "innspill.xlsx", "not a valid XLSX"),
        (b"PK\x03\x04 a zip but no workbook", "innspill.xlsx", "XLSX file cannot be read"),
        (b"text\nbad \x81 byte\n", "innspill.csv", "characters cannot be read"),
        (b"text\nnul \x00 byte\n", "innspill.csv", "does not look like a CSV"),
    ],
)
def test_unreadable_files_raise_one_error(data, name, message):
    with pytest.raises(ImportFileError, match=message):
        t = table(data, name=name)
        t.count_rows()


def test_header_only_file_has_no_rows():
    assert rows(table(b"tekst\n")) == []


# --- Mapping -------------------------------------------------------------------------------


def test_columns_are_mapped_by_norwegian_and_english_names():
    header = ["Nr", "Innspill", "Gruppe", "Innsatsområde", "Breddegrad", "Lengdegrad"]
    assert importing.mapping_guess(header) == {
        "text": 1,
        "group": 2,
        "focus_area": 3,
        "lat": 4,
        "lon": 5,
    }
    assert importing.mapping_guess(["TEXT", "focus_area", "lon", "lat"]) == {
        "text": 0,
        "group": None,
        "focus_area": 1,
        "lat": 3,
        "lon": 2,
    }


def test_missing_text_column_is_an_error():
    with pytest.raises(ImportFileError, match="No text column"):
        importing.mapping_required(["navn", "gruppe"])
    with pytest.raises(Exception, match="text"):
        importing.mapping_clean({"group": 1}, ["navn", "gruppe"])


# --- Row checks ----------------------------------------------------------------------------


@pytest.fixture
def process():
    return ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)


@pytest.fixture
def arena(process):
    return ArenaFactory(process=process, title="Gjestebud i Askerlia")


@pytest.fixture
def manager():
    return UserFactory(username="leder", role="manager")


def checker(process, **mapping):
    full = {"text": 0, "group": None, "focus_area": None, "lat": None, "lon": None, **mapping}
    return RowChecker(mapping=full, focus_areas=process.focus_areas.all())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13-19", {"group_age": "13-19"}),
        ("13–19 år", {"group_age": "13-19"}),
        ("67+", {"group_age": "67+"}),
        ("kvinne", {"group_gender": "female"}),
        (
            "13-19 / Kvinne, innvandrerbakgrunn",
            {"group_age": "13-19", "group_gender": "female", "group_background": "immigrant"},
        ),  # fmt: skip
        ("male; majority", {"group_gender": "male", "group_background": "majority"}),
        ("ukjent", {}),
        ("", {}),
    ],
)
def test_group_column_sets_each_value_in_its_dimension(process, value, expected):
    row = checker(process, group=1).check(2, ["Hei", value])
    groups = {k: getattr(row, k) for k in ("group_age", "group_gender", "group_background")}
    assert {k: v for k, v in groups.items() if v} == expected


@pytest.mark.django_db
def test_bad_rows_are_listed_with_line_and_reason(process):
    FocusAreaFactory(process=process, name="Møteplasser", slug="moteplasser")
    data = (
        "tekst;gruppe;innsatsområde;lat;lon\n"
        "God rad;13-19;Møteplasser;59,83;10,43\n"  # 2
        "   ;13-19;;;\n"  # 3
        "Rad;tenåring;;;\n"  # 4
        "Rad;13-19/20-34;;;\n"  # 5
        "Rad;;Ukjent tema;;\n"  # 6
        "Rad;;;59,8;\n"  # 7
        "Rad;;;nord;øst\n"  # 8
        "Rad;;;95;10\n"  # 9
        f"{'x' * 5001};;;;\n"  # 10
        "Slug går også;;moteplasser;;\n"  # 11
    ).encode()
    t = table(data)
    mapping = importing.mapping_required(t.header())
    preview = importing.preview_make(
        t, RowChecker(mapping=mapping, focus_areas=process.focus_areas.all())
    )
    assert preview.total == 10 and preview.good == 2
    lines = {e.line: e.message for e in preview.errors}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert lines[3] == "text is empty"
    assert "tenåring" in lines[4] and "Ukjent tema" in lines[6]
    assert "both latitude and longitude" in lines[7]
    assert "numbers" in lines[8] and "degrees" in lines[9] and "too long" in lines[10]
    assert str(preview.errors[0]) == "line 3: text is empty"


# --- The import ----------------------------------------------------------------------------


GOOD_CSV = (
    "tekst;gruppe;innsatsområde;breddegrad;lengdegrad\n"
    "Flere benker langs stien;67+;Møteplasser;59,83;10,43\n"
    "Bedre lys ved skolen;13-19/kvinne;;;\n"
    "Ballbinge på Borgen;;moteplasser;;\n"
).encode()


def run_import(arena, data: bytes, *, actor=None, **kwargs):
    t = table(data)
    return inputs_import(
        actor=actor,
        arena=arena,
        rows=t.data_rows(),
        mapping=importing.mapping_required(t.header()),
        file_sha256=sha(data),
        **kwargs,
    )


@pytest.mark.django_db
def test_import_stores_every_row_with_one_audit_row(arena, manager):
    fa = FocusAreaFactory(process=arena.process, name="Møteplasser", slug="moteplasser")
    result = run_import(arena, GOOD_CSV, actor=manager)
    assert (result.created, result.skipped) == (3, 0)
    items = {i.text: i for i in Input.objects.all()}
    bench = items["Flere benker langs stien"]
    assert bench.group_age == "67+" and bench.focus_area == fa
    assert bench.geometry == {"type": "Point", "coordinates": [10.43, 59.83]}
    assert items["Bedre lys ved skolen"].group_gender == "female"
    assert items["Ballbinge på Borgen"].focus_area == fa
    for item in items.values():
        assert item.status == InputStatus.NEW and item.source == InputSource.IMPORT
        assert item.entered_by == manager and item.author is None
        assert item.arena == arena and item.process == arena.process
        assert item.external_ref.startswith(sha(GOOD_CSV)[:16] + ":")
        assert len(item.receipt_code) == 8 and item.created_at is not None
    assert len({i.receipt_code for i in items.values()}) == 3
    audit = AuditLog.objects.get()
    assert audit.action == "inputs.import" and audit.data["created"] == 3


@pytest.mark.django_db
def test_a_bad_row_means_nothing_is_stored(arena):
    data = GOOD_CSV.replace(b"Bedre lys ved skolen", b"  ")
    with pytest.raises(ImportRowsInvalid) as e:
        run_import(arena, data)
    assert [str(err) for err in e.value.errors] == [
        "line 2: unknown focus area “Møteplasser”",
        "line 3: text is empty",
        "line 4: unknown focus area “moteplasser”",
    ]
    assert Input.objects.count() == 0 and AuditLog.objects.count() == 0


@pytest.mark.django_db
def test_reimporting_the_same_file_creates_no_duplicates(arena):
    FocusAreaFactory(process=arena.process, name="Møteplasser", slug="moteplasser")
    run_import(arena, GOOD_CSV)
    again = run_import(arena, GOOD_CSV)
    assert (again.created, again.skipped) == (0, 3)
    assert Input.objects.count() == 3
    bigger = GOOD_CSV + b"En ny rad\n"  # another file: its rows are new
    assert run_import(arena, bigger).created == 4


@pytest.mark.django_db
def test_import_in_many_batches_with_unique_receipt_codes(arena):
    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(95))).encode()
    calls = []
    result = run_import(arena, data, batch_size=10, progress=calls.append)
    assert result.created == 95 and Input.objects.count() == 95
    assert Input.objects.values("receipt_code").distinct().count() == 95
    assert calls[0] == 10 and calls[-1] == 95


@pytest.mark.django_db
def test_receipt_codes_avoid_the_database_and_each_other(arena):
    taken = set(Input.objects.values_list("receipt_code", flat=True))
    codes = import_services.receipt_codes_new(5000, taken=taken)
    assert len(set(codes)) == 5000
    assert all(len(c) == 8 and set(c) <= set(import_services.RECEIPT_ALPHABET) for c in codes)


@pytest.mark.django_db(transaction=True)
def test_failure_after_some_batches_leaves_nothing(arena):
    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(100))).encode()

    def progress(done):
        if done >= 30:  # three batches are in
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_import(arena, data, batch_size=10, progress=progress)
    assert Input.objects.count() == 0
    assert AuditLog.objects.filter(action="inputs.import").count() == 0


# --- The command ---------------------------------------------------------------------------


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.django_db
def test_command_imports_and_prints_one_line(tmp_path, arena, manager):
    FocusAreaFactory(process=arena.process, name="Møteplasser", slug="moteplasser")
    out, err = io.StringIO(), io.StringIO()
    path = write(tmp_path, "innspill.csv", GOOD_CSV)
    call_command(
        "import_inputs", path, "--arena", arena.pk, "--actor", "leder", stdout=out, stderr=err
    )
    assert Input.objects.filter(entered_by=manager).count() == 3
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Imported 3 inputs")
    assert "100%" in err.getvalue()


@pytest.mark.django_db
def test_command_xlsx_and_dry_run(tmp_path, arena):
    path = write(tmp_path, "innspill.xlsx", xlsx_bytes([["text", "group"], ["Hei", "13-19"]]))
    out = io.StringIO()
    call_command("import_inputs", path, "--arena", arena.pk, "--dry-run", stdout=out, stderr=out)
    assert "1 would be imported" in out.getvalue() and Input.objects.count() == 0
    call_command("import_inputs", path, "--arena", arena.pk, stdout=out, stderr=out)
    assert Input.objects.get().group_age == "13-19"


@pytest.mark.django_db
def test_command_bad_rows_one_line_each_exit_2_nothing_stored(tmp_path, arena):
    data = b"text;group\nGod\n;13-19\nOgsaa god;13-19\n  ;67+\nRad;99-100\n;\n"
    err = io.StringIO()
    with pytest.raises(CommandError) as e:
        call_command(
            "import_inputs", write(tmp_path, "f.csv", data), "--arena", arena.pk, stderr=err
        )
    assert e.value.returncode == 2 and "nothing was stored" in str(e.value)
    bad = [line for line in err.getvalue().splitlines() if line.startswith("line ")]
    assert bad == [
        "line 3: text is empty",
        "line 5: text is empty",
        "line 6: unknown group “99-100”",
    ]
    assert Input.objects.count() == 0 and AuditLog.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "arena_id", "message"),
    [
        ("missing.csv", None, None, "File not found"),
        ("f.pdf", b"%PDF", None, "Unknown file format"),
        ("f.csv", b"", None, "empty"),
        ("f.csv", b"navn;gruppe\nPer;13-19\n", None, "No text column"),
        ("f.csv", b"text\nHei\n", 999999, "No arena"),
    ],
)
def test_command_file_and_arena_errors_exit_2(tmp_path, arena, name, data, arena_id, message):
    path = str(tmp_path / name) if data is None else write(tmp_path, name, data)
    with pytest.raises(CommandError, match=message) as e:
        call_command("import_inputs", path, "--arena", arena_id or arena.pk, stderr=io.StringIO())
    assert e.value.returncode == 2 and "\n" not in str(e.value)


# --- The job of the upload screens, and the task ---------------------------------------------


def upload(data: bytes, name: str = "innspill.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.mark.django_db
def test_job_lifecycle_preview_then_commit(arena, manager):
    FocusAreaFactory(process=arena.process, name="Møteplasser", slug="moteplasser")
    job = import_job_create(actor=manager, arena=arena, upload=upload(GOOD_CSV))
    assert job.total_rows == 3 and job.file_sha256 == sha(GOOD_CSV)
    assert job.mapping == {"text": 0, "group": 1, "focus_area": 2, "lat": 3, "lon": 4}
    preview = import_job_preview(actor=manager, job=job)
    assert (preview.good, preview.errors) == (3, [])
    job = import_job_commit(actor=manager, job=job)
    assert job.status == ImportJob.Status.DONE and job.created_count == 3
    assert Input.objects.count() == 3
    again = import_job_create(actor=manager, arena=arena, upload=upload(GOOD_CSV))
    assert import_job_preview(actor=manager, job=again).already_imported == 3


@pytest.mark.django_db
def test_large_job_runs_in_the_task(
    arena, manager, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(import_services, "SYNC_MAX_ROWS", 5)
    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(40))).encode()
    job = import_job_create(actor=manager, arena=arena, upload=upload(data))
    import_job_preview(actor=manager, job=job)
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_commit(actor=manager, job=job)
    assert job.status == ImportJob.Status.QUEUED  # as returned; the task ran on commit
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 40
    assert job.processed_rows == 40 and Input.objects.count() == 40


@pytest.mark.django_db
def test_task_function_reports_progress_while_checking(arena, manager, monkeypatch):
    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(30))).encode()
    job = import_job_create(actor=manager, arena=arena, upload=upload(data))
    import_job_preview(actor=manager, job=job)
    seen = []
    real = import_services._job_update

    def spy(job, **fields):
        seen.append(fields.get("processed_rows"))
        real(job, **fields)

    monkeypatch.setattr(import_services, "_job_update", spy)
    result = import_job_task.call(job_id=job.pk)
    assert result == {"created": 30, "skipped": 0}
    progress = [n for n in seen if n is not None]
    assert progress[0] == 0 and progress == sorted(progress) and progress[-1] == 30
    assert len(progress) > 30  # every row (1 % of 30 rounds up to one row), outside the import
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE


@pytest.mark.django_db
def test_a_failing_job_stores_nothing_and_says_so(arena, manager, monkeypatch):
    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(30))).encode()
    job = import_job_create(actor=manager, arena=arena, upload=upload(data))
    import_job_preview(actor=manager, job=job)
    monkeypatch.setattr(import_services, "BATCH_SIZE", 10)

    def boom(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(import_services, "receipt_codes_new", boom)
    with pytest.raises(OSError):
        import_job_task.call(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and job.errors
    assert Input.objects.count() == 0
    assert AuditLog.objects.filter(action="inputs.import").count() == 0


# --- The screens ---------------------------------------------------------------------------


@pytest.fixture
def manager_client(client, manager, settings):
    client.force_login(manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # messages checked in English
    return client


def url(name, *args):
    return reverse(f"inputs:{name}", args=["borgen", *args])


@pytest.mark.django_db
def test_screens_upload_map_preview_commit(manager_client, arena):
    FocusAreaFactory(process=arena.process, name="Møteplasser", slug="moteplasser")
    assert manager_client.get(url("import_start")).status_code == 200
    response = manager_client.post(
        url("import_start"), {"arena": arena.pk, "file": upload(GOOD_CSV)}
    )
    job = ImportJob.objects.get()
    assert response.url == url("import_mapping", job.pk)
    page = manager_client.get(response.url).content.decode()
    assert 'value="1" selected' in page  # the group column, preselected
    assert "Flere benker langs stien" in page  # the sample rows
    mapping = {"text": "0", "group": "1", "focus_area": "2", "lat": "3", "lon": "4"}
    response = manager_client.post(url("import_mapping", job.pk), mapping)
    assert response.url == url("import_preview", job.pk)
    page = manager_client.get(response.url).content.decode()
    assert 'class="commit-button"' in page
    response = manager_client.post(url("import_commit", job.pk))
    assert response.url == url("import_job", job.pk)
    assert Input.objects.count() == 3
    page = manager_client.get(response.url).content.decode()
    assert "import-done" in page and "hx-trigger" not in page


@pytest.mark.django_db
def test_screens_list_bad_rows_and_refuse_to_commit(manager_client, arena):
    data = b"tekst;gruppe\nGod;\n;13-19\nRad;tenaaring\n"
    manager_client.post(url("import_start"), {"arena": arena.pk, "file": upload(data)})
    job = ImportJob.objects.get()
    manager_client.post(url("import_mapping", job.pk), {"text": "0", "group": "1"})
    page = manager_client.get(url("import_preview", job.pk)).content.decode()
    assert "commit-button" not in page
    assert re.search(r'<td class="num">3</td><td>text is empty</td>', page)
    assert re.search(r'<td class="num">4</td><td>unknown group', page)
    response = manager_client.post(url("import_commit", job.pk))
    assert response.url == url("import_preview", job.pk)
    assert Input.objects.count() == 0
    errors = manager_client.get(url("import_errors", job.pk)).content.decode("utf-8-sig")
    assert "3;text is empty" in errors


@pytest.mark.django_db
def test_screens_missing_text_column_and_bad_file(manager_client, arena):
    response = manager_client.post(
        url("import_start"), {"arena": arena.pk, "file": upload(b"", "tom.csv")}
    )
    assert response.status_code == 400 and ImportJob.objects.count() == 0
    manager_client.post(
        url("import_start"), {"arena": arena.pk, "file": upload(b"navn;gruppe\nPer;67+\n")}
    )
    job = ImportJob.objects.get()
    response = manager_client.post(url("import_mapping", job.pk), {"text": "", "group": "1"})
    assert response.status_code == 400 and "field-error" in response.content.decode()


@pytest.mark.django_db
def test_progress_partial_polls_while_running(manager_client, arena, manager):
    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(10))).encode()
    job = import_job_create(actor=manager, arena=arena, upload=upload(data))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, processed_rows=4)
    response = manager_client.get(url("import_job", job.pk), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="import-progress"')
    assert 'hx-trigger="every 1s"' in html and 'value="4"' in html and 'max="10"' in html
    assert f'href="{url("import_job", job.pk)}"' in html  # plain reload link without JS
    assert "<script" not in html and "style=" not in html
    ImportJob.objects.filter(pk=job.pk).update(processed_rows=10)
    html = manager_client.get(url("import_job", job.pk), headers={"HX-Request": "true"})
    assert "Step 2 of 2" in html.content.decode()


@pytest.mark.django_db
def test_only_managers_may_import(client, arena):
    client.force_login(UserFactory(role="host"))
    assert client.get(url("import_start")).status_code == 403
    client.logout()
    assert client.get(url("import_start")).status_code == 302


# --- Really killed: a subprocess on a file-based SQLite database ------------------------------


def veikart(args: list[str], db: Path, **kwargs) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "MEDIA_ROOT": str(db.parent / "media"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(  # noqa: S603 (our own command, fixed arguments)
        [sys.executable, "-m", "veikart.cli", *args], cwd=ROOT, env=env, text=True, **kwargs
    )


@pytest.fixture(scope="module")
def file_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("killdb") / "veikart.sqlite3"
    assert veikart(["migrate", "-v0"], db).wait(timeout=120) == 0
    setup = (
        "from veikart.processes.models import Process;"
        "from veikart.processes.services import arena_create, method_from_catalogue;"
        "p = Process.objects.create(name='K', slug='k');"
        "a = arena_create(actor=None, process=p, "
        "method=method_from_catalogue(slug='gjestebud'), title='A');"
        "print(a.pk)"
    )
    proc = veikart(["shell", "-c", setup], db, stdout=subprocess.PIPE)
    out, _err = proc.communicate(timeout=60)
    return db, out.strip().splitlines()[-1]


def test_command_exit_status_is_2_for_a_bad_file(file_db, tmp_path):
    db, arena_id = file_db
    path = write(tmp_path, "bad.csv", b"text;group\nGod;\n;13-19\n")
    proc = veikart(
        ["import-inputs", path, "--arena", arena_id],
        db,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert re.search(r"^\w+ 3: ", err, re.MULTILINE)  # "line 3: …" in any language
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from inputs_input").fetchone() == (0,)


def test_killed_import_leaves_nothing(file_db, tmp_path):
    db, arena_id = file_db
    data = ("text\n" + "".join(f"Innspill nummer {n} om lys\n" for n in range(150_000))).encode()
    path = write(tmp_path, "stor.csv", data)
    proc = veikart(
        ["import-inputs", path, "--arena", arena_id],
        db,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    killed_at = None
    deadline = time.monotonic() + 60
    for line in proc.stderr:  # not a terminal: one progress line per 10 %
        match = re.search(r"(\d+)% \(", line)
        if match and int(match.group(1)) >= 20:
            killed_at = int(match.group(1))
            proc.send_signal(signal.SIGKILL)
            break
        assert time.monotonic() < deadline
    proc.wait(timeout=30)
    assert killed_at is not None and killed_at < 100, "the import finished before it was killed"
    assert proc.returncode == -signal.SIGKILL
    digest = sha(data)
    with sqlite3.connect(db) as conn:  # nothing of this file; the other tests' rows may be there
        like = conn.execute(
            "select count(*) from inputs_input where external_ref like ?", (digest[:16] + ":%",)
        )
        assert like.fetchone() == (0,)
        audit = conn.execute(
            "select count(*) from core_auditlog where action = 'inputs.import' and data like ?",
            (f"%{digest}%",),
        )
        assert audit.fetchone() == (0,)


def test_the_task_worker_runs_a_queued_job(file_db):
    """The real thing: the job is queued in the database and `veikart db_worker` imports it."""
    db, arena_id = file_db
    script = (
        "from django.core.files.uploadedfile import SimpleUploadedFile as F;"
        "from veikart.inputs import import_services as s;"
        "from veikart.processes.models import Arena;"
        f"a = Arena.objects.get(pk={arena_id});"
        "data = ('text\\n' + ''.join(f'Innspill {n}\\n' for n in range(3000))).encode();"
        "job = s.import_job_create(actor=None, arena=a, upload=F('stor.csv', data));"
        "s.import_job_preview(actor=None, job=job);"
        "print(s.import_job_commit(actor=None, job=job).status)"
    )
    proc = veikart(["shell", "-c", script], db, stdout=subprocess.PIPE)
    assert proc.communicate(timeout=60)[0].strip().endswith("queued")
    worker = veikart(
        ["db_worker", "--batch", "--no-startup-delay"],
        db,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert worker.wait(timeout=60) == 0
    with sqlite3.connect(db) as conn:
        job = conn.execute(
            "select status, processed_rows, created_count from inputs_importjob"
            " where file_name = 'stor.csv'"
        ).fetchone()
        assert job == ("done", 3000, 3000)
        assert conn.execute("select count(*) from inputs_input").fetchone() == (3000,)


@pytest.mark.django_db
def test_a_job_cannot_be_committed_twice(arena, manager):
    job = import_job_create(actor=manager, arena=arena, upload=upload(b"text\nHei\n"))
    import_job_preview(actor=manager, job=job)
    stale_copy = ImportJob.objects.get(pk=job.pk)
    import_job_commit(actor=manager, job=job)
    with pytest.raises(ValidationError):
        import_job_commit(actor=manager, job=stale_copy)
    assert Input.objects.count() == 1
    assert ImportJob.objects.get(pk=job.pk).created_count == 1


def test_import_killed_at_20_random_moments_is_all_or_nothing_each_time(file_db, tmp_path):
    """SIGKILL at 20 moments spread over start-up, reading, checking, storing and commit: each
    time the file's rows are all there or none are, and the database stays sound."""
    db, arena_id = file_db
    rng = random.Random(20)
    rows = 20_000
    outcomes = []
    for attempt in range(20):
        data = (
            "text\n" + "".join(f"Forsøk {attempt}, innspill {n} om lys\n" for n in range(rows))
        ).encode()
        path = write(tmp_path, f"kill-{attempt}.csv", data)
        proc = veikart(
            ["import-inputs", path, "--arena", arena_id],
            db,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with sqlite3.connect(db) as conn:
            stored = conn.execute(
                "select count(*) from inputs_input where external_ref like ?",
                (sha(data)[:16] + ":%",),
            ).fetchone()[0]
            assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert stored in (0, rows), f"attempt {attempt}: {stored} of {rows} rows stored"
        outcomes.append(stored == rows)
    assert not all(outcomes), "every import finished before the kill: the test killed nothing"
