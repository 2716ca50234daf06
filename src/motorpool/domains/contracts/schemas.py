"""What the contracts domain takes and gives. Amounts travel as strings, never floats."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from motorpool.domains.contracts.model import AgreementStatus, SubscriptionStatus, TripStatus
from motorpool.platform.http import Page
from motorpool.platform.money import MoneyRead

Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
PhotoRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Market = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{2}$")
]
Percent = Annotated[int, Field(ge=0, le=100, description="charge or fuel, percent")]
Mileage = Annotated[int, Field(ge=0, le=5_000_000, description="odometer, km")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ----------------------------------------------------------------- rental agreements


class AgreementCreate(Strict):
    """Open a rental agreement from my confirmed booking at the quote I was given for it."""

    booking_id: uuid.UUID
    quote_id: uuid.UUID
    market: Market | None = Field(None, description="defaults to the quote's market")


class HandoverCreate(Strict):
    mileage_km: Mileage
    energy_percent: Percent
    damage_notes: Notes | None = None
    photo_refs: Annotated[list[PhotoRef], Field(max_length=40)] = []
    at: AwareDatetime | None = Field(None, description="when the car left; now if not given")


class ReturnCreate(Strict):
    mileage_km: Mileage
    energy_percent: Percent
    damage_notes: Notes | None = None
    at: AwareDatetime | None = Field(None, description="when the car came back; now if not given")


class InspectionRead(BaseModel):
    mileage_km: int
    energy_percent: int
    damage_notes: str | None
    photo_refs: list[str]
    at: datetime
    staff_id: uuid.UUID


class AgreementRead(BaseModel):
    id: uuid.UUID
    status: AgreementStatus
    customer_id: uuid.UUID
    booking_id: uuid.UUID
    booking_reference: str
    quote_id: uuid.UUID
    product: str
    market: str
    quoted_total: MoneyRead = Field(description="the accepted quote's total, VAT included")
    included_km: int
    resource_id: uuid.UUID
    centre_id: uuid.UUID
    time_zone: str
    starts_at: datetime
    ends_at: datetime
    local_starts_at: datetime = Field(description="the start on the centre's clock")
    local_ends_at: datetime
    handover: InspectionRead | None
    returned: InspectionRead | None
    invoice_id: uuid.UUID | None
    created_at: datetime


AgreementPage = Page[AgreementRead]


class SettlementLineRead(BaseModel):
    code: str
    description: str
    translations: dict[str, str] = Field(
        default={}, description='the description in other languages, e.g. {"de": "Kindersitz"}'
    )
    quantity: str = Field(description="a decimal as a string")
    unit_price: MoneyRead
    amount: MoneyRead = Field(description="net")
    tax_rate: str


class ReturnSettlement(BaseModel):
    """The return and its one invoice: the quoted lines and the extras the return settled."""

    agreement: AgreementRead
    driven_km: int
    late_minutes: int
    energy_shortfall_percent: int
    quoted_lines: list[SettlementLineRead]
    extra_lines: list[SettlementLineRead]
    invoice_id: uuid.UUID
    invoice_number: str
    invoice_total: MoneyRead = Field(description="VAT included")


class TodaySheet(BaseModel):
    """A centre's hand-overs and returns due on one day of its own clock."""

    centre_id: uuid.UUID
    time_zone: str
    day: date
    handovers: list[AgreementRead]
    returns: list[AgreementRead]


# ----------------------------------------------------------------- subscriptions


class SubscriptionCreate(Strict):
    """Subscribe on a car: my confirmed booking of it (product ``subscription`` or ``flex``),
    or a resource booked now for ``[starts_at, ends_at)``."""

    product: Annotated[str, StringConstraints(min_length=1, max_length=40)] = Field(
        description="a subscription product, e.g. subscription or flex"
    )
    market: Market
    starts_on: date
    booking_id: uuid.UUID | None = None
    resource_id: uuid.UUID | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _one_car(self) -> SubscriptionCreate:
        if (self.booking_id is None) == (self.resource_id is None):
            raise ValueError("give either booking_id or resource_id")
        if self.resource_id is not None and (self.starts_at is None or self.ends_at is None):
            raise ValueError("a resource_id needs starts_at and ends_at")
        return self


class SubscriptionDay(Strict):
    on: date


class SubscriptionEnd(Strict):
    on: date
    force_reason: Reason | None = Field(
        None, description="staff only: end before the minimum term, and why"
    )


class PeriodRead(BaseModel):
    period_start: date
    period_end: date
    invoice_id: uuid.UUID


class SubscriptionRead(BaseModel):
    id: uuid.UUID
    status: SubscriptionStatus
    customer_id: uuid.UUID
    product: str
    market: str
    currency: str
    booking_id: uuid.UUID = Field(description="the current car's booking")
    centre_id: uuid.UUID
    starts_on: date
    minimum_term_months: int
    minimum_term_ends_on: date = Field(description="the first day it may end (pauses add)")
    period_start: date
    period_end: date
    swaps_per_period: int
    swaps_used: int = Field(description="in the current period")
    swaps_left: int
    paused_on: date | None
    ended_on: date | None
    end_reason: str | None
    periods: list[PeriodRead]
    created_at: datetime


SubscriptionPage = Page[SubscriptionRead]


class SwapCreate(Strict):
    """Swap to another car: a named resource, or any free one at a centre matching the
    filters; booked through booking from ``starts_at`` (when the current car ends)."""

    starts_at: AwareDatetime
    ends_at: AwareDatetime
    resource_id: uuid.UUID | None = None
    centre_id: uuid.UUID | None = None
    pool: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = "subscription"
    model: Annotated[str, StringConstraints(max_length=80)] | None = None
    powertrain: Annotated[str, StringConstraints(pattern=r"^(BEV|PHEV|ICE)$")] | None = None

    @model_validator(mode="after")
    def _where(self) -> SwapCreate:
        if self.resource_id is None and self.centre_id is None:
            raise ValueError("give a resource_id, or a centre_id with filters")
        return self


class SwapRead(BaseModel):
    id: uuid.UUID
    subscription_id: uuid.UUID
    booking_id: uuid.UUID
    previous_booking_id: uuid.UUID
    resource_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    period_start: date
    swaps_left: int
    created_at: datetime


# ----------------------------------------------------------------- car sharing trips


class TripCreate(Strict):
    """Start a trip on a shared car now: it is booked from now for the planned minutes
    (the real end is what counts) and unlocked."""

    resource_id: uuid.UUID = Field(description="the shared car's booking resource")
    market: Market = Field(description="where the trip is priced, e.g. DE")
    planned_minutes: Annotated[int, Field(ge=15, le=3 * 24 * 60)] = Field(
        60, description="how long the car is held for you; a trip may end earlier or later"
    )


class TripRead(BaseModel):
    id: uuid.UUID
    status: TripStatus
    customer_id: uuid.UUID
    booking_id: uuid.UUID
    booking_reference: str
    resource_id: uuid.UUID
    vehicle_id: uuid.UUID
    centre_id: uuid.UUID
    market: str
    started_at: datetime
    planned_ends_at: datetime
    ended_at: datetime | None
    start_mileage_km: float | None = Field(description="the odometer when the car was unlocked")
    end_mileage_km: float | None
    driven_km: int | None
    invoice_id: uuid.UUID | None
    total: MoneyRead | None = Field(description="the trip's invoice total, VAT included")
    created_at: datetime


TripPage = Page[TripRead]
