"""Facts the pricing domain publishes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class QuoteAccepted(Event):
    """A quote's price was locked for a booking; ``total`` is the gross amount as a string."""

    quote_id: uuid.UUID
    booking_id: uuid.UUID
    total: str
    currency: str
