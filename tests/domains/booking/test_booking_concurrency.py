"""Concurrent clients racing for the same cars through the HTTP API (PostgreSQL only).

32 clients hold random cars among 10 at one centre for random overlapping windows, all at
once on the event loop; every request gets its own database connection, so the races are
real at the database. Afterwards SQL, not the API, checks that no two live bookings on a
lane of a car overlap and that every success a client saw is in the database (and nothing
else is).

The same harness pointed at a deliberately naive check-then-insert endpoint (built here,
on a scratch table without the exclusion constraint) finds overlaps: proof that the
harness can see the bug it looks for.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from pydantic import AwareDatetime, BaseModel, ConfigDict
from sqlalchemy import text

from motorpool.domains.booking import SlotTaken
from motorpool.platform.tenancy import Tenant
from tests.conftest import PG_APP_ROLE
from tests.domains.booking.factories import make_centre, make_resources

pytestmark = pytest.mark.postgres_only

CLIENTS = 32
HOLDS_PER_CLIENT = 5
CARS = 10
QUARTER = timedelta(minutes=15)
NAIVE_PATH = "/test-only/naive-holds"


@dataclass
class Attempt:
    client: int
    body: dict[str, str]
    status: int
    answer: dict[str, object]


@dataclass
class Race:
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def statuses(self) -> Counter[int]:
        return Counter(a.status for a in self.attempts)

    @property
    def successes(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status == 201]


def windows(rng: random.Random, base: datetime, n: int) -> list[tuple[datetime, datetime]]:
    """Windows within a few hours of each other: 15 min to 2 h, starting on a quarter."""
    found = []
    for _ in range(n):
        start = base + rng.randint(0, 24) * QUARTER
        found.append((start, start + rng.randint(1, 8) * QUARTER))
    return found


async def race(
    app: FastAPI,
    brand: Tenant,
    path: str,
    headers: list[dict[str, str]],
    cars: list[uuid.UUID],
    *,
    seed: int,
) -> Race:
    """CLIENTS clients at once, each placing HOLDS_PER_CLIENT holds one after the other."""
    rng = random.Random(seed)
    base = (datetime.now(UTC) + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    result = Race()
    start_line = asyncio.Event()

    async def one_client(number: int) -> None:
        plan = [
            (rng.choice(cars), a, b) for a, b in windows(rng, base, HOLDS_PER_CLIENT)
        ]  # drawn before the start, so the clients' order does not change the plan
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=f"http://{brand.slug}.test",
            headers=headers[number % len(headers)],
            timeout=30.0,
        ) as client:
            await start_line.wait()
            for car, a, b in plan:
                body = {
                    "product": "carsharing",
                    "resource_id": str(car),
                    "starts_at": a.isoformat(),
                    "ends_at": b.isoformat(),
                }
                answer = await client.post(path, json=body)
                result.attempts.append(Attempt(number, body, answer.status_code, answer.json()))

    tasks = [asyncio.ensure_future(one_client(n)) for n in range(CLIENTS)]
    await asyncio.sleep(0)
    start_line.set()
    await asyncio.gather(*tasks)
    unexpected = [a for a in result.attempts if a.status not in (201, 409)]
    assert not unexpected, unexpected[:3]
    refused = [a for a in result.attempts if a.status == 409]
    assert all(a.answer.get("type") == "/problems/slot-taken" for a in refused), refused[:3]
    return result


def owner_dsn(database_urls: tuple[str, str]) -> str:
    return database_urls[0].replace("postgresql+asyncpg://", "postgresql://")


# ----------------------------------------------------------------- the real path


OVERLAPS_SQL = """
SELECT count(*) FROM booking_bookings a
JOIN booking_bookings b
  ON a.resource_id = b.resource_id AND a.lane = b.lane AND a.id < b.id
 AND tstzrange(a.occupied_from, a.occupied_until, '[)')
  && tstzrange(b.occupied_from, b.occupied_until, '[)')
WHERE a.tenant_id = $1 AND b.tenant_id = $1
  AND a.status IN ('held', 'confirmed', 'started')
  AND b.status IN ('held', 'confirmed', 'started')
"""


async def test_racing_clients_never_double_book(
    app, brand, uow_factory, make_account, database_urls
) -> None:
    centre = await make_centre(uow_factory, brand)
    cars = await make_resources(uow_factory, brand, centre.id, CARS, pool="carsharing")
    accounts = await asyncio.gather(*(make_account() for _ in range(CLIENTS)))  # one each

    result = await race(
        app, brand, "/booking/holds", [a.headers for a in accounts], [c.id for c in cars], seed=7
    )

    statuses = result.statuses
    assert statuses[201] >= CARS, statuses  # the race was won sometimes ...
    assert statuses[409] >= CLIENTS, statuses  # ... and lost often: there was contention
    connection = await asyncpg.connect(owner_dsn(database_urls))
    try:
        assert await connection.fetchval(OVERLAPS_SQL, brand.id) == 0
        rows = {
            r["id"]: r
            for r in await connection.fetch(
                "SELECT id, resource_id, customer_id, status, starts_at, ends_at"
                " FROM booking_bookings"
                " WHERE tenant_id = $1",
                brand.id,
            )
        }
    finally:
        await connection.close()
    seen = {uuid.UUID(str(a.answer["id"])): a for a in result.successes}
    assert set(rows) == set(seen), "every success is stored, and nothing else"
    for booking_id, attempt in seen.items():
        row = rows[booking_id]
        assert row["status"] == "held"
        assert row["customer_id"] == accounts[attempt.client].id
        assert str(row["resource_id"]) == attempt.body["resource_id"]
        assert row["starts_at"] == datetime.fromisoformat(attempt.body["starts_at"])
        assert row["ends_at"] == datetime.fromisoformat(attempt.body["ends_at"])


# ----------------------------------------------------------------- the naive path


class NaiveHold(BaseModel):
    model_config = ConfigDict(extra="ignore")
    resource_id: uuid.UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime


NAIVE_OVERLAPS_SQL = """
SELECT count(*) FROM naive_bookings a
JOIN naive_bookings b
  ON a.resource_id = b.resource_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
"""


async def test_the_harness_sees_a_naive_check_then_insert_double_book(
    app, brand, uow_factory, make_account, database_urls
) -> None:
    engine = app.state.engine

    async def naive_hold(body: NaiveHold) -> dict[str, str]:
        """Check, then insert, with no lock and no constraint: the bug under test."""
        async with engine.begin() as connection:
            taken = await connection.execute(
                text(
                    "SELECT 1 FROM naive_bookings WHERE resource_id = :car"
                    " AND starts_at < :ends AND ends_at > :starts LIMIT 1"
                ),
                {"car": body.resource_id, "starts": body.starts_at, "ends": body.ends_at},
            )
            if taken.first() is not None:
                raise SlotTaken()
            await asyncio.sleep(0)  # anything may happen between the check and the insert
            new_id = (
                await connection.execute(
                    text(
                        "INSERT INTO naive_bookings (resource_id, starts_at, ends_at)"
                        " VALUES (:car, :starts, :ends) RETURNING id"
                    ),
                    {"car": body.resource_id, "starts": body.starts_at, "ends": body.ends_at},
                )
            ).scalar_one()
        return {"id": str(new_id)}

    owner = await asyncpg.connect(owner_dsn(database_urls))
    app.add_api_route(NAIVE_PATH, naive_hold, methods=["POST"], status_code=201)
    route = app.router.routes[-1]
    try:
        # a scratch table without the exclusion constraint; the app's role may use it
        await owner.execute(
            "CREATE TABLE naive_bookings (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),"
            " resource_id uuid NOT NULL, starts_at timestamptz NOT NULL,"
            " ends_at timestamptz NOT NULL)"
        )
        await owner.execute(f"GRANT SELECT, INSERT ON naive_bookings TO {PG_APP_ROLE}")
        headers = [(await make_account()).headers]  # the naive endpoint ignores who asks
        successes: list[Attempt] = []
        overlaps = 0
        for seed in range(3):  # one round nearly always shows it; three make it sure
            cars = [uuid.uuid4() for _ in range(CARS)]  # fresh cars each round
            result = await race(app, brand, NAIVE_PATH, headers, cars, seed=seed)
            successes += result.successes
            overlaps = await owner.fetchval(NAIVE_OVERLAPS_SQL)
            if overlaps:
                break
        stored = {r["id"] for r in await owner.fetch("SELECT id FROM naive_bookings")}
    finally:
        app.router.routes.remove(route)
        await owner.execute("DROP TABLE IF EXISTS naive_bookings")
        await owner.close()
    assert stored == {uuid.UUID(str(a.answer["id"])) for a in successes}
    assert overlaps > 0, f"the naive path should double-book; statuses {result.statuses}"
