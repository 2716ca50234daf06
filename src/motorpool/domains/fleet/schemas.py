"""What the fleet domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from motorpool.domains.booking import Status
from motorpool.domains.fleet.model import FleetPool, FleetState, Severity
from motorpool.platform.http import Page

PhotoRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FleetCarCreate(Strict):
    vehicle_id: uuid.UUID = Field(description="a vehicle of the vehicles domain")
    centre_id: uuid.UUID
    pool: FleetPool
    home_zone: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = Field(
        None, description="free-floating car sharing: the zone the car belongs to"
    )


class FleetCarRead(BaseModel):
    id: uuid.UUID
    vehicle_id: uuid.UUID
    vin: str
    label: str
    model_line: str
    powertrain: str
    centre_id: uuid.UUID
    pool: FleetPool
    home_zone: str | None
    resource_id: uuid.UUID = Field(description="the car's bookable resource (booking domain)")
    state: FleetState
    state_since: datetime
    state_reason: str | None
    blocked_until: datetime | None = Field(
        description="its resource is blocked until then (maintenance; retired: never again)"
    )
    bookable: bool = Field(description="in service and not blocked now")
    created_at: datetime


FleetCarPage = Page[FleetCarRead]


class FleetStateChange(Strict):
    state: FleetState
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    until: AwareDatetime | None = Field(
        None, description="maintenance only: its end; the resource is blocked until then"
    )


class FleetStateChangeRead(BaseModel):
    id: uuid.UUID
    car_id: uuid.UUID
    from_state: FleetState | None
    to_state: FleetState
    reason: str
    until: datetime | None
    actor_id: uuid.UUID | None
    affected_booking_ids: list[uuid.UUID] = Field(
        description="live bookings the car's leaving service covers: to be moved"
    )
    changed_at: datetime


class DamageCreate(Strict):
    area: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    description: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    severity: Severity
    photo_refs: list[PhotoRef] = Field(
        default_factory=list, max_length=20, description="URLs or object-store keys"
    )
    reported_at: AwareDatetime
    booking_id: uuid.UUID | None = Field(None, description="the booking it was found on")
    repair_until: AwareDatetime | None = Field(
        None, description="severe damage: maintenance until then (default a week)"
    )


class DamageRead(BaseModel):
    id: uuid.UUID
    car_id: uuid.UUID
    area: str
    description: str
    severity: Severity
    photo_refs: list[str]
    reported_at: datetime
    reported_by: uuid.UUID | None
    booking_id: uuid.UUID | None
    repaired_at: datetime | None
    created_at: datetime


class BoardBooking(BaseModel):
    booking_id: uuid.UUID
    reference: str
    status: Status
    product: str
    starts_at: datetime
    ends_at: datetime


class BoardCar(BaseModel):
    car_id: uuid.UUID
    label: str
    vin: str
    pool: FleetPool
    state: FleetState
    since: datetime
    blocked_until: datetime | None
    bookable: bool
    open_damages: int
    current_booking: BoardBooking | None = Field(description="the booking running now")
    next_booking: BoardBooking | None = Field(description="the next one to start")


class FleetBoard(BaseModel):
    """A centre's pool cars (retired ones left out) as staff see them at ``as_of``."""

    centre_id: uuid.UUID
    time_zone: str
    as_of: datetime
    cars: list[BoardCar]
