"""Bulk import: 100,000 inputs from a Norwegian Excel CSV into a fresh SQLite database.

End to end as `veikart import-inputs FILE --arena ID` does it (the command is called): detect
the encoding and delimiter, count the rows, hash the file, then check and insert every row in
one transaction. Prints rows/s and the peak resident memory of this process (ru_maxrss).
Targets: ≥ 5,000 rows/s, ≤ 500 MB. Figures only; no asserts.
"""

import csv
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from _setup import ROOT, django_ready

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
# Uploaded files go to a temp dir too, never to the checkout's media/.
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="veikart-bench-media-"))

tmp = django_ready()

from django.core.management import call_command  # noqa: E402

from veikart.inputs.models import Input  # noqa: E402
from veikart.processes.models import FocusArea, PhaseKind, Process  # noqa: E402
from veikart.processes.services import arena_create, method_from_catalogue  # noqa: E402

WORDS = (
    "Vi trenger flere benker langs turstien ved Borgen skole, og bedre lys om kvelden for "
    "ungdom og eldre. Møteplass bibliotek ballbinge sykkelvei trafikksikkerhet grøntområde"
).split()
GROUPS = ["", "13-19", "20-34", "35-66", "67+", "13-19/kvinne", "mann"]


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Tekst", "Gruppe", "Innsatsområde", "Breddegrad", "Lengdegrad"])
        for n in range(rows):
            text = " ".join(rng.choices(WORDS, k=rng.randint(8, 40)))
            place = rng.random() < 0.3
            writer.writerow(
                [
                    f"{n}: {text}",
                    rng.choice(GROUPS),
                    rng.choice(["", "stedsutvikling", "Møteplasser"]),
                    f"{59.83 + rng.random() / 100:.5f}".replace(".", ",") if place else "",
                    f"{10.43 + rng.random() / 100:.5f}".replace(".", ",") if place else "",
                ]
            )


def main() -> None:
    process = Process.objects.create(
        name="Bench", slug="bench", current_phase=PhaseKind.SOLUTION_HUNT
    )
    FocusArea.objects.create(process=process, name="Stedsutvikling", slug="stedsutvikling")
    FocusArea.objects.create(process=process, name="Møteplasser", slug="moteplasser")
    arena = arena_create(
        actor=None, process=process, method=method_from_catalogue(slug="gjestebud"), title="G"
    )
    path = Path(tmp) / "innspill.csv"
    write_csv(path, ROWS)
    size_mb = path.stat().st_size / 1e6
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    call_command("import_inputs", str(path), "--arena", str(arena.pk), stdout=out, stderr=err)
    seconds = import_seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux → MiB
    stored = Input.objects.filter(arena=arena).count()
    print(f"bulk import: {ROWS:,} rows from CSV ({size_mb:.1f} MB) into SQLite")
    print(f"  {seconds:.2f} s  {ROWS / seconds:,.0f} rows/s  (target ≥ 5,000)")
    print(f"  peak RSS {peak:.0f} MB (before the import {before:.0f} MB; target ≤ 500)")
    print(f"  stored {stored:,} inputs; command said: {out.getvalue().strip()}")
    start = time.perf_counter()
    call_command("import_inputs", str(path), "--arena", str(arena.pk), stdout=out, stderr=err)
    seconds = time.perf_counter() - start
    print(f"  re-import of the same file (all skipped): {seconds:.2f} s")
    sys.stdout.flush()
    figures = {"import_rows_per_s": round(ROWS / import_seconds), "import_peak_rss_mb": round(peak)}
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "import_inputs.json").write_text(json.dumps(figures))
    job_path(process, path)


def job_path(process, path: Path) -> None:
    """The upload screens' path: store the upload, preview, then the task's run (check + store)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from veikart.inputs import import_services

    arena = arena_create(
        actor=None, process=process, method=method_from_catalogue(slug="gjestebud"), title="H"
    )
    data = path.read_bytes() + "En rad til, så filen er ny\n".encode()
    start = time.perf_counter()
    upload = SimpleUploadedFile("innspill.csv", data, "text/csv")
    job = import_services.import_job_create(actor=None, arena=arena, upload=upload)
    uploaded = time.perf_counter()
    import_services.import_job_preview(actor=None, job=job)
    previewed = time.perf_counter()
    result = import_services.import_job_run(actor=None, job=job)
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"upload screens + task, same file + 1 row into another arena ({job.total_rows:,} rows)")
    print(
        f"  upload {uploaded - start:.2f} s, preview {previewed - uploaded:.2f} s, "
        f"task run (check + store) {done - previewed:.2f} s = "
        f"{job.total_rows / (done - previewed):,.0f} rows/s; created {result.created:,}, "
        f"skipped {result.skipped:,}; peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
