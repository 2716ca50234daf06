"""Turns every exception into an RFC 9457 answer; never a stack trace to a client."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from motorpool.platform.errors import (
    PROBLEM_MEDIA_TYPE,
    BadRequest,
    InternalError,
    MalformedJson,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    Problem,
    UnsupportedMediaType,
    ValidationFailed,
)

log = structlog.get_logger("motorpool.errors")

_BY_STATUS: dict[int, type[Problem]] = {
    400: BadRequest,
    404: NotFound,
    405: MethodNotAllowed,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
}


def problem_response(problem: Problem, request_id: str | None = None) -> JSONResponse:
    body = problem.body()
    if request_id:
        body["request_id"] = request_id
    headers = dict(problem.headers)
    if request_id:
        headers["X-Request-ID"] = request_id
    return JSONResponse(
        body, status_code=problem.status, headers=headers, media_type=PROBLEM_MEDIA_TYPE
    )


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for error in exc.errors():
        errors.append(
            {
                "loc": [str(part) for part in error.get("loc", ())],
                "msg": error.get("msg", ""),
                "type": error.get("type", ""),
            }
        )
    return errors


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    if exc.status >= 500:
        log.error("problem", type=exc.slug, detail=exc.detail)
    return problem_response(exc, _request_id(request))


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    if any(e["type"] == "json_invalid" for e in errors):
        problem: Problem = MalformedJson(
            "the body could not be parsed as JSON",
            errors=[e for e in errors if e["type"] == "json_invalid"],
        )
    else:
        problem = ValidationFailed(
            "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5]), errors=errors
        )
    return problem_response(problem, _request_id(request))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    cls = _BY_STATUS.get(exc.status_code)
    if cls is None:
        problem: Problem = Problem(str(exc.detail))
        problem.status = exc.status_code  # type: ignore[misc]
    else:
        problem = cls(str(exc.detail) if exc.detail else None)
    if exc.headers:
        problem.headers.update(exc.headers)
    return problem_response(problem, _request_id(request))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", path=request.url.path)
    return problem_response(InternalError(), _request_id(request))


def install(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)


def problem_only_openapi(app: FastAPI) -> None:
    """Make the OpenAPI document say what the API does: every 4xx/5xx is problem+json.

    FastAPI documents its own ``HTTPValidationError`` JSON for 422; this platform never sends
    it, so the generated document is corrected once, when first asked for.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = generate()
        problem_ref = {"$ref": "#/components/schemas/ProblemDetails"}
        for operations in spec.get("paths", {}).values():
            for operation in operations.values():
                for code, response in operation.get("responses", {}).items():
                    if code.startswith(("4", "5")):
                        response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": problem_ref}}
        schemas = spec.get("components", {}).get("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
