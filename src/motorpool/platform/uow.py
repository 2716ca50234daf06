"""The unit of work: one transaction, committed once, by whoever opened it.

Use cases receive a unit of work and never commit; the HTTP route (or a CLI command, or an
event consumer) that opened it commits once, so a flow across domains is atomic. Events
recorded on it go into the outbox in that same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from motorpool.platform import rls as _rls  # noqa: F401  (sets the tenant per transaction)
from motorpool.platform.db import SESSION_ALL_TENANTS, SESSION_TENANT
from motorpool.platform.events import Event, event_to_json, event_to_payload
from motorpool.platform.outbox import OutboxMessage
from motorpool.platform.prepared import PgStatement

_OUTBOX = cast(Table, OutboxMessage.__table__)
_WRITE_OUTBOX = PgStatement(insert(_OUTBOX))


class UnitOfWork:
    """A session bound to one brand (or none, for platform tables) and an outbox."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        write_bind: AsyncEngine | None = None,
        tenant_id: uuid.UUID | None,
        write: bool,
        all_tenants: bool = False,
        on_events_committed: Callable[[], None] | None = None,
        needs_relay: Callable[[str], bool] | None = None,
    ) -> None:
        self.tenant_id = tenant_id
        self.write = write
        self.dialect = engine.dialect.name
        bind = (write_bind or writing(engine)) if write else engine
        self.session = AsyncSession(bind=bind, expire_on_commit=False, autoflush=True)
        self.session.info[SESSION_TENANT] = tenant_id
        self.session.info[SESSION_ALL_TENANTS] = all_tenants
        self._recorded = 0
        self._outbox: list[Event] = []
        self._on_events_committed = on_events_committed
        self._needs_relay = needs_relay
        self.committed = False

    @property
    def brand(self) -> uuid.UUID:
        """The brand this unit of work acts for; fails loudly where there is none."""
        if self.tenant_id is None:
            raise RuntimeError("this unit of work has no brand")
        return self.tenant_id

    def record(self, *events: Event) -> None:
        """Write events to the outbox in this transaction (at commit); delivered after it."""
        self._outbox.extend(events)

    async def _write_outbox(self) -> None:
        """All recorded events in one statement, just before the commit."""
        events, self._outbox = self._outbox, []
        # JSON goes to asyncpg as text, through the session as a value
        payload = event_to_json if self.dialect == "postgresql" else event_to_payload
        rows: list[dict[str, Any]] = []
        for event in events:
            # no subscriber in this deployment: kept as a fact, published at once
            relayed = self._needs_relay is None or self._needs_relay(event.name)
            self._recorded += relayed
            rows.append(
                {
                    "id": event.event_id,
                    "tenant_id": event.tenant_id,
                    "name": event.name,
                    "payload": payload(event),
                    "occurred_at": event.occurred_at,
                    "published_at": None if relayed else event.occurred_at,
                    "claimed_until": None,
                    "attempts": 0,
                }
            )
        await _WRITE_OUTBOX.execute_many(self, rows)

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A part of the work that may fail on its own: if it raises, its changes and the
        events it recorded are undone, and the rest of the unit of work carries on."""
        recorded = len(self._outbox)
        try:
            async with self.session.begin_nested():
                yield
        except BaseException:
            del self._outbox[recorded:]
            raise

    async def commit(self) -> None:
        if self._outbox:
            await self._write_outbox()
        await self.session.commit()
        self.committed = True
        if self._recorded and self._on_events_committed:
            self._on_events_committed()
        self._recorded = 0

    async def rollback(self) -> None:
        await self.session.rollback()
        self._recorded = 0
        self._outbox.clear()

    async def __aenter__(self) -> UnitOfWork:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self.session.in_transaction():
                await self.session.rollback()
        finally:
            await self.session.close()


def writing(engine: AsyncEngine) -> AsyncEngine:
    """The engine as a writing unit of work binds it: on SQLite its transactions begin
    IMMEDIATE, taking the single write lock up front (see ``db``)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


class UnitOfWorkFactory:
    """Opens units of work on one engine; tells the relay when events were committed."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._write_bind = writing(engine)  # made once: each copy of an engine costs
        self.on_events_committed: Callable[[], None] | None = None
        self.needs_relay: Callable[[str], bool] | None = None
        """Set by an in-process event runtime: whether an event has a subscriber here.
        ``None`` (the default, and always with NATS) relays every event."""

    def __call__(
        self, *, tenant_id: uuid.UUID | None, write: bool = False, all_tenants: bool = False
    ) -> UnitOfWork:
        return UnitOfWork(
            self.engine,
            write_bind=self._write_bind,
            tenant_id=tenant_id,
            write=write,
            all_tenants=all_tenants,
            on_events_committed=self.on_events_committed,
            needs_relay=self.needs_relay,
        )
