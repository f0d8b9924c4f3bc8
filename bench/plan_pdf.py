"""The Borgen demo plan (203 measures) as PDF and DOCX: render time (PDF target ≤ 20 s).

Loads the demo into a fresh SQLite database, renders each document three times (the first
run includes WeasyPrint's font set-up) and prints every wall-clock time, the best, the best
CPU time (wall time on a shared machine includes waiting for a core), the size and pages.
"""

import io
import time

from _setup import django_ready

django_ready()

from veikart.core.demo.borgen import SLUG, load_borgen_demo  # noqa: E402
from veikart.plans.documents import render_plan_docx, render_plan_pdf  # noqa: E402
from veikart.plans.models import Measure, Plan  # noqa: E402


def main() -> None:
    load_borgen_demo()
    plan = Plan.objects.get(process__slug=SLUG)
    print(f"plan: {plan.title} ({Measure.objects.of_plan(plan).count()} measures)")
    for name, render in (("pdf", render_plan_pdf), ("docx", render_plan_docx)):
        times, cpu, data = [], [], b""
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            data = render(plan=plan)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        extra = ""
        if name == "pdf":
            from pypdf import PdfReader

            extra = f", {len(PdfReader(io.BytesIO(data)).pages)} pages"
        shown = " ".join(f"{t:.2f}" for t in times)
        print(
            f"{name}: {shown} s (best {min(times):.2f} s; CPU best {min(cpu):.2f} s), "
            f"{len(data) // 1024} kB{extra}"
        )


if __name__ == "__main__":
    main()
