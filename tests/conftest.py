import pytest


@pytest.fixture(autouse=True)
def _english_off(settings):
    """Pages render in bokmål by default, as residents see them."""
    settings.LANGUAGE_CODE = "nb"
