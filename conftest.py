import pytest


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """The anonymous page cache is keyed by the audit log, which factories do not write: tests
    that change data with factories and read a page again would see the old page. So it is off
    in tests, except in its own tests (veikart/core/tests/test_page_cache.py), which turn it on."""
    settings.VEIKART_PAGE_CACHE_SECONDS = 0
