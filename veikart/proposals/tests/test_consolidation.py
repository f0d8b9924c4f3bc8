"""Konsolider: the embedding cache, runs (on the page and in the background), cluster actions,
permissions and query counts. Nothing is ever lost: every input stays linked exactly once."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    FocusAreaFactory,
    InputFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
)
from veikart.core.models import AuditLog
from veikart.inputs.models import Input, InputEmbedding, InputStatus
from veikart.proposals import consolidation_services as services
from veikart.proposals.consolidation_selectors import consolidation_page
from veikart.proposals.embeddings import embedder_get, input_vectors
from veikart.proposals.models import ConsolidationRun, Proposal, ProposalInput
from veikart.proposals.services import proposal_merge, proposal_split

pytestmark = pytest.mark.django_db

GROUPS = {
    "benker": [
        "Flere benker langs turstien ved vannet.",
        "Vi trenger flere benker langs turstien ved vannet!",
        "Sett opp benker langs turstien ved vannet, så eldre kan hvile.",
        "Benker langs turstien ved vannet hadde vært fint.",
    ],
    "lys": [
        "Bedre gatelys på skoleveien om vinteren.",
        "Gatelys på skoleveien er for dårlig om vinteren.",
        "Mer gatelys på skoleveien, det er mørkt om vinteren.",
        "Gatelysene på skoleveien må bli bedre om vinteren.",
    ],
    "ungdom": [
        "Et ungdomshus med åpent kafé-tilbud på kveldstid.",
        "Ungdomshus med kafé åpent på kveldstid for ungdom.",
        "Vi ønsker et ungdomshus med kafé som er åpent på kveldstid.",
        "Åpent ungdomshus med kafé på kveldstid, takk.",
    ],
}


@pytest.fixture(autouse=True)
def _tfidf(settings):
    settings.VEIKART_EMBEDDER = "tfidf"


@pytest.fixture
def manager():
    return UserFactory(role="manager")


@pytest.fixture
def world():
    process = ProcessFactory(slug="p")
    place = FocusAreaFactory(process=process, name="Stedsutvikling", description="Benker, lys")
    youth = FocusAreaFactory(process=process, name="Sosiale aktiviteter", description="Ungdom")
    # Classified proposals to learn from
    bench = ProposalFactory(process=process, title="Benker", realiser="municipality")
    bench.focus_area = place
    bench.save()
    youth_p = ProposalFactory(process=process, title="Ungdomstilbud", realiser="partnership")
    youth_p.focus_area = youth
    youth_p.save()
    link(
        bench,
        *[InputFactory(process=process, text=t) for t in ["Benker i parken.", "Flere benker."]],
    )
    link(
        youth_p,
        *[InputFactory(process=process, text=t) for t in ["Kafé for ungdom.", "Ungdomsklubb."]],
    )
    unlinked = [InputFactory(process=process, text=t) for ts in GROUPS.values() for t in ts]
    odd = InputFactory(process=process, text="Hvorfor koster parkering så mye i sentrum?")
    hidden = InputFactory(process=process, text="Skjult innspill", status=InputStatus.HIDDEN)
    return {
        "process": process,
        "unlinked": unlinked,
        "odd": odd,
        "hidden": hidden,
        "bench": bench,
        "youth": youth_p,
        "place": place,
    }


def links_per_input(process) -> dict[int, int]:
    counts = dict(
        ProposalInput.objects.filter(proposal__process=process)
        .values_list("input_id")
        .annotate(n=Count("id"))
    )
    return {i.pk: counts.get(i.pk, 0) for i in Input.objects.filter(process=process)}


def test_embedding_cache_computes_once_and_again_when_text_changes(world):
    embedder = embedder_get()
    items = [(i.pk, i.text) for i in world["unlinked"][:3]]
    first = input_vectors(items=items, embedder=embedder, batch_size=2)
    assert InputEmbedding.objects.filter(model=embedder.name).count() == 3
    with CaptureQueriesContext(connection) as ctx:
        again = input_vectors(items=items, embedder=embedder, batch_size=2)
    assert (first == again).all()
    assert not any("INSERT" in q["sql"] or "UPDATE" in q["sql"] for q in ctx.captured_queries)
    changed = [(items[0][0], "En helt annen tekst om parkering."), *items[1:]]
    third = input_vectors(items=changed, embedder=embedder)
    assert InputEmbedding.objects.count() == 3
    assert not (third[0] == first[0]).all() and (third[1] == first[1]).all()


def test_run_groups_the_unlinked_inputs_and_suggests(world, manager):
    run = services.consolidation_run_start(actor=manager, process=world["process"])
    assert run.status == ConsolidationRun.Status.DONE
    result = run.result
    ids = {i.pk for i in world["unlinked"]} | {world["odd"].pk}
    assert set(result["input_ids"]) == ids  # hidden and linked inputs are not in it
    clustered = [set(c["inputs"]) for c in result["clusters"]]
    for texts in GROUPS.values():
        group = {i.pk for i in world["unlinked"] if i.text in texts}
        assert any(len(group & c) >= 3 for c in clustered)
    assert result["learnt_from"] == "proposals"
    cluster = result["clusters"][0]
    assert cluster["title"] and cluster["keywords"]
    assert cluster["realiser"][0] in ("municipality", "partnership")
    assert 0 <= cluster["realiser"][1] <= 1
    assert result["duplicates"]  # near-identical phrasings are flagged
    assert AuditLog.objects.filter(action="consolidation.start").count() == 1


def test_focus_areas_from_descriptions_when_nothing_is_classified(manager):
    process = ProcessFactory(slug="q")
    FocusAreaFactory(process=process, name="Stedsutvikling", description="benker turstien vannet")
    for texts in GROUPS.values():
        for t in texts:
            InputFactory(process=process, text=t)
    run = services.consolidation_run_start(actor=manager, process=process)
    assert run.result["learnt_from"] == "descriptions"
    assert all(c["focus_area"] is not None for c in run.result["clusters"])
    assert all(c["realiser"] is not None for c in run.result["clusters"])


def test_realiser_per_cluster_from_the_built_in_model_when_nothing_is_classified(manager):
    """Before any proposal has a realiser: the built-in model reads who acts in each cluster."""
    process = ProcessFactory(slug="r")
    fest = [
        "La oss ha gatefest i sommer så naboene blir kjent.",
        "Vi kan arrangere gatefest i sommer for naboene.",
        "Gatefest i sommer, naboene kan ta med mat selv.",
        "La oss ha en gatefest for naboene i sommer!",
    ]
    for t in GROUPS["lys"] + fest:
        InputFactory(process=process, text=t)
    run = services.consolidation_run_start(actor=manager, process=process)
    by_text = {}
    for c in run.result["clusters"]:
        for pk in c["inputs"]:
            by_text[Input.objects.get(pk=pk).text] = c["realiser"]
    assert {by_text[t][0] for t in GROUPS["lys"] if t in by_text} == {"municipality"}
    assert {by_text[t][0] for t in fest if t in by_text} == {"residents"}
    assert all(0 <= r[1] <= 1 for r in by_text.values())


def test_create_link_reject_and_nothing_lost(world, manager):
    process = world["process"]
    run = services.consolidation_run_start(actor=manager, process=process)
    first, second, third = run.result["clusters"][:3]
    chosen = list(Input.objects.filter(pk__in=first["inputs"][1:]))
    left_out = first["inputs"][0]
    proposal = services.consolidation_cluster_create_proposal(
        actor=manager,
        run=run,
        key=str(first["key"]),
        inputs=chosen,
        title="Fra klynge",
        realiser="residents",
        focus_area=world["place"],
    )
    assert set(proposal.input_links.values_list("input_id", flat=True)) == {i.pk for i in chosen}
    with pytest.raises(services.ValidationError):  # a cluster is dealt with once
        services.consolidation_cluster_reject(actor=manager, run=run, key=str(first["key"]))
    services.consolidation_cluster_link(
        actor=manager,
        run=run,
        key=str(second["key"]),
        inputs=Input.objects.filter(pk__in=second["inputs"]),
        proposal=world["bench"],
    )
    services.consolidation_cluster_reject(actor=manager, run=run, key=str(third["key"]))
    run.refresh_from_db()
    states = [c["state"] for c in run.result["clusters"][:3]]
    assert states == ["created", "linked", "rejected"]
    entry = AuditLog.objects.get(action="consolidation.create_proposal")
    assert entry.data["left_out"] == [left_out] and entry.data["realiser"] in (
        "accepted",
        "changed",
    )
    assert AuditLog.objects.filter(action="consolidation.link").exists()
    assert AuditLog.objects.filter(action="consolidation.reject").exists()

    # Merge and split afterwards: every linked input stays linked exactly once.
    linked_before = {pk for pk, n in links_per_input(process).items() if n}
    proposal_merge(actor=manager, target=world["bench"], sources=[proposal])
    bench = Proposal.objects.get(pk=world["bench"].pk)
    proposal_split(actor=manager, proposal=bench, inputs=chosen[:1], title="Delt av")
    counts = links_per_input(process)
    assert {pk for pk, n in counts.items() if n} == linked_before
    assert all(n <= 1 for n in counts.values())
    # The page shows the dismissed cluster's and the left-out inputs among the ungrouped.
    page = consolidation_page(process=process)
    ungrouped = {i.pk for i in page.ungrouped}
    assert left_out in ungrouped and set(third["inputs"]) <= ungrouped


def test_create_refuses_inputs_linked_since_and_bad_input(world, manager):
    run = services.consolidation_run_start(actor=manager, process=world["process"])
    cluster = run.result["clusters"][0]
    inputs = list(Input.objects.filter(pk__in=cluster["inputs"]))
    link(world["youth"], inputs[0])
    with pytest.raises(services.ValidationError):
        services.consolidation_cluster_create_proposal(
            actor=manager,
            run=run,
            key=str(cluster["key"]),
            inputs=inputs,
            title="X",
            realiser="residents",
        )
    with pytest.raises(services.ValidationError):
        services.consolidation_cluster_create_proposal(
            actor=manager,
            run=run,
            key=str(cluster["key"]),
            inputs=inputs[1:],
            title="",
            realiser="residents",
        )
    with pytest.raises(services.ValidationError):
        services.consolidation_cluster_create_proposal(
            actor=manager, run=run, key="999", inputs=inputs[1:], title="X", realiser="residents"
        )
    assert Proposal.objects.filter(process=world["process"]).count() == 2
    run.refresh_from_db()
    assert run.result["clusters"][0]["state"] == "open"


@pytest.mark.parametrize("limit", ["SYNC_MAX_INPUTS", "SYNC_MAX_EMBED"])
def test_background_run(world, manager, monkeypatch, django_capture_on_commit_callbacks, limit):
    monkeypatch.setattr(services, limit, 5 if limit == "SYNC_MAX_INPUTS" else {"e5": 5, "tfidf": 5})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.consolidation_run_start(actor=manager, process=world["process"])
    assert run.status == ConsolidationRun.Status.QUEUED and len(callbacks) == 1
    with pytest.raises(services.ValidationError):  # one run at a time
        services.consolidation_run_start(actor=manager, process=world["process"])
    page = consolidation_page(process=world["process"])
    assert page.progress.phase == "waiting" and page.progress.polling
    outcome = services.consolidation_run_task.call(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ConsolidationRun.Status.DONE and run.done == run.total > 0
    assert outcome["clusters"] == len(run.result["clusters"]) > 0


def test_page_runs_and_acts_without_javascript(client, world, manager):
    client.force_login(manager)
    url = reverse("proposals:consolidate", args=["p"])
    page = client.get(url)
    assert page.status_code == 200 and "Finn klynger" in page.content.decode()
    assert client.post(reverse("proposals:consolidate_run", args=["p"])).status_code == 302
    run = ConsolidationRun.objects.get()
    html = client.get(url).content.decode()
    assert 'id="cluster-0"' in html and "Fra klynge" not in html
    cluster = run.result["clusters"][0]
    action = reverse("proposals:consolidate_cluster", args=["p", run.pk, cluster["key"]])
    bad = client.post(action, {"action": "create", "inputs": cluster["inputs"], "title": ""})
    assert bad.status_code == 400 and "field-error" in bad.content.decode()
    ok = client.post(
        action,
        {
            "action": "create",
            "inputs": cluster["inputs"],
            "title": "Fra klynge",
            "realiser": "residents",
            "focus_area": world["place"].pk,
        },
    )
    assert ok.status_code == 302
    assert Proposal.objects.filter(title="Fra klynge").get().input_links.count() == len(
        cluster["inputs"]
    )
    # htmx: only the cluster is swapped
    second = run.result["clusters"][1]
    action = reverse("proposals:consolidate_cluster", args=["p", run.pk, second["key"]])
    swapped = client.post(action, {"action": "reject"}, headers={"HX-Request": "true"})
    assert swapped.status_code == 200
    swapped_html = swapped.content.decode()
    assert 'id="cluster-1"' in swapped_html and "<html" not in swapped_html
    assert "cluster-rejected" in swapped_html  # shows the state the action left


def test_page_query_count_does_not_grow(client, world, manager, django_assert_max_num_queries):
    client.force_login(manager)
    services.consolidation_run_start(actor=manager, process=world["process"])
    url = reverse("proposals:consolidate", args=["p"])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(30):
        InputFactory(process=world["process"], text=f"Flere søppelkasser ved butikken nr {n}.")
        InputFactory(process=world["process"], text=f"Fotballbane på skolen, ønske {n}.")
    services.consolidation_run_start(actor=manager, process=world["process"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_all_linked_message(client, manager):
    ProcessFactory(slug="tom")
    client.force_login(manager)
    html = client.get(reverse("proposals:consolidate", args=["tom"])).content.decode()
    assert "all-linked" in html


@pytest.mark.parametrize("role", [None, "resident", "host", "moderator", "committee"])
def test_only_managers_consolidate(client, world, manager, role):
    run = services.consolidation_run_start(actor=manager, process=world["process"])
    cluster = run.result["clusters"][0]
    before = (Proposal.objects.count(), ProposalInput.objects.count(), AuditLog.objects.count())
    if role:
        client.force_login(UserFactory(role=role))
    assert client.get(reverse("proposals:consolidate", args=["p"])).status_code in (302, 403)
    run_url = reverse("proposals:consolidate_run", args=["p"])
    assert client.post(run_url).status_code in (302, 403)
    action = reverse("proposals:consolidate_cluster", args=["p", run.pk, cluster["key"]])
    response = client.post(
        action,
        {"action": "create", "inputs": cluster["inputs"], "title": "X", "realiser": "residents"},
    )
    assert response.status_code in (302, 403)
    after = (Proposal.objects.count(), ProposalInput.objects.count(), AuditLog.objects.count())
    assert after == before and ConsolidationRun.objects.count() == 1


def test_ungrouped_input_links_to_its_closest_proposal(client, world, manager):
    client.force_login(manager)
    services.consolidation_run_start(actor=manager, process=world["process"])
    run = ConsolidationRun.objects.get()
    odd = world["odd"]
    assert odd.pk in run.result["ungrouped"]
    closest_pk = run.result["closest_of_input"][str(odd.pk)][0]
    html = client.get(reverse("proposals:consolidate", args=["p"])).content.decode()
    assert f'value="{odd.pk}:{closest_pk}"' in html
    url = reverse("proposals:consolidate_cluster", args=["p", run.pk, "ungrouped"])
    assert client.post(url, {"one": f"{odd.pk}:{closest_pk}"}).status_code == 302
    assert ProposalInput.objects.filter(input=odd, proposal_id=closest_pk).count() == 1
    assert client.post(url, {"one": f"{odd.pk}:{closest_pk}"}).status_code == 302  # again
    assert ProposalInput.objects.filter(input=odd).count() == 1  # refused: already linked
    assert client.post(url, {"one": "x:y"}).status_code == 302


def test_a_failed_run_is_recorded_and_shown(client, world, manager, monkeypatch):
    from veikart.proposals import consolidation

    def broken(**kwargs):
        raise RuntimeError("model missing")

    monkeypatch.setattr(consolidation, "compute", broken)
    client.force_login(manager)
    client.post(reverse("proposals:consolidate_run", args=["p"]))
    run = ConsolidationRun.objects.get()
    assert run.status == ConsolidationRun.Status.FAILED and "model missing" in run.error
    html = client.get(reverse("proposals:consolidate", args=["p"])).content.decode()
    assert 'role="alert"' in html and "model missing" in html
    assert Proposal.objects.count() == 2  # nothing changed


def test_bad_post_keeps_what_was_typed(client, world, manager):
    client.force_login(manager)
    run = services.consolidation_run_start(actor=manager, process=world["process"])
    odd = world["odd"]
    url = reverse("proposals:consolidate_cluster", args=["p", run.pk, "ungrouped"])
    response = client.post(url, {"action": "create", "inputs": [odd.pk], "title": ""})
    html = response.content.decode()
    assert response.status_code == 400 and "field-error" in html
    assert f'value="{odd.pk}" id="cungrouped-in-{odd.pk}" checked' in html
    cluster = run.result["clusters"][0]
    url = reverse("proposals:consolidate_cluster", args=["p", run.pk, cluster["key"]])
    partial = client.post(
        url, {"action": "link", "inputs": cluster["inputs"]}, headers={"HX-Request": "true"}
    )
    assert partial.status_code == 400 and "<html" not in partial.content.decode()
    assert "field-error" in partial.content.decode()
    assert ProposalInput.objects.count() == 4
