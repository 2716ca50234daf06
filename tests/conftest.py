"""Shared fixtures. Every database-touching test runs on SQLite and on the real PostgreSQL.

Fixtures:
  db_kind          "sqlite" | "postgresql" (session-scoped parameter)
  app              the FastAPI app on that database, lifespan running (event relay too)
  uow_factory      opens units of work on the app's database
  brand            a fresh brand (Tenant) per test, answering on host "<slug>.test"
  client           httpx.AsyncClient to the app at http://<slug>.test (the brand's host)
  other_brand, other_client   a second, unrelated brand and its client
  mailbox          the real SMTP server on loopback the app sends mail to (aiosmtpd)
  simulator        the vehicle simulator's control API on loopback: (cars dict by VIN, URL);
                   the app's vehicle connection talks to it over HTTP
  make_account     async (role=, email=, password=) -> Account(id, email, password, headers)
  admin_headers, customer_headers   Authorization headers for a brand_admin / a verified customer
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI

from motorpool.app import create_app
from motorpool.migrate import upgrade
from motorpool.platform.db import create_engine
from motorpool.platform.settings import Settings
from motorpool.platform.tenancy import Tenant, ensure_tenant
from motorpool.platform.uow import UnitOfWorkFactory

PG_ADMIN_DSN = os.environ.get(
    "MOTORPOOL_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres"
)
PG_TEST_DB = f"motorpool_test_{os.getpid()}"  # one per test run, so runs never collide
PG_APP_ROLE = "motorpool_app"  # not the tables' owner, so row-level security applies to it
PASSWORD = "correct-horse-battery-staple-42"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked postgres_only are not collected for the SQLite run (not skipped)."""
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_sqlite = callspec is not None and callspec.params.get("db_kind") == "sqlite"
        (drop if on_sqlite and item.get_closest_marker("postgres_only") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


# --------------------------------------------------------------------------- mail


@dataclass
class ReceivedMail:
    to: list[str]
    subject: str
    text: str
    language: str | None


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[ReceivedMail] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        import email
        from email.policy import default

        message = email.message_from_bytes(envelope.content, policy=default)  # type: ignore[attr-defined]
        body = message.get_body(preferencelist=("plain",))
        self.messages.append(
            ReceivedMail(
                to=list(envelope.rcpt_tos),  # type: ignore[attr-defined]
                subject=str(message["Subject"]),
                text=body.get_content() if body else "",
                language=message["Content-Language"],
            )
        )
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[ReceivedMail]:
        return [m for m in self.messages if address.lower() in (a.lower() for a in m.to)]

    async def wait_for(
        self, address: str, count: int = 1, seconds: float = 10.0
    ) -> list[ReceivedMail]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while loop.time() < deadline:
            found = self.to(address)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.05)
        raise AssertionError(f"no mail to {address} within {seconds}s; got {self.messages!r}")


@pytest.fixture(scope="session")
def smtp_server() -> tuple[Mailbox, int]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Mailbox, int]) -> Mailbox:
    return smtp_server[0]


# --------------------------------------------------------------------------- simulator


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
async def simulator() -> AsyncIterator[tuple[dict[str, object], str]]:
    import uvicorn

    from motorpool.simulator.server import control_app

    cars: dict[str, object] = {}
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(control_app(cars), host="127.0.0.1", port=port, log_level="warning")  # type: ignore[arg-type]
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event for this
        await asyncio.sleep(0.01)
    yield cars, f"http://127.0.0.1:{port}"
    server.should_exit = True
    await serving


# --------------------------------------------------------------------------- databases


async def fresh_postgres_database() -> tuple[str, str]:
    """A new empty database; returns the owner's URL and the application role's URL."""
    admin = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        for (name,) in await admin.fetch(
            "SELECT datname FROM pg_database WHERE datname LIKE 'motorpool_test_%'"
        ):
            pid = name.rsplit("_", 1)[1]
            alive = pid.isdigit() and os.path.exists(f"/proc/{pid}")  # noqa: ASYNC240
            if not alive or pid == str(os.getpid()):
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{PG_TEST_DB}"')
        exists = await admin.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", PG_APP_ROLE)
        if not exists:
            await admin.execute(f"CREATE ROLE {PG_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
    finally:
        await admin.close()
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    owner = f"{base}/{PG_TEST_DB}"
    host = base.split("@", 1)[1]
    return owner, f"postgresql+asyncpg://{PG_APP_ROLE}@{host}/{PG_TEST_DB}"


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
async def database_urls(db_kind: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(owner URL that migrates, application URL): one file on SQLite, two roles on PostgreSQL."""
    if db_kind == "sqlite":
        owner = app = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite') / 'motorpool.db'}"
    else:
        owner, app = await fresh_postgres_database()
    engine = create_engine(owner)
    try:
        await upgrade(engine, app_role=PG_APP_ROLE if db_kind == "postgresql" else None)
    finally:
        await engine.dispose()
    return owner, app


@pytest.fixture(scope="session")
def database_url(database_urls: tuple[str, str]) -> str:
    return database_urls[1]


def settings_for(database_url: str, var_dir: Path, smtp_port: int, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "test",
        "database_url": database_url,
        "var_dir": var_dir,
        "smtp_url": f"smtp://127.0.0.1:{smtp_port}",
        "rate_limit_per_minute": 100_000,
        "log_level": "WARNING",
        "base_url": "http://motorpool.test",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
async def app(
    database_url: str,
    smtp_server: tuple[Mailbox, int],
    simulator: tuple[dict[str, object], str],
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[FastAPI]:
    settings = settings_for(
        database_url,
        tmp_path_factory.mktemp("var"),
        smtp_server[1],
        vehicle_connection_url=simulator[1],
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
def uow_factory(app: FastAPI) -> UnitOfWorkFactory:
    factory: UnitOfWorkFactory = app.state.uow_factory
    return factory


async def make_brand(uow_factory: UnitOfWorkFactory, prefix: str = "brand") -> Tenant:
    slug = f"{prefix}-{uuid.uuid4().hex[:10]}"
    async with uow_factory(tenant_id=None, write=True) as uow:
        tenant = await ensure_tenant(
            uow,
            slug=slug,
            name=f"Brand {slug}",
            hosts=[f"{slug}.test"],
            allowed_origins=["https://embedder.example"],
        )
        await uow.commit()
    return tenant


def client_for(app: FastAPI, tenant: Tenant) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{tenant.slug}.test"
    )


@pytest.fixture
async def brand(uow_factory: UnitOfWorkFactory) -> Tenant:
    return await make_brand(uow_factory)


@pytest.fixture
async def other_brand(uow_factory: UnitOfWorkFactory) -> Tenant:
    return await make_brand(uow_factory, "other")


@pytest.fixture
async def client(app: FastAPI, brand: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app, brand) as c:
        yield c


@pytest.fixture
async def other_client(app: FastAPI, other_brand: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app, other_brand) as c:
        yield c


# --------------------------------------------------------------------------- accounts


@dataclass
class Account:
    id: uuid.UUID
    email: str
    password: str
    headers: dict[str, str]
    refresh_token: str


MakeAccount = Callable[..., Awaitable[Account]]


async def create_account(
    uow_factory: UnitOfWorkFactory,
    client: httpx.AsyncClient,
    tenant: Tenant,
    *,
    role: str = "customer",
    email: str | None = None,
    password: str = PASSWORD,
) -> Account:
    from motorpool.domains import identity

    email = email or f"{role}-{uuid.uuid4().hex[:8]}@example.com"
    async with uow_factory(tenant_id=tenant.id, write=True) as uow:
        profile = await identity.create_account(
            uow=uow,
            account_in=identity.AccountCreate(email=email, password=password, role=role),
        )
        await uow.commit()
    answer = await client.post("/identity/auth/login", json={"email": email, "password": password})
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    return Account(
        profile.id,
        email,
        password,
        {"Authorization": f"Bearer {tokens['access_token']}"},
        tokens["refresh_token"],
    )


@pytest.fixture
def make_account(
    uow_factory: UnitOfWorkFactory, client: httpx.AsyncClient, brand: Tenant
) -> MakeAccount:
    async def make(**kwargs: object) -> Account:
        return await create_account(uow_factory, client, brand, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
async def admin_headers(make_account: MakeAccount) -> dict[str, str]:
    return (await make_account(role="brand_admin")).headers


@pytest.fixture
async def customer_headers(make_account: MakeAccount) -> dict[str, str]:
    return (await make_account(role="customer")).headers


def assert_problem(
    response: httpx.Response, status: int, slug: str | None = None
) -> dict[str, object]:
    """The answer is RFC 9457 problem+json with this status (and stable type)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert "Traceback" not in response.text
    if slug is not None:
        assert body["type"] == f"/problems/{slug}", body
    return body
