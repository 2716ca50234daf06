"""Facts the booking domain publishes, one per lifecycle transition."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class BookingFact(Event):
    booking_id: uuid.UUID
    resource_id: uuid.UUID
    centre_id: uuid.UUID
    customer_id: uuid.UUID | None
    product: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, kw_only=True)
class BookingHeld(BookingFact):
    hold_expires_at: datetime


@dataclass(frozen=True, kw_only=True)
class BookingConfirmed(BookingFact):
    pass


@dataclass(frozen=True, kw_only=True)
class BookingModified(BookingFact):
    previous_starts_at: datetime
    previous_ends_at: datetime


@dataclass(frozen=True, kw_only=True)
class BookingCancelled(BookingFact):
    fee_percent: Decimal


@dataclass(frozen=True, kw_only=True)
class BookingStarted(BookingFact):
    pass


@dataclass(frozen=True, kw_only=True)
class BookingCompleted(BookingFact):
    pass


@dataclass(frozen=True, kw_only=True)
class BookingNoShow(BookingFact):
    pass


@dataclass(frozen=True, kw_only=True)
class HoldExpired(BookingFact):
    pass


@dataclass(frozen=True, kw_only=True)
class ResourceBlocked(Event):
    """A block now covers these live bookings: their owners need another car or time."""

    resource_id: uuid.UUID
    block_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    affected_booking_ids: tuple[uuid.UUID, ...]
