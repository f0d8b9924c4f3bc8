"""Two-factor login (TOTP): staff turn it on with a QR code, then a password alone is not enough."""

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from veikart.core.models import AuditLog


@pytest.fixture(autouse=True)
def _setup(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def code_for(device: TOTPDevice, shift: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += shift
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def manager(db):
    return UserFactory(username="leder", role="manager", password="riktig-passord-1")


def turn_on(client: Client, user) -> TOTPDevice:
    client.force_login(user)
    page = client.post("/accounts/tofaktor/", {"action": "start"})
    assert "<svg" in page.content.decode() and "QR" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post("/accounts/tofaktor/", {"action": "confirm", "code": "000000"})
    assert wrong.status_code == 400 and not TOTPDevice.objects.filter(confirmed=True).exists()
    done = client.post("/accounts/tofaktor/", {"action": "confirm", "code": code_for(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_turning_it_on_needs_a_right_code_and_is_logged(manager):
    turn_on(Client(), manager)
    assert AuditLog.objects.filter(action="user.two_factor_on").count() == 1


def test_password_alone_no_longer_signs_in(manager, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows guessing down; not the subject here
    device = turn_on(Client(), manager)
    client = Client()
    response = client.post(
        "/accounts/login/",
        {"username": "leder", "password": "riktig-passord-1", "next": "/health/"},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/login/kode/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/login/kode/", {"code": "123456"})
    assert wrong.status_code == 400 and "_auth_user_id" not in client.session
    # Codes are used once: step to the next time window for a fresh one.
    right = client.post("/accounts/login/kode/", {"code": code_for(device, shift=30)})
    assert right.status_code == 302 and right["Location"] == "/health/"
    assert client.session["_auth_user_id"] == str(manager.pk)


def test_code_page_without_a_password_step_goes_back_to_login(db):
    response = Client().get("/accounts/login/kode/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"


def test_guessing_codes_locks_the_account(manager):
    device = turn_on(Client(), manager)
    client = Client()
    client.post("/accounts/login/", {"username": "leder", "password": "riktig-passord-1"})
    for _ in range(5):
        client.post("/accounts/login/kode/", {"code": "000000"})
    refused = client.post("/accounts/login/kode/", {"code": code_for(device, shift=30)})
    assert refused.status_code == 400 and "_auth_user_id" not in client.session


def test_turning_it_off_needs_a_code(manager, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = turn_on(Client(), manager)
    client = Client()
    client.force_login(manager)
    assert client.post("/accounts/tofaktor/", {"action": "off", "code": "1"}).status_code == 400
    assert TOTPDevice.objects.filter(user=manager, confirmed=True).exists()
    client.post("/accounts/tofaktor/", {"action": "off", "code": code_for(device, shift=30)})
    assert not TOTPDevice.objects.filter(user=manager).exists()
