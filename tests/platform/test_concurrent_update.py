"""When PostgreSQL picks a request as a deadlock's victim, the client gets a clean 409
problem it may retry (``concurrent-update``, Retry-After), not a 500 — provoked for real:
two requests take two advisory locks in opposite order."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from motorpool.platform import problem_handlers
from motorpool.platform.http import Uow, domain_router
from tests.conftest import assert_problem

pytestmark = pytest.mark.postgres_only


def deadlocking_app(app: FastAPI) -> FastAPI:
    router = domain_router(prefix="/locks", tags=["test"])
    both_hold_one = asyncio.Event()
    holders = 0

    @router.post("/{first}/{second}")
    async def take(first: int, second: int, uow: Uow) -> dict[str, str]:
        nonlocal holders
        await uow.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": first})
        holders += 1
        if holders == 2:
            both_hold_one.set()
        await asyncio.wait_for(both_hold_one.wait(), 10)
        await uow.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": second})
        return {"took": f"{first},{second}"}

    test_app = FastAPI()
    test_app.state.uow_factory = app.state.uow_factory
    problem_handlers.install(test_app)
    test_app.include_router(router)
    return test_app


async def test_a_deadlock_victim_gets_a_retryable_409(app) -> None:
    transport = httpx.ASGITransport(app=deadlocking_app(app), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        one, two = await asyncio.gather(
            client.post("/locks/7301/7302"), client.post("/locks/7302/7301")
        )
    answers = sorted([one, two], key=lambda r: r.status_code)
    assert answers[0].status_code == 200, answers[0].text
    body = assert_problem(answers[1], 409, "concurrent-update")
    assert answers[1].headers["retry-after"] == "1"
    assert "deadlock" not in str(body).lower()  # no database internals to the client
