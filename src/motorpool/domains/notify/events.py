"""Facts the notify domain publishes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class MessageSent(Event):
    """A message was handed to the mail server (recorded with its "sent" mark)."""

    message_id: uuid.UUID
    customer_id: uuid.UUID
    kind: str
    about_id: uuid.UUID | None
    source_event_id: uuid.UUID
