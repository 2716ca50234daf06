"""Runs the event flow of a process: the outbox relay and, at scale, the NATS consumers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence

import structlog

from motorpool.platform.nats_bus import NatsBus, NatsConsumer, NatsPublisher
from motorpool.platform.outbox import InProcessPublisher, OutboxRelay, Subscription
from motorpool.platform.settings import Settings
from motorpool.platform.uow import UnitOfWorkFactory

log = structlog.get_logger("motorpool.events")


class EventRuntime:
    def __init__(
        self, settings: Settings, uow_factory: UnitOfWorkFactory, subs: Sequence[Subscription]
    ) -> None:
        self.settings = settings
        self.subs = list(subs)
        self.uow_factory = uow_factory
        self.nats: NatsBus | None = None
        if settings.events == "nats":
            self.nats = NatsBus(settings.nats_url, settings.nats_stream)
            self.relay = OutboxRelay(uow_factory, NatsPublisher(self.nats))
            self.consumers = [NatsConsumer(self.nats, s, uow_factory) for s in self.subs]
        else:
            self.relay = OutboxRelay(uow_factory, InProcessPublisher(self.subs, uow_factory))
            self.consumers = []
            # In one process the subscribers are all known: an event none of them wants is
            # stored as published at once and costs the relay nothing.
            subscribed = frozenset(s.event_name for s in self.subs)
            uow_factory.needs_relay = subscribed.__contains__
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        uow_factory.on_events_committed = self.wake

    def wake(self) -> None:
        self._wake.set()

    async def _relay_loop(self) -> None:
        while True:
            # asyncio.timeout, not wait_for: wait_for can swallow a cancellation on 3.11
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1.0):
                    await self._wake.wait()
            self._wake.clear()
            try:
                await self.relay.publish_pending()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("relay round failed")
                await asyncio.sleep(1)

    async def start(self) -> None:
        if self.nats is not None:
            await self.nats.connect()
        self._tasks.append(asyncio.create_task(self._relay_loop(), name="outbox-relay"))
        for consumer in self.consumers:
            self._tasks.append(asyncio.create_task(consumer.run_forever(), name=consumer.durable))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            _, pending = await asyncio.wait(self._tasks, timeout=10)
            for task in pending:
                log.error("event task did not stop", task=task.get_name())
        self._tasks.clear()
        if self.nats is not None:
            await self.nats.close()
