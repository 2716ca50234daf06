"""Routes of the platform itself: health, metrics, keys, discovery and problem types."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from motorpool.platform.errors import (
    NotFound,
    ServiceUnavailable,
    openapi_error_responses,
    problem_types,
)
from motorpool.platform.metrics import REGISTRY

router = APIRouter(tags=["platform"], responses=openapi_error_responses(422, 429, 500))


@router.get("/healthz", summary="Liveness: the process answers")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="Readiness: the database (and the bus) answer",
    responses=openapi_error_responses(503),
)
async def readyz(request: Request) -> dict[str, str]:
    factory = request.app.state.uow_factory
    try:
        async with factory(tenant_id=None) as uow:
            await uow.session.execute(text("SELECT 1"))
    except Exception as exc:
        raise ServiceUnavailable("the database does not answer") from exc
    runtime = request.app.state.events
    if runtime.nats is not None and (runtime.nats.nc is None or not runtime.nats.nc.is_connected):
        raise ServiceUnavailable("the event bus does not answer")
    return {"status": "ready"}


@router.get("/metrics", summary="Prometheus metrics", response_class=PlainTextResponse)
async def metrics() -> PlainTextResponse:
    return PlainTextResponse(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


@router.get("/.well-known/jwks.json", summary="The public keys that sign access tokens")
async def jwks(request: Request) -> JSONResponse:
    return JSONResponse(
        request.app.state.tokens.jwks(), headers={"Cache-Control": "public, max-age=300"}
    )


@router.get(
    "/.well-known/openid-configuration",
    summary="OpenID-style discovery document",
    responses=openapi_error_responses(404),
)
async def discovery(request: Request) -> dict[str, Any]:
    issuer = request.app.state.tokens.issuer
    return {
        "issuer": issuer,
        "jwks_uri": f"{issuer}/.well-known/jwks.json",
        "token_endpoint": f"{issuer}/identity/auth/login",
        "userinfo_endpoint": f"{issuer}/identity/me",
        "end_session_endpoint": f"{issuer}/identity/auth/logout",
        "response_types_supported": ["token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "grant_types_supported": ["password", "refresh_token"],
        "claims_supported": [
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "nbf",
            "tid",
            "role",
            "sid",
            "email",
        ],
    }


@router.get("/problems", summary="Every problem type this platform answers with")
async def problems() -> list[dict[str, Any]]:
    return [
        {
            "type": cls.type_uri(),
            "title": cls.title,
            "status": cls.status,
            "description": cls.description,
        }
        for cls in problem_types().values()
    ]


@router.get(
    "/problems/{slug}",
    summary="What one problem type means",
    responses=openapi_error_responses(404),
)
async def problem(slug: str) -> dict[str, Any]:
    cls = problem_types().get(slug)
    if cls is None:
        raise NotFound(f"no problem type {slug!r}")
    return {
        "type": cls.type_uri(),
        "title": cls.title,
        "status": cls.status,
        "description": cls.description,
    }
