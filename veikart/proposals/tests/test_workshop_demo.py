"""The Borgen demo's roadmap workshop: 59 participants, votes within budget, 25 realisation plans."""

import pytest
from django.db.models import Sum

from veikart.core.demo.borgen import SLUG, demo_summary, load_borgen_demo
from veikart.processes.models import Process
from veikart.proposals.models import Vote, Workshop
from veikart.proposals.workshop_selectors import workshop_results


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_borgen_demo()
        yield Process.objects.get(slug=SLUG)
        from django.core.management import call_command

        from veikart.processes.method_catalogue import load_methods
        from veikart.processes.models import Method

        call_command("flush", interactive=False, verbosity=0)
        load_methods(Method)


@pytest.mark.django_db
def test_demo_workshop_is_closed_with_59_participants_within_budget(demo):
    workshop = Workshop.objects.get(process=demo)
    assert workshop.status == Workshop.Status.CLOSED
    assert workshop.arena.participant_count == workshop.participants.count() == 59
    assert workshop.groups.count() == 8 and workshop.realisations.count() == 25
    for participant in workshop.participants.all():
        spent = Vote.objects.filter(participant=participant).aggregate(s=Sum("dots"))["s"] or 0
        assert spent == participant.dots_spent <= participant.budget
    results = workshop_results(workshop=workshop)
    assert results.participants == 59
    assert (
        results.dots_spent == Vote.objects.filter(workshop=workshop).aggregate(s=Sum("dots"))["s"]
    )
    summary = demo_summary()
    assert summary["participants"] == 783 and summary["inputs"] == 458
    assert summary["realiser_shares"] == {"municipality": 25, "residents": 40, "partnership": 35}
    assert summary["measures"] == 203
    assert workshop.realisations.first().partners.count() == 2
