"""A manager imports inputs from a file: a broken row blocks the import; a good file goes in."""

import re

import pytest
from django.conf import settings as django_settings

from tests.factories import ArenaFactory, FocusAreaFactory, ProcessFactory, UserFactory
from veikart.accounts.models import User
from veikart.inputs.models import Input
from veikart.processes.models import PhaseKind

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BAD = "tekst;gruppe;innsatsområde\nMer lys på stien;67+;Stedsutvikling\n;13-19;\nBenker;;\n"
GOOD = (
    "tekst;gruppe;innsatsområde\n"
    "Mer lys på stien;67+;Stedsutvikling\n"
    "Ballbinge ved skolen;13-19 / kvinne;\n"
    "Benker langs vannet;;stedsutvikling\n"
)


@pytest.fixture
def arena(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    process = ProcessFactory(slug="borgen", current_phase=PhaseKind.SOLUTION_HUNT)
    FocusAreaFactory(process=process, name="Stedsutvikling", slug="stedsutvikling")
    UserFactory(username="leder", role="manager")
    return ArenaFactory(process=process, title="Gjestebud i Askerlia")


def login(page, client, live_server, username: str) -> None:
    """Sign in by handing the browser the session cookie of Django's test client."""
    client.force_login(User.objects.get(username=username))
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": cookie.value,
                "url": live_server.url,
            }
        ]
    )


def upload_and_check(page, arena, name: str, text: str) -> None:
    page.goto("/p/borgen/stab/import/")
    page.locator("select[name=arena]").select_option(str(arena.pk))
    page.locator("input[name=file]").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode("cp1252")}]
    )
    page.locator("form.import-upload button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kolonner/$"))
    # The columns were recognised by their Norwegian names.
    assert page.locator("select[name=text]").input_value() == "0"
    assert page.locator("select[name=group]").input_value() == "1"
    assert page.locator("select[name=focus_area]").input_value() == "2"
    page.locator("form.import-mapping button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kontroll/$"))


def test_bad_row_blocks_import_then_good_file_imports(page, client, live_server, arena):
    login(page, client, live_server, "leder")
    upload_and_check(page, arena, "innspill-feil.csv", BAD)
    assert page.locator(".bad-count").inner_text().strip() == "1"
    bad_row = page.locator("table.bad-rows tbody tr")
    assert bad_row.count() == 1
    assert bad_row.locator("td").first.inner_text().strip() == "3"  # line 3 of the file
    assert bad_row.locator("td").nth(1).inner_text().strip() != ""
    assert page.locator(".commit-button").count() == 0  # all or nothing: no import button
    assert Input.objects.count() == 0

    upload_and_check(page, arena, "innspill.csv", GOOD)
    assert page.locator("table.bad-rows").count() == 0
    assert page.locator(".good-count").inner_text().strip() == "3"
    page.locator(".commit-button").click()
    done = page.locator(".import-done")
    done.wait_for()
    assert "3" in done.inner_text()
    assert Input.objects.filter(arena=arena).count() == 3
    assert Input.objects.get(text="Ballbinge ved skolen").group_gender == "female"


def test_job_page_follows_a_background_import_by_itself(page, client, live_server, arena):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from veikart.inputs.import_services import import_job_create
    from veikart.inputs.models import ImportJob

    data = ("text\n" + "".join(f"Innspill {n}\n" for n in range(10))).encode()
    job = import_job_create(
        actor=None, arena=arena, upload=SimpleUploadedFile("stor.csv", data, "text/csv")
    )
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, processed_rows=4)
    login(page, client, live_server, "leder")
    page.goto(f"/p/borgen/stab/import/{job.pk}/")
    assert page.locator("#import-progress progress").get_attribute("value") == "4"
    ImportJob.objects.filter(pk=job.pk).update(processed_rows=7)
    page.wait_for_selector("#import-progress progress[value='7']")  # htmx polled, no reload
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, created_count=10)
    page.locator(".import-done").wait_for()
    assert "10" in page.locator(".import-done").inner_text()
