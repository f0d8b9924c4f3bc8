"""Rate limits without outside services: fixed-window counters in Django's cache.

Limits are per *client* (the browser's session), with a far looser limit per IP address so that
a class of 30 pupils behind one school IP is never blocked while one script is.
"""

import time

from django.core.cache import cache
from django.http import HttpRequest

# scope → (per client, per IP, window in seconds)
LIMITS: dict[str, tuple[int, int, int]] = {
    "input": (20, 1500, 600),
    "receipt": (60, 3000, 600),
    "report": (10, 500, 600),
    "login": (10, 300, 600),
    "support": (60, 3000, 600),
    "follow": (10, 500, 600),
}


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_key(request: HttpRequest) -> str:
    """A stable id for this browser: its session key (created if needed)."""
    if not request.session.session_key:
        request.session["client"] = True
        request.session.save()
    return request.session.session_key or "none"


def _hit(key: str, limit: int, window: int) -> bool:
    bucket = f"rl:{key}:{int(time.time() // window)}"
    if cache.add(bucket, 1, timeout=window + 5):
        count = 1
    else:
        try:
            count = cache.incr(bucket)
        except ValueError:  # expired between add and incr
            cache.set(bucket, 1, timeout=window + 5)
            count = 1
    return count <= limit


def allow(request: HttpRequest, scope: str) -> bool:
    """Count one attempt in `scope`; False if this client or IP is over its limit."""
    per_client, per_ip, window = LIMITS[scope]
    ok_client = _hit(f"{scope}:c:{client_key(request)}", per_client, window)
    ok_ip = _hit(f"{scope}:ip:{client_ip(request)}", per_ip, window)
    return ok_client and ok_ip


# Lock-out of one account after repeated failed logins: counted per username, not per IP, so a
# class behind one school IP is never locked out by one pupil, and a guesser cannot go on by
# changing browser. (failures allowed, lock-out in seconds)
LOCKOUT = (5, 900)


def _lockout_key(username: str) -> str:
    return f"lockout:{username.strip().casefold()[:150]}"


def locked_out(username: str) -> bool:
    return (cache.get(_lockout_key(username)) or 0) >= LOCKOUT[0]


def login_failed(username: str) -> None:
    key = _lockout_key(username)
    if not cache.add(key, 1, timeout=LOCKOUT[1]):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=LOCKOUT[1])


def login_succeeded(username: str) -> None:
    cache.delete(_lockout_key(username))
