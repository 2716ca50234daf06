"""The edge: brand resolution, CORS for embedded components, rate limits, request ids."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from motorpool.edge import MemoryRateLimiter, RedisRateLimiter
from motorpool.platform.tenancy import Tenant
from tests.conftest import assert_problem


async def test_unknown_host_is_an_unknown_brand(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://nobody.test") as c:
        assert_problem(await c.get("/identity/me"), 404, "unknown-brand")
        assert (await c.get("/healthz")).status_code == 200


async def test_tenant_header_selects_the_brand_outside_production(
    app: FastAPI, brand: Tenant
) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://anything.test") as c:
        answer = await c.post(
            "/identity/auth/password-reset",
            json={"email": "x@example.com"},
            headers={"X-Motorpool-Tenant": brand.slug},
        )
        assert answer.status_code == 202


async def test_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    given = await client.get("/healthz", headers={"X-Request-ID": "req-1234567890"})
    assert given.headers["x-request-id"] == "req-1234567890"
    made = await client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32


async def test_cors_answers_only_the_brands_origins(client: httpx.AsyncClient) -> None:
    preflight = await client.options(
        "/identity/me",
        headers={
            "Origin": "https://embedder.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "https://embedder.example"
    assert "Authorization" in preflight.headers["access-control-allow-headers"]
    simple = await client.get("/healthz", headers={"Origin": "https://embedder.example"})
    assert simple.headers["access-control-allow-origin"] == "https://embedder.example"
    stranger = await client.options(
        "/identity/me",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert stranger.status_code == 403
    assert "access-control-allow-origin" not in stranger.headers


async def test_health_readiness_and_metrics(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}
    metrics = await client.get("/metrics")
    assert "motorpool_http_requests_total" in metrics.text


async def test_jwks_and_discovery(client: httpx.AsyncClient) -> None:
    jwks = (await client.get("/.well-known/jwks.json")).json()
    assert jwks["keys"][0]["kty"] == "EC"
    assert jwks["keys"][0]["alg"] == "ES256"
    assert "d" not in jwks["keys"][0]
    discovery = (await client.get("/.well-known/openid-configuration")).json()
    assert discovery["jwks_uri"].endswith("/.well-known/jwks.json")


async def test_memory_rate_limit_refuses_past_the_limit() -> None:
    limiter = MemoryRateLimiter(per_minute=3)
    verdicts = [await limiter.hit("brand:client") for _ in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert (await limiter.hit("brand:other")).allowed


@pytest.mark.redis
async def test_redis_rate_limit_is_shared_between_limiters() -> None:
    redis = Redis.from_url("redis://127.0.0.1:6379/0")
    try:
        key = f"test:{uuid.uuid4().hex}"
        first, second = RedisRateLimiter(redis, 2), RedisRateLimiter(redis, 2)
        assert (await first.hit(key)).allowed
        assert (await second.hit(key)).allowed
        refused = await first.hit(key)
        assert not refused.allowed
        assert refused.remaining == 0
    finally:
        await redis.aclose()


@pytest.mark.redis
async def test_rate_limited_requests_get_429_with_retry_after(
    database_url, smtp_server, tmp_path
) -> None:
    from motorpool.app import create_app
    from tests.conftest import client_for, make_brand, settings_for

    settings = settings_for(
        database_url,
        tmp_path,
        smtp_server[1],
        rate_limit_per_minute=5,
        redis_url="redis://127.0.0.1:6379/0",
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        brand = await make_brand(application.state.uow_factory)
        async with client_for(application, brand) as c:
            statuses = [(await c.get("/problems")).status_code for _ in range(7)]
            assert statuses[:5] == [200] * 5
            limited = await c.get("/problems")
            body = assert_problem(limited, 429, "rate-limited")
            assert int(limited.headers["retry-after"]) >= 1
            assert body["detail"]
            assert (await c.get("/healthz")).status_code == 200
