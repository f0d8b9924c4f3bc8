"""`veikart opinion-groups VOTES.csv --out OUT.csv`: good exports, and every kind of bad file."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

HEADER = "participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree"


def export(path: Path, n_each: int = 12, n_items: int = 10) -> Path:
    """A small Pol.is-shaped export with two camps; participant 99 voted only twice."""
    lines = [HEADER + "," + ",".join(str(j) for j in range(n_items))]
    pid = 0
    for camp in (1, -1):
        for _ in range(n_each):
            votes = [camp if j < n_items // 2 else -camp for j in range(n_items)]
            votes = ["" if (pid % 5 == 0 and j == 0) else str(v) for j, v in enumerate(votes)]
            lines.append(f"{pid},,0,0,0,0,0," + ",".join(votes))
            pid += 1
    lines.append("99,,,0,2,1,1,1,-1" + "," * (n_items - 2))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_writes_participant_group(tmp_path):
    votes = export(tmp_path / "participants-votes.csv")
    out = tmp_path / "out.csv"
    call_command("opinion_groups", str(votes), "--out", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["participant", "group"]
    groups = {r["participant"]: r["group"] for r in rows}
    assert groups["99"] == ""  # too few votes: left out
    first = {groups[str(i)] for i in range(12)}
    second = {groups[str(i)] for i in range(12, 24)}
    assert len(first) == 1 and len(second) == 1 and first | second == {"0", "1"}


def test_reads_moderation_from_comments_csv_beside(tmp_path):
    votes = export(tmp_path / "participants-votes.csv")
    (tmp_path / "comments.csv").write_text(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        "1,x,3,0,1,0,-1,hidden\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    call_command("opinion_groups", str(votes), "--out", str(out))
    assert out.exists()


def test_unreadable_comments_beside_falls_back_but_named_one_fails(tmp_path):
    votes = export(tmp_path / "participants-votes.csv")
    (tmp_path / "comments.csv").write_text("id,text\n1,x\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    call_command("opinion_groups", str(votes), "--out", str(out))
    assert out.exists()
    out.unlink()
    with pytest.raises(CommandError, match="comment-id and moderated") as e:
        call_command(
            "opinion_groups",
            str(votes),
            "--out",
            str(out),
            "--comments",
            str(tmp_path / "comments.csv"),
        )
    assert e.value.returncode == 2 and not out.exists()


BAD = {
    "no participant column": ("a,b,0,1\n1,2,1,-1\n", "no 'participant' column"),
    "no comment columns": (HEADER + "\n1,,0,0,0,0,0\n", "no comment columns"),
    "empty": ("", "empty"),
    "bad value": (HEADER + ",0,1\n1,,0,0,0,0,0,1,yes\n", "line 2, comment 1: 'yes'"),
    "ragged row": (HEADER + ",0,1\n1,,0,0,0,0,0,1\n", "line 2 has 8 fields"),
    "header only": (HEADER + ",0,1\n", "no participants"),
    "duplicate participant": (
        HEADER + ",0\n1,,0,0,0,0,0,1\n1,,0,0,0,0,0,1\n",
        "participant 1 appears twice",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_files_exit_2_and_write_nothing(tmp_path, case):
    text, message = BAD[case]
    votes = tmp_path / "v.csv"
    votes.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    with pytest.raises(CommandError) as e:
        call_command("opinion_groups", str(votes), "--out", str(out))
    assert e.value.returncode == 2
    assert message in str(e.value)
    assert "\n" not in str(e.value)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["v.csv"]


def test_wrong_encoding_binary_and_missing_file(tmp_path):
    out = tmp_path / "out.csv"
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + ",0\nGrüß,,0,0,0,0,0,1\n").encode("latin-1"))
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text(HEADER + ",0\n1,,0,0,0,0,0,1\n", encoding="utf-16")
    for path, message in [
        (latin, "not UTF-8"),
        (utf16, "UTF-16"),
        (binary, "not a CSV"),
        (tmp_path / "nope.csv", "no such file"),
    ]:
        with pytest.raises(CommandError, match=message) as e:
            call_command("opinion_groups", str(path), "--out", str(out))
        assert e.value.returncode == 2
    assert not out.exists()


def test_out_must_be_a_file_in_an_existing_folder(tmp_path):
    votes = export(tmp_path / "participants-votes.csv")
    for out, message in [(tmp_path, "is a folder"), (tmp_path / "no" / "o.csv", "does not exist")]:
        with pytest.raises(CommandError, match=message) as e:
            call_command("opinion_groups", str(votes), "--out", str(out))
        assert e.value.returncode == 2


def test_command_line_exit_status_and_stderr(tmp_path):
    votes = tmp_path / "v.csv"
    votes.write_text("a,b\n1,2\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    veikart = Path(sys.executable).parent / "veikart"
    done = subprocess.run(  # noqa: S603  (our own console script)
        [str(veikart), "opinion-groups", str(votes), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "participant" in done.stderr
    assert done.stdout == ""
    assert not out.exists()
