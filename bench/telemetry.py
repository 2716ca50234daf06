"""Telemetry ingestion and garage reads on PostgreSQL, against their baselines in one run.

    .venv/bin/python bench/telemetry.py            # full run (about a minute)
    .venv/bin/python bench/telemetry.py --quick    # short run

What it measures, one client, one request at a time, the app in-process behind
``httpx.ASGITransport`` with its lifespan running:

(a) batched  POST /vehicles/telemetry, 100 car reports x ~19 signals per request
             (``SimulatedCar.signals()``), as the ``vehicle_backend`` role;
(b) single   POST /vehicles/telemetry with one report of one signal per request;
(c) raw      the same history rows as (a), one multi-row ``INSERT ... VALUES`` statement per
             batch into ``vehicles_signal_history`` only, with the same driver (asyncpg's
             ``Connection.execute`` on its own connection, as the same non-owner role, under
             the same row-level security, tenant set per transaction). Only the transaction and
             the statement are timed; the rows are built beforehand;
(d) garage   GET /vehicles/garage for an owner of 5 cars, each with every signal Motorpool
             keeps (22) in its latest state: p50 and p95 latency.

(a) and (c) alternate batch by batch so that drift on a busy machine hits both alike.
A scratch database is created, migrated and dropped; the app logs at WARNING (no access log
lines). The script prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from fastapi import FastAPI

from motorpool.app import create_app
from motorpool.domains import identity, vehicles
from motorpool.migrate import upgrade
from motorpool.platform.db import create_engine
from motorpool.platform.settings import Settings
from motorpool.platform.tenancy import Tenant, ensure_tenant
from motorpool.platform.uow import UnitOfWorkFactory
from motorpool.simulator.cars import SimulatedCar

ADMIN_DSN = os.environ.get(
    "MOTORPOOL_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres"
)
DATABASE = "motorpool_bench_telemetry"
APP_ROLE = "motorpool_app"  # not the tables' owner: row-level security applies, as in production
PASSWORD = "correct-horse-battery-staple-42"
VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
HISTORY_COLUMNS = ("id", "tenant_id", "vehicle_id", "signal", "value", "flag", "observed_at")
# signals the simulator does not send; the garage cars get them too, so all 22 are stored
EXTRA_SIGNALS = {
    "Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit": 90,
    "Vehicle.Service.IsServiceDue": False,
    "Vehicle.Powertrain.FuelSystem.RelativeLevel": 0,
}
TARGET_BATCH_VS_SINGLE = 10.0
TARGET_BATCH_VS_RAW = 0.25


@dataclass(frozen=True)
class Plan:
    cars: int
    reports_per_batch: int
    batches: int
    singles: int
    reads: int


FULL = Plan(cars=200, reports_per_batch=100, batches=40, singles=2000, reads=500)
QUICK = Plan(cars=200, reports_per_batch=100, batches=8, singles=300, reads=100)


# --------------------------------------------------------------------------- setup


async def scratch_database() -> tuple[str, str]:
    """A new empty database; the owner's URL (migrates) and the application role's URL."""
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DATABASE}"')
        if not await admin.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", APP_ROLE):
            await admin.execute(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
    finally:
        await admin.close()
    base = ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    host = base.split("@", 1)[1]
    return f"{base}/{DATABASE}", f"postgresql+asyncpg://{APP_ROLE}@{host}/{DATABASE}"


async def drop_database() -> None:
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    finally:
        await admin.close()


def vin(rng: random.Random) -> str:
    return vehicles.with_check_digit("WMP" + "".join(rng.choices(VIN_LETTERS, k=14)))


async def account(
    uow_factory: UnitOfWorkFactory, client: httpx.AsyncClient, brand: Tenant, role: str
) -> tuple[uuid.UUID, dict[str, str]]:
    """An account made through the identity face, signed in over HTTP."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        profile = await identity.create_account(
            uow=uow,
            account_in=identity.AccountCreate(email=email, password=PASSWORD, role=role),
        )
        await uow.commit()
    answer = await client.post("/identity/auth/login", json={"email": email, "password": PASSWORD})
    answer.raise_for_status()
    return profile.id, {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def register_cars(
    uow_factory: UnitOfWorkFactory, brand: Tenant, count: int, owner: uuid.UUID, owned: int
) -> dict[str, uuid.UUID]:
    """``count`` cars through the vehicles face; the first ``owned`` belong to ``owner``."""
    rng = random.Random(22)
    cars: dict[str, uuid.UUID] = {}
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        catalogue = await vehicles.create_model(
            uow=uow,
            model_in=vehicles.ModelCreate.model_validate(
                {
                    "code": "BENCH-1",
                    "model_line": "Aurora",
                    "variant": "4S",
                    "body": "Sport Sedan",
                    "powertrain": "BEV",
                    "power_kw": 440,
                    "acceleration_0_100_s": "3.7",
                    "top_speed_kmh": 250,
                    "battery_kwh": "97.0",
                    "seats": 4,
                }
            ),
        )
        while len(cars) < count:
            car = await vehicles.register_vehicle(
                uow=uow,
                vehicle_in=vehicles.VehicleCreate(
                    vin=vin(rng), model_id=catalogue.id, model_year=2026
                ),
            )
            if len(cars) < owned:
                await vehicles.assign_owner(uow=uow, vehicle_id=car.id, owner_id=owner)
            cars[car.vin] = car.id
        await uow.commit()
    return cars


# --------------------------------------------------------------------------- workloads


class Fleet:
    """Simulated cars on one clock that only moves forward, so every report is the newest."""

    def __init__(self, vins: list[str]) -> None:
        self.rng = random.Random(7)
        self.cars = [SimulatedCar(vin=v, locked=False) for v in vins]
        self.clock = datetime.now(UTC) - timedelta(days=2)
        self.turn = 0

    def tick(self) -> datetime:
        self.clock += timedelta(milliseconds=10)
        return self.clock

    def batch(self, size: int) -> list[dict[str, Any]]:
        reports = []
        at = self.tick()
        for _ in range(size):
            car = self.cars[self.turn % len(self.cars)]
            self.turn += 1
            car.step(10.0, self.rng)
            reports.append(car.report(at))
        return reports

    def single(self) -> dict[str, Any]:
        car = self.cars[self.turn % len(self.cars)]
        signals = list(car.signals().items())
        name, value = signals[(self.turn // len(self.cars)) % len(signals)]
        self.turn += 1
        return {"vin": car.vin, "observed_at": self.tick().isoformat(), "signals": {name: value}}


def body(reports: list[dict[str, Any]]) -> bytes:
    return json.dumps({"reports": reports}).encode()


async def post(client: httpx.AsyncClient, headers: dict[str, str], content: bytes) -> int:
    answer = await client.post("/vehicles/telemetry", content=content, headers=headers)
    if answer.status_code != 200:
        raise RuntimeError(f"ingestion failed: {answer.status_code} {answer.text[:300]}")
    result = answer.json()
    if result["rejected"]:
        raise RuntimeError(f"signals rejected: {result['rejected'][:3]}")
    return int(result["accepted_signals"])


def history_rows(
    reports: list[dict[str, Any]], tenant: uuid.UUID, cars: dict[str, uuid.UUID]
) -> list[tuple[Any, ...]]:
    rows = []
    for report in reports:
        at = datetime.fromisoformat(report["observed_at"])
        for name, value in report["signals"].items():
            flag, number = (value, None) if isinstance(value, bool) else (None, float(value))
            rows.append((uuid.uuid4(), tenant, cars[report["vin"]], name, number, flag, at))
    return rows


class RawInsert:
    """One multi-row INSERT ... VALUES per batch into the history table, plain asyncpg."""

    def __init__(self, connection: asyncpg.Connection, tenant: uuid.UUID) -> None:
        self.connection = connection
        self.tenant = str(tenant)
        self.statements: dict[int, str] = {}

    def statement(self, rows: int) -> str:
        if rows not in self.statements:
            width = len(HISTORY_COLUMNS)
            values = ",".join(
                "(" + ",".join(f"${r * width + c + 1}" for c in range(width)) + ")"
                for r in range(rows)
            )
            columns = ", ".join(HISTORY_COLUMNS)
            self.statements[rows] = (
                f"INSERT INTO vehicles_signal_history ({columns}) VALUES {values}"
            )
        return self.statements[rows]

    async def insert(self, rows: list[tuple[Any, ...]]) -> float:
        flat = [value for row in rows for value in row]
        sql = self.statement(len(rows))
        started = time.perf_counter()
        async with self.connection.transaction():
            await self.connection.execute(
                "SELECT set_config('motorpool.tenant_id', $1, true)", self.tenant
            )
            await self.connection.execute(sql, *flat)
        return time.perf_counter() - started


@dataclass
class Figures:
    batched_signals: int = 0
    batched_seconds: float = 0.0
    single_signals: int = 0
    single_seconds: float = 0.0
    raw_signals: int = 0
    raw_seconds: float = 0.0
    garage_ms: tuple[float, ...] = ()
    garage_cars: int = 0
    garage_signals: int = 0


async def ingestion(
    client: httpx.AsyncClient,
    backend: dict[str, str],
    raw: RawInsert,
    fleet: Fleet,
    tenant: uuid.UUID,
    cars: dict[str, uuid.UUID],
    plan: Plan,
    figures: Figures,
) -> None:
    headers = {**backend, "Content-Type": "application/json"}
    # warm-up: connections, prepared statements, code paths (not counted)
    for _ in range(2):
        reports = fleet.batch(plan.reports_per_batch)
        await post(client, headers, body(reports))
        await raw.insert(history_rows(reports, tenant, cars))
    for _ in range(20):
        await post(client, headers, body([fleet.single()]))

    for _ in range(plan.batches):  # (a) and (c) alternate
        reports = fleet.batch(plan.reports_per_batch)
        content = body(reports)
        rows = history_rows(reports, tenant, cars)
        started = time.perf_counter()
        figures.batched_signals += await post(client, headers, content)
        figures.batched_seconds += time.perf_counter() - started
        figures.raw_seconds += await raw.insert(rows)
        figures.raw_signals += len(rows)

    singles = [body([fleet.single()]) for _ in range(plan.singles)]  # (b)
    started = time.perf_counter()
    for content in singles:
        figures.single_signals += await post(client, headers, content)
    figures.single_seconds = time.perf_counter() - started


async def garage_reads(
    client: httpx.AsyncClient,
    backend: dict[str, str],
    owner: dict[str, str],
    fleet: Fleet,
    owned: list[str],
    plan: Plan,
    figures: Figures,
) -> None:
    by_vin = {car.vin: car for car in fleet.cars}
    at = fleet.tick().isoformat()
    reports = [
        {"vin": v, "observed_at": at, "signals": {**by_vin[v].signals(), **EXTRA_SIGNALS}}
        for v in owned
    ]
    await post(client, {**backend, "Content-Type": "application/json"}, body(reports))
    garage: list[dict[str, Any]] = []
    for _ in range(20):  # warm-up
        garage = (await client.get("/vehicles/garage", headers=owner)).raise_for_status().json()
    figures.garage_cars = len(garage)
    figures.garage_signals = min((len(c["status"]["signals"]) for c in garage), default=0)
    timings = []
    for _ in range(plan.reads):
        started = time.perf_counter()
        answer = await client.get("/vehicles/garage", headers=owner)
        timings.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    figures.garage_ms = tuple(timings)


# --------------------------------------------------------------------------- report


def percentile(values: tuple[float, ...], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def report(figures: Figures, plan: Plan, server: str, quick: bool) -> str:
    rate_a = figures.batched_signals / figures.batched_seconds
    rate_b = figures.single_signals / figures.single_seconds
    rate_c = figures.raw_signals / figures.raw_seconds
    per_request = figures.batched_signals / plan.batches
    a_b, a_c = rate_a / rate_b, rate_a / rate_c

    def verdict(ratio: float, target: float) -> str:
        return "met" if ratio >= target else "MISSED"

    lines = [
        f"telemetry benchmark {date.today().isoformat()}{' (--quick)' if quick else ''}: "
        f"PostgreSQL {server} on loopback, {os.cpu_count()} cores, {plan.cars} cars, "
        "one client, sequential requests",
        "",
        f"{'ingestion':<54}{'signals':>9}{'seconds':>9}{'signals/s':>11}",
        f"{'(a) batched POST /vehicles/telemetry':<54}{figures.batched_signals:>9}"
        f"{figures.batched_seconds:>9.2f}{rate_a:>11,.0f}",
        f"    {plan.batches} requests x ~{per_request:.0f} signals, one at a time",
        f"{'(b) one signal per POST /vehicles/telemetry':<54}{figures.single_signals:>9}"
        f"{figures.single_seconds:>9.2f}{rate_b:>11,.0f}",
        f"{'(c) raw multi-row INSERT VALUES, history only, asyncpg':<54}"
        f"{figures.raw_signals:>9}{figures.raw_seconds:>9.2f}{rate_c:>11,.0f}",
        "",
        f"{'ratio':<20}{'measured':>10}{'target':>10}   verdict",
        f"{'a/b batched/single':<20}{a_b:>10.1f}{f'>= {TARGET_BATCH_VS_SINGLE:g}':>10}   "
        f"{verdict(a_b, TARGET_BATCH_VS_SINGLE)}",
        f"{'a/c batched/raw':<20}{a_c:>10.2f}{f'>= {TARGET_BATCH_VS_RAW:g}':>10}   "
        f"{verdict(a_c, TARGET_BATCH_VS_RAW)}",
        "",
        f"(d) GET /vehicles/garage, {figures.garage_cars} cars x {figures.garage_signals} "
        f"latest signals, {len(figures.garage_ms)} requests: "
        f"p50 {percentile(figures.garage_ms, 50):.2f} ms, "
        f"p95 {percentile(figures.garage_ms, 95):.2f} ms",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


async def run(plan: Plan, quick: bool) -> None:
    owner_url, app_url = await scratch_database()
    try:
        engine = create_engine(owner_url)
        try:
            await upgrade(engine, app_role=APP_ROLE)
        finally:
            await engine.dispose()
        with tempfile.TemporaryDirectory(prefix="motorpool-bench-") as var_dir:
            settings = Settings(
                env="test",
                database_url=app_url,
                var_dir=Path(var_dir),
                smtp_url=None,
                rate_limit_per_minute=10**9,
                log_level="WARNING",
                base_url="http://motorpool.bench",
            )
            app = create_app(settings)
            async with app.router.lifespan_context(app):
                print(report(await measure(app, app_url, plan), plan, await server(), quick))
    finally:
        await drop_database()


async def server() -> str:
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        return str(await admin.fetchval("SHOW server_version")).split()[0]
    finally:
        await admin.close()


async def measure(app: FastAPI, app_url: str, plan: Plan) -> Figures:
    uow_factory: UnitOfWorkFactory = app.state.uow_factory
    async with uow_factory(tenant_id=None, write=True) as uow:
        brand = await ensure_tenant(
            uow, slug="bench-telemetry", name="Bench", hosts=["bench-telemetry.bench"]
        )
        await uow.commit()
    figures = Figures()
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench-telemetry.bench"
    ) as client:
        _, backend = await account(uow_factory, client, brand, "vehicle_backend")
        owner_id, owner = await account(uow_factory, client, brand, "customer")
        cars = await register_cars(uow_factory, brand, plan.cars, owner_id, owned=5)
        await asyncio.sleep(1.0)  # let the event relay deliver the registration events
        fleet = Fleet(list(cars))
        raw_url = app_url.replace("postgresql+asyncpg://", "postgresql://")
        connection = await asyncpg.connect(raw_url)
        try:
            await ingestion(
                client,
                backend,
                RawInsert(connection, brand.id),
                fleet,
                brand.id,
                cars,
                plan,
                figures,
            )
        finally:
            await connection.close()
        await garage_reads(client, backend, owner, fleet, list(cars)[:5], plan, figures)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Telemetry ingestion (batched vs one signal per request vs raw INSERT) "
        "and garage read latency on PostgreSQL. Creates and drops the scratch database "
        f"{DATABASE}; admin DSN from MOTORPOOL_BENCH_PG_ADMIN (default {ADMIN_DSN})."
    )
    parser.add_argument("--quick", action="store_true", help="a short run (about 15 seconds)")
    args = parser.parse_args()
    asyncio.run(run(QUICK if args.quick else FULL, args.quick))


if __name__ == "__main__":
    main()
