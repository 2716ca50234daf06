"""What the dealers domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    model_validator,
)

from motorpool.platform.http import Page


class Offer(StrEnum):
    """What a centre offers; each maps onto one ``offers_*`` flag."""

    pickup = "pickup"
    workshop = "workshop"
    test_drives = "test_drives"


def _naive(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("give a local wall-clock time without a zone, e.g. 08:00")
    return value


Code = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$"),
    AfterValidator(str.upper),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
City = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
PostalCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
Country = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}$"), Field(description="ISO 3166-1 alpha-2")
]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
TimeZoneName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64),
    Field(description="IANA time zone name, e.g. Europe/Berlin", examples=["Europe/Berlin"]),
]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()\-]{4,30}$")]
Weekday = Annotated[int, Field(ge=0, le=6, description="0 = Monday .. 6 = Sunday")]
WallTime = Annotated[time, AfterValidator(_naive), Field(examples=["08:00"])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CentreCreate(Strict):
    code: Code = Field(description="short code, unique within the brand", examples=["BER1"])
    name: Text
    street: Text
    postal_code: PostalCode
    city: City
    country: Country
    latitude: Latitude
    longitude: Longitude
    time_zone: TimeZoneName
    phone: Phone | None = None
    email: EmailStr | None = None
    offers_pickup: bool = False
    offers_workshop: bool = False
    offers_test_drives: bool = False


NULLABLE = frozenset({"phone", "email"})


class CentreUpdate(Strict):
    """Only the fields given change; ``phone`` and ``email`` may be cleared with null."""

    code: Code | None = None
    name: Text | None = None
    street: Text | None = None
    postal_code: PostalCode | None = None
    city: City | None = None
    country: Country | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    time_zone: TimeZoneName | None = None
    phone: Phone | None = None
    email: EmailStr | None = None
    offers_pickup: bool | None = None
    offers_workshop: bool | None = None
    offers_test_drives: bool | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> CentreUpdate:
        cleared = sorted(
            f for f in self.model_fields_set if getattr(self, f) is None and f not in NULLABLE
        )
        if cleared:
            raise ValueError(f"these fields cannot be null: {', '.join(cleared)}")
        return self

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class CentreRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    code: str
    name: str
    street: str
    postal_code: str
    city: str
    country: str
    latitude: float
    longitude: float
    time_zone: str
    phone: str | None
    email: str | None
    offers_pickup: bool
    offers_workshop: bool
    offers_test_drives: bool
    created_at: datetime


CentrePage = Page[CentreRead]


class NearestCentreRead(CentreRead):
    distance_km: float = Field(description="great-circle distance from the given point")


class OpeningInterval(Strict):
    """Open from ``opens`` until ``closes`` (exclusive), local time in the centre's zone."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)
    weekday: Weekday
    opens: WallTime
    closes: WallTime


class OpeningHoursUpdate(Strict):
    """The whole week; replaces what was there. Several intervals a day make breaks."""

    intervals: Annotated[list[OpeningInterval], Field(max_length=84)]


class ClosureCreate(Strict):
    day: date = Field(description="a local date in the centre's time zone")
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None


class ClosureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    centre_id: uuid.UUID
    day: date
    reason: str | None


class OpeningHoursRead(BaseModel):
    centre_id: uuid.UUID
    time_zone: str
    intervals: list[OpeningInterval]
    closures: list[ClosureRead]


class OpeningStatusRead(BaseModel):
    centre_id: uuid.UUID
    at: datetime = Field(description="the instant asked about, in UTC")
    open: bool
    local_time: datetime = Field(description="that instant on the centre's clocks")
    time_zone: str
    next_opening: datetime | None = Field(
        description="when the centre next opens after `at` (looking 14 days ahead), on its"
        " clocks; while open, the opening after the current period"
    )
