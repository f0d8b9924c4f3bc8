"""Reading Pol.is exports (``participants-votes.csv``, ``comments.csv``) for the opinion groups.

No Django here. Every problem is a `PolisFileError` with a one-line message.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

VALUES = {"1": 1.0, "-1": -1.0, "0": 0.0, "": np.nan}
# A comment almost nobody voted on (under this share of the median comment's votes) is one
# Pol.is's moderators took out: voters stop seeing it, and Pol.is counts it as a pass by all.
SPARSE_SHARE = 0.1


class PolisFileError(ValueError):
    """A Pol.is export that cannot be read; the message is one line."""


@dataclass(frozen=True)
class PolisVotes:
    participants: list[str]
    items: list[str]
    matrix: np.ndarray  # participants × items: 1, -1, 0, NaN
    group_ids: list[str]  # Pol.is's own group-id column ("" when none), for comparison only


def _read_text(path: Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise PolisFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PolisFileError(f"{path}: is a directory, not a CSV file") from None
    except OSError as e:
        raise PolisFileError(f"{path}: cannot be read ({e.strerror})") from None
    if not raw.strip():
        raise PolisFileError(f"{path}: the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PolisFileError(f"{path}: UTF-16 text, not UTF-8; Pol.is exports are UTF-8")
    if b"\x00" in raw[:4096]:
        raise PolisFileError(f"{path}: not a CSV file (binary content)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise PolisFileError(
            f"{path}: not UTF-8 text (byte {e.start}); Pol.is exports are UTF-8"
        ) from None


def read_participant_votes(path: str | Path) -> PolisVotes:
    """Read a Pol.is participants-votes.csv: one row per participant, one column per comment."""
    text = _read_text(Path(path))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:
        raise PolisFileError(f"{path}: not a CSV file ({e})") from None
    header = [h.strip() for h in rows[0]]
    if "participant" not in header:
        raise PolisFileError(f"{path}: no 'participant' column (is this a participants-votes.csv?)")
    p_col = header.index("participant")
    g_col = header.index("group-id") if "group-id" in header else None
    item_cols = [i for i, h in enumerate(header) if h.isdigit()]
    if not item_cols:
        raise PolisFileError(f"{path}: no comment columns (columns named by comment id)")
    items = [header[i] for i in item_cols]
    if len(set(items)) != len(items):
        raise PolisFileError(f"{path}: a comment column appears twice")
    participants: list[str] = []
    groups: list[str] = []
    matrix = np.full((len(rows) - 1, len(items)), np.nan)
    seen: set[str] = set()
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise PolisFileError(
                f"{path}: line {line} has {len(row)} fields, the header has {len(header)}"
            )
        name = row[p_col].strip()
        if not name:
            raise PolisFileError(f"{path}: line {line} has no participant")
        if name in seen:
            raise PolisFileError(f"{path}: line {line}: participant {name} appears twice")
        seen.add(name)
        participants.append(name)
        groups.append(row[g_col].strip() if g_col is not None else "")
        r = len(participants) - 1
        for j, col in enumerate(item_cols):
            value = row[col].strip()
            if value not in VALUES:
                raise PolisFileError(
                    f"{path}: line {line}, comment {header[col]}: {value[:20]!r} is not 1, -1, 0 or blank"
                )
            matrix[r, j] = VALUES[value]
    if not participants:
        raise PolisFileError(f"{path}: no participants (only a header)")
    return PolisVotes(participants=participants, items=items, matrix=matrix, group_ids=groups)


def read_moderated_out(path: str | Path) -> set[str]:
    """Comment ids a Pol.is comments.csv marks as moderated out (moderated = -1)."""
    text = _read_text(Path(path))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or not {"comment-id", "moderated"} <= set(reader.fieldnames):
            raise PolisFileError(f"{path}: needs the columns comment-id and moderated")
        return {
            row["comment-id"].strip()
            for row in reader
            if (row.get("moderated") or "").strip() == "-1"
        }
    except csv.Error as e:
        raise PolisFileError(f"{path}: not a CSV file ({e})") from None


def infer_moderated_out(matrix: np.ndarray, items: list[str]) -> set[str]:
    """Without comments.csv: the comments almost nobody voted on, taken as moderated out."""
    counts = (~np.isnan(matrix)).sum(axis=0)
    if not len(counts):
        return set()
    limit = SPARSE_SHARE * float(np.median(counts))
    return {item for item, n in zip(items, counts, strict=True) if n < limit}
