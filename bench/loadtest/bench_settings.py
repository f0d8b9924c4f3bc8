"""Production settings plus one minimal view, served by the same gunicorn: the machine's ceiling."""

from config.production import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
