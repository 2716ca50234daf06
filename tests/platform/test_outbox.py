"""The outbox: a crash between commit and publish still delivers each event exactly once
to each consumer — in process (SQLite and PostgreSQL) and through the real NATS JetStream."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from motorpool.platform.db import utcnow
from motorpool.platform.events import Event
from motorpool.platform.nats_bus import NatsBus, NatsConsumer, NatsPublisher
from motorpool.platform.outbox import (
    InProcessPublisher,
    OutboxMessage,
    OutboxRelay,
    Publisher,
    Subscription,
    consume,
    subscriptions,
)
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, kw_only=True)
class ParcelDelivered(Event):
    name = "test.ParcelDelivered"
    parcel: str


class RelayKilled(BaseException):
    """Stands for kill -9 of the relay process at a chosen point."""


class Recorder:
    def __init__(self) -> None:
        self.seen: dict[str, list[uuid.UUID]] = {"mail": [], "audit": []}

    async def mail(self, event: ParcelDelivered, *, uow: UnitOfWork) -> None:
        self.seen["mail"].append(event.event_id)

    async def audit(self, event: ParcelDelivered, *, uow: UnitOfWork) -> None:
        self.seen["audit"].append(event.event_id)

    def subs(self) -> list[Subscription]:
        return subscriptions([{ParcelDelivered: [self.mail, self.audit]}])


class KilledAfter:
    """A publisher that dies after handing over ``n`` messages, before the relay marks them."""

    def __init__(self, inner: Publisher, n: int) -> None:
        self.inner = inner
        self.n = n

    async def publish(self, messages: Sequence[OutboxMessage]) -> None:
        await self.inner.publish(messages[: self.n])
        raise RelayKilled()


@pytest.fixture
async def quiet_app(app: FastAPI) -> AsyncIterator[FastAPI]:
    """The app with its own background relay stopped, so the test drives relays itself."""
    await app.state.events.stop()
    try:
        yield app
    finally:
        await app.state.events.start()


async def record_parcels(factory: UnitOfWorkFactory, brand: Tenant, n: int) -> list[uuid.UUID]:
    """Parcels recorded through a factory that relays every event (as with NATS): the app's
    own in-process factory would store them as published, since nothing in it subscribes."""
    events = [ParcelDelivered(tenant_id=brand.id, parcel=f"P{i}") for i in range(n)]
    async with UnitOfWorkFactory(factory.engine)(tenant_id=brand.id, write=True) as uow:
        uow.record(*events)
        await uow.commit()
    return [e.event_id for e in events]


async def unpublished(factory: UnitOfWorkFactory, ids: list[uuid.UUID]) -> int:
    async with factory(tenant_id=None) as uow:
        stmt = select(func.count()).where(
            OutboxMessage.id.in_(ids), OutboxMessage.published_at.is_(None)
        )
        return int((await uow.session.execute(stmt)).scalar_one())


async def test_rolled_back_work_publishes_nothing(quiet_app, uow_factory, brand) -> None:
    event = ParcelDelivered(tenant_id=brand.id, parcel="never")
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        uow.record(event)
        await uow.session.flush()
        await uow.rollback()
    async with uow_factory(tenant_id=None) as uow:
        assert await uow.session.get(OutboxMessage, event.event_id) is None


async def test_an_event_nobody_here_subscribes_to_is_published_at_once(
    quiet_app, uow_factory: UnitOfWorkFactory, brand: Tenant
) -> None:
    """In-process, the app knows every subscriber: an event no one wants costs no relay
    round, yet stays in the outbox as a fact; a subscribed one waits for the relay."""
    from motorpool.domains import identity

    unwanted = ParcelDelivered(tenant_id=brand.id, parcel="nobody")
    assert uow_factory.needs_relay is not None
    assert uow_factory.needs_relay(identity.CustomerErased.name)  # vehicles subscribes to it
    assert not uow_factory.needs_relay(unwanted.name)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        uow.record(unwanted)
        await uow.commit()
    async with uow_factory(tenant_id=None) as uow:
        row = await uow.session.get(OutboxMessage, unwanted.event_id)
        assert row is not None
        assert row.published_at == unwanted.occurred_at
    assert await OutboxRelay(uow_factory, InProcessPublisher([], uow_factory)).run_once() == 0


async def test_relay_killed_mid_batch_then_restarted_delivers_exactly_once(
    quiet_app, uow_factory: UnitOfWorkFactory, brand: Tenant
) -> None:
    recorder = Recorder()
    ids = await record_parcels(uow_factory, brand, 3)
    local = InProcessPublisher(recorder.subs(), uow_factory)
    # 1. committed, relay dies before publishing anything
    with pytest.raises(RelayKilled):
        await OutboxRelay(uow_factory, KilledAfter(local, 0)).run_once()
    assert recorder.seen == {"mail": [], "audit": []}
    # 2. a restarted relay (its predecessor's claim not yet expired) leaves the rows alone
    assert await OutboxRelay(uow_factory, local).run_once() == 0
    # 3. a relay after the claim expired dies after handing over two, before marking
    later = OutboxRelay(
        uow_factory, KilledAfter(local, 2), clock=lambda: utcnow() + timedelta(minutes=1)
    )
    with pytest.raises(RelayKilled):
        await later.drain()
    assert await unpublished(uow_factory, ids) == 3
    # 4. the next relay publishes all three again; consumers act once per event
    final = OutboxRelay(uow_factory, local, clock=lambda: utcnow() + timedelta(minutes=2))
    await final.drain()
    assert await unpublished(uow_factory, ids) == 0
    for consumer in ("mail", "audit"):
        assert sorted(recorder.seen[consumer]) == sorted(ids), consumer


async def test_redelivered_event_is_handled_once(uow_factory, brand) -> None:
    recorder = Recorder()
    sub = recorder.subs()[0]
    event = ParcelDelivered(tenant_id=brand.id, parcel="dup")
    assert await consume(sub, event, uow_factory) is True
    assert await consume(sub, event, uow_factory) is False
    assert recorder.seen["mail"] == [event.event_id]


async def test_a_failing_handler_leaves_the_event_for_a_retry(uow_factory, brand) -> None:
    calls: list[int] = []

    async def flaky(event: ParcelDelivered, *, uow: UnitOfWork) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("smtp down")

    sub = subscriptions([{ParcelDelivered: [flaky]}])[0]
    event = ParcelDelivered(tenant_id=brand.id, parcel="retry")
    with pytest.raises(RuntimeError):
        await consume(sub, event, uow_factory)
    assert await consume(sub, event, uow_factory) is True
    assert len(calls) == 2


@pytest.mark.nats
async def test_nats_relay_killed_after_publish_delivers_exactly_once(
    quiet_app, uow_factory: UnitOfWorkFactory, brand: Tenant
) -> None:
    bus = NatsBus("nats://127.0.0.1:4222", f"MPTEST{uuid.uuid4().hex[:8].upper()}")
    js = await bus.connect()
    try:
        recorder = Recorder()
        ids = await record_parcels(uow_factory, brand, 3)
        publisher = NatsPublisher(bus)
        # 1. JetStream acknowledged all three, then the relay died before marking them
        with pytest.raises(RelayKilled):
            await OutboxRelay(uow_factory, KilledAfter(publisher, 3)).run_once()
        assert (await js.stream_info(bus.stream)).state.messages == 3
        assert await unpublished(uow_factory, ids) == 3
        # 2. the restarted relay publishes again; JetStream drops the duplicates by Msg-Id
        relay = OutboxRelay(uow_factory, publisher, clock=lambda: utcnow() + timedelta(minutes=1))
        await relay.drain()
        assert await unpublished(uow_factory, ids) == 0
        assert (await js.stream_info(bus.stream)).state.messages == 3
        # 3. each durable consumer handles each event once
        consumers = [NatsConsumer(bus, s, uow_factory) for s in recorder.subs()]
        for consumer in consumers:
            while await consumer.run_once(wait_seconds=0.5):
                pass
        for name in ("mail", "audit"):
            assert sorted(recorder.seen[name]) == sorted(ids), name
        # 4. a consumer that lost its position gets everything again and does nothing twice
        await js.delete_consumer(bus.stream, consumers[0].durable)
        fresh = NatsConsumer(bus, recorder.subs()[0], uow_factory)
        assert await fresh.run_once(wait_seconds=0.5) == 0
        assert sorted(recorder.seen["mail"]) == sorted(ids)
    finally:
        await js.delete_stream(bus.stream)
        await bus.close()


@pytest.mark.nats
async def test_app_in_nats_mode_delivers_registration_mail(
    database_url, smtp_server, tmp_path, uow_factory
) -> None:
    """The whole path: POST → outbox → relay → JetStream → consumer → SMTP."""
    import httpx

    from motorpool.app import create_app
    from tests.conftest import PASSWORD, client_for, make_brand, settings_for

    stream = f"MPAPP{uuid.uuid4().hex[:8].upper()}"
    settings = settings_for(
        database_url, tmp_path, smtp_server[1], events="nats", nats_stream=stream
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        brand = await make_brand(application.state.uow_factory)
        async with client_for(application, brand) as client:
            email = f"nats-{uuid.uuid4().hex[:6]}@example.com"
            answer = await client.post(
                "/identity/customers", json={"email": email, "password": PASSWORD}
            )
            assert answer.status_code == 202
            mails = await smtp_server[0].wait_for(email, seconds=20)
            assert len(mails) == 1
            ready = await client.get("/readyz")
            assert ready.status_code == 200
        js = application.state.events.nats.js
        await js.delete_stream(stream)
    assert isinstance(client, httpx.AsyncClient)


async def test_a_failed_savepoint_takes_its_events_with_it(
    uow_factory: UnitOfWorkFactory, brand: Tenant
) -> None:
    """What a savepoint recorded is undone with it; what came before stays."""
    kept = ParcelDelivered(tenant_id=brand.id, parcel="kept")
    undone = ParcelDelivered(tenant_id=brand.id, parcel="undone")
    async with uow_factory(tenant_id=brand.id, write=True) as uow:

        async def failing_part() -> None:
            async with uow.savepoint():
                uow.record(undone)
                raise RuntimeError("the part fails")

        uow.record(kept)
        with pytest.raises(RuntimeError):
            await failing_part()
        await uow.commit()
    async with uow_factory(tenant_id=None) as uow:
        ids = set(
            (
                await uow.session.execute(
                    select(OutboxMessage.id).where(
                        OutboxMessage.id.in_([kept.event_id, undone.event_id])
                    )
                )
            ).scalars()
        )
    assert ids == {kept.event_id}
