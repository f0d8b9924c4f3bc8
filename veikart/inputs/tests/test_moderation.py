import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import InputFactory, ProcessFactory, ProposalFactory, UserFactory, link
from veikart.core.models import AuditLog
from veikart.inputs.models import Input, InputReport, InputStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    cache.clear()
    return ProcessFactory(slug="p")


@pytest.fixture
def moderator(client):
    user = UserFactory(role="moderator")
    client.force_login(user)
    return user


def test_queue_shows_reported_first_then_new(client, process, moderator):
    new = InputFactory(process=process, status=InputStatus.NEW, text="Helt nytt innspill")
    reported = InputFactory(process=process, text="Rapportert innspill")
    InputReport.objects.create(input=reported, reason="abusive")
    InputFactory(process=process, text="Publisert og greit")
    html = client.get(reverse("inputs:moderation_queue", args=["p"])).content.decode()
    assert html.index("Rapportert innspill") < html.index("Helt nytt innspill")
    assert "Publisert og greit" not in html
    assert new.pk


def test_hide_needs_a_reason_and_the_contributor_sees_it(client, process, moderator):
    item = InputFactory(process=process, status=InputStatus.NEW)
    url = reverse("inputs:moderation_action", args=["p"])
    bad = client.post(url, {"input_id": item.pk, "action": "hide"}, headers={"HX-Request": "true"})
    assert bad.status_code == 400 and "field-error" in bad.content.decode()
    item.refresh_from_db()
    assert item.status == InputStatus.NEW
    ok = client.post(url, {"input_id": item.pk, "action": "hide", "reason": "Navn på nabo"})
    assert ok.status_code == 302
    item.refresh_from_db()
    assert item.status == InputStatus.HIDDEN
    receipt = client.get(reverse("inputs:receipt", args=[item.receipt_code])).content.decode()
    assert "Navn på nabo" in receipt


def test_bulk_publish(client, process, moderator):
    items = InputFactory.create_batch(3, process=process, status=InputStatus.NEW)
    client.post(
        reverse("inputs:moderation_action", args=["p"]),
        {"action": "publish_selected", "selected": [i.pk for i in items[:2]]},
    )
    assert Input.objects.filter(status=InputStatus.PUBLISHED).count() == 2


def test_redact_keeps_the_original_only_in_the_audit_log(client, process, moderator):
    item = InputFactory(process=process, text="Ring Kari på 91234567 om ballbingen")
    url = reverse("inputs:moderation_redact", args=["p", item.pk])
    page = client.get(url).content.decode()
    assert "<mark>91234567</mark>" in page and "[telefonnummer]" in page
    client.post(url, {"text": "Ring Kari på [telefonnummer] om ballbingen"})
    item.refresh_from_db()
    assert "91234567" not in item.text
    entry = AuditLog.objects.get(action="input.redact")
    assert entry.data["original_text"] == "Ring Kari på 91234567 om ballbingen"


def test_anyone_can_report_a_published_input(client, process):
    item = InputFactory(process=process)
    url = reverse("inputs:report", args=["p", item.pk])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"reason": "nonsense"})
    assert bad.status_code == 400
    client.post(url, {"reason": "personal_data", "comment": "Fullt navn"})
    client.post(url, {"reason": "personal_data", "comment": "Fullt navn"})
    assert InputReport.objects.filter(input=item).count() == 1
    hidden = InputFactory(process=process, status=InputStatus.HIDDEN)
    assert client.get(reverse("inputs:report", args=["p", hidden.pk])).status_code == 404


@pytest.mark.parametrize("role", [None, "resident", "host", "committee"])
def test_others_cannot_moderate(client, process, role):
    if role:
        client.force_login(UserFactory(role=role))
    item = InputFactory(process=process, status=InputStatus.NEW)
    response = client.post(
        reverse("inputs:moderation_action", args=["p"]),
        {"input_id": item.pk, "action": "hide", "reason": "x"},
    )
    assert response.status_code in (302, 403)
    item.refresh_from_db()
    assert item.status == InputStatus.NEW


def _csv(client, **params):
    response = client.get(reverse("inputs:export", args=["p"]), {"format": "csv", **params})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


def test_export_csv_has_links_no_receipt_and_no_personal_columns(client, process):
    author = UserFactory(email="kari@example.no")
    client.force_login(UserFactory(role="host"))
    items = InputFactory.create_batch(6, process=process, group_age="13-19", author=author)
    InputFactory(process=process, group_age="67+")  # a group of one: suppressed
    proposal = ProposalFactory(process=process, title="Benker")
    link(proposal, items[0])
    rows = _csv(client)
    header, body = rows[0], rows[1:]
    assert "receipt_code" not in header and "author_email" not in header
    assert len(body) == 7
    by_id = {int(r[0]): dict(zip(header, r, strict=True)) for r in body}
    assert by_id[items[0].pk]["proposals"] == f"{proposal.number}. Benker"
    assert by_id[items[1].pk]["group_age"] == "13-19"
    assert "67+" not in {r["group_age"] for r in by_id.values()}
    text = "\n".join(";".join(r) for r in rows)
    assert items[0].receipt_code not in text and "kari@example.no" not in text


def test_export_xlsx_with_personal_data_for_managers_only(client, process):
    InputFactory(process=process, author=UserFactory(email="ola@example.no"))
    client.force_login(UserFactory(role="manager"))
    response = client.get(reverse("inputs:export", args=["p"]), {"format": "xlsx", "personal": "1"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "author_email" in rows[0] and "ola@example.no" in rows[1]
    client.force_login(UserFactory(role="moderator"))
    response = client.get(reverse("inputs:export", args=["p"]), {"format": "xlsx", "personal": "1"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert "author_email" not in rows[0]


def test_export_queries_do_not_grow_with_inputs(client, process):
    client.force_login(UserFactory(role="manager"))
    InputFactory.create_batch(3, process=process)
    with CaptureQueriesContext(connection) as few:
        _csv(client)
    for item in InputFactory.create_batch(30, process=process):
        link(ProposalFactory(process=process), item)
    with CaptureQueriesContext(connection) as many:
        _csv(client)
    assert len(many) == len(few)
