"""Facts the contracts domain publishes about agreements, subscriptions, swaps and trips."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class AgreementFact(Event):
    agreement_id: uuid.UUID
    customer_id: uuid.UUID
    booking_id: uuid.UUID
    centre_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class AgreementOpened(AgreementFact):
    quote_id: uuid.UUID
    quoted_total: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class VehicleHandedOver(AgreementFact):
    mileage_km: int
    energy_percent: int
    at: datetime
    staff_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class VehicleReturned(AgreementFact):
    mileage_km: int
    energy_percent: int
    driven_km: int
    at: datetime
    staff_id: uuid.UUID
    invoice_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class SubscriptionFact(Event):
    subscription_id: uuid.UUID
    customer_id: uuid.UUID
    product: str


@dataclass(frozen=True, kw_only=True)
class SubscriptionStarted(SubscriptionFact):
    booking_id: uuid.UUID
    starts_on: date
    minimum_term_months: int
    invoice_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class SubscriptionRenewed(SubscriptionFact):
    period_start: date
    period_end: date
    invoice_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class SubscriptionPaused(SubscriptionFact):
    on: date


@dataclass(frozen=True, kw_only=True)
class SubscriptionResumed(SubscriptionFact):
    on: date


@dataclass(frozen=True, kw_only=True)
class SubscriptionEnded(SubscriptionFact):
    on: date
    forced_reason: str | None


@dataclass(frozen=True, kw_only=True)
class CarSwapped(SubscriptionFact):
    swap_id: uuid.UUID
    booking_id: uuid.UUID
    previous_booking_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, kw_only=True)
class TripFact(Event):
    trip_id: uuid.UUID
    customer_id: uuid.UUID
    booking_id: uuid.UUID
    vehicle_id: uuid.UUID
    centre_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class TripStarted(TripFact):
    started_at: datetime
    start_mileage_m: int | None


@dataclass(frozen=True, kw_only=True)
class TripEnded(TripFact):
    ended_at: datetime
    end_mileage_m: int | None
    driven_km: int
    invoice_id: uuid.UUID
    total: str
    currency: str
