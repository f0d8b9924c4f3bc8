"""The actors directory and online support, as residents, contact persons and staff use them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.urls import reverse

from tests.factories import (
    ActorFactory,
    FocusAreaFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    measure_create,
)
from veikart.accounts.models import Role
from veikart.processes.models import PhaseKind
from veikart.proposals.models import Actor, ActorRole, ProposalActor, Support
from veikart.proposals.services import proposal_merge, proposal_split
from veikart.proposals.support_services import support_add, support_withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


# --- actors -------------------------------------------------------------------------------


def test_actor_page_lists_proposals_and_measures_it_is_responsible_for_or_a_partner_in(client):
    actor = ActorFactory(name="Borgen Frivilligsentral", slug="frivilligsentralen-på-borgen")
    proposal = ProposalFactory(title="Leksehjelp")
    ProposalActor.objects.create(proposal=proposal, actor=actor, role=ActorRole.RESPONSIBLE)
    fa = FocusAreaFactory(process=proposal.process)
    measure = measure_create(PlanFactory(process=proposal.process), fa, title="Åpen hall")
    measure.partners.add(actor)
    hidden = ProposalFactory(process=ProcessFactory(is_public=False), title="Hemmelig")
    ProposalActor.objects.create(proposal=hidden, actor=actor)
    page = client.get(reverse("proposals:actor_detail", args=[actor.slug])).content.decode()
    assert "Leksehjelp" in page and "Åpen hall" in page and "Hemmelig" not in page
    listing = client.get(reverse("proposals:actor_list")).content.decode()
    assert "Borgen Frivilligsentral" in listing
    assert client.get(reverse("proposals:actor_detail", args=["nobody"])).status_code == 404


def test_only_staff_create_actors(client):
    url = reverse("proposals:actor_create")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(role=Role.RESIDENT))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=Role.MANAGER))
    bad = client.post(url, {"name": "", "kind": "x", "website": "javascript:alert(1)"})
    assert bad.status_code == 400 and {"name", "kind", "website"} <= set(bad.context["form"].errors)
    ok = client.post(url, {"name": "Borgen IL", "kind": "voluntary", "website": "https://il.no"})
    assert ok.status_code == 302 and Actor.objects.get().slug == "borgen-il"


def test_contact_person_updates_their_own_entry_only(client):
    kari = UserFactory(role=Role.RESIDENT)
    own = ActorFactory(name="Borgen IL", contact_person=kari)
    other = ActorFactory(name="Askerlia vel")
    client.force_login(kari)
    url = reverse("proposals:actor_edit", args=[own.slug])
    response = client.post(
        url, {"description": "Fotball for alle", "website": "https://b.no", "name": "Hacked"}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.description == "Fotball for alle" and own.name == "Borgen IL"
    assert client.get(reverse("proposals:actor_edit", args=[other.slug])).status_code == 403


# --- online support -------------------------------------------------------------------------


def support(client, proposal, action="add", **extra):
    url = reverse("proposals:support", args=[proposal.process.slug, proposal.number])
    return client.post(url, {"action": action}, **extra)


def test_anonymous_support_once_per_session_and_withdraw(client):
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.WORKSHOP))
    support(client, proposal)
    support(client, proposal)  # twice: still one
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert Support.objects.get().anonymous_token
    page = client.get(reverse("proposals:detail", args=[proposal.process.slug, proposal.number]))
    assert page.context["support_count"] == 1 and page.context["supported"]
    support(client, proposal, action="withdraw")
    assert not Support.objects.exists()


def test_support_with_an_account_when_the_process_requires_one(client):
    process = ProcessFactory(current_phase=PhaseKind.SOLUTION_HUNT, requires_account=True)
    proposal = ProposalFactory(process=process)
    assert support(client, proposal).status_code == 302
    assert not Support.objects.exists()
    user = UserFactory()
    client.force_login(user)
    support(client, proposal)
    support(client, proposal)
    assert Support.objects.get().user == user


def test_support_is_closed_outside_its_phases(client):
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.IMPLEMENTATION))
    page = support(client, proposal, follow=True)
    assert not Support.objects.exists()
    assert page.status_code == 200


def test_support_is_rate_limited(client):
    from veikart.core import ratelimit

    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.WORKSHOP))
    limit = ratelimit.LIMITS["support"][0]
    for _ in range(limit):
        support(client, proposal, action="withdraw")
    response = support(client, proposal, HTTP_HX_REQUEST="true")
    assert "For mange forsøk" in response.content.decode()
    assert not Support.objects.exists()


def test_veikart_list_shows_counts_and_sorts_by_support(client):
    process = ProcessFactory(current_phase=PhaseKind.WORKSHOP)
    few = ProposalFactory(process=process, title="Lite støttet")
    many = ProposalFactory(process=process, title="Mye støttet")
    for i in range(3):
        support_add(actor=AnonymousUser(), proposal=many, token=f"t{i}")
    support_add(actor=AnonymousUser(), proposal=few, token="t9")
    page = client.get(reverse("proposals:list", args=[process.slug]), {"sort": "supports"})
    items = list(page.context["page"])
    assert [p.title for p in items] == ["Mye støttet", "Lite støttet"]
    assert [p.support_count for p in items] == [3, 1]


def test_actor_list_does_not_grow_queries_with_actors(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ActorFactory()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("proposals:actor_list"))
    for _ in range(10):
        actor = ActorFactory()
        ProposalActor.objects.create(proposal=ProposalFactory(), actor=actor)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("proposals:actor_list"))
    assert len(many) == len(few)
    assert page.content.decode().count('class="proposal-item"') == 11


def test_support_counter_equals_the_rows_after_add_withdraw_merge_and_split():
    """`Proposal.support_count` (what the Veikart list shows and sorts by) is the real count."""
    from tests.factories import InputFactory, link

    process = ProcessFactory(current_phase=PhaseKind.WORKSHOP)
    a, b = ProposalFactory(process=process), ProposalFactory(process=process)
    user = UserFactory()
    anonymous = AnonymousUser()

    def check(*proposals):
        for p in proposals:
            p.refresh_from_db()
            assert p.support_count == Support.objects.filter(proposal=p).count(), p

    support_add(actor=user, proposal=a)
    support_add(actor=user, proposal=a)  # once per person: nothing changes
    support_add(actor=anonymous, proposal=a, token="t1")
    support_add(actor=user, proposal=b)
    support_add(actor=anonymous, proposal=b, token="t2")
    check(a, b)
    assert a.support_count == 2
    support_withdraw(actor=anonymous, proposal=a, token="t1")
    support_withdraw(actor=anonymous, proposal=a, token="t1")  # twice: nothing more
    check(a, b)
    assert a.support_count == 1
    proposal_merge(actor=user, target=a, sources=[b])  # the user's second support is dropped
    check(a, b)
    assert (a.support_count, b.support_count) == (2, 0)
    items = InputFactory.create_batch(2, process=process)
    link(a, *items)
    new = proposal_split(actor=user, proposal=a, inputs=items[:1], title="Ny")
    check(a, new)
    assert (a.support_count, new.support_count) == (2, 0)  # supports stay where they were given
