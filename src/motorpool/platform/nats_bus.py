"""NATS JetStream as the event bus at scale.

The relay publishes each outbox row to ``motorpool.<event name>`` with ``Nats-Msg-Id`` set
to the event id, so JetStream drops a re-publish inside its duplicate window; the outbox
row is only marked published after JetStream acknowledged it. Each consumer (handler) is a
durable pull consumer and remembers handled event ids in the inbox, so a redelivery after
a crash does nothing twice. Configure the server with ``sync_interval: always`` (JetStream
otherwise acknowledges before it flushes to disk); the outbox stays the record either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Sequence

import nats
import structlog
from nats.aio.client import Client
from nats.errors import TimeoutError as NatsTimeout
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy, StreamConfig
from nats.js.errors import NotFoundError

from motorpool.platform.events import event_from_payload
from motorpool.platform.metrics import EVENTS_PUBLISHED
from motorpool.platform.outbox import OutboxMessage, Subscription, consume
from motorpool.platform.uow import UnitOfWorkFactory

log = structlog.get_logger("motorpool.nats")


def durable_name(consumer: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in consumer)[:200]


class NatsBus:
    def __init__(self, url: str, stream: str) -> None:
        self.url = url
        self.stream = stream
        self.prefix = stream.lower() + "."
        self.nc: Client | None = None
        self.js: JetStreamContext | None = None

    def subject(self, event_name: str) -> str:
        """``<stream>.<domain>.<Event>``, e.g. ``motorpool.identity.EmailVerified``."""
        return self.prefix + event_name

    async def connect(self) -> JetStreamContext:
        if self.js is None:
            self.nc = await nats.connect(self.url, name="motorpool", connect_timeout=5)
            self.js = self.nc.jetstream()
            config = StreamConfig(name=self.stream, subjects=[self.prefix + ">"])
            try:
                await self.js.stream_info(self.stream)
            except NotFoundError:
                await self.js.add_stream(config)
        return self.js

    async def close(self) -> None:
        if self.nc is not None:
            with contextlib.suppress(Exception):
                await self.nc.close()  # publishes were acknowledged; nothing to drain
        self.nc = None
        self.js = None


class NatsPublisher:
    """The relay's publisher: returns only after JetStream acknowledged every message."""

    def __init__(self, bus: NatsBus) -> None:
        self.bus = bus

    async def publish(self, messages: Sequence[OutboxMessage]) -> None:
        js = await self.bus.connect()
        for message in messages:
            body = json.dumps(
                {"name": message.name, "payload": message.payload}, separators=(",", ":")
            ).encode()
            await js.publish(
                self.bus.subject(message.name),
                body,
                stream=self.bus.stream,
                headers={"Nats-Msg-Id": str(message.id)},
            )
            EVENTS_PUBLISHED.inc()


class NatsConsumer:
    """Pulls one subscription's events from JetStream and handles each exactly once."""

    def __init__(
        self,
        bus: NatsBus,
        sub: Subscription,
        uow_factory: UnitOfWorkFactory,
        *,
        ack_wait: float = 30,
    ) -> None:
        self.bus = bus
        self.ack_wait = ack_wait
        self.sub = sub
        self.uow_factory = uow_factory
        self.durable = durable_name(sub.consumer)
        self._psub: JetStreamContext.PullSubscription | None = None

    async def _subscription(self) -> JetStreamContext.PullSubscription:
        if self._psub is not None:
            return self._psub
        js = await self.bus.connect()
        config = ConsumerConfig(
            durable_name=self.durable,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            filter_subject=self.bus.subject(self.sub.event_name),
            ack_wait=self.ack_wait,
            max_deliver=-1,
        )
        self._psub = await js.pull_subscribe(
            self.bus.subject(self.sub.event_name),
            durable=self.durable,
            stream=self.bus.stream,
            config=config,
        )
        return self._psub

    async def run_once(self, batch: int = 50, wait_seconds: float = 0.5) -> int:
        psub = await self._subscription()
        try:
            messages = await psub.fetch(batch, timeout=wait_seconds)
        except (NatsTimeout, TimeoutError):  # nats-py raises either, by code path
            return 0
        handled = 0
        for msg in messages:
            envelope = json.loads(msg.data)
            event = event_from_payload(envelope["name"], envelope["payload"])
            try:
                if await consume(self.sub, event, self.uow_factory):
                    handled += 1
            except Exception:
                log.exception("handler failed", consumer=self.sub.consumer)
                await msg.nak(delay=5)
                continue
            await msg.ack()
        return handled

    async def run_forever(self) -> None:
        while True:
            try:
                await self.run_once(wait_seconds=2.0)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("consumer loop failed", consumer=self.sub.consumer)
                await asyncio.sleep(1)
