"""The REST API, version 1: /api/v1/, schema at /api/v1/openapi.json.

Errors are always JSON with a `detail`: a message, or for invalid input a list of
{"loc": [..., field], "msg": ..., "type": ...} as for any validation error. Refusals are 401
(no or bad token), 403 (not allowed), 404, 409, 422 or 429 — never a 500 for bad input."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from veikart.api.auth import OptionalToken
from veikart.api.endpoints import knowledge, processes

api = NinjaAPI(
    title="Veikart API",
    version="1",
    description=(
        "Read access to every public part of Veikart — processes, arenas and participation, "
        "published inputs, proposals with their counts, the plan and its measures, the "
        "knowledge base — and submitting inputs and supports with the same rules as the web. "
        "Staff integrations send `Authorization: Bearer <token>` (veikart create-api-token)."
    ),
    urls_namespace="api-1",
    docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
    auth=OptionalToken(),
)
api.add_router("/processes", processes)
api.add_router("/", knowledge)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        detail = [
            {"loc": ["body", field], "msg": message, "type": "value_error"}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        detail = [{"loc": ["body"], "msg": m, "type": "value_error"} for m in exc.messages]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied):
    return api.create_response(request, {"detail": "You may not do this here and now."}, status=403)


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: AuthenticationError):
    response = api.create_response(request, {"detail": "A valid API token is needed."}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response
