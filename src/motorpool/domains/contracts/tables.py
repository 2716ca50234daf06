"""The contracts domain's tables: rental agreements and their hand-over and return records,
subscriptions with their invoiced periods, Flex swaps, and car-sharing trips.

Bookings, quotes and invoices live in their own domains; rows here point at them by id.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class AgreementRow(TenantOwned, Base):
    """A rental agreement: one confirmed booking at its accepted quote."""

    __tablename__ = "contracts_agreements"
    __table_args__ = (
        Index("ix_contracts_agreements_customer", "tenant_id", "customer_id", "starts_at"),
        Index("ix_contracts_agreements_centre_start", "tenant_id", "centre_id", "starts_at"),
        Index("ix_contracts_agreements_centre_end", "tenant_id", "centre_id", "ends_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    customer_id: Mapped[uuid.UUID]
    booking_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    booking_reference: Mapped[str] = mapped_column(String(16))
    quote_id: Mapped[uuid.UUID]
    product: Mapped[str] = mapped_column(String(40))
    market: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    quoted_total: Mapped[Decimal]
    included_km: Mapped[int]
    resource_id: Mapped[uuid.UUID]
    centre_id: Mapped[uuid.UUID]
    time_zone: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime]  # the booking's, as agreed
    ends_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12))
    invoice_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class InspectionRow(TenantOwned, Base):
    """What staff recorded when the car left (``handover``) or came back (``return``)."""

    __tablename__ = "contracts_inspections"
    __table_args__ = (
        UniqueConstraint("agreement_id", "kind"),
        CheckConstraint("kind in ('handover', 'return')", name="kind_known"),
        CheckConstraint("mileage_km >= 0", name="mileage_not_negative"),
        CheckConstraint("energy_percent between 0 and 100", name="energy_is_percent"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contracts_agreements.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(8))
    mileage_km: Mapped[int]
    energy_percent: Mapped[int]
    damage_notes: Mapped[str | None] = mapped_column(String(2000))
    photo_refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    at: Mapped[datetime]
    staff_id: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SubscriptionRow(TenantOwned, Base):
    """A subscription (or Flex) on one car at a time, billed in monthly periods counted from
    ``anchor_on`` (the start, or the resumption after a lapsed pause)."""

    __tablename__ = "contracts_subscriptions"
    __table_args__ = (
        CheckConstraint("minimum_term_months >= 1", name="term_positive"),
        CheckConstraint("swaps_per_period >= 0", name="swaps_not_negative"),
        CheckConstraint("period_start < period_end", name="period_ordered"),
        Index("ix_contracts_subscriptions_customer", "tenant_id", "customer_id"),
        Index("ix_contracts_subscriptions_due", "tenant_id", "status", "period_end"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    customer_id: Mapped[uuid.UUID]
    product: Mapped[str] = mapped_column(String(40))
    market: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    booking_id: Mapped[uuid.UUID]  # the current car's booking
    centre_id: Mapped[uuid.UUID]
    starts_on: Mapped[date]
    minimum_term_months: Mapped[int]
    paused_days: Mapped[int] = mapped_column(default=0)
    swaps_per_period: Mapped[int]
    anchor_on: Mapped[date]
    period_index: Mapped[int] = mapped_column(default=0)
    period_start: Mapped[date]
    period_end: Mapped[date]
    status: Mapped[str] = mapped_column(String(12))
    paused_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SubscriptionPeriodRow(TenantOwned, Base):
    """One invoiced period: the unique key makes a period's invoice happen once."""

    __tablename__ = "contracts_subscription_periods"
    __table_args__ = (UniqueConstraint("subscription_id", "period_start"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contracts_subscriptions.id", ondelete="CASCADE")
    )
    period_start: Mapped[date]
    period_end: Mapped[date]
    invoice_id: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SwapRow(TenantOwned, Base):
    """A Flex swap: the new car's booking, counted in the period it was made in."""

    __tablename__ = "contracts_swaps"
    __table_args__ = (
        Index("ix_contracts_swaps_period", "subscription_id", "period_start"),
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contracts_subscriptions.id", ondelete="CASCADE")
    )
    period_start: Mapped[date]
    booking_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    previous_booking_id: Mapped[uuid.UUID]
    resource_id: Mapped[uuid.UUID]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    customer_id: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TripRow(TenantOwned, Base):
    """A car-sharing trip: its booking (from the start, moved to the real end when it
    ends), the odometer at both ends in metres, and its invoice once ended."""

    __tablename__ = "contracts_trips"
    __table_args__ = (
        Index("ix_contracts_trips_customer", "tenant_id", "customer_id", "started_at"),
        CheckConstraint("status in ('running', 'ended')", name="status_known"),
        CheckConstraint("ended_at is null or ended_at > started_at", name="ends_after_start"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    customer_id: Mapped[uuid.UUID]
    booking_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    booking_reference: Mapped[str] = mapped_column(String(16))
    resource_id: Mapped[uuid.UUID]
    vehicle_id: Mapped[uuid.UUID]
    centre_id: Mapped[uuid.UUID]
    market: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12))
    started_at: Mapped[datetime]
    planned_ends_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    start_mileage_m: Mapped[int | None] = mapped_column(BigInteger)
    end_mileage_m: Mapped[int | None] = mapped_column(BigInteger)
    driven_km: Mapped[int | None]
    invoice_id: Mapped[uuid.UUID | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    total: Mapped[Decimal | None]  # the invoice's, VAT included
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
