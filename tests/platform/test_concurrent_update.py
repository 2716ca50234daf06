"""When PostgreSQL picks a request as a deadlock's victim, the client gets a clean 409
problem it may retry (``concurrent-update``, Retry-After), not a 500 — provoked for real:
two requests take two advisory locks in opposite order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import BigInteger, DateTime, bindparam, func, literal_column, select, text

from motorpool.platform import problem_handlers
from motorpool.platform.http import Uow, domain_router
from motorpool.platform.prepared import PgStatement
from tests.conftest import assert_problem

pytestmark = pytest.mark.postgres_only


SecondLock = Callable[[Uow, int], Awaitable[object]]


async def by_session(uow: Uow, key: int) -> object:
    return await uow.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


PREPARED_LOCK = PgStatement(select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger))))


async def by_prepared_statement(uow: Uow, key: int) -> object:
    """The way a hold takes its resource's lock: a prepared statement on the driver."""
    return await PREPARED_LOCK.fetch_value(uow, key=key)


def deadlocking_app(app: FastAPI, take_second: SecondLock = by_session) -> FastAPI:
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
        await take_second(uow, second)
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


async def test_a_deadlock_in_a_prepared_statement_is_a_retryable_409_too(app) -> None:
    deadlocking = deadlocking_app(app, take_second=by_prepared_statement)
    transport = httpx.ASGITransport(app=deadlocking, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        one, two = await asyncio.gather(
            client.post("/locks/7401/7402"), client.post("/locks/7402/7401")
        )
    answers = sorted([one, two], key=lambda r: r.status_code)
    assert answers[0].status_code == 200, answers[0].text
    assert_problem(answers[1], 409, "concurrent-update")
    assert answers[1].headers["retry-after"] == "1"


async def test_prepared_statements_refuse_naive_datetimes_and_carry_literals(
    uow_factory, brand
) -> None:
    """A naive datetime is refused before it reaches the driver (SQLAlchemy's type would
    refuse it too); a value written into the statement travels as its parameter."""
    from datetime import datetime

    from motorpool.platform.db import utcnow

    later = PgStatement(select(bindparam("at", type_=DateTime(timezone=True)) > utcnow()))
    literal = PgStatement(select(literal_column("1") + 41).where(func.abs(-5) == 5))
    async with uow_factory(tenant_id=brand.id) as uow:
        with pytest.raises(ValueError, match="naive"):
            await later.fetch_value(uow, at=datetime(2030, 1, 1))
        assert await literal.fetch_value(uow) == 42
