"""Login: rate limits per browser, a loose limit per IP, lock-out per account."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory

URL = "/accounts/login/"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_good_password_logs_in():
    UserFactory(username="vert1", password="riktig-passord-1")
    response = Client().post(URL, {"username": "vert1", "password": "riktig-passord-1"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_account_is_locked_after_five_failures_even_with_the_right_password():
    UserFactory(username="leder", password="riktig-passord-1")
    for _ in range(5):
        response = Client().post(URL, {"username": "leder", "password": "feil"})
        assert response.status_code == 200  # the ordinary "wrong password" page
    # A new browser with the right password is still refused while the lock lasts.
    response = Client().post(URL, {"username": "LEDER", "password": "riktig-passord-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in response.client.session
    assert "låst" in response.content.decode()
    assert 'value="LEDER"' in response.content.decode()  # what was typed is kept


@pytest.mark.django_db
def test_success_clears_the_failure_count():
    UserFactory(username="moderator1", password="riktig-passord-1")
    for _ in range(4):
        Client().post(URL, {"username": "moderator1", "password": "feil"})
    assert (
        Client().post(URL, {"username": "moderator1", "password": "riktig-passord-1"}).status_code
        == 302
    )
    for _ in range(4):
        Client().post(URL, {"username": "moderator1", "password": "feil"})
    assert (
        Client().post(URL, {"username": "moderator1", "password": "riktig-passord-1"}).status_code
        == 302
    )


@pytest.mark.django_db
def test_one_browser_is_slowed_down_but_a_class_behind_one_ip_is_not():
    browser = Client()
    statuses = [
        browser.post(URL, {"username": f"gjett{i}", "password": "x"}).status_code for i in range(12)
    ]
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429, 429]
    # 15 pupils' browsers (more than one browser may try) behind the same school IP each log in once: none is refused.
    for i in range(15):
        UserFactory(username=f"elev{i}", password="riktig-passord-1")
        response = Client(REMOTE_ADDR="10.0.0.1").post(
            URL, {"username": f"elev{i}", "password": "riktig-passord-1"}
        )
        assert response.status_code == 302
