"""The Konsolider page on the Borgen demo: the handful of inputs the demo leaves unlinked are
grouped and each gets its closest proposal; running the assistant changes none of the totals."""

import pytest
from django.urls import reverse

from veikart.accounts.models import User
from veikart.core.demo.borgen import SLUG, demo_summary, load_borgen_demo
from veikart.proposals.consolidation import consolidation_inputs
from veikart.proposals.models import ConsolidationRun

pytestmark = pytest.mark.django_db


def test_konsolider_on_the_demo(client, settings):
    settings.VEIKART_EMBEDDER = "tfidf"
    load_borgen_demo()
    before = demo_summary()
    client.force_login(User.objects.get(username="prosjektleder"))
    url = reverse("proposals:consolidate", args=[SLUG])
    assert client.get(url).status_code == 200
    assert client.post(reverse("proposals:consolidate_run", args=[SLUG])).status_code == 302
    run = ConsolidationRun.objects.get()
    assert run.status == ConsolidationRun.Status.DONE
    unlinked = consolidation_inputs(process=run.process).count()
    assert 0 < unlinked < 30 and len(run.result["input_ids"]) == unlinked
    assert len(run.result["closest_of_input"]) == unlinked  # learnt from 140 proposals
    assert run.result["learnt_from"] == "proposals"
    html = client.get(url).content.decode()
    assert 'id="ungrouped"' in html and 'name="one"' in html
    assert demo_summary() == before  # 458 inputs, 25/40/35 shares: unchanged
