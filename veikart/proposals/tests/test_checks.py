"""The system check refuses a thesaurus that cannot be read, naming the file and line."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from veikart.analysis.concepts import load
from veikart.proposals.checks import thesaurus_check


@pytest.fixture
def thesaurus(tmp_path, monkeypatch):
    path = tmp_path / "mine.txt"
    monkeypatch.setenv("VEIKART_CONCEPTS", str(path))
    load.cache_clear()
    yield path
    monkeypatch.delenv("VEIKART_CONCEPTS")
    load.cache_clear()


def test_the_shipped_thesaurus_passes():
    assert thesaurus_check() == []


def test_a_bad_thesaurus_stops_the_checks_with_its_line(thesaurus):
    thesaurus.write_text("brygge: kai\n", encoding="utf-8")
    (error,) = thesaurus_check()
    assert error.id == "veikart.E001"
    assert error.msg.startswith("mine.txt, line 1: 'kai' is shorter than 5 letters")
    with pytest.raises(SystemCheckError, match="veikart.E001"):
        call_command("check", "--tag", "veikart")


def test_a_good_thesaurus_of_ones_own_passes(thesaurus):
    thesaurus.write_text("brygge (municipality): ^brygge kaikant\n", encoding="utf-8")
    assert thesaurus_check() == []
