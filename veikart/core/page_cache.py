"""Whole-page cache of public read-only pages for visitors without a session.

The rule, in one place: a view decorated with `@public_page` is served from the cache when
- the request is GET or HEAD, and
- it carries no cookie except the language and CSRF cookies (so: no session, hence no login,
  no messages, no support token, no workshop token — nothing that could change the page).

A rendered answer is stored only if it is a 200 that set no cookie, did not use the CSRF token
(a page with a form is never shared), did not change the session and queued no message.

The key is scheme + host + path + query + active language + htmx target + today's date + the
**data version**: the newest `AuditLog` id (every service writes one row per change) and the
newest admin `LogEntry` id (the admin writes no audit row), read in one indexed query. Any write
through a service or the admin therefore changes the key, and the next visitor gets a fresh page;
nothing has to be deleted, and no signal is needed. The TTL (`VEIKART_PAGE_CACHE_SECONDS`) is only
a safety net for changes made outside both (a shell, a raw SQL fix); 0 turns the cache off (tests
do, apart from the cache's own tests: their factories write no audit rows).

The pages live in the `pages` cache alias: a per-process in-memory cache (see
docs/deploy.md): the data version is read from the database on every request, so several web
processes never serve each other's stale pages and need not share the cache.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

from veikart.core.models import AuditLog

ALIAS = "pages"
_MISSING = object()
HEADERS_KEPT = ("Content-Type", "Content-Disposition")


def page_cache_seconds() -> int:
    return int(getattr(settings, "VEIKART_PAGE_CACHE_SECONDS", 0))


def data_version() -> str:
    """The newest audit-log and admin-log ids: changes whenever data changes through a service or
    the admin. One query; both are index lookups (MAX of a primary key)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(id) FROM {AuditLog._meta.db_table}),"  # noqa: S608  # nosec B608 - table names from models
            f" (SELECT MAX(id) FROM {LogEntry._meta.db_table})"
        )
        audit, admin = cursor.fetchone()
    return f"{audit or 0}.{admin or 0}"


def request_data_version(request: HttpRequest) -> str:
    """The data version, read once per request."""
    version = getattr(request, "_veikart_data_version", None)
    if version is None:
        version = request._veikart_data_version = data_version()
    return version


def memo[T](request: HttpRequest, name: str, *parts, compute: Callable[[], T]) -> T:
    """A value computed from the data — a count, a distribution, or a rendered fragment that is
    the same for every visitor (no CSRF token, nothing about the visitor) — kept until the data
    changes, for every visitor, signed in or not: the key is `name`, `parts` and the data version
    read at the start of the request, as for whole pages. Use it only in read-only views. Makes
    the uncached page cheaper too. Off when the page cache is off."""
    seconds = page_cache_seconds()
    if seconds <= 0:
        return compute()
    raw = "\n".join([name, *map(repr, parts), request_data_version(request)])
    key = "memo:" + hashlib.sha256(raw.encode()).hexdigest()
    cache = caches[ALIAS]
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = compute()
        cache.set(key, found, seconds)
    return found


def visitor_is_cacheable(request: HttpRequest) -> bool:
    """A GET/HEAD from a browser with no session: nothing about it can change the page but the
    URL and the language."""
    if request.method not in ("GET", "HEAD"):
        return False
    allowed = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    return all(name in allowed for name in request.COOKIES)


def _key(request: HttpRequest) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
        timezone.localdate().isoformat(),  # "overdue" and similar depend on the day
        request_data_version(request),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{digest}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page used the CSRF token
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key):
        return False
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", None)
    return not queued


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve this read-only public view from the page cache to visitors without a session."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = page_cache_seconds()
        if seconds <= 0 or not visitor_is_cacheable(request):
            return view(request, *args, **kwargs)
        cache = caches[ALIAS]
        key = _key(request)
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            patch_vary_headers(response, ("Cookie",))
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if _storable(request, response):
            headers = [(h, response[h]) for h in HEADERS_KEPT if response.has_header(h)]
            cache.set(key, (response.content, headers), seconds)
            response["X-Page-Cache"] = "miss"
            patch_vary_headers(response, ("Cookie",))
        return response

    wrapper.public_page = True
    return wrapper
