"""RFC 9457 problem details: every error a client sees has a stable ``type``.

Domains raise subclasses of :class:`Problem`; the HTTP layer turns each into an
``application/problem+json`` answer. Types are relative URIs under ``/problems/`` and each
one is documented at that address by the running platform.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "/problems/"

_REGISTRY: dict[str, type[Problem]] = {}


class Problem(Exception):
    """A failure a client can act on. Subclasses set ``slug``, ``title`` and ``status``."""

    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal error"
    status: ClassVar[int] = 500
    description: ClassVar[str] = ""
    keeps_changes: ClassVar[bool] = False
    """True for refusals that must still be recorded (a failed sign-in, a revoked session)."""

    def __init__(self, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.extensions = extensions
        self.headers: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "slug" in cls.__dict__:
            _REGISTRY[cls.slug] = cls

    @classmethod
    def type_uri(cls) -> str:
        return PROBLEM_BASE + cls.slug

    def body(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type_uri(), "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        if instance:
            body["instance"] = instance
        body.update(self.extensions)
        return body


def problem_types() -> dict[str, type[Problem]]:
    return dict(sorted(_REGISTRY.items()))


class ProblemDetails(BaseModel):
    """The shape of every error answer (RFC 9457)."""

    model_config = ConfigDict(extra="allow")
    type: str = Field(examples=["/problems/not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None


class InternalError(Problem):
    slug = "internal-error"
    title = "Internal error"
    status = 500
    description = "Something failed on our side. The request id helps support find it."


class BadRequest(Problem):
    slug = "bad-request"
    title = "Bad request"
    status = 400


class MalformedJson(Problem):
    slug = "malformed-json"
    title = "The body is not valid JSON"
    status = 400


class ValidationFailed(Problem):
    slug = "validation-error"
    title = "The request is not valid"
    status = 422
    description = "One or more fields are missing, unknown or out of range; see `errors`."


class Unauthenticated(Problem):
    slug = "unauthenticated"
    title = "Authentication required"
    status = 401
    description = "No token, or a token that is expired, forged, revoked or for another brand."

    def __init__(self, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(detail, **extensions)
        self.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'


class Forbidden(Problem):
    slug = "forbidden"
    title = "Not allowed"
    status = 403
    description = "The caller is known but their role does not allow this."


class NotFound(Problem):
    slug = "not-found"
    title = "Not found"
    status = 404


class MethodNotAllowed(Problem):
    slug = "method-not-allowed"
    title = "Method not allowed"
    status = 405


class Conflict(Problem):
    slug = "conflict"
    title = "Conflict"
    status = 409


class PayloadTooLarge(Problem):
    slug = "payload-too-large"
    title = "The body is too large"
    status = 413


class UnsupportedMediaType(Problem):
    slug = "unsupported-media-type"
    title = "Unsupported media type"
    status = 415


class TooManyRequests(Problem):
    slug = "rate-limited"
    title = "Too many requests"
    status = 429

    def __init__(self, retry_after: int, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(detail, **extensions)
        self.headers["Retry-After"] = str(max(1, retry_after))


class ServiceUnavailable(Problem):
    slug = "service-unavailable"
    title = "Service unavailable"
    status = 503


class UnknownBrand(Problem):
    slug = "unknown-brand"
    title = "No brand is served at this address"
    status = 404
    description = "The Host header (or X-Motorpool-Tenant in development) names no brand."


COMMON_ERROR_STATUSES = (400, 401, 403, 404, 413, 422, 429, 500)
STATUS_DESCRIPTIONS = {
    400: "Malformed request (e.g. invalid JSON)",
    401: "Missing, expired or forged token",
    403: "Role does not allow this",
    404: "Not found, or not visible to this brand",
    409: "Conflict with the current state",
    413: "Body too large",
    422: "Validation failed, or an Idempotency-Key reused with another body",
    429: "Rate limited; see Retry-After",
    500: "Internal error (no details are disclosed)",
}


def openapi_error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """FastAPI ``responses=`` entries documenting problem+json answers."""
    return {
        status: {
            "description": STATUS_DESCRIPTIONS.get(status, "Error"),
            "model": ProblemDetails,
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in statuses
    }
