import pytest
from django.core.management import CommandError, call_command

from veikart.inputs.models import Input
from veikart.proposals.models import Proposal, ProposalInput, Support


@pytest.mark.django_db
def test_seed_builds_linked_data_and_refuses_a_second_time(capsys):
    call_command("seed", "--inputs", "120", "--proposals", "7", "--supports", "50", "--slug", "s1")
    assert "Seeded /p/s1/" in capsys.readouterr().out
    assert Input.objects.count() == 120 and Proposal.objects.count() == 7
    assert ProposalInput.objects.count() == 120 and Support.objects.count() == 50
    with pytest.raises(CommandError, match="exists already") as exc:
        call_command("seed", "--inputs", "5", "--proposals", "1", "--supports", "0", "--slug", "s1")
    assert exc.value.returncode == 2
    assert Input.objects.count() == 120


@pytest.mark.django_db
def test_seed_refuses_nonsense_counts():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("seed", "--proposals", "0", "--slug", "s2")
    assert not Proposal.objects.exists()
