"""Booking benchmark against the real PostgreSQL: every figure beside a baseline of the same run.

    .venv/bin/python bench/booking.py            # 10,000 cars / 1,000,000 bookings (a few min)
    .venv/bin/python bench/booking.py --small    # 1,000 cars / 100,000 bookings
    .venv/bin/python bench/booking.py --explain  # also print EXPLAIN ANALYZE of the search

It creates a scratch database (``motorpool_bench``), migrates it with
``motorpool.migrate.upgrade`` as the owner (``postgres``) and runs the app built by
``create_app`` as the application role (``motorpool_app``, row-level security on), exactly
as a deployment does. Every HTTP figure goes through ``httpx.ASGITransport`` in this one
process, the app's and its baseline's alike (a bare Starlette endpoint on an engine built
the same way, asyncpg through SQLAlchemy, same pool). The database is dropped at the end
(``--keep`` leaves it). It prints numbers and asserts nothing.

1. create throughput: holds through the API vs one plain INSERT per request (target >= 0.40)
2. hot contention, 8 clients on 10 cars: the API vs SELECT ... FOR UPDATE + check + INSERT
   (target >= 2x), and a SQL count of overlapping live bookings afterwards
2c. the same contention with the app tier out of the way: the hold's own transaction (the
   app's compiled statements) replayed on raw connections vs its FOR UPDATE + check twin
3. availability search (``free_resources``) at one centre of 10,000 cars among 1,000,000
   bookings, 3-day window: p50/p95 vs the same question answered by sequential scans (one
   anti-join over the centre's bookings, index scans off); target ratio <= 0.25, p95 <= 25 ms
4. month calendar (``month_calendar``) for a centre of 500 cars: p50/p95 vs its two queries
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
from fastapi import FastAPI
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from motorpool.app import create_app
from motorpool.domains import booking, dealers, identity
from motorpool.domains.booking import occupancy
from motorpool.migrate import upgrade
from motorpool.platform import rls
from motorpool.platform import uow as uow_module
from motorpool.platform.db import create_engine
from motorpool.platform.settings import Settings
from motorpool.platform.tenancy import Tenant, ensure_tenant
from motorpool.platform.uow import UnitOfWorkFactory

ADMIN_DSN = os.environ.get(
    "MOTORPOOL_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres"
)
BENCH_DB = "motorpool_bench"
APP_ROLE = "motorpool_app"
HOST = "bench.test"
ZONE = "Europe/Berlin"
PASSWORD = "correct-horse-battery-staple-42"
QUARTER = timedelta(minutes=15)
LIVE = ("held", "confirmed", "started")

console = Console(width=None if sys.stdout.isatty() else 140)


# ----------------------------------------------------------------- results


@dataclass
class Row:
    name: str
    measured: str
    baseline_name: str
    baseline: str
    ratio: float
    target: str
    met: bool | None

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else ("yes" if self.met else "NO")
        return [
            self.name,
            self.measured,
            self.baseline_name,
            self.baseline,
            f"{self.ratio:.2f}",
            self.target,
            verdict,
        ]


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# ----------------------------------------------------------------- database and app


async def fresh_database() -> tuple[str, str]:
    """Create the scratch database; return the owner's URL and the application role's."""
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{BENCH_DB}"')
        if not await admin.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", APP_ROLE):
            await admin.execute(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
    finally:
        await admin.close()
    base = ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    host = base.split("@", 1)[1]
    return f"{base}/{BENCH_DB}", f"postgresql+asyncpg://{APP_ROLE}@{host}/{BENCH_DB}"


async def drop_database() -> None:
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
    finally:
        await admin.close()


def owner_dsn(owner_url: str) -> str:
    return owner_url.replace("postgresql+asyncpg://", "postgresql://")


@dataclass
class Bench:
    app: FastAPI
    uow_factory: UnitOfWorkFactory
    brand: Tenant
    headers: dict[str, str]
    owner: asyncpg.Connection
    app_url: str
    clients: int


def client_for(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{HOST}", timeout=60.0
    )


async def make_centre(bench: Bench, code: str) -> uuid.UUID:
    async with bench.uow_factory(tenant_id=bench.brand.id, write=True) as uow:
        centre = await dealers.create_centre(
            uow=uow,
            centre_in=dealers.CentreCreate(
                code=code,
                name=f"Bench centre {code}",
                street="Street 1",
                postal_code="10115",
                city="Berlin",
                country="DE",
                latitude=52.5,
                longitude=13.4,
                time_zone=ZONE,
                offers_pickup=True,
            ),
        )
        await dealers.set_opening_hours(
            uow=uow,
            centre_id=centre.id,
            intervals=[
                dealers.OpeningInterval(weekday=d, opens=clock(8), closes=clock(18))
                for d in range(6)
            ],
        )
        await uow.commit()
    return centre.id


async def make_cars(bench: Bench, centre_id: uuid.UUID, n: int, pool: str) -> list[uuid.UUID]:
    async with bench.uow_factory(tenant_id=bench.brand.id, write=True) as uow:
        made = [
            await booking.create_resource(
                uow=uow,
                resource_in=booking.ResourceCreate(
                    centre_id=centre_id, pool=pool, label=f"Taycan {i:05d}", model="Taycan"
                ),
            )
            for i in range(n)
        ]
        await uow.commit()
    return [r.id for r in made]


async def sign_in(app: FastAPI, uow_factory: UnitOfWorkFactory, brand: Tenant) -> dict[str, str]:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        await identity.create_account(
            uow=uow,
            account_in=identity.AccountCreate(email=email, password=PASSWORD, role="customer"),
        )
        await uow.commit()
    async with client_for(app) as client:
        answer = await client.post(
            "/identity/auth/login", json={"email": email, "password": PASSWORD}
        )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


# ----------------------------------------------------------------- load driver


Body = dict[str, str]


async def drive(
    app: Any, path: str, headers: dict[str, str], bodies: list[Body], clients: int
) -> tuple[float, Counter[int]]:
    """``clients`` concurrent clients post the bodies, in order, until none is left."""
    statuses: Counter[int] = Counter()
    queue = iter(bodies)

    async def one_client() -> None:
        async with client_for(app) as client:
            for body in queue:
                answer = await client.post(path, json=body, headers=headers)
                statuses[answer.status_code] += 1

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return time.perf_counter() - started, statuses


def hold_body(car: uuid.UUID, start: datetime, end: datetime) -> Body:
    return {
        "product": "carsharing",
        "resource_id": str(car),
        "starts_at": start.isoformat(),
        "ends_at": end.isoformat(),
    }


def next_hour(now: datetime, hours: int = 1) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=hours)


def baseline_app(engine: AsyncEngine) -> Starlette:
    """The floor: a bare Starlette app, one plain INSERT (or the row-lock way) per request."""
    plain = text(
        "INSERT INTO bench_plain (id, resource_id, starts_at, ends_at)"
        " VALUES (:id, :car, :starts, :ends)"
    )
    lock = text("SELECT id FROM bench_cars WHERE id = :car FOR UPDATE")
    taken = text(
        "SELECT 1 FROM bench_locked WHERE resource_id = :car"
        " AND occupied_from < :until AND occupied_until > :starts LIMIT 1"
    )
    insert = text(
        "INSERT INTO bench_locked (id, resource_id, starts_at, ends_at, occupied_from,"
        " occupied_until) VALUES (:id, :car, :starts, :ends, :starts, :until)"
    )

    async def params(request: Request) -> dict[str, Any]:
        body = await request.json()
        ends = datetime.fromisoformat(body["ends_at"])
        return {
            "id": uuid.uuid4(),
            "car": uuid.UUID(body["resource_id"]),
            "starts": datetime.fromisoformat(body["starts_at"]),
            "ends": ends,
            "until": ends + timedelta(minutes=10),  # car sharing's buffer after
        }

    async def insert_plain(request: Request) -> JSONResponse:
        values = await params(request)
        async with engine.begin() as connection:
            await connection.execute(plain, values)
        return JSONResponse({"id": str(values["id"])}, status_code=201)

    async def insert_locked(request: Request) -> JSONResponse:
        values = await params(request)
        async with engine.begin() as connection:
            await connection.execute(lock, values)
            if (await connection.execute(taken, values)).first() is not None:
                return JSONResponse({"type": "/problems/slot-taken"}, status_code=409)
            await connection.execute(insert, values)
        return JSONResponse({"id": str(values["id"])}, status_code=201)

    return Starlette(
        routes=[
            Route("/plain", insert_plain, methods=["POST"]),
            Route("/locked", insert_locked, methods=["POST"]),
        ]
    )


BASELINE_TABLES = [
    "CREATE TABLE bench_plain (id uuid PRIMARY KEY, resource_id uuid NOT NULL,"
    " starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL)",
    "CREATE INDEX ON bench_plain (resource_id, starts_at)",
    "CREATE TABLE bench_cars (id uuid PRIMARY KEY)",
    "CREATE TABLE bench_locked (id uuid PRIMARY KEY,"
    " resource_id uuid NOT NULL REFERENCES bench_cars(id), starts_at timestamptz NOT NULL,"
    " ends_at timestamptz NOT NULL, occupied_from timestamptz NOT NULL,"
    " occupied_until timestamptz NOT NULL)",
    "CREATE INDEX ON bench_locked (resource_id, occupied_from)",
    f"GRANT SELECT, INSERT, UPDATE ON bench_plain, bench_cars, bench_locked TO {APP_ROLE}",
]


# ----------------------------------------------------------------- 1. create throughput


async def create_throughput(bench: Bench, base_engine: AsyncEngine, total: int) -> Row:
    centre = await make_centre(bench, "THRU")
    cars = await make_cars(bench, centre, 200, "carsharing")
    start = next_hour(datetime.now(UTC))
    half_hour = timedelta(minutes=30)  # 15 min booked + 10 min buffer: never in each other's way
    bodies = [
        hold_body(cars[i % len(cars)], s, s + QUARTER)
        for i in range(total + 200)
        for s in [start + (i // len(cars)) * half_hour]
    ]
    warm, measured = bodies[:200], bodies[200:]
    baseline = baseline_app(base_engine)
    await drive(bench.app, "/booking/holds", bench.headers, warm, bench.clients)
    await drive(baseline, "/plain", {}, warm, bench.clients)
    app_s, app_statuses = await drive(
        bench.app, "/booking/holds", bench.headers, measured, bench.clients
    )
    base_s, base_statuses = await drive(baseline, "/plain", {}, measured, bench.clients)
    app_rate, base_rate = total / app_s, total / base_s
    console.print(
        f"[1] create: API {app_rate:.0f}/s {dict(app_statuses)}; "
        f"plain INSERT {base_rate:.0f}/s {dict(base_statuses)}"
    )
    ratio = app_rate / base_rate
    return Row(
        f"1 holds/s, API, {bench.clients} clients",
        f"{app_rate:.0f}/s",
        "Starlette, 1 INSERT",
        f"{base_rate:.0f}/s",
        ratio,
        ">= 0.40",
        ratio >= 0.40 and app_statuses[201] == total,
    )


# ----------------------------------------------------------------- 2. hot contention


def contended_bodies(cars: list[uuid.UUID], n: int, seed: int) -> list[Body]:
    rng = random.Random(seed)
    start = next_hour(datetime.now(UTC))
    quarters = 13 * 24 * 4  # within car sharing's 14 days ahead
    bodies = []
    for _ in range(n):
        s = start + rng.randrange(quarters) * QUARTER
        bodies.append(hold_body(rng.choice(cars), s, s + rng.randint(1, 8) * QUARTER))
    return bodies


async def hot_contention(bench: Bench, base_engine: AsyncEngine, total: int) -> list[Row]:
    centre = await make_centre(bench, "HOT")
    cars = await make_cars(bench, centre, 10, "carsharing")
    await bench.owner.executemany("INSERT INTO bench_cars VALUES ($1)", [(c,) for c in cars])
    bodies = contended_bodies(cars, total, seed=11)
    baseline = baseline_app(base_engine)
    app_s, app_statuses = await drive(
        bench.app, "/booking/holds", bench.headers, bodies, bench.clients
    )
    base_s, base_statuses = await drive(baseline, "/locked", {}, bodies, bench.clients)
    app_overlaps = await bench.owner.fetchval(
        "SELECT count(*) FROM booking_bookings a JOIN booking_bookings b"
        " ON a.resource_id = b.resource_id AND a.lane = b.lane AND a.id < b.id"
        " AND tstzrange(a.occupied_from, a.occupied_until, '[)')"
        " && tstzrange(b.occupied_from, b.occupied_until, '[)')"
        " WHERE a.centre_id = $1 AND a.status = ANY($2) AND b.status = ANY($2)",
        centre,
        list(LIVE),
    )
    base_overlaps = await bench.owner.fetchval(
        "SELECT count(*) FROM bench_locked a JOIN bench_locked b"
        " ON a.resource_id = b.resource_id AND a.id < b.id"
        " AND a.occupied_from < b.occupied_until AND b.occupied_from < a.occupied_until"
    )
    odd = {k: v for k, v in (app_statuses + base_statuses).items() if k not in (201, 409)}
    console.print(
        f"[2] hot: API {dict(app_statuses)} in {app_s:.1f}s; "
        f"row lock {dict(base_statuses)} in {base_s:.1f}s; "
        f"overlapping live bookings afterwards: API {app_overlaps}, row lock {base_overlaps}"
        + (f"; unexpected statuses {odd}" if odd else "")
    )
    ok, base_ok = app_statuses[201] / app_s, base_statuses[201] / base_s
    tries, base_tries = total / app_s, total / base_s
    return [
        Row(
            f"2 hot, API, {bench.clients} clients/10 cars: won/s",
            f"{ok:.0f}/s",
            "FOR UPDATE+check+INSERT",
            f"{base_ok:.0f}/s",
            ok / base_ok,
            ">= 2x",
            ok / base_ok >= 2.0,
        ),
        Row(
            "2 hot, API: attempts/s",
            f"{tries:.0f}/s",
            "FOR UPDATE+check+INSERT",
            f"{base_tries:.0f}/s",
            tries / base_tries,
            "",
            None,
        ),
        Row(
            "2 hot, API: overlaps after",
            str(app_overlaps),
            "row lock's overlaps",
            str(base_overlaps),
            0.0,
            "0",
            app_overlaps == 0,
        ),
    ]


# ----------------------------------------------------------------- 1b and 2b. SQL only

RAW_TABLES = [
    "CREATE TABLE raw_plain (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), car uuid NOT NULL,"
    " starts timestamptz NOT NULL, ends timestamptz NOT NULL)",
    "CREATE TABLE raw_guarded (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),"
    " car uuid NOT NULL, starts timestamptz NOT NULL, ends timestamptz NOT NULL,"
    " EXCLUDE USING gist (car WITH =, tstzrange(starts, ends, '[)') WITH &&))",
    "CREATE TABLE raw_cars (id uuid PRIMARY KEY)",
    "CREATE TABLE raw_locked (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),"
    " car uuid NOT NULL REFERENCES raw_cars(id), starts timestamptz NOT NULL,"
    " ends timestamptz NOT NULL)",
    "CREATE INDEX ON raw_locked (car, starts)",
]

Attempt = tuple[uuid.UUID, datetime, datetime]
Way = Callable[[asyncpg.Connection, Attempt], Awaitable[bool]]


async def plain_insert(connection: asyncpg.Connection, a: Attempt) -> bool:
    await connection.execute("INSERT INTO raw_plain (car, starts, ends) VALUES ($1, $2, $3)", *a)
    return True


async def guarded_insert(connection: asyncpg.Connection, a: Attempt) -> bool:
    try:
        await connection.execute(
            "INSERT INTO raw_guarded (car, starts, ends) VALUES ($1, $2, $3)", *a
        )
    except (asyncpg.ExclusionViolationError, asyncpg.DeadlockDetectedError):
        # two inserts that conflict may each wait for the other: PostgreSQL aborts one
        return False
    return True


async def locked_insert(connection: asyncpg.Connection, a: Attempt) -> bool:
    async with connection.transaction():
        await connection.execute("SELECT 1 FROM raw_cars WHERE id = $1 FOR UPDATE", a[0])
        if await connection.fetchval(
            "SELECT 1 FROM raw_locked WHERE car = $1 AND starts < $3 AND ends > $2", *a
        ):
            return False
        await connection.execute(
            "INSERT INTO raw_locked (car, starts, ends) VALUES ($1, $2, $3)", *a
        )
    return True


async def sql_drive(dsn: str, way: Way, attempts: list[Attempt], clients: int) -> tuple[float, int]:
    """``clients`` connections run ``way`` over the attempts; (seconds, successes)."""
    connections = [await asyncpg.connect(dsn) for _ in range(clients)]
    queue = iter(attempts)
    won = 0

    async def one(connection: asyncpg.Connection) -> None:
        nonlocal won
        for attempt in queue:
            ok = await way(connection, attempt)  # not `won += await ...`: that loses updates
            won += ok

    started = time.perf_counter()
    try:
        await asyncio.gather(*(one(c) for c in connections))
        return time.perf_counter() - started, won
    finally:
        for connection in connections:
            await connection.close()


async def sql_only(bench: Bench, dsn: str, total: int) -> list[Row]:
    """The database's share alone: the same two comparisons as plain SQL on scratch tables,
    ``clients`` asyncpg connections as the owner, no HTTP, no ORM."""
    for statement in RAW_TABLES:
        await bench.owner.execute(statement)
    start = next_hour(datetime.now(UTC))
    free = [(uuid.uuid4(), start + i * QUARTER, start + (i + 1) * QUARTER) for i in range(total)]
    plain_s, _ = await sql_drive(dsn, plain_insert, free, bench.clients)
    guarded_s, _ = await sql_drive(dsn, guarded_insert, free, bench.clients)
    cars = [uuid.uuid4() for _ in range(10)]
    await bench.owner.executemany("INSERT INTO raw_cars VALUES ($1)", [(c,) for c in cars])
    hot = [
        (
            uuid.UUID(b["resource_id"]),
            datetime.fromisoformat(b["starts_at"]),
            datetime.fromisoformat(b["ends_at"]),
        )
        for b in contended_bodies(cars, total, seed=11)
    ]
    hot_guarded_s, hot_guarded_won = await sql_drive(dsn, guarded_insert, hot, bench.clients)
    hot_locked_s, hot_locked_won = await sql_drive(dsn, locked_insert, hot, bench.clients)
    plain, guarded = total / plain_s, total / guarded_s
    constraint, lock = hot_guarded_won / hot_guarded_s, hot_locked_won / hot_locked_s
    console.print(
        f"[SQL] plain INSERT {plain:.0f}/s, constraint-guarded INSERT {guarded:.0f}/s; "
        f"hot (10 cars): constraint {constraint:.0f} bookings/s ({hot_guarded_won} won), "
        f"row lock {lock:.0f} bookings/s ({hot_locked_won} won)"
    )
    return [
        Row(
            f"1b SQL only, {bench.clients} conns: guarded",
            f"{guarded:.0f}/s",
            "plain INSERT",
            f"{plain:.0f}/s",
            guarded / plain,
            "(>= 0.40)",
            None,
        ),
        Row(
            "2b SQL only, hot: constraint won/s",
            f"{constraint:.0f}/s",
            "FOR UPDATE+check+INSERT",
            f"{lock:.0f}/s",
            constraint / lock,
            "(>= 2x)",
            None,
        ),
    ]


# ----------------------------------------------------------------- 2c. the hold's own transaction

ROW_LOCK_TABLE = "bench_row_locked_bookings"


def engine_statements() -> dict[str, str]:
    """The SQL a hold sends on PostgreSQL, taken from the app itself, and its row-lock twin."""
    live = "status IN ('held', 'confirmed', 'started')"
    columns = ", ".join(BOOKING_COLUMNS)
    values = ", ".join(f"${i}" for i in range(1, len(BOOKING_COLUMNS) + 1))
    return {
        "set_tenant": rls._SET_TENANT,
        "locked_resource": occupancy._LOCKED_RESOURCE.sql,
        "insert_if_free": occupancy._INSERT_IF_FREE.sql,
        "outbox": uow_module._WRITE_OUTBOX.sql,
        # what expire_stale_holds asks when the constraint said no
        "stale": "SELECT id FROM booking_bookings WHERE resource_id = $1 AND tenant_id = $2"
        " AND status = 'held' AND hold_expires_at <= $3",
        "resource_for_update": "SELECT id, centre_id, time_zone, capacity FROM booking_resources"
        " WHERE id = $1 AND tenant_id = $2 FOR UPDATE",
        "taken": f"SELECT 1 FROM {ROW_LOCK_TABLE} WHERE resource_id = $1 AND {live}"
        " AND (status <> 'held' OR hold_expires_at > $4)"
        " AND occupied_from < $3 AND occupied_until > $2 LIMIT 1",
        "insert_plain": f"INSERT INTO {ROW_LOCK_TABLE} ({columns}) VALUES ({values})",
    }


def hold_row(attempt: Attempt, centre: uuid.UUID, tenant: uuid.UUID) -> dict[str, Any]:
    car, start, end = attempt
    now = datetime.now(UTC)
    return {
        "id": uuid.uuid4(),
        "reference": f"BC{next(_serial):08X}",
        "resource_id": car,
        "lane": 0,
        "centre_id": centre,
        "time_zone": ZONE,
        "customer_id": None,
        "product": "carsharing",
        "status": "held",
        "starts_at": start,
        "ends_at": end,
        "occupied_from": start,
        "occupied_until": end + timedelta(minutes=10),  # car sharing's buffer after
        "hold_expires_at": now + timedelta(minutes=15),
        "cancellation_fee_percent": None,
        "policy": '{"name": "carsharing"}',
        "note": None,
        "created_at": now,
        "updated_at": now,
        "tenant_id": tenant,
    }


def outbox_args(row: dict[str, Any]) -> list[Any]:
    payload = f'{{"booking_id": "{row["id"]}"}}'
    return [uuid.uuid4(), row["tenant_id"], "booking.BookingHeld", payload, row["created_at"]]


async def engine_transactions(bench: Bench, total: int) -> list[Row]:
    """Part 2 with the app tier out of the way: each attempt is the transaction a hold sends
    (brand setting, resource read + shared lock, insert-if-free, outbox row), replayed on
    raw connections as the application role (row-level security on); the baseline is the
    same envelope with ``SELECT ... FOR UPDATE`` on the resource, an overlap check and a
    plain insert, into a copy of the bookings table (its indexes and checks) without the
    exclusion constraint."""
    sql = engine_statements()
    owner = bench.owner
    # the same table, every index and check included, but for the exclusion constraint
    await owner.execute(f"CREATE TABLE {ROW_LOCK_TABLE} (LIKE booking_bookings INCLUDING ALL)")
    exclusion = await owner.fetchval(
        "SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'x'",
        ROW_LOCK_TABLE,
    )
    await owner.execute(f'ALTER TABLE {ROW_LOCK_TABLE} DROP CONSTRAINT "{exclusion}"')
    for statement in rls.isolate_statements(ROW_LOCK_TABLE):
        await owner.execute(statement)
    await owner.execute(f"GRANT SELECT, INSERT ON {ROW_LOCK_TABLE} TO {APP_ROLE}")
    centre = await make_centre(bench, "HOT2")
    cars = await make_cars(bench, centre, 10, "carsharing")
    tenant = bench.brand.id
    attempts = [
        (
            uuid.UUID(b["resource_id"]),
            datetime.fromisoformat(b["starts_at"]),
            datetime.fromisoformat(b["ends_at"]),
        )
        for b in contended_bodies(cars, total, seed=11)
    ]
    outbox_sql = sql["outbox"]

    async def write_outbox(connection: asyncpg.Connection, row: dict[str, Any]) -> None:
        event = outbox_args(row)
        await connection.execute(outbox_sql, *event, event[4], None, 0)

    async def constraint_way(connection: asyncpg.Connection, attempt: Attempt) -> bool:
        row = hold_row(attempt, centre, tenant)
        async with connection.transaction():
            await connection.fetchrow(sql["set_tenant"], str(tenant), "off")
            key = int.from_bytes(attempt[0].bytes[:8], "big", signed=True)
            await connection.fetchrow(sql["locked_resource"], key, attempt[0], tenant)
            args = [row[name] for name in occupancy._INSERT_IF_FREE.names]
            if await connection.fetchrow(sql["insert_if_free"], *args) is None:
                await connection.fetch(sql["stale"], attempt[0], tenant, row["created_at"])
                return False
            await write_outbox(connection, row)
        return True

    async def row_lock_way(connection: asyncpg.Connection, attempt: Attempt) -> bool:
        row = hold_row(attempt, centre, tenant)
        async with connection.transaction():
            await connection.fetchrow(sql["set_tenant"], str(tenant), "off")
            await connection.fetchrow(sql["resource_for_update"], attempt[0], tenant)
            if await connection.fetchval(
                sql["taken"],
                attempt[0],
                row["occupied_from"],
                row["occupied_until"],
                row["created_at"],
            ):
                return False
            await connection.execute(sql["insert_plain"], *[row[c] for c in BOOKING_COLUMNS])
            await write_outbox(connection, row)
        return True

    dsn = owner_dsn(bench.app_url)
    constraint_s, constraint_won = await sql_drive(dsn, constraint_way, attempts, bench.clients)
    lock_s, lock_won = await sql_drive(dsn, row_lock_way, attempts, bench.clients)
    overlaps = await owner.fetchval(
        f"SELECT count(*) FROM {ROW_LOCK_TABLE} a JOIN {ROW_LOCK_TABLE} b"
        " ON a.resource_id = b.resource_id AND a.id < b.id"
        " AND a.occupied_from < b.occupied_until AND b.occupied_from < a.occupied_until"
    )
    constraint, lock = constraint_won / constraint_s, lock_won / lock_s
    console.print(
        f"[2c] the hold's transaction, {bench.clients} connections on 10 cars: constraint "
        f"{constraint:.0f} bookings/s ({constraint_won} won), row lock {lock:.0f} bookings/s "
        f"({lock_won} won, {overlaps} overlaps)"
    )
    return [
        Row(
            "2c hold's own SQL, hot: won/s",
            f"{constraint:.0f}/s",
            "same, FOR UPDATE+check",
            f"{lock:.0f}/s",
            constraint / lock,
            "(>= 2x)",
            None,
        )
    ]


# ----------------------------------------------------------------- 3 and 4. data


BOOKING_COLUMNS = [
    "id",
    "reference",
    "resource_id",
    "lane",
    "centre_id",
    "time_zone",
    "customer_id",
    "product",
    "status",
    "starts_at",
    "ends_at",
    "occupied_from",
    "occupied_until",
    "hold_expires_at",
    "cancellation_fee_percent",
    "policy",
    "note",
    "created_at",
    "updated_at",
    "tenant_id",
]
RESOURCE_COLUMNS = [
    "id",
    "kind",
    "capacity",
    "centre_id",
    "time_zone",
    "pool",
    "label",
    "model",
    "powertrain",
    "external_ref",
    "active",
    "created_at",
    "tenant_id",
]
MODELS = [("Taycan", "BEV"), ("Macan", "BEV"), ("Cayenne", "PHEV"), ("911", "ICE")]
SPAN = timedelta(days=365)  # bookings run from 300 days ago to 65 days ahead
PAST = timedelta(days=300)
_serial = itertools.count()


def status_of(rng: random.Random, start: datetime, end: datetime, now: datetime) -> str:
    roll = rng.random()
    if end <= now:
        return "completed" if roll < 0.92 else ("cancelled" if roll < 0.98 else "no_show")
    if start <= now:
        return "started"
    # holds last 15 minutes, so few of them exist at any moment
    return "confirmed" if roll < 0.949 else ("cancelled" if roll < 0.999 else "held")


def bookings_of(
    rng: random.Random,
    car: uuid.UUID,
    centre: uuid.UUID,
    tenant: uuid.UUID,
    customers: list[uuid.UUID],
    per_car: int,
    now: datetime,
) -> Iterator[tuple[Any, ...]]:
    """``per_car`` bookings, one in each equal slice of SPAN, so they never overlap."""
    slot = SPAN / per_car
    first = next_hour(now - PAST, 0)
    for k in range(per_car):
        if rng.random() < 0.4:  # car sharing: hours, 10 minutes after
            length, product, buffer = rng.randint(4, 32) * QUARTER, "carsharing", 10
        else:  # rental: days, an hour after
            length, product, buffer = rng.randint(4, 72) * timedelta(hours=1), "rental", 60
        room = slot - length - timedelta(minutes=buffer)
        start = first + k * slot + rng.randrange(max(1, room // QUARTER)) * QUARTER
        start = start.replace(minute=start.minute // 15 * 15, second=0, microsecond=0)
        end = start + length
        status = status_of(rng, start, end, now)
        yield (
            uuid.uuid4(),
            f"BN{next(_serial):08X}",
            car,
            0,
            centre,
            ZONE,
            rng.choice(customers),
            product,
            status,
            start,
            end,
            start,
            end + timedelta(minutes=buffer),
            now + timedelta(minutes=15) if status == "held" else None,
            None,
            f'{{"name": "{product}"}}',
            None,
            start - timedelta(days=7),
            start - timedelta(days=7),
            tenant,
        )


async def load_centre(
    bench: Bench, code: str, cars: int, per_car: int, progress: Progress
) -> uuid.UUID:
    """A centre with ``cars`` rental cars and ``per_car`` bookings each, by COPY as owner."""
    centre = await make_centre(bench, code)
    tenant, now = bench.brand.id, datetime.now(UTC)
    rng = random.Random(code)
    car_ids = [uuid.uuid4() for _ in range(cars)]
    resources = []
    for i, car in enumerate(car_ids):
        model, powertrain = MODELS[i % len(MODELS)]
        resources.append(
            (
                car,
                "unit",
                1,
                centre,
                ZONE,
                "rental",
                f"{model} {i:05d}",
                model,
                powertrain,
                None,
                True,
                now,
                tenant,
            )
        )
    await bench.owner.copy_records_to_table(
        "booking_resources", records=resources, columns=RESOURCE_COLUMNS
    )
    customers = [uuid.uuid4() for _ in range(1000)]
    task = progress.add_task(f"{code}: {cars:,} cars, {cars * per_car:,} bookings", total=cars)
    batch_cars = max(1, 20_000 // per_car)
    for at in range(0, cars, batch_cars):
        chunk = car_ids[at : at + batch_cars]
        records = [
            row
            for car in chunk
            for row in bookings_of(rng, car, centre, tenant, customers, per_car, now)
        ]
        await bench.owner.copy_records_to_table(
            "booking_bookings", records=records, columns=BOOKING_COLUMNS
        )
        progress.advance(task, len(chunk))
    return centre


@contextmanager
def captured(engine: AsyncEngine) -> Iterator[list[tuple[str, Any]]]:
    """The statements the engine sends, with their parameters (for EXPLAIN)."""
    seen: list[tuple[str, Any]] = []

    def listen(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", listen)


SEQ_SCAN = ("SET LOCAL enable_indexscan = off", "SET LOCAL enable_bitmapscan = off")


class FullCollections:
    """Counts the interpreter's full (generation 2) garbage collections: each one stops this
    process for as long as it takes to walk every tracked object."""

    count = 0

    @classmethod
    def install(cls) -> None:
        def seen(phase: str, info: dict[str, int]) -> None:
            if phase == "start" and info["generation"] == 2:
                cls.count += 1

        gc.callbacks.append(seen)


@dataclass
class Latency:
    samples: list[float]
    full_gcs: int

    @property
    def p50(self) -> float:
        return pct(self.samples, 0.5)

    @property
    def p95(self) -> float:
        return pct(self.samples, 0.95)

    def __str__(self) -> str:
        runs = len(self.samples)
        return f"p50 {ms(self.p50)} p95 {ms(self.p95)} ({self.full_gcs} full GCs in {runs} runs)"


async def timed(
    bench: Bench, call: Callable[[Any], Awaitable[Any]], runs: int, setup: tuple[str, ...] = ()
) -> Latency:
    """Server-side time of ``call(uow)`` in a fresh read unit of work of the brand, each run;
    the transaction is begun (and ``setup`` run) before the clock starts."""
    samples = []
    before = FullCollections.count
    for _ in range(runs):
        async with bench.uow_factory(tenant_id=bench.brand.id) as uow:
            for statement in setup or ("SELECT 1",):
                await uow.session.execute(text(statement))
            started = time.perf_counter()
            await call(uow)
            samples.append(time.perf_counter() - started)
    return Latency(samples, FullCollections.count - before)


# The same question as free_resources, the way it was asked before (one anti-join against
# every live booking of the centre in the window). Run with index scans off it is the
# baseline of 3: the question answered by sequential scans.
ANTI_JOIN_SEARCH = text(
    "SELECT r.* FROM booking_resources r LEFT OUTER JOIN ("
    " SELECT resource_id, count(DISTINCT lane) AS lanes FROM booking_bookings"
    " WHERE centre_id = :centre AND tenant_id = :tenant"
    " AND status IN ('held', 'confirmed', 'started')"
    " AND (status <> 'held' OR hold_expires_at > :now)"
    " AND occupied_from < :until AND occupied_until > :from"
    " GROUP BY resource_id) AS busy ON busy.resource_id = r.id"
    " WHERE r.centre_id = :centre AND r.tenant_id = :tenant AND r.active AND r.pool = 'rental'"
    " AND (busy.lanes IS NULL OR busy.lanes < r.capacity)"
    " AND r.id NOT IN (SELECT resource_id FROM booking_blocks WHERE tenant_id = :tenant"
    " AND starts_at < :until AND ends_at > :from)"
    " ORDER BY r.label, r.id LIMIT 50"
)


def search_windows() -> list[tuple[datetime, datetime]]:
    """30 three-day windows, 10:00 to 10:00 local, starting 3 to 32 days ahead."""
    zone = ZoneInfo(ZONE)
    today = datetime.now(zone).date()
    return [
        (
            datetime.combine(today + timedelta(days=d), clock(10), tzinfo=zone),
            datetime.combine(today + timedelta(days=d + 3), clock(10), tzinfo=zone),
        )
        for d in range(3, 33)
    ]


async def availability_search(
    bench: Bench, centre: uuid.UUID, cars: int, bookings: int, explain: bool
) -> list[Row]:
    policy = bench.app.state.booking_policies["rental"]
    windows = search_windows()
    found: list[int] = []
    turn = itertools.count()

    async def search(uow: Any) -> None:
        start, end = windows[next(turn) % len(windows)]
        answer = await booking.free_resources(
            uow=uow, centre_id=centre, start=start, end=end, policy=policy, pool="rental"
        )
        found.append(len(answer.resources))

    async def anti_join(uow: Any) -> None:
        params = anti_join_params(bench, centre, windows[next(turn) % len(windows)])
        rows = (await uow.session.execute(ANTI_JOIN_SEARCH, params)).mappings().all()
        _ = [booking.ResourceRead.model_validate(dict(r)) for r in rows]

    await timed(bench, search, 5)
    indexed = await timed(bench, search, 60)
    turn = itertools.count()
    scanned = await timed(bench, anti_join, 30, SEQ_SCAN)
    p50, p95, s50, s95 = indexed.p50, indexed.p95, scanned.p50, scanned.p95
    busy = await bench.owner.fetchval(
        "SELECT count(DISTINCT resource_id) FROM booking_bookings WHERE centre_id = $1"
        " AND status = ANY($2) AND occupied_from < $4 AND occupied_until > $3",
        centre,
        ["confirmed", "started"],
        *windows[0],
    )
    console.print(
        f"[3] free_resources over {cars:,} cars / {bookings:,} bookings, 3 days: "
        f"{indexed}; anti-join by seq scan {scanned}; "
        f"answers had {min(found)}-{max(found)} cars (limit 50); "
        f"{busy:,} of {cars:,} cars busy in the first window"
    )
    if explain:
        await explain_search(bench, centre, policy, windows[0])
    return [
        Row(
            f"3 free_resources {cars // 1000}k/{bookings // 1000}k p50",
            ms(p50),
            "anti-join, seq scan",
            ms(s50),
            p50 / s50,
            "<= 0.25",
            p50 / s50 <= 0.25,
        ),
        Row(
            "3 free_resources p95",
            ms(p95),
            "anti-join, seq scan",
            ms(s95),
            p95 / s95,
            "<= 25 ms",
            p95 <= 0.025,
        ),
    ]


def anti_join_params(bench: Bench, centre: uuid.UUID, window: tuple[datetime, datetime]) -> Any:
    start, end = window
    return {
        "centre": centre,
        "tenant": bench.brand.id,
        "now": datetime.now(UTC),
        "from": start,
        "until": end + timedelta(hours=1),  # rental's buffer after
    }


async def explain_statement(bench: Bench, label: str, statement: Any, params: Any) -> None:
    async with bench.uow_factory(tenant_id=bench.brand.id) as uow:
        plan = await uow.session.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {statement}"), params)
        console.rule(f"EXPLAIN ANALYZE {label}")
        for (line,) in plan:
            console.print(line, markup=False, highlight=False)


async def explain_search(
    bench: Bench, centre: uuid.UUID, policy: Any, window: tuple[datetime, datetime]
) -> None:
    engine: AsyncEngine = bench.app.state.engine
    with captured(engine) as seen:
        async with bench.uow_factory(tenant_id=bench.brand.id) as uow:
            await booking.free_resources(
                uow=uow,
                centre_id=centre,
                start=window[0],
                end=window[1],
                policy=policy,
                pool="rental",
            )
    statement, parameters = next((s, p) for s, p in seen if "GROUP BY" in s)
    for label, setup in (("index", ()), ("seq scan", SEQ_SCAN)):
        async with bench.uow_factory(tenant_id=bench.brand.id) as uow:
            connection = await uow.session.connection()
            for line in setup:
                await connection.exec_driver_sql(line)
            plan = await connection.exec_driver_sql(
                "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
            )
            console.rule(f"EXPLAIN ANALYZE free_resources ({label})")
            for (line,) in plan:
                console.print(line, markup=False, highlight=False)


async def month_calendar(bench: Bench, centre: uuid.UUID, cars: int) -> list[Row]:
    policy = bench.app.state.booking_policies["rental"]
    zone = ZoneInfo(ZONE)
    today = datetime.now(zone).date()
    month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)  # next month
    filters = booking.Filters(pool="rental")

    async def calendar(uow: Any) -> None:
        await booking.month_calendar(
            uow=uow, centre_id=centre, month=month, policy=policy, filters=filters
        )

    window_start = datetime.combine(month, clock(0), tzinfo=zone) - policy.buffer_after
    window_end = datetime.combine(
        (month + timedelta(days=32)).replace(day=1), clock(0), tzinfo=zone
    )
    resources = text(
        "SELECT * FROM booking_resources WHERE centre_id = :centre AND active AND pool = 'rental'"
    )
    occupancy = text(
        "SELECT resource_id, occupied_from, occupied_until, lane FROM booking_bookings"
        " WHERE centre_id = :centre AND (status IN ('confirmed', 'started')"
        " OR (status = 'held' AND hold_expires_at > now()))"
        " AND tstzrange(occupied_from, occupied_until, '[)') && tstzrange(:a, :b, '[)')"
    )

    async def queries(uow: Any) -> None:
        values = {"centre": centre, "a": window_start, "b": window_end}
        (await uow.session.execute(resources, values)).all()
        (await uow.session.execute(occupancy, values)).all()

    await timed(bench, calendar, 3)
    took = await timed(bench, calendar, 30)
    floor = await timed(bench, queries, 30)
    gc.collect()
    gc.freeze()  # what the app could do once started: later full GCs skip these objects
    try:
        frozen = await timed(bench, calendar, 30)
    finally:
        gc.unfreeze()
    console.print(
        f"[4] month_calendar {month:%Y-%m}, {cars} cars: {took}; its two queries alone {floor}; "
        f"with gc.freeze() after start-up {frozen}"
    )
    return [
        Row(
            f"4 month_calendar {cars} cars p50",
            ms(took.p50),
            "its 2 queries alone",
            ms(floor.p50),
            took.p50 / floor.p50,
            "",
            None,
        ),
        Row(
            "4 month_calendar p95",
            ms(took.p95),
            "its 2 queries alone",
            ms(floor.p95),
            took.p95 / floor.p95,
            "",
            None,
        ),
        Row(
            "4p proposal: gc.freeze()",
            f"p50 {ms(frozen.p50)} p95 {ms(frozen.p95)}",
            "as is, p95",
            ms(took.p95),
            frozen.p95 / took.p95,
            "",
            None,
        ),
    ]


# ----------------------------------------------------------------- main


class _Done(Exception):
    """No later part was asked for: skip loading the big centres."""


async def run(args: argparse.Namespace) -> None:
    cars, per_car = (1_000, 100) if args.small else (10_000, 100)
    console.print(
        f"[bold]booking bench[/] {date.today()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · transport: httpx.ASGITransport in-process · "
        f"app as role {APP_ROLE} (row-level security on), data loaded as owner postgres"
    )
    FullCollections.install()
    owner_url, app_url = await fresh_database()
    migrator = create_engine(owner_url)
    try:
        await upgrade(migrator, app_role=APP_ROLE)
    finally:
        await migrator.dispose()
    owner = await asyncpg.connect(owner_dsn(owner_url))
    console.print(f"PostgreSQL {await owner.fetchval('SHOW server_version')}")
    for statement in BASELINE_TABLES:
        await owner.execute(statement)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as var:
        settings = Settings(
            env="test",
            database_url=app_url,
            var_dir=Path(var),
            rate_limit_per_minute=1_000_000_000,
            log_level="WARNING",
            base_url=f"http://{HOST}",
            smtp_url=None,
        )
        app = create_app(settings)
        base_engine = create_engine(app_url, pool_size=settings.database_pool_size)
        try:
            async with app.router.lifespan_context(app):
                uow_factory: UnitOfWorkFactory = app.state.uow_factory
                async with uow_factory(tenant_id=None, write=True) as uow:
                    brand = await ensure_tenant(uow, slug="bench", name="Bench", hosts=[HOST])
                    await uow.commit()
                headers = await sign_in(app, uow_factory, brand)
                bench = Bench(app, uow_factory, brand, headers, owner, app_url, args.clients)
                parts = {p.strip() for p in args.parts.split(",")}
                if "1" in parts:
                    rows.append(await create_throughput(bench, base_engine, args.creates))
                if "2" in parts:
                    rows += await hot_contention(bench, base_engine, args.contended)
                if "sql" in parts:
                    rows += await sql_only(bench, owner_dsn(owner_url), args.sql_attempts)
                if "2c" in parts:
                    rows += await engine_transactions(bench, args.contended)
                if not parts & {"3", "4"}:
                    raise _Done
                with Progress(
                    "[progress.description]{task.description}",
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    console=console,
                ) as progress:
                    loaded = time.perf_counter()
                    big = await load_centre(bench, "BIG", cars, per_car, progress)
                    month = await load_centre(bench, "M500", 500, per_car, progress)
                    task = progress.add_task("VACUUM ANALYZE", total=1)
                    await owner.execute("VACUUM ANALYZE")  # as autovacuum would, soon
                    progress.advance(task)
                console.print(f"data loaded in {time.perf_counter() - loaded:.0f} s")
                if "3" in parts:
                    rows += await availability_search(
                        bench, big, cars, cars * per_car, explain=args.explain
                    )
                if "4" in parts:
                    rows += await month_calendar(bench, month, 500)
        except _Done:
            pass
        finally:
            await base_engine.dispose()
            await owner.close()
            if not args.keep:
                await drop_database()
    table = Table(title=f"booking bench · {date.today()} · {os.cpu_count()} cores")
    for column in ("measure", "value", "baseline", "baseline value", "ratio", "target", "met"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row.cells())
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="1,000 cars, 100,000 bookings")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the search")
    parser.add_argument(
        "--parts", default="1,2,sql,2c,3,4", help="which measures, e.g. 1,2 (default: all)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the motorpool_bench database")
    parser.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    parser.add_argument("--creates", type=int, default=3000, help="holds measured in 1")
    parser.add_argument("--contended", type=int, default=2000, help="attempts in 2")
    parser.add_argument("--sql-attempts", type=int, default=10_000, help="rows in 1b and 2b")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
