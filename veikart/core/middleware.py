from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class BokmalFirstMiddleware:
    """Bokmål unless the visitor chose another language (the language cookie).

    The browser's Accept-Language is not used: the municipality's language comes first, and
    the language switch on every page is one click away.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
