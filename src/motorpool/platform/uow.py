"""The unit of work: one transaction, committed once, by whoever opened it.

Use cases receive a unit of work and never commit; the HTTP route (or a CLI command, or an
event consumer) that opened it commits once, so a flow across domains is atomic. Events
recorded on it go into the outbox in that same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from motorpool.platform import rls as _rls  # noqa: F401  (sets the tenant per transaction)
from motorpool.platform.db import SESSION_ALL_TENANTS, SESSION_TENANT
from motorpool.platform.events import Event
from motorpool.platform.outbox import outbox_row


class UnitOfWork:
    """A session bound to one brand (or none, for platform tables) and an outbox."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        tenant_id: uuid.UUID | None,
        write: bool,
        all_tenants: bool = False,
        on_events_committed: Callable[[], None] | None = None,
        needs_relay: Callable[[str], bool] | None = None,
    ) -> None:
        self.tenant_id = tenant_id
        self.write = write
        self.dialect = engine.dialect.name
        bind = engine.execution_options(sqlite_begin="IMMEDIATE") if write else engine
        self.session = AsyncSession(bind=bind, expire_on_commit=False, autoflush=True)
        self.session.info[SESSION_TENANT] = tenant_id
        self.session.info[SESSION_ALL_TENANTS] = all_tenants
        self._recorded = 0
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
        """Write events to the outbox in this transaction; delivered after commit."""
        for event in events:
            row = outbox_row(event)
            if self._needs_relay is not None and not self._needs_relay(event.name):
                # no subscriber in this deployment: kept as a fact, published at once
                row.published_at = event.occurred_at
            else:
                self._recorded += 1
            self.session.add(row)

    async def commit(self) -> None:
        await self.session.commit()
        self.committed = True
        if self._recorded and self._on_events_committed:
            self._on_events_committed()
        self._recorded = 0

    async def rollback(self) -> None:
        await self.session.rollback()
        self._recorded = 0

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


class UnitOfWorkFactory:
    """Opens units of work on one engine; tells the relay when events were committed."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.on_events_committed: Callable[[], None] | None = None
        self.needs_relay: Callable[[str], bool] | None = None
        """Set by an in-process event runtime: whether an event has a subscriber here.
        ``None`` (the default, and always with NATS) relays every event."""

    def __call__(
        self, *, tenant_id: uuid.UUID | None, write: bool = False, all_tenants: bool = False
    ) -> UnitOfWork:
        return UnitOfWork(
            self.engine,
            tenant_id=tenant_id,
            write=write,
            all_tenants=all_tenants,
            on_events_committed=self.on_events_committed,
            needs_relay=self.needs_relay,
        )
