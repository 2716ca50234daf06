"""Facts the fleet domain publishes about its cars."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class FleetCarFact(Event):
    car_id: uuid.UUID
    vehicle_id: uuid.UUID
    resource_id: uuid.UUID
    centre_id: uuid.UUID
    pool: str


@dataclass(frozen=True, kw_only=True)
class FleetCarAdded(FleetCarFact):
    pass


@dataclass(frozen=True, kw_only=True)
class FleetCarStateChanged(FleetCarFact):
    previous_state: str
    state: str
    reason: str
    until: datetime | None
    actor_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class FleetCarLeftService(FleetCarFact):
    """The car went to maintenance (until ``until``) or was retired (``until`` is None):
    its resource is blocked, and these live bookings on it need another car or time."""

    affected_booking_ids: tuple[uuid.UUID, ...]
    state: str
    until: datetime | None


@dataclass(frozen=True, kw_only=True)
class DamageReported(FleetCarFact):
    damage_id: uuid.UUID
    severity: str
    booking_id: uuid.UUID | None
