"""The transactional outbox and the idempotent inbox.

A unit of work writes each event it records as an :class:`OutboxMessage` in the same
transaction as the change. After commit a relay claims unpublished rows, hands them to a
publisher (in-process subscribers, or NATS JetStream) and marks them published. A crash
anywhere leaves the row unpublished or its claim expiring, so it is delivered again;
consumers remember handled event ids in :class:`ProcessedEvent`, so a redelivery does
nothing twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

import structlog
from sqlalchemy import JSON, Index, String, and_, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, utcnow
from motorpool.platform.events import Event, event_from_payload
from motorpool.platform.metrics import EVENTS_HANDLED, EVENTS_PUBLISHED

if TYPE_CHECKING:
    from motorpool.platform.uow import UnitOfWorkFactory

log = structlog.get_logger("motorpool.outbox")


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    tenant_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(120))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    occurred_at: Mapped[datetime]
    published_at: Mapped[datetime | None]
    claimed_until: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)

    __table_args__ = (Index("ix_outbox_messages_pending", "published_at", "occurred_at"),)


class ProcessedEvent(Base):
    """The inbox: which consumer has handled which event."""

    __tablename__ = "processed_events"

    consumer: Mapped[str] = mapped_column(String(200), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    processed_at: Mapped[datetime]


Handler = Callable[..., Awaitable[None]]
"""``async def handler(event, *, uow) -> None`` — runs in its own unit of work."""

HandlerTable = Mapping[type[Event], Sequence[Handler]]


@dataclass(frozen=True)
class Subscription:
    consumer: str
    event_name: str
    handler: Handler


def consumer_name(handler: Handler) -> str:
    module = handler.__module__.removeprefix("motorpool.domains.").removeprefix("motorpool.")
    return f"{module}.{handler.__qualname__}"


def subscriptions(tables: Iterable[HandlerTable]) -> list[Subscription]:
    """Flatten the domains' explicit ``HANDLERS`` tables."""
    found: list[Subscription] = []
    for table in tables:
        for event_cls, handlers in table.items():
            for handler in handlers:
                found.append(Subscription(consumer_name(handler), event_cls.name, handler))
    return found


async def mark_processed(session: AsyncSession, consumer: str, event_id: uuid.UUID) -> bool:
    """Insert the inbox row; False when this consumer already handled the event."""
    values = {"consumer": consumer, "event_id": event_id, "processed_at": utcnow()}
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    ins = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = ins(ProcessedEvent).values(**values).on_conflict_do_nothing()
    result = await session.execute(stmt)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def consume(subscription: Subscription, event: Event, uow_factory: UnitOfWorkFactory) -> bool:
    """Run one handler for one event exactly once; True if it ran now."""
    async with uow_factory(tenant_id=event.tenant_id, write=True) as uow:
        if not await mark_processed(uow.session, subscription.consumer, event.event_id):
            return False
        await subscription.handler(event, uow=uow)
        await uow.commit()
    EVENTS_HANDLED.labels(subscription.consumer).inc()
    return True


class Publisher(Protocol):
    async def publish(self, messages: Sequence[OutboxMessage]) -> None: ...


class InProcessPublisher:
    """Delivers events to this process's subscribers, each in its own transaction."""

    def __init__(self, subs: Sequence[Subscription], uow_factory: UnitOfWorkFactory) -> None:
        self._by_name: dict[str, list[Subscription]] = {}
        for sub in subs:
            self._by_name.setdefault(sub.event_name, []).append(sub)
        self._uow_factory = uow_factory

    async def publish(self, messages: Sequence[OutboxMessage]) -> None:
        for message in messages:
            subs = self._by_name.get(message.name, [])
            if not subs:
                continue
            event = event_from_payload(message.name, message.payload)
            for sub in subs:
                await consume(sub, event, self._uow_factory)
            EVENTS_PUBLISHED.inc()


class OutboxRelay:
    """Claims unpublished outbox rows, publishes them, marks them published."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        publisher: Publisher,
        *,
        claim_seconds: float = 30.0,
        batch_size: int = 100,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._uow_factory = uow_factory
        self.publisher = publisher
        self.claim = timedelta(seconds=claim_seconds)
        self.batch_size = batch_size
        self.clock = clock

    async def _claim(self) -> list[OutboxMessage]:
        now = self.clock()
        claimable = and_(
            OutboxMessage.published_at.is_(None),
            or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
        )
        async with self._uow_factory(tenant_id=None, write=True) as uow:
            pick = (
                select(OutboxMessage.id)
                .where(claimable)
                .order_by(OutboxMessage.occurred_at)
                .limit(self.batch_size)
            )
            if uow.dialect == "postgresql":
                pick = pick.with_for_update(skip_locked=True)
            stmt = (
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(pick.scalar_subquery()), claimable)
                .values(claimed_until=now + self.claim, attempts=OutboxMessage.attempts + 1)
                .returning(OutboxMessage)
                .execution_options(synchronize_session=False)
            )
            rows = list((await uow.session.execute(stmt)).scalars().all())
            await uow.commit()
        rows.sort(key=lambda m: m.occurred_at)
        return rows

    async def run_once(self) -> int:
        """Publish one batch; returns how many rows were published."""
        messages = await self._claim()
        if not messages:
            return 0
        await self.publisher.publish(messages)
        async with self._uow_factory(tenant_id=None, write=True) as uow:
            await uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_([m.id for m in messages]))
                .values(published_at=self.clock(), claimed_until=None)
                .execution_options(synchronize_session=False)
            )
            await uow.commit()
        return len(messages)

    async def drain(self, max_rounds: int = 1000) -> int:
        """Publish until nothing is pending (events may cause further events)."""
        total = 0
        for _ in range(max_rounds):
            published = await self.run_once()
            if not published:
                break
            total += published
        return total

    async def publish_pending(self) -> int:
        """Publish what is pending now, batch by batch, ending at the first short batch —
        without the empty round ``drain`` needs. For the relay loop: whatever commits later
        (handlers' own events included) wakes it again."""
        total = 0
        while True:
            published = await self.run_once()
            total += published
            if published < self.batch_size:
                return total


async def pending_count(session: AsyncSession) -> int:
    result = await session.execute(
        text("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL")
    )
    return int(result.scalar_one())


__all__ = [
    "Handler",
    "HandlerTable",
    "InProcessPublisher",
    "OutboxMessage",
    "OutboxRelay",
    "ProcessedEvent",
    "Publisher",
    "Subscription",
    "consume",
    "subscriptions",
]
