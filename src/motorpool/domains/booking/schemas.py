"""What the booking domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from motorpool.domains.booking.model import ResourceKind, Status
from motorpool.platform.http import Page

Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ResourceCreate(Strict):
    kind: ResourceKind = ResourceKind.unit
    capacity: Annotated[int, Field(ge=1, le=500)] = 1
    centre_id: uuid.UUID
    pool: Tag = Field(description="which product's pool, e.g. rental, courtesy, workshop")
    label: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    model: Annotated[str, StringConstraints(max_length=80)] | None = None
    powertrain: Annotated[str, StringConstraints(pattern=r"^(BEV|PHEV|ICE)$")] | None = None
    external_ref: Annotated[str, StringConstraints(max_length=80)] | None = None


class ResourceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    kind: ResourceKind
    capacity: int
    centre_id: uuid.UUID
    time_zone: str
    pool: str
    label: str
    model: str | None
    powertrain: str | None
    external_ref: str | None
    active: bool


ResourcePage = Page[ResourceRead]


class BlockCreate(Strict):
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    reason: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class BlockRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    resource_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    reason: str
    affected_booking_ids: list[uuid.UUID] = []


class HoldCreate(Strict):
    """Hold a named resource, or any free one at a centre matching the filters."""

    product: Tag
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    resource_id: uuid.UUID | None = None
    centre_id: uuid.UUID | None = None
    pool: Tag | None = None
    model: str | None = None
    powertrain: str | None = None
    note: Annotated[str, StringConstraints(max_length=500)] | None = None


class BookingChange(Strict):
    """Move, extend or shorten: the new interval replaces the old one atomically."""

    starts_at: AwareDatetime
    ends_at: AwareDatetime


class BookingRead(BaseModel):
    id: uuid.UUID
    reference: str
    status: Status
    product: str
    resource_id: uuid.UUID
    centre_id: uuid.UUID
    customer_id: uuid.UUID | None
    starts_at: datetime
    ends_at: datetime
    local_starts_at: datetime = Field(description="the start on the centre's clock")
    local_ends_at: datetime
    time_zone: str
    hold_expires_at: datetime | None
    cancellation_fee_percent: Decimal | None


BookingPage = Page[BookingRead]


class FreeResources(BaseModel):
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    resources: list[ResourceRead]


class CalendarDay(BaseModel):
    day: date
    open: bool
    resources: int = Field(description="resources matching the filters")
    free_all_day: int = Field(description="free for the whole opening period of that day")
    free_slots: int | None = Field(None, description="free (resource, slot) pairs on the grid")


class MonthCalendar(BaseModel):
    centre_id: uuid.UUID
    time_zone: str
    month: str
    days: list[CalendarDay]


class Slot(BaseModel):
    starts_at: datetime = Field(description="on the centre's clock, with its offset")
    ends_at: datetime
    free: int


class DaySlots(BaseModel):
    centre_id: uuid.UUID
    time_zone: str
    day: date
    slots: list[Slot]
