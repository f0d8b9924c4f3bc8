"""axe-core (vendored from the npm registry) on every kind of public page, in bokmål and English:
0 violations of WCAG 2.1 A/AA. Also: `lang` set, and pages reflow at 320 px without sideways
scrolling.

Pages are found by crawling the Borgen demo from the home page; one page of each URL shape
(digits and codes replaced) is checked, so every template is covered without checking 140
proposal pages.
"""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from veikart.core.demo.borgen import load_borgen_demo

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = Path(__file__).parent / "vendor" / "axe" / "axe.min.js"
SKIP = ("/admin/", "/accounts/logout", "/i18n/", "/sprak/", "/static/", "/media/", "/api/")
DOWNLOAD = re.compile(r"\.(csv|xlsx|pdf|docx|json|geojson|zip|svg)$|[?&](format|download)=")
MAX_PAGES = 100


def shape(path: str) -> str:
    return re.sub(r"/[A-Z0-9]{6,}/", "/CODE/", re.sub(r"\d+", "N", path))


def crawl(page, start: str) -> list[str]:
    seen_shapes, queue, found = set(), [start], []
    while queue and len(found) < MAX_PAGES:
        url = queue.pop(0)
        key = shape(urlparse(url).path) + ("?" if urlparse(url).query else "")
        if key in seen_shapes:
            continue
        seen_shapes.add(key)
        response = page.goto(url)
        if (
            not response
            or response.status != 200
            or "html" not in response.headers.get("content-type", "")
        ):
            continue
        found.append(url)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            href = href.split("#")[0]
            parsed = urlparse(href)
            if parsed.netloc != urlparse(start).netloc or DOWNLOAD.search(href):
                continue
            if any(parsed.path.startswith(s) for s in SKIP):
                continue
            queue.append(href)
    return found


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_public_page_passes_axe_and_reflows(browser, live_server, language):
    load_borgen_demo()
    # bypass_csp only so that the test can inject axe; the pages themselves keep their CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    if language == "en":
        page.goto("/")
        page.locator('.lang-switch a[lang="en"]').click()
        page.wait_for_load_state()
    urls = crawl(page, live_server.url + "/")
    assert len(urls) >= 8, urls
    problems = {}
    for url in urls:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language, url
        found = axe_violations(page)
        page.set_viewport_size({"width": 320, "height": 800})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 1:
            found.append(f"reflow: {overflow}px sideways scrolling at 320 px wide")
        if found:
            problems[url.removeprefix(live_server.url)] = found
    context.close()
    assert not problems, "\n".join(f"{u}\n  " + "\n  ".join(p) for u, p in problems.items())
