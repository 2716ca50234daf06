"""The booking domain's tables.

On PostgreSQL an exclusion constraint makes two live bookings on one lane of a resource
with overlapping occupied intervals impossible, whatever the application does; a GiST
index led by the centre answers "which resources at this centre are busy" quickly.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Numeric, String, text
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow

LIVE_SQL = "status IN ('held', 'confirmed', 'started')"


class ResourceRow(TenantOwned, Base):
    """Something bookable at a centre: a car (unit) or a workshop's bays (capacity)."""

    __tablename__ = "booking_resources"
    __table_args__ = (
        Index("ix_booking_resources_search", "tenant_id", "centre_id", "pool", "active"),
        # the availability search walks a centre's resources in label order
        Index("ix_booking_resources_centre_label", "centre_id", "label", "id"),
        CheckConstraint("capacity >= 1", name="capacity_positive"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(10))
    capacity: Mapped[int] = mapped_column(default=1)
    centre_id: Mapped[uuid.UUID]
    time_zone: Mapped[str] = mapped_column(String(64))
    pool: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(120))
    model: Mapped[str | None] = mapped_column(String(80))
    powertrain: Mapped[str | None] = mapped_column(String(10))
    external_ref: Mapped[str | None] = mapped_column(String(80))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BlockRow(TenantOwned, Base):
    """Time a resource cannot be booked (maintenance, a car out of service)."""

    __tablename__ = "booking_blocks"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    resource_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("booking_resources.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BookingRow(TenantOwned, Base):
    __tablename__ = "booking_bookings"
    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        CheckConstraint("occupied_from <= starts_at AND ends_at <= occupied_until", name="buffers"),
        Index("ix_booking_bookings_resource_time", "resource_id", "occupied_from"),
        Index("ix_booking_bookings_customer", "tenant_id", "customer_id", "starts_at"),
        # PostgreSQL only: "is this resource busy then?" — one probe per resource in the
        # availability search, over plain (leakproof) comparisons.
        Index(
            "ix_booking_bookings_resource_span",
            "resource_id",
            "occupied_from",
            "occupied_until",
            postgresql_using="gist",
            postgresql_where=text(LIVE_SQL),
        ).ddl_if(dialect="postgresql"),
        # PostgreSQL only: "which resources at this centre are busy then?", led by the
        # centre, over plain columns so it serves under row-level security (see occupancy).
        Index(
            "ix_booking_bookings_centre_span",
            "centre_id",
            "occupied_from",
            "occupied_until",
            postgresql_using="gist",
            postgresql_where=text(LIVE_SQL),
            postgresql_include=["resource_id", "lane", "status", "hold_expires_at", "tenant_id"],
        ).ddl_if(dialect="postgresql"),
        Index(
            "ix_booking_bookings_holds",
            "hold_expires_at",
            postgresql_where=text("status = 'held'"),
            sqlite_where=text("status = 'held'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    reference: Mapped[str] = mapped_column(String(12), unique=True)
    resource_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("booking_resources.id"))
    lane: Mapped[int] = mapped_column(default=0)
    centre_id: Mapped[uuid.UUID]
    time_zone: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[uuid.UUID | None]
    product: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    occupied_from: Mapped[datetime]
    occupied_until: Mapped[datetime]
    hold_expires_at: Mapped[datetime | None]
    cancellation_fee_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    policy: Mapped[dict[str, str]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
