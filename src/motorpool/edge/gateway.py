"""The edge gateway: one ASGI middleware in front of every request.

In order: stamp a request id and bind it to the logs; refuse oversized bodies; resolve the
brand from the Host header (or ``X-Motorpool-Tenant`` in development); answer CORS for the
brand's allowed origins; check the bearer token (this deployment's or an external OIDC
issuer's) and that it belongs to this brand; apply the per-client rate limit; record
metrics.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from motorpool.edge.ratelimit import RateLimiter
from motorpool.platform.auth import ExternalIssuer, Principal, TokenService, unverified_issuer
from motorpool.platform.errors import (
    InternalError,
    PayloadTooLarge,
    Problem,
    TooManyRequests,
    Unauthenticated,
    UnknownBrand,
)
from motorpool.platform.metrics import LATENCY, REQUESTS
from motorpool.platform.problem_handlers import problem_response
from motorpool.platform.tenancy import Tenant, TenantDirectory

log = structlog.get_logger("motorpool.access")

BRANDLESS_PREFIXES = (
    "/healthz",
    "/readyz",
    "/metrics",
    "/problems",
    "/.well-known/jwks.json",
    "/openapi.json",
    "/docs",
    "/redoc",
)
CORS_HEADERS = "Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Request-ID"
CORS_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS"


class EdgeGateway:
    def __init__(
        self,
        app: ASGIApp,
        *,
        tenants: TenantDirectory,
        tokens: TokenService,
        rate_limiter: RateLimiter,
        external: ExternalIssuer | None = None,
        allow_tenant_header: bool = False,
        max_body_bytes: int = 1_000_000,
    ) -> None:
        self.app = app
        self.tenants = tenants
        self.tokens = tokens
        self.rate_limiter = rate_limiter
        self.external = external
        self.allow_tenant_header = allow_tenant_header
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = Headers(scope=scope)
        request_id = _request_id(headers.get("x-request-id"))
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status_holder = {"status": 500}
        origin = headers.get("origin")
        cors_origin: list[str | None] = [None]

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                status_holder["started"] = 1
                out = MutableHeaders(scope=message)
                out["X-Request-ID"] = request_id
                if cors_origin[0]:
                    out["Access-Control-Allow-Origin"] = cors_origin[0]
                    out["Vary"] = "Origin"
                    out["Access-Control-Expose-Headers"] = "X-Request-ID, Location, Retry-After"
            await send(message)

        try:
            tenant = await self._resolve(scope, headers)
            if tenant is not None:
                state["tenant"] = tenant
                structlog.contextvars.bind_contextvars(tenant=tenant.slug)
                if origin and origin in tenant.allowed_origins:
                    cors_origin[0] = origin
            if scope["method"] == "OPTIONS" and headers.get("access-control-request-method"):
                await self._preflight(send_wrapper, cors_origin[0])
                return
            self._check_length(headers)
            if "content-length" not in headers and scope["method"] in ("POST", "PUT", "PATCH"):
                receive = await self._buffered(receive)
            principal = await self._authenticate(headers, tenant)
            if principal is not None:
                state["principal"] = principal
            await self._limit(scope, tenant, principal)
        except Problem as problem:
            await problem_response(problem, request_id)(scope, receive, send_wrapper)
            self._observe(scope, status_holder["status"], started)
            return
        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            log.exception("unhandled error", path=scope["path"])
            if status_holder.get("started"):
                raise
            await problem_response(InternalError(), request_id)(scope, receive, send_wrapper)
        finally:
            self._observe(scope, status_holder["status"], started)

    async def _resolve(self, scope: Scope, headers: Headers) -> Tenant | None:
        path: str = scope["path"]
        slug = headers.get("x-motorpool-tenant") if self.allow_tenant_header else None
        if slug:
            tenant = await self.tenants.by_slug(slug)
        else:
            tenant = await self.tenants.by_host(headers.get("host", ""))
        if tenant is None and not path.startswith(BRANDLESS_PREFIXES) and path != "/":
            raise UnknownBrand()
        return tenant

    def _check_length(self, headers: Headers) -> None:
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            raise PayloadTooLarge(f"at most {self.max_body_bytes} bytes")

    async def _buffered(self, receive: Receive) -> Receive:
        """Read a body of unknown length up front, refusing it once past the limit."""
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.max_body_bytes:
                raise PayloadTooLarge(f"at most {self.max_body_bytes} bytes")
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        return replay

    async def _authenticate(self, headers: Headers, tenant: Tenant | None) -> Principal | None:
        authorization = headers.get("authorization")
        if not authorization:
            return None
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthenticated("use an Authorization: Bearer <token> header")
        if tenant is None:
            raise Unauthenticated("a token is only accepted at a brand's address")
        token = token.strip()
        if self.external and unverified_issuer(token) == self.external.issuer:
            return await self.external.verify(token, tenant.id)
        principal = self.tokens.verify(token)
        if principal.tenant_id != tenant.id:
            raise Unauthenticated("the token belongs to another brand")
        return principal

    async def _limit(
        self, scope: Scope, tenant: Tenant | None, principal: Principal | None
    ) -> None:
        if scope["path"].startswith(("/healthz", "/readyz", "/metrics")):
            return
        client = principal.subject if principal else (scope.get("client") or ("-",))[0]
        key = f"{tenant.slug if tenant else '-'}:{client}"
        verdict = await self.rate_limiter.hit(key)
        if not verdict.allowed:
            raise TooManyRequests(
                verdict.reset_seconds, f"at most {verdict.limit} requests a minute"
            )

    async def _preflight(self, send: Send, origin: str | None) -> None:
        headers = [(b"content-length", b"0")]
        if origin:
            headers += [
                (b"access-control-allow-methods", CORS_METHODS.encode()),
                (b"access-control-allow-headers", CORS_HEADERS.encode()),
                (b"access-control-max-age", b"600"),
            ]
        await send(
            {"type": "http.response.start", "status": 204 if origin else 403, "headers": headers}
        )
        await send({"type": "http.response.body", "body": b""})

    def _observe(self, scope: Scope, status: int, started: float) -> None:
        route = scope.get("route")
        template = getattr(route, "path", "unmatched")
        elapsed = time.perf_counter() - started
        REQUESTS.labels(template, scope["method"], str(status)).inc()
        LATENCY.labels(template, scope["method"]).observe(elapsed)
        log.info(
            "request",
            method=scope["method"],
            path=scope["path"],
            route=template,
            status=status,
            ms=round(elapsed * 1000, 2),
        )


def _request_id(given: str | None) -> str:
    if given and 8 <= len(given) <= 128 and given.isascii() and given.isprintable():
        return given
    return uuid.uuid4().hex
