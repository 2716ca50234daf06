"""What the notify domain gives: the messages we sent (or will send) a customer."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from motorpool.domains.notify.model import MessageKind, MessageStatus
from motorpool.platform.http import Page


class MessageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    kind: MessageKind
    status: MessageStatus
    customer_id: uuid.UUID
    about_id: uuid.UUID | None = Field(description="the booking, appointment or invoice")
    recipient: str
    language: str
    subject: str
    body: str
    due_at: datetime = Field(description="when it goes (or went) out")
    sent_at: datetime | None
    created_at: datetime


class MessageAdminRead(MessageRead):
    """What staff see besides: delivery attempts and the last error."""

    event_id: uuid.UUID = Field(description="the event the message answers")
    attempts: int
    last_error: str | None


MessagePage = Page[MessageRead]
MessageAdminPage = Page[MessageAdminRead]
