"""The cluster, duplicates and suggest commands: CSV in, CSV out; bad files → exit 2, no output."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override

TEXTS = [
    ("a1", "Vi trenger flere benker langs turveien i parken", "municipality"),
    ("a2", "Vi trenger flere benker langs turveien i parkne", "municipality"),
    ("a3", "Flere benker langs turveien i parken trenger vi", "municipality"),
    ("b1", "Det er for mørkt på skoleveien, sett opp gatelys", "municipality"),
    ("b2", "Gatelysene på skoleveien må repareres, det er mørkt", "municipality"),
    ("c1", "La oss ha gatefest i sommer så naboene blir kjent", "residents"),
    ("c2", "Naboene kan ha en gatefest med grilling i sommer", "residents"),
    ("d1", "Hunder uten bånd i lekeparken skremmer barna", ""),
]


def write_csv(path: Path, rows, header=("id", "text", "realiser"), encoding="utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def inputs(tmp_path) -> Path:
    return write_csv(tmp_path / "in.csv", TEXTS)


def test_cluster_writes_id_and_cluster(inputs, tmp_path):
    out = tmp_path / "out.csv"
    call_command(
        "cluster", str(inputs), "--text-column", "text", "--out", str(out), "--embedder", "tfidf"
    )
    rows = read_csv(out)
    assert list(rows[0]) == ["id", "cluster"]
    assert [r["id"] for r in rows] == [t[0] for t in TEXTS]
    by_id = {r["id"]: r["cluster"] for r in rows}
    assert by_id["a1"] == by_id["a2"] == by_id["a3"] != ""
    assert all(c == "" or int(c) >= 1 for c in by_id.values())


def test_cluster_with_a_thesaurus_of_ones_own_or_none(inputs, tmp_path):
    """Topics group what the words do not: with a thesaurus that files "gatefest" and
    "hunder" under one topic, d1 joins the c-cluster; with none, it stays alone."""
    own = tmp_path / "own.txt"
    own.write_text("nabolag: gatefest ^hund\n", encoding="utf-8")
    runs = {}
    for name, concepts in (("own", str(own)), ("none", "none")):
        out = tmp_path / f"{name}.csv"
        call_command(
            "cluster",
            str(inputs),
            "--out",
            str(out),
            "--embedder",
            "tfidf",
            "--concepts",
            concepts,
        )
        runs[name] = {r["id"]: r["cluster"] for r in read_csv(out)}
    assert runs["own"]["d1"] == runs["own"]["c1"] != ""
    assert runs["none"]["d1"] == ""


def test_cluster_refuses_a_bad_thesaurus(inputs, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text("nabolag gatefest\n", encoding="utf-8")
    message = bad(tmp_path, "cluster", str(inputs), "--concepts", str(broken))
    assert message.startswith("broken.txt, line 1: expected")
    assert "cannot read" in bad(tmp_path, "cluster", str(inputs), "--concepts", "/nowhere.txt")


def test_duplicates_writes_pairs(inputs, tmp_path):
    out = tmp_path / "out.csv"
    call_command("duplicates", str(inputs), "--out", str(out), "--embedder", "tfidf")
    rows = read_csv(out)
    pairs = {(r["id_a"], r["id_b"]) for r in rows}
    assert ("a1", "a2") in pairs and ("a1", "a3") in pairs
    assert all(0 <= float(r["score"]) <= 1 for r in rows)


def test_suggest_learns_labels_and_skips_unlabelled_rows(inputs, tmp_path):
    out = tmp_path / "out.csv"
    predict = write_csv(
        tmp_path / "p.csv",
        [("x1", "Flere benker ved turveien"), ("x2", "Gatefest for naboene")],
        header=("id", "text"),
    )
    call_command(
        "suggest",
        "--train",
        str(inputs),
        "--label-column",
        "realiser",
        "--predict",
        str(predict),
        "--text-column",
        "text",
        "--out",
        str(out),
        "--embedder",
        "tfidf",
    )
    rows = read_csv(out)
    assert [r["id"] for r in rows] == ["x1", "x2"]
    assert {r["label"] for r in rows} <= {"municipality", "residents"}
    assert all(0 <= float(r["confidence"]) <= 1 for r in rows)


def test_suggest_reads_who_acts_and_groups_rows(inputs, tmp_path):
    """Realiser labels: the wording cues decide "vi kan arrangere"; --group-column gives the
    rows of a group one suggestion together."""
    out = tmp_path / "out.csv"
    predict = write_csv(
        tmp_path / "p.csv",
        [
            ("x1", "Vi kan arrangere sommerfest i gata, alle tar med mat", "g"),
            ("x2", "Naboene kan grille sammen på plenen", "g"),
            ("x3", "Kommunen må sette opp lys og benker ved turveien", ""),
        ],
        header=("id", "text", "cluster"),
    )
    args = ["--train", str(inputs), "--label-column", "realiser", "--predict", str(predict)]
    args += ["--text-column", "text", "--out", str(out), "--embedder", "tfidf"]
    call_command("suggest", *args)
    alone = {r["id"]: (r["label"], r["confidence"]) for r in read_csv(out)}
    assert alone["x1"][0] == "residents" and alone["x3"][0] == "municipality"
    call_command("suggest", *args, "--group-column", "cluster")
    grouped = {r["id"]: (r["label"], r["confidence"]) for r in read_csv(out)}
    assert grouped["x1"] == grouped["x2"] and grouped["x1"][0] == "residents"
    assert grouped["x3"] == alone["x3"]


def bad(tmp_path, *args):
    out = tmp_path / "out.csv"
    with override("en"), pytest.raises(CommandError) as e:
        call_command(*args, "--out", str(out), "--embedder", "tfidf")
    assert e.value.returncode == 2
    assert "\n" not in str(e.value)
    assert not out.exists()
    return str(e.value)


@pytest.mark.parametrize("command", ["cluster", "duplicates"])
def test_bad_files(command, tmp_path):
    assert "no such file" in bad(tmp_path, command, str(tmp_path / "missing.csv"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "empty" in bad(tmp_path, command, str(empty))
    header_only = write_csv(tmp_path / "h.csv", [])
    assert "no rows" in bad(tmp_path, command, str(header_only))
    latin = write_csv(
        tmp_path / "latin.csv", [("1", "Skolevei og gatelys på Bjørnemyr")], encoding="latin-1"
    )
    assert "UTF-8" in bad(tmp_path, command, str(latin))
    no_column = write_csv(tmp_path / "nc.csv", [("1", "tekst")], header=("id", "tekst"))
    assert "text" in bad(tmp_path, command, str(no_column))
    no_id = write_csv(tmp_path / "ni.csv", [("1", "tekst")], header=("nr", "text"))
    assert "id" in bad(tmp_path, command, str(no_id))
    twice = write_csv(tmp_path / "tw.csv", [("1", "a"), ("1", "b")], header=("id", "text"))
    assert "twice" in bad(tmp_path, command, str(twice))


def test_suggest_bad_files(inputs, tmp_path):
    missing = str(tmp_path / "missing.csv")
    bad(
        tmp_path,
        "suggest",
        "--train",
        missing,
        "--label-column",
        "realiser",
        "--predict",
        str(inputs),
    )
    bad(
        tmp_path,
        "suggest",
        "--train",
        str(inputs),
        "--label-column",
        "realiser",
        "--predict",
        missing,
    )
    bad(
        tmp_path,
        "suggest",
        "--train",
        str(inputs),
        "--label-column",
        "nope",
        "--predict",
        str(inputs),
    )
    unlabelled = write_csv(tmp_path / "u.csv", [("1", "tekst", "")])
    assert "no row has a label" in bad(
        tmp_path,
        "suggest",
        "--train",
        str(unlabelled),
        "--label-column",
        "realiser",
        "--predict",
        str(inputs),
    )


def console(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed `veikart` console script as a user would."""
    veikart = Path(sys.executable).parent / "veikart"
    return subprocess.run(  # noqa: S603
        [str(veikart), *args], capture_output=True, text=True, check=False, env=env
    )


def test_a_bad_thesaurus_setting_does_not_stop_the_file_commands(inputs, tmp_path):
    """The console script runs Django's system checks for most commands; not for these three,
    so a broken VEIKART_CONCEPTS does not hide their own one-line errors (or `--concepts`)."""
    broken = tmp_path / "broken.txt"
    broken.write_text("nabolag gatefest\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = console(
        "cluster",
        str(inputs),
        "--out",
        str(out),
        "--embedder",
        "tfidf",
        "--concepts",
        "none",
        env={**os.environ, "VEIKART_CONCEPTS": str(broken)},
    )
    assert done.returncode == 0, done.stderr
    assert read_csv(out)


def test_the_console_script_exits_2_with_one_line(tmp_path):
    out = tmp_path / "out.csv"
    done = console("duplicates", str(tmp_path / "missing.csv"), "--out", str(out))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()
