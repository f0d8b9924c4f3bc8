import pytest
from django.urls import reverse

from tests.factories import InputFactory, ProcessFactory, ProposalFactory, UserFactory, link
from veikart.core.models import AuditLog
from veikart.proposals.models import ProposalStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    client.force_login(UserFactory(role="manager"))
    process = ProcessFactory(slug="p")
    a = ProposalFactory(process=process, title="Benker")
    b = ProposalFactory(process=process, title="Sitteplasser")
    inputs = InputFactory.create_batch(3, process=process)
    link(a, inputs[0], inputs[1])
    link(b, inputs[2])
    return {"a": a, "b": b, "inputs": inputs}


def test_manage_page_edit_and_bad_input(client, world):
    a = world["a"]
    url = reverse("proposals:manage", args=["p", a.number])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"title": "", "realiser": "residents"})
    assert bad.status_code == 400 and "field-error" in bad.content.decode()
    ok = client.post(
        url, {"title": "Benker i parken", "realiser": "residents", "status": "published"}
    )
    assert ok.status_code == 302
    a.refresh_from_db()
    assert a.title == "Benker i parken"


def test_merge_through_the_page(client, world):
    a, b = world["a"], world["b"]
    response = client.post(reverse("proposals:merge", args=["p", a.number]), {"sources": [b.pk]})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.status == ProposalStatus.MERGED and a.input_links.count() == 3


def test_split_and_move_and_unlink(client, world):
    a, b, inputs = world["a"], world["b"], world["inputs"]
    response = client.post(
        reverse("proposals:split", args=["p", a.number]),
        {"title": "Nytt forslag", "inputs": [inputs[1].pk]},
    )
    assert response.status_code == 302
    assert a.input_links.count() == 1
    client.post(
        reverse("proposals:input_action", args=["p", a.number]),
        {"input_id": inputs[0].pk, "target": b.pk, "action": "move"},
    )
    assert b.input_links.count() == 2 and a.input_links.count() == 0
    client.post(
        reverse("proposals:input_action", args=["p", b.number]),
        {"input_id": inputs[0].pk, "action": "unlink"},
    )
    assert b.input_links.count() == 1
    actions = set(AuditLog.objects.values_list("action", flat=True))
    assert {"proposal.split", "proposal.move_input", "proposal.unlink_input"} <= actions


@pytest.mark.parametrize("role", [None, "resident", "host", "moderator"])
def test_only_managers_consolidate(client, world, role):
    client.logout()
    if role:
        client.force_login(UserFactory(role=role))
    a, b = world["a"], world["b"]
    response = client.post(reverse("proposals:merge", args=["p", a.number]), {"sources": [b.pk]})
    assert response.status_code in (302, 403)
    b.refresh_from_db()
    assert b.status != ProposalStatus.MERGED
