"""A large invented data set for benchmarks and load tests: `veikart seed`.

One process with its focus areas and arenas, N inputs, P proposals (each input linked to one),
S online supports (anonymous tokens). Bulk inserts in batches; the whole set in one
transaction, so a failed or interrupted seed leaves nothing behind.
"""

import random
import time

from django.db import transaction

from veikart.inputs.models import Input, InputSource, InputStatus
from veikart.processes.models import Arena, FocusArea, PhaseKind, Process
from veikart.processes.services import method_from_catalogue
from veikart.proposals.models import Proposal, ProposalInput, ProposalStatus, Realiser, Support
from veikart.proposals.search import search_stems
from veikart.proposals.support_services import support_counts_refresh

WORDS = (
    "benker lys turstien ungdom møteplass bibliotek ballbinge sykkelvei trafikksikkerhet "
    "grøntområde skolevei lekeplass frivillige nabolag kafé språk eldre barnehage buss "
    "fotball aktivitet kveld helg trygghet parkering butikk innbyggertorg"
).split()
FOCUS = [
    ("Samskaping og deltakelse", "samskaping"),
    ("Sosiale og kulturelle aktiviteter", "aktiviteter"),
    ("Offentlige tjenester", "tjenester"),
    ("Stedsutvikling", "stedsutvikling"),
]
METHODS = ["gjestebud", "fokusgruppe", "naermiljokonferanse", "facebook", "barnetrakk"]
BATCH = 5000


class SeedError(Exception):
    pass


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


@transaction.atomic
def seed_large(
    *, slug: str, inputs: int, proposals: int, supports: int, progress=lambda *_: None
) -> dict:
    if Process.objects.filter(slug=slug).exists():
        raise SeedError(f"a process with slug {slug!r} exists already; choose another --slug")
    if inputs < 0 or proposals < 1 or supports < 0:
        raise SeedError("--proposals must be at least 1, and no count may be negative")
    rng = random.Random(2016)  # noqa: S311 - invented data, the same every time  # nosec B311
    start = time.perf_counter()
    process = Process.objects.create(
        name=f"Stor prosess ({slug})", slug=slug, current_phase=PhaseKind.WORKSHOP
    )
    focus = [
        FocusArea.objects.create(process=process, name=name, slug=fs, order=i)
        for i, (name, fs) in enumerate(FOCUS)
    ]
    arenas = [
        Arena.objects.create(
            process=process,
            method=method_from_catalogue(slug=method_slug),
            title=f"Arena {i + 1}",
            participant_count=100,
        )
        for i, method_slug in enumerate(METHODS)
    ]
    realisers = (
        [Realiser.MUNICIPALITY] * 25 + [Realiser.RESIDENTS] * 40 + [Realiser.PARTNERSHIP] * 35
    )
    rows = []
    for n in range(1, proposals + 1):
        title = _sentence(rng, 4)[:200]
        description = _sentence(rng, 20)
        rows.append(
            Proposal(
                process=process,
                number=n,
                title=title,
                description=description,
                focus_area=rng.choice(focus),
                realiser=rng.choice(realisers),
                status=ProposalStatus.PUBLISHED,
                search_stems=search_stems(title, description),
            )
        )
    Proposal.objects.bulk_create(rows, batch_size=BATCH)
    proposal_ids = list(process.proposals.order_by("number").values_list("pk", flat=True))
    progress("proposals", proposals)

    made = 0
    while made < inputs:
        size = min(BATCH, inputs - made)
        batch = [
            Input(
                process=process,
                arena=rng.choice(arenas),
                text=_sentence(rng, rng.randint(6, 30)),
                status=InputStatus.PUBLISHED,
                source=InputSource.IMPORT,
                receipt_code=f"{slug[:4].upper()}{made + k:010d}"[:16],
                focus_area=rng.choice(focus),
            )
            for k in range(size)
        ]
        created = Input.objects.bulk_create(batch, batch_size=BATCH)
        ProposalInput.objects.bulk_create(
            [ProposalInput(proposal_id=rng.choice(proposal_ids), input_id=i.pk) for i in created],
            batch_size=BATCH,
        )
        made += size
        progress("inputs", made)

    made = 0
    while made < supports:
        size = min(BATCH * 4, supports - made)
        Support.objects.bulk_create(
            [
                Support(
                    proposal_id=proposal_ids[(made + k) % len(proposal_ids)],
                    anonymous_token=f"s{made + k}",
                )
                for k in range(size)
            ],
            batch_size=BATCH * 4,
        )
        made += size
        progress("supports", made)
    support_counts_refresh(proposals=process.proposals.all())
    return {
        "process": process,
        "inputs": inputs,
        "proposals": proposals,
        "supports": supports,
        "seconds": time.perf_counter() - start,
    }
