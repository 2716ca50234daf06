"""The dispatcher: sends recorded messages that are due, and marks them sent.

Three short transactions per message, never one held open across SMTP:

1. **claim** — ``pending`` and due (or ``sending`` whose claim lapsed) becomes ``sending``
   with ``claimed_until = now + claim`` and ``attempts + 1``; committed.
2. **send** — the mail goes to the SMTP server with ``Message-ID: <notify.{id}@domain>``.
3. **mark** — ``sent`` (and the ``MessageSent`` event) if the row is still ours (same
   ``attempts``); on an SMTP error back to ``pending`` after a growing pause, or ``failed``
   after :data:`~motorpool.domains.notify.model.MAX_ATTEMPTS`.

A crash after 1 leaves the claim to lapse; the message is then claimed and sent again. A
crash between 2 and 3 — the SMTP server accepted the mail but the mark was lost — also
resends it: that is the one case a customer can receive a message twice, and both copies
carry the same ``Message-ID``, so mail clients and archives can tell them apart as one.
Claims last far longer than an SMTP send may (10 s timeout), so two dispatchers never send
one message while both are alive.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

import structlog
from sqlalchemy import ColumnElement, and_, or_, select, update

from motorpool.domains.notify.events import MessageSent
from motorpool.domains.notify.model import (
    MessageStatus,
    retry_after,
    short_error,
    smtp_message_id,
)
from motorpool.domains.notify.tables import MessageRow
from motorpool.platform.db import utcnow
from motorpool.platform.mail import Mail, Mailer
from motorpool.platform.uow import UnitOfWork, UnitOfWorkFactory

log = structlog.get_logger("motorpool.notify")

PENDING = MessageStatus.pending.value
SENDING = MessageStatus.sending.value


@dataclass(frozen=True)
class Claimed:
    """A message this dispatcher holds the claim on (``attempts`` fences the claim)."""

    id: uuid.UUID
    event_id: uuid.UUID
    kind: str
    customer_id: uuid.UUID
    about_id: uuid.UUID | None
    recipient: str
    language: str
    subject: str
    body: str
    attempts: int


class Dispatcher:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        mailer: Mailer,
        *,
        sender: str = "",
        claim_seconds: float = 300.0,
        batch_size: int = 50,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.uow_factory = uow_factory
        self.mailer = mailer
        self.domain = parseaddr(sender)[1].rpartition("@")[2] or "motorpool.invalid"
        self.claim_for = timedelta(seconds=claim_seconds)
        self.batch_size = batch_size
        self.clock = clock

    def _claimable(self, now: datetime) -> ColumnElement[bool]:
        return and_(
            or_(
                and_(MessageRow.status == PENDING, MessageRow.due_at <= now),
                and_(MessageRow.status == SENDING, MessageRow.claimed_until < now),
            ),
            or_(MessageRow.expires_at.is_(None), MessageRow.expires_at > now),
        )

    async def send_due(self, uow: UnitOfWork) -> int:
        """The housekeeping job for one brand (its unit of work names the brand; the
        dispatcher commits in units of work of its own)."""
        return await self.send_due_for(uow.brand)

    async def send_due_for(self, tenant_id: uuid.UUID) -> int:
        """Send every message of the brand that is due; how many went out."""
        sent = 0
        while True:
            claimed = await self.claim(tenant_id)
            for message in claimed:
                sent += await self.deliver(tenant_id, message)
            if len(claimed) < self.batch_size:
                return sent

    async def _anything_due(self, tenant_id: uuid.UUID, now: datetime) -> bool:
        """A read first, so a brand with nothing to send takes no write lock."""
        async with self.uow_factory(tenant_id=tenant_id) as uow:
            stmt = (
                select(MessageRow.id)
                .where(
                    or_(
                        self._claimable(now),
                        and_(
                            MessageRow.status.in_([PENDING, SENDING]),
                            MessageRow.expires_at <= now,
                        ),
                    )
                )
                .limit(1)
            )
            return (await uow.session.execute(stmt)).first() is not None

    async def claim(self, tenant_id: uuid.UUID) -> list[Claimed]:
        """Step 1: take up to a batch of due messages (and let lapsed reminders expire)."""
        now = self.clock()
        if not await self._anything_due(tenant_id, now):
            return []
        claimable = self._claimable(now)
        async with self.uow_factory(tenant_id=tenant_id, write=True) as uow:
            await uow.session.execute(
                update(MessageRow)
                .where(
                    MessageRow.status == PENDING,
                    MessageRow.expires_at <= now,
                )
                .values(status=MessageStatus.expired.value, claimed_until=None)
                .execution_options(synchronize_session=False)
            )
            await uow.session.execute(
                update(MessageRow)
                .where(
                    MessageRow.status == SENDING,
                    MessageRow.claimed_until < now,
                    MessageRow.expires_at <= now,
                )
                .values(status=MessageStatus.expired.value, claimed_until=None)
                .execution_options(synchronize_session=False)
            )
            pick = (
                select(MessageRow.id)
                .where(claimable)
                .order_by(MessageRow.due_at, MessageRow.id)
                .limit(self.batch_size)
            )
            if uow.dialect == "postgresql":
                pick = pick.with_for_update(skip_locked=True)
            stmt = (
                update(MessageRow)
                .where(MessageRow.id.in_(pick.scalar_subquery()), claimable)
                .values(
                    status=SENDING,
                    claimed_until=now + self.claim_for,
                    attempts=MessageRow.attempts + 1,
                )
                .returning(MessageRow)
                .execution_options(synchronize_session=False)
            )
            rows = list((await uow.session.execute(stmt)).scalars().all())
            claimed = [
                Claimed(
                    id=row.id,
                    event_id=row.event_id,
                    kind=row.kind,
                    customer_id=row.customer_id,
                    about_id=row.about_id,
                    recipient=row.recipient,
                    language=row.language,
                    subject=row.subject,
                    body=row.body,
                    attempts=row.attempts,
                )
                for row in rows
            ]
            await uow.commit()
        return claimed

    async def deliver(self, tenant_id: uuid.UUID, message: Claimed) -> int:
        """Steps 2 and 3 for one claimed message; 1 if it went out."""
        mail = Mail(
            to=message.recipient,
            subject=message.subject,
            text=message.body,
            language=message.language,
            message_id=smtp_message_id(message.id, self.domain),
        )
        try:
            await self.mailer.send(mail)
        except Exception as error:
            await self._failed(tenant_id, message, error)
            return 0
        await self._sent(tenant_id, message)
        return 1

    def _ours(self, message: Claimed) -> ColumnElement[bool]:
        return and_(
            MessageRow.id == message.id,
            MessageRow.status == SENDING,
            MessageRow.attempts == message.attempts,
        )

    async def _sent(self, tenant_id: uuid.UUID, message: Claimed) -> None:
        now = self.clock()
        async with self.uow_factory(tenant_id=tenant_id, write=True) as uow:
            result = await uow.session.execute(
                update(MessageRow)
                .where(self._ours(message))
                .values(
                    status=MessageStatus.sent.value,
                    sent_at=now,
                    claimed_until=None,
                    last_error=None,
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount:  # type: ignore[attr-defined]
                uow.record(
                    MessageSent(
                        tenant_id=tenant_id,
                        message_id=message.id,
                        customer_id=message.customer_id,
                        kind=message.kind,
                        about_id=message.about_id,
                        source_event_id=message.event_id,
                    )
                )
            await uow.commit()

    async def _failed(self, tenant_id: uuid.UUID, message: Claimed, error: Exception) -> None:
        now = self.clock()
        pause = retry_after(message.attempts)
        log.warning(
            "notify: send failed",
            message_id=str(message.id),
            attempts=message.attempts,
            error=short_error(error),
            gives_up=pause is None,
        )
        async with self.uow_factory(tenant_id=tenant_id, write=True) as uow:
            await uow.session.execute(
                update(MessageRow)
                .where(self._ours(message))
                .values(
                    status=PENDING if pause is not None else MessageStatus.failed.value,
                    due_at=now + pause if pause is not None else MessageRow.due_at,
                    claimed_until=None,
                    last_error=short_error(error),
                )
                .execution_options(synchronize_session=False)
            )
            await uow.commit()
