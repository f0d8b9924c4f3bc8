"""Konsolider on a page-sized process: how long a run takes with cold and warm embeddings, and
how long the page takes to render (and in how many queries).

The process is built from the labelled Norwegian set (bench/data/analysis_labelled.csv): one
proposal per labelled cluster with its realiser and focus area, half of each cluster's inputs
linked to it (what the assistant learns from), the other half and every singleton unlinked.
`--copies N` repeats the set N times (texts suffixed) for larger runs.
Usage: python bench/consolidate_run.py [--embedder e5-kw|e5|tfidf] [--copies 1]
"""

import argparse
import csv
import os
import time
from pathlib import Path

from _setup import django_ready

DATA = Path(__file__).resolve().parent / "data" / "analysis_labelled.csv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="")
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DEBUG", "1")  # plain static files: no collectstatic manifest needed
    django_ready()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from veikart.accounts.models import User
    from veikart.inputs.models import Input, InputStatus
    from veikart.processes.models import FocusArea, Process
    from veikart.proposals import consolidation_services as services
    from veikart.proposals.models import Proposal, ProposalInput

    settings.VEIKART_EMBEDDER = args.embedder or None
    settings.ALLOWED_HOSTS = ["*"]
    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    manager = User.objects.create(username="bench", role="manager")
    process = Process.objects.create(name="Bench", slug="bench", main_goal="Bench")
    focus = {}
    inputs, link_to = [], []
    proposals: dict[str, Proposal] = {}
    for copy in range(args.copies):
        seen: dict[str, int] = {}
        for n, row in enumerate(rows):
            name = row["focus_area"] or "Annet"
            if name not in focus:
                focus[name] = FocusArea.objects.create(
                    process=process, name=name, slug=f"fa-{len(focus)}", order=len(focus)
                )
            text = row["text"] if copy == 0 else f"{row['text']} ({copy})"
            inputs.append(
                Input(
                    process=process,
                    text=text,
                    status=InputStatus.PUBLISHED,
                    receipt_code=f"B{copy:03d}{n:05d}",
                )
            )
            key = row["cluster"] and f"{row['cluster']}-{copy}"
            seen[key] = seen.get(key, 0) + 1
            if key and seen[key] % 2 == 0:
                if key not in proposals:
                    proposals[key] = Proposal.objects.create(
                        process=process,
                        number=len(proposals) + 1,
                        title=row["cluster"],
                        realiser=row["realiser"],
                        focus_area=focus[name],
                    )
                link_to.append((len(inputs) - 1, proposals[key]))
    Input.objects.bulk_create(inputs)
    ProposalInput.objects.bulk_create(
        ProposalInput(proposal=p, input=inputs[i]) for i, p in link_to
    )
    unlinked = len(inputs) - len(link_to)
    print(f"{len(inputs)} inputs, {len(proposals)} proposals, {unlinked} unlinked")

    for label in ("cold embeddings", "warm embeddings"):
        started = time.perf_counter()
        run = services.consolidation_run_start(actor=manager, process=process)
        where = "on the page"
        if run.status == run.Status.QUEUED:  # too large for the page: run the task function
            services.consolidation_run_compute(run=run)
            where = "as a background task"
        took = time.perf_counter() - started
        result = run.result
        print(
            f"run {where} ({label}, {run.embedder}): {took:.2f} s — {len(result['clusters'])} clusters, "
            f"{len(result['ungrouped'])} ungrouped, {len(result['duplicates'])} near-duplicate pairs"
        )
    client = Client()
    client.force_login(manager)
    client.get("/p/bench/stab/konsolider/")
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get("/p/bench/stab/konsolider/")
        took = time.perf_counter() - started
    print(
        f"page: {took * 1000:.0f} ms, {len(queries.captured_queries)} queries, "
        f"{len(response.content) // 1024} KB (status {response.status_code})"
    )


if __name__ == "__main__":
    main()
