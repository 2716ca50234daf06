"""What the workshop domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from motorpool.domains.workshop.model import MAX_SERVICES, AppointmentStatus
from motorpool.platform.http import Page

ServiceCode = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]{0,39}$")
]
Note = Annotated[str, StringConstraints(max_length=500)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ServiceTypeRead(BaseModel):
    code: str
    name_en: str
    name_de: str
    default_minutes: int
    minutes_by_model_line: dict[str, int] = Field(
        description="model lines that take another time than the default"
    )


class ServiceDurationUpdate(Strict):
    minutes: Annotated[int, Field(gt=0, le=600)]


class AppointmentCreate(Strict):
    vehicle_id: uuid.UUID
    centre_id: uuid.UUID
    service_codes: Annotated[list[ServiceCode], Field(min_length=1, max_length=MAX_SERVICES)]
    starts_at: AwareDatetime
    wants_courtesy_car: bool = False
    note: Note | None = None


class AppointmentUpdate(Strict):
    """Reschedule: the same services at another start; all or nothing."""

    starts_at: AwareDatetime


class AppointmentRead(BaseModel):
    id: uuid.UUID
    status: AppointmentStatus
    customer_id: uuid.UUID
    vehicle_id: uuid.UUID
    vin: str
    model_line: str
    centre_id: uuid.UUID
    service_codes: list[str]
    starts_at: datetime
    ends_at: datetime
    local_starts_at: datetime = Field(description="the start on the centre's clock")
    local_ends_at: datetime
    time_zone: str
    duration_minutes: int
    booking_id: uuid.UUID = Field(description="the bay booking in the booking domain")
    courtesy_booking_id: uuid.UUID | None = Field(description="the courtesy car's booking")
    note: str | None
    created_at: datetime


AppointmentPage = Page[AppointmentRead]


class AppointmentSlot(BaseModel):
    starts_at: datetime = Field(description="on the centre's clock, with its offset")
    ends_at: datetime
    free: int = Field(description="workshops (bay resources) with a bay free throughout")


class AppointmentSlots(BaseModel):
    centre_id: uuid.UUID
    time_zone: str
    day: date
    duration_minutes: int
    slots: list[AppointmentSlot]


class DaySheet(BaseModel):
    """A centre's appointments on one local day (staff), cancelled ones left out."""

    centre_id: uuid.UUID
    time_zone: str
    day: date
    appointments: list[AppointmentRead]
