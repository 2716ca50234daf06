"""Facts the workshop domain publishes about appointments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class AppointmentFact(Event):
    appointment_id: uuid.UUID
    customer_id: uuid.UUID
    vehicle_id: uuid.UUID
    centre_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, kw_only=True)
class AppointmentBooked(AppointmentFact):
    service_codes: tuple[str, ...]
    booking_id: uuid.UUID
    courtesy_booking_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class AppointmentRescheduled(AppointmentFact):
    previous_starts_at: datetime
    previous_ends_at: datetime


@dataclass(frozen=True, kw_only=True)
class AppointmentCancelled(AppointmentFact):
    pass


@dataclass(frozen=True, kw_only=True)
class AppointmentCheckedIn(AppointmentFact):
    pass


@dataclass(frozen=True, kw_only=True)
class AppointmentFinished(AppointmentFact):
    pass
