"""Opinion groups vs Pol.is's own: adjusted Rand index per conversation.

For every folder under ../shared/data/polis-austria-klimarat/ (beside the repository, or
../../shared from a worktree) with a
participants-votes.csv, group the participants with veikart.analysis.opinion and compare with
the export's group-id, on the participants both group. Printed twice: with Pol.is's
moderation read from comments.csv (what `veikart opinion-groups` does when it is there), and
without it (moderated-out comments inferred). Run: OMP_NUM_THREADS=1 .venv/bin/python bench/opinion_groups.py
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.metrics import adjusted_rand_score  # noqa: E402

from veikart.analysis import opinion, polis  # noqa: E402

# ../shared beside the clone (CI); ../../shared from a worktree under wt/
CANDIDATES = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
DATA = next(
    (c / "data" / "polis-austria-klimarat" for c in CANDIDATES if c.is_dir()),
    CANDIDATES[0] / "data" / "polis-austria-klimarat",
)


def compare(folder: Path, *, use_comments: bool) -> str:
    data = polis.read_participant_votes(folder / "participants-votes.csv")
    if use_comments and (folder / "comments.csv").is_file():
        moderated = polis.read_moderated_out(folder / "comments.csv")
    else:
        moderated = polis.infer_moderated_out(data.matrix, data.items)
    started = time.perf_counter()
    result = opinion.analyse(
        data.matrix,
        participants=data.participants,
        items=data.items,
        moderated_out=moderated & set(data.items),
    )
    seconds = time.perf_counter() - started
    theirs, ours = [], []
    for name, gid in zip(data.participants, data.group_ids, strict=True):
        mine = result.groups[name]
        if gid != "" and mine is not None:
            theirs.append(gid)
            ours.append(mine)
    ari = adjusted_rand_score(theirs, ours)
    polis_k = len({g for g in data.group_ids if g != ""})
    return (
        f"ARI {ari:.3f}  k {result.k} (Pol.is {polis_k})  sizes {list(result.group_sizes)}  "
        f"both grouped {len(theirs)}  {seconds:.1f} s"
    )


def main() -> None:
    if not DATA.is_dir():
        print(f"no data at {DATA}; nothing to compare")
        return
    folders = sorted(p for p in DATA.iterdir() if (p / "participants-votes.csv").is_file())
    for folder in folders:
        print(folder.name)
        print("  with comments.csv:   ", compare(folder, use_comments=True), flush=True)
        print("  votes only (inferred):", compare(folder, use_comments=False), flush=True)


if __name__ == "__main__":
    main()
