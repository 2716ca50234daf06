"""The notify domain's table: every message, rendered when it was recorded.

One row per (brand, event, kind): the unique key is what makes "once per event" hold even
if the inbox were bypassed, and the dispatcher's claim (``status``, ``claimed_until``,
``attempts``) is what makes a crashed send go out again.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class MessageRow(TenantOwned, Base):
    __tablename__ = "notify_messages"
    __table_args__ = (
        UniqueConstraint("tenant_id", "event_id", "kind"),
        Index("ix_notify_messages_due", "status", "due_at"),
        Index("ix_notify_messages_customer", "tenant_id", "customer_id", "created_at"),
        Index("ix_notify_messages_about", "tenant_id", "about_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    event_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[uuid.UUID]
    about_id: Mapped[uuid.UUID | None]  # the booking, appointment or invoice
    recipient: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))
    due_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]  # a reminder is pointless after the pick-up
    claimed_until: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
