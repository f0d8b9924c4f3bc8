"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium), never a downloaded one.

Skipped — loudly — when no Chromium is installed, unless VEIKART_REQUIRE_BROWSER=1 (CI),
where a missing browser is a failure. VEIKART_SKIP_BROWSER=1 skips them on purpose.
"""

import os
import shutil
import warnings

import pytest

CHROMIUM = os.environ.get("VEIKART_CHROMIUM", "/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")  # Playwright's sync API runs a loop


def _chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


def pytest_collection_modifyitems(config, items):
    if os.environ.get("VEIKART_SKIP_BROWSER") == "1":
        skip = pytest.mark.skip(reason="VEIKART_SKIP_BROWSER=1")
    elif _chromium_available():
        return
    elif os.environ.get("VEIKART_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"Browser tests are required but {CHROMIUM} is missing")
    else:
        message = f"NO CHROMIUM at {CHROMIUM}: browser tests SKIPPED (apt-get install chromium)"
        warnings.warn(message, stacklevel=1)
        print(f"\n*** {message} ***\n")
        skip = pytest.mark.skip(reason=message)
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
