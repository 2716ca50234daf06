"""Bad input gets problem+json with the right status — never a stack trace."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.conftest import assert_problem


async def test_malformed_json_is_400(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/identity/auth/login",
        content=b'{"email": "a@b.c", "password": ',
        headers={"content-type": "application/json"},
    )
    assert_problem(answer, 400, "malformed-json")


async def test_unknown_fields_are_422(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/identity/auth/login",
        json={"email": "a@example.com", "password": "whatever-1234", "remember_me": True},
    )
    body = assert_problem(answer, 422, "validation-error")
    assert body["errors"][0]["loc"][-1] == "remember_me"


async def test_oversized_bodies_are_413(client: httpx.AsyncClient) -> None:
    big = b'{"email": "' + b"a" * 1_100_000 + b'"}'
    declared = await client.post(
        "/identity/auth/login", content=big, headers={"content-type": "application/json"}
    )
    assert_problem(declared, 413, "payload-too-large")

    async def chunks():  # no Content-Length: counted while it streams in
        for _ in range(12):
            yield b" " * 100_000

    streamed = await client.post(
        "/identity/auth/login", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(streamed, 413, "payload-too-large")


async def test_unknown_route_and_method(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/no/such/thing"), 404, "not-found")
    assert_problem(await client.delete("/identity/auth/login"), 405, "method-not-allowed")


async def test_forged_expired_and_foreign_tokens_are_401(
    app: FastAPI, client: httpx.AsyncClient, other_client: httpx.AsyncClient, make_account
) -> None:
    account = await make_account()
    token = account.headers["Authorization"].split()[1]
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"
    assert_problem(
        await client.get("/identity/me", headers={"Authorization": f"Bearer {forged}"}), 401
    )
    assert_problem(
        await client.get("/identity/me", headers={"Authorization": "Bearer not-a-jwt"}), 401
    )
    assert_problem(await client.get("/identity/me", headers={"Authorization": "Basic abc"}), 401)
    from datetime import timedelta

    from motorpool.platform.auth import Role
    from motorpool.platform.db import utcnow

    tokens = app.state.tokens
    old, _ = tokens.issue(
        account_id=account.id,
        tenant_id=_tenant_of(token),
        role=Role.customer,
        session_id=_sid_of(token),
        now=utcnow() - timedelta(hours=2),
    )
    expired = await client.get("/identity/me", headers={"Authorization": f"Bearer {old}"})
    body = assert_problem(expired, 401, "unauthenticated")
    assert "expired" in body["detail"]
    assert expired.headers["www-authenticate"].startswith("Bearer")
    # a token of one brand is refused at another brand's address
    assert_problem(await other_client.get("/identity/me", headers=account.headers), 401)


def _claims(token: str) -> dict:
    import jwt

    return jwt.decode(token, options={"verify_signature": False})


def _tenant_of(token: str):
    import uuid

    return uuid.UUID(_claims(token)["tid"])


def _sid_of(token: str):
    import uuid

    return uuid.UUID(_claims(token)["sid"])


async def test_unexpected_errors_hide_their_details(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    async def explode() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    app.add_api_route("/test-only/explode", explode)
    try:
        answer = await client.get("/test-only/explode")
    finally:
        app.router.routes.pop()
    body = assert_problem(answer, 500, "internal-error")
    assert "hunter2" not in answer.text
    assert "RuntimeError" not in answer.text
    assert body["request_id"] == answer.headers["x-request-id"]


async def test_problem_types_are_documented(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/problems")).json()
    slugs = {p["type"] for p in listed}
    assert {"/problems/validation-error", "/problems/idempotency-key-reused"} <= slugs
    one = await client.get("/problems/invalid-credentials")
    assert one.status_code == 200
    assert one.json()["status"] == 401
