"""The workshop domain's tables: the brand's service catalogue and its appointments.

An appointment points at its bay booking (and courtesy-car booking) in the booking domain
by id only; the bookings' time and resource live there.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class ServiceTypeRow(TenantOwned, Base):
    """A service the brand's workshops offer, with its default duration."""

    __tablename__ = "workshop_service_types"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code"),
        CheckConstraint("default_minutes > 0", name="minutes_positive"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    name_de: Mapped[str] = mapped_column(String(80))
    default_minutes: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServiceDurationRow(TenantOwned, Base):
    """How long one service takes on one model line (overrides the default)."""

    __tablename__ = "workshop_service_durations"
    __table_args__ = (
        UniqueConstraint("service_type_id", "model_line"),
        CheckConstraint("minutes > 0", name="minutes_positive"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    service_type_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop_service_types.id", ondelete="CASCADE")
    )
    model_line: Mapped[str] = mapped_column(String(60))
    minutes: Mapped[int]


class AppointmentRow(TenantOwned, Base):
    __tablename__ = "workshop_appointments"
    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        Index("ix_workshop_appointments_centre_day", "tenant_id", "centre_id", "starts_at"),
        Index("ix_workshop_appointments_customer", "tenant_id", "customer_id", "starts_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    customer_id: Mapped[uuid.UUID]
    vehicle_id: Mapped[uuid.UUID]
    vin: Mapped[str] = mapped_column(String(17))  # as it was when booked, for the day sheet
    model_line: Mapped[str] = mapped_column(String(60))
    centre_id: Mapped[uuid.UUID]
    time_zone: Mapped[str] = mapped_column(String(64))
    service_codes: Mapped[list[str]] = mapped_column(JSON)
    booking_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    courtesy_booking_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(12))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
