"""Notify use cases: record a message for an event (once), cancel or move a pick-up
reminder, list the messages of a customer (theirs, or for staff), their personal data.

Keyword-only, on a unit of work, never committing. Sending is not a use case: the
:mod:`~motorpool.domains.notify.dispatch` dispatcher does it after the recording committed.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from motorpool.domains.notify.model import MessageKind, MessageStatus
from motorpool.domains.notify.schemas import (
    MessageAdminPage,
    MessageAdminRead,
    MessagePage,
    MessageRead,
)
from motorpool.domains.notify.tables import MessageRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.uow import UnitOfWork

SORTABLE = {
    "created_at": MessageRow.created_at,
    "due_at": MessageRow.due_at,
    "sent_at": MessageRow.sent_at,
}


async def record_message(
    *,
    uow: UnitOfWork,
    event_id: uuid.UUID,
    kind: MessageKind,
    customer_id: uuid.UUID,
    about_id: uuid.UUID | None,
    recipient: str,
    language: str,
    subject: str,
    body: str,
    due_at: datetime | None = None,
    expires_at: datetime | None = None,
) -> bool:
    """Record a pending message; False (and nothing changes) when this event already has its
    message of this kind — the unique (brand, event, kind) key decides, not a prior read."""
    now = utcnow()
    values = {
        "id": new_id(),
        "tenant_id": uow.brand,
        "event_id": event_id,
        "kind": kind.value,
        "customer_id": customer_id,
        "about_id": about_id,
        "recipient": recipient,
        "language": language,
        "subject": subject,
        "body": body,
        "status": MessageStatus.pending.value,
        "due_at": due_at or now,
        "expires_at": expires_at,
        "claimed_until": None,
        "attempts": 0,
        "last_error": None,
        "created_at": now,
        "sent_at": None,
    }
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    stmt = (
        insert(MessageRow)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["tenant_id", "event_id", "kind"])
    )
    result = await uow.session.execute(stmt)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def cancel_reminders(*, uow: UnitOfWork, about_id: uuid.UUID) -> int:
    """Cancel the pick-up reminders of a booking that have not gone out; how many."""
    result = await uow.session.execute(
        update(MessageRow)
        .where(
            MessageRow.about_id == about_id,
            MessageRow.kind == MessageKind.pickup_reminder.value,
            MessageRow.status == MessageStatus.pending.value,
        )
        .values(status=MessageStatus.cancelled.value, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def pending_reminder(*, uow: UnitOfWork, about_id: uuid.UUID) -> MessageRow | None:
    """The booking's reminder still to go out, locked for a change."""
    stmt = (
        select(MessageRow)
        .where(
            MessageRow.about_id == about_id,
            MessageRow.kind == MessageKind.pickup_reminder.value,
            MessageRow.status == MessageStatus.pending.value,
        )
        .with_for_update()
    )
    return (await uow.session.execute(stmt)).scalars().first()


def read(row: MessageRow) -> MessageRead:
    return MessageRead.model_validate(row)


def admin_read(row: MessageRow) -> MessageAdminRead:
    return MessageAdminRead.model_validate(row)


async def messages_of(
    *, uow: UnitOfWork, customer_id: uuid.UUID, paging: PageParams
) -> MessagePage:
    """What we sent a customer, and what is still to go (a reminder); newest first.
    Reminders that were cancelled or expired unsent are left out."""
    stmt = select(MessageRow).where(
        MessageRow.customer_id == customer_id,
        MessageRow.status.not_in([MessageStatus.cancelled.value, MessageStatus.expired.value]),
    )
    return await page_of(
        uow,
        stmt,
        paging,
        sortable=SORTABLE,
        default=MessageRow.created_at.desc(),
        tiebreak=MessageRow.id,
        read=read,
    )


async def list_messages(
    *,
    uow: UnitOfWork,
    paging: PageParams,
    customer_id: uuid.UUID | None = None,
    status: MessageStatus | None = None,
    kind: MessageKind | None = None,
) -> MessageAdminPage:
    """The brand's messages for staff, filtered by customer, status or kind."""
    stmt = select(MessageRow)
    if customer_id is not None:
        stmt = stmt.where(MessageRow.customer_id == customer_id)
    if status is not None:
        stmt = stmt.where(MessageRow.status == status.value)
    if kind is not None:
        stmt = stmt.where(MessageRow.kind == kind.value)
    return await page_of(
        uow,
        stmt,
        paging,
        sortable=SORTABLE,
        default=MessageRow.created_at.desc(),
        tiebreak=MessageRow.id,
        read=admin_read,
    )


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    """This domain's part of a GDPR export: every message we recorded for me."""
    rows = await uow.session.execute(
        select(MessageRow)
        .where(MessageRow.customer_id == account_id)
        .order_by(MessageRow.created_at, MessageRow.id)
    )
    return {"messages": [read(row).model_dump(mode="json") for row in rows.scalars()]}


async def forget_customer(*, uow: UnitOfWork, account_id: uuid.UUID) -> int:
    """Erasure: drop the customer's address and texts; unsent messages are cancelled.
    The rows stay (ids, kinds, times) so an event redelivered later finds its key taken."""
    result = await uow.session.execute(
        update(MessageRow)
        .where(MessageRow.customer_id == account_id)
        .values(recipient="", subject="", body="", last_error=None)
        .execution_options(synchronize_session=False)
    )
    await uow.session.execute(
        update(MessageRow)
        .where(
            MessageRow.customer_id == account_id,
            MessageRow.status.in_([MessageStatus.pending.value, MessageStatus.failed.value]),
        )
        .values(status=MessageStatus.cancelled.value, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
