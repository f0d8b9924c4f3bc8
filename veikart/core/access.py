"""Permission glue for views: load the process from the URL and check the one permission table."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from veikart.core.permissions import can
from veikart.processes.models import Process


def require(request: HttpRequest, action: str, process: Process | None = None) -> None:
    """Raise PermissionDenied unless the user may do `action` (see core/permissions.py)."""
    if not can(request.user, action, process):
        raise PermissionDenied(action)


def process_view(action: str) -> Callable:
    """Decorate a view taking (request, process, ...) whose URL has <slug:slug>.

    Anonymous users who are refused are sent to the login page; signed-in users get 403.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
            process = get_object_or_404(Process, slug=slug)
            if not can(request.user, action, process):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied(action)
            return view(request, process, *args, **kwargs)

        wrapper.permission_action = action  # read by the URL ↔ permission-table test
        return wrapper

    return decorator
