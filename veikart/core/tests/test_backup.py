"""`veikart backup` / `veikart restore`: a round trip gives back every table, row for row."""

import pytest
from django.core.management import CommandError, call_command

from tests.factories import InputFactory, ProcessFactory
from veikart.core.backup import database_fingerprint
from veikart.inputs.models import Input


@pytest.mark.django_db(transaction=True)
def test_round_trip_gives_back_every_table(tmp_path, capsys):
    process = ProcessFactory()
    kept = InputFactory.create_batch(3, process=process, text="Flere benker ved skolen ✓ 🌳")
    before = database_fingerprint()
    assert before["inputs_input"].rows == 3

    call_command("backup", str(tmp_path / "veikart.backup"))
    assert "Backup written" in capsys.readouterr().out

    # Life goes on after the backup: one input gone, another added.
    Input.objects.filter(pk=kept[0].pk).delete()
    InputFactory(process=process, text="Skrevet etter sikkerhetskopien")
    assert database_fingerprint() != before

    call_command("restore", str(tmp_path / "veikart.backup"), "--yes")
    after = database_fingerprint()
    assert after.keys() == before.keys()
    for table, fingerprint in before.items():
        assert after[table] == fingerprint, table
    assert set(Input.objects.values_list("text", flat=True)) == {"Flere benker ved skolen ✓ 🌳"}


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    ProcessFactory()
    before = database_fingerprint()
    bogus = tmp_path / "notes.txt"
    bogus.write_text("this is not a database\n")
    with pytest.raises(CommandError, match="not an? ") as exc:
        call_command("restore", str(bogus), "--yes")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.backup"), "--yes")
    assert database_fingerprint() == before


@pytest.mark.django_db(transaction=True)
def test_restore_without_yes_and_without_a_terminal_changes_nothing(tmp_path, monkeypatch):
    ProcessFactory()
    call_command("backup", str(tmp_path / "b"))
    InputFactory()
    before = database_fingerprint()
    monkeypatch.setattr("builtins.input", lambda _prompt: (_ for _ in ()).throw(EOFError))
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(tmp_path / "b"))
    assert database_fingerprint() == before


@pytest.mark.django_db(transaction=True)
def test_backup_into_a_folder_is_refused(tmp_path):
    with pytest.raises(CommandError, match="folder"):
        call_command("backup", str(tmp_path))
    assert list(tmp_path.iterdir()) == []
