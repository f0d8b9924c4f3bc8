"""Token authentication for staff integrations: `Authorization: Bearer vk_…`.

Without the header a request is anonymous (reads, and writes the permission table allows
anonymous users); a wrong or revoked key is refused with 401, never silently anonymous."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from veikart.api.selectors import api_token_user


class OptionalToken(HttpBearer):
    def __call__(self, request: HttpRequest):
        header = request.headers.get(self.header)
        if not header:
            return AnonymousUser()
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_user(key=token)
        if user is None:
            raise AuthenticationError()
        return user


def api_user(request: HttpRequest):
    """The user the request acts as: the token's user, or anonymous."""
    return getattr(request, "auth", None) or AnonymousUser()
