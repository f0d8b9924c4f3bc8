"""Writes of the Konsolider workflow: runs of the assistant, and what staff do with each cluster.

A run (ConsolidationRun) computes once and stores its clusters, duplicates and suggestions in
`result`; the page shows that, so reloading never recomputes. Up to SYNC_MAX_INPUTS inputs are
clustered during the request; larger runs go to the task worker (`veikart db_worker`) and report
their progress (inputs embedded) on the run row.

Each cluster action goes through the existing proposal services (create, link), so links keep
who made them and when, and writes one `consolidation.*` audit row saying which cluster it was
and whether the suggested focus area and realiser were accepted or changed. The run row is locked
while its result changes, so two staff acting on the same cluster cannot both succeed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs.models import Input
from veikart.processes.models import FocusArea, Process
from veikart.proposals import consolidation, services
from veikart.proposals.embeddings import embedder_get
from veikart.proposals.models import ConsolidationRun, Proposal, ProposalStatus

logger = logging.getLogger(__name__)

SYNC_MAX_INPUTS = 1000  # runs over more unlinked inputs go to the task worker
# ...and runs with more texts to embed than the embedder does in a few seconds (measured here:
# e5 5–40 texts/s per core, the character n-gram fallback about 2,000 texts/s).
SYNC_MAX_EMBED = {"e5": 150, "tfidf": 5000}
STALE_AFTER = datetime.timedelta(minutes=15)
UNGROUPED = "ungrouped"  # the cluster key of the inputs that fit no cluster


def consolidation_run_is_stale(run: ConsolidationRun) -> bool:
    """Queued or running, but nothing heard for STALE_AFTER: the worker died or is not running."""
    busy = run.status in (ConsolidationRun.Status.QUEUED, ConsolidationRun.Status.RUNNING)
    return busy and timezone.now() - run.updated_at > STALE_AFTER


def consolidation_run_start(*, actor: Any, process: Process) -> ConsolidationRun:
    """Start a run over the process's unlinked inputs: now if small, else in the task worker."""
    count = consolidation.consolidation_inputs(process=process).count()
    embedder = embedder_get().name
    uncached = consolidation.uncached_count(process=process, embedder=embedder)
    embed_max = SYNC_MAX_EMBED["tfidf" if embedder.startswith("tfidf") else "e5"]
    in_background = count > SYNC_MAX_INPUTS or uncached > embed_max
    with transaction.atomic():
        # Lock the process row: two clicks at once start one run, not two.
        Process.objects.select_for_update().filter(pk=process.pk).first()
        busy = ConsolidationRun.objects.filter(
            process=process,
            status__in=[ConsolidationRun.Status.QUEUED, ConsolidationRun.Status.RUNNING],
        )
        if any(not consolidation_run_is_stale(run) for run in busy):
            raise ValidationError(_("The assistant is already working on this process."))
        run = ConsolidationRun.objects.create(
            process=process,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            total=count,
        )
        audit_log_write(
            actor=actor,
            action="consolidation.start",
            obj=run,
            data={"inputs": count, "to_embed": uncached, "background": in_background},
        )
        if in_background:
            transaction.on_commit(lambda: consolidation_run_task.enqueue(run_id=run.pk))
    if not in_background:
        try:
            consolidation_run_compute(run=run)
        except Exception:  # noqa: BLE001 - recorded on the run (FAILED, error) and logged
            run.refresh_from_db()
    return run


def consolidation_run_compute(*, run: ConsolidationRun) -> ConsolidationRun:
    """Compute a run and store its result (or its failure). Progress is written per batch."""
    _run_update(run, status=ConsolidationRun.Status.RUNNING, done=0)
    try:
        embedder = embedder_get()
        work = consolidation.work_read(process=run.process)
        _run_update(run, total=work.total, embedder=embedder.name)
        every = max(1, work.total // 100)
        last = [0]

        def progress(done: int) -> None:
            if done - last[0] >= every or done >= work.total:
                last[0] = done
                _run_update(run, done=done)

        result = consolidation.compute(work=work, embedder=embedder, progress=progress)
    except Exception as e:
        logger.exception("consolidation run %s failed", run.pk)
        _run_update(run, status=ConsolidationRun.Status.FAILED, error=str(e)[:2000])
        raise
    _run_update(run, status=ConsolidationRun.Status.DONE, done=work.total, result=result)
    return run


def _run_update(run: ConsolidationRun, **fields: Any) -> None:
    """A short write of the run row, in its own statement (seen at once by the polling page)."""
    ConsolidationRun.objects.filter(pk=run.pk).update(**fields, updated_at=timezone.now())
    for name, value in fields.items():
        setattr(run, name, value)


@task()
def consolidation_run_task(run_id: int) -> dict[str, int]:
    """Run a large consolidation in the task worker (`veikart db_worker`)."""
    run = ConsolidationRun.objects.select_related("process").get(pk=run_id)
    if run.status != ConsolidationRun.Status.DONE:
        consolidation_run_compute(run=run)
    return {"clusters": len(run.result.get("clusters", [])), "inputs": run.total}


# --- What staff do with a cluster ------------------------------------------------------------


def _locked(run: ConsolidationRun, key: str) -> tuple[ConsolidationRun, dict | None]:
    run = ConsolidationRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ConsolidationRun.Status.DONE:
        raise ValidationError(_("This run has no result yet."))
    if key == UNGROUPED:
        return run, None
    for item in run.result.get("clusters", []):
        if str(item["key"]) == str(key):
            if item.get("state", "open") != "open":
                raise ValidationError(_("This cluster has already been dealt with."))
            return run, item
    raise ValidationError(_("No such cluster in this run."))


def _chosen_inputs(run: ConsolidationRun, cluster: dict | None, inputs: Iterable[Input]):
    """The ticked inputs: of this cluster (or the ungrouped ones), and still unlinked."""
    inputs = list(inputs)
    if not inputs:
        raise ValidationError({"inputs": _("Tick at least one input.")})
    allowed = set(cluster["inputs"] if cluster else run.result.get("input_ids", []))
    if any(i.pk not in allowed or i.process_id != run.process_id for i in inputs):
        raise ValidationError({"inputs": _("An input that is not part of this run was chosen.")})
    linked = Input.objects.filter(pk__in=[i.pk for i in inputs], proposal_links__isnull=False)
    if linked.exists():
        raise ValidationError(
            {"inputs": _("Some of the inputs have been linked since: reload the page.")}
        )
    return inputs


def _verdict(suggested: list | None, chosen: str) -> str:
    if not suggested:
        return "none"
    return "accepted" if str(suggested[0]) == chosen else "changed"


def _close(run: ConsolidationRun, cluster: dict | None, **outcome: Any) -> None:
    if cluster is not None:
        cluster.update(state=outcome.pop("state"), **outcome)
        run.save(update_fields=["result", "updated_at"])


@transaction.atomic
def consolidation_cluster_create_proposal(
    *,
    actor: Any,
    run: ConsolidationRun,
    key: str,
    inputs: Iterable[Input],
    title: str,
    realiser: str,
    description: str = "",
    focus_area: FocusArea | None = None,
) -> Proposal:
    """A new proposal from a cluster's ticked inputs, with the title, realiser and focus area
    staff chose (the suggestion, or their change of it)."""
    run, cluster = _locked(run, key)
    inputs = _chosen_inputs(run, cluster, inputs)
    proposal = services.proposal_create(
        actor=actor,
        process=run.process,
        title=title,
        description=description,
        realiser=realiser,
        focus_area=focus_area,
        inputs=inputs,
    )
    data = {
        "cluster": key,
        "proposal": proposal.number,
        "inputs": [i.pk for i in inputs],
        "left_out": _left_out(cluster, inputs),
        "realiser": _verdict(cluster and cluster.get("realiser"), realiser),
        "focus_area": _verdict(
            cluster and cluster.get("focus_area"), str(focus_area.pk) if focus_area else ""
        ),
    }
    _close(run, cluster, state="created", proposal=proposal.number, linked=data["inputs"])
    audit_log_write(actor=actor, action="consolidation.create_proposal", obj=run, data=data)
    return proposal


@transaction.atomic
def consolidation_cluster_link(
    *, actor: Any, run: ConsolidationRun, key: str, inputs: Iterable[Input], proposal: Proposal
) -> Proposal:
    """Link a cluster's ticked inputs into an existing proposal instead of a new one."""
    run, cluster = _locked(run, key)
    if proposal.process_id != run.process_id or proposal.status == ProposalStatus.MERGED:
        raise ValidationError({"proposal": _("Choose a proposal of this process.")})
    inputs = _chosen_inputs(run, cluster, inputs)
    services.proposal_link_inputs(actor=actor, proposal=proposal, inputs=inputs)
    data = {
        "cluster": key,
        "proposal": proposal.number,
        "inputs": [i.pk for i in inputs],
        "left_out": _left_out(cluster, inputs),
        "closest": _verdict(cluster and cluster.get("closest"), str(proposal.pk)),
    }
    _close(run, cluster, state="linked", proposal=proposal.number, linked=data["inputs"])
    audit_log_write(actor=actor, action="consolidation.link", obj=run, data=data)
    return proposal


@transaction.atomic
def consolidation_cluster_reject(*, actor: Any, run: ConsolidationRun, key: str) -> None:
    """Dismiss a suggested cluster for this run: its inputs stay unlinked, nothing else changes."""
    if key == UNGROUPED:
        raise ValidationError(_("The ungrouped inputs are not a suggestion."))
    run, cluster = _locked(run, key)
    _close(run, cluster, state="rejected")
    audit_log_write(
        actor=actor,
        action="consolidation.reject",
        obj=run,
        data={"cluster": key, "inputs": cluster["inputs"], "keywords": cluster["keywords"]},
    )


def _left_out(cluster: dict | None, inputs: list[Input]) -> list[int]:
    if cluster is None:
        return []
    chosen = {i.pk for i in inputs}
    return [pk for pk in cluster["inputs"] if pk not in chosen]
