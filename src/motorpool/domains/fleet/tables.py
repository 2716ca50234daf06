"""The fleet domain's tables: pool cars, their state history, damage reports.

A car points at its vehicle (vehicles domain) and its bookable resource (booking domain)
by id only. A vehicle serves at most one pool at a time: a partial unique index over cars
that are not retired backs the service's check.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow

NOT_RETIRED = "state <> 'retired'"


class FleetCarRow(TenantOwned, Base):
    __tablename__ = "fleet_cars"
    __table_args__ = (
        Index(
            "uq_fleet_cars_vehicle_in_service",
            "tenant_id",
            "vehicle_id",
            unique=True,
            postgresql_where=text(NOT_RETIRED),
            sqlite_where=text(NOT_RETIRED),
        ),
        Index("ix_fleet_cars_centre", "tenant_id", "centre_id", "pool", "state"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    vehicle_id: Mapped[uuid.UUID]
    vin: Mapped[str] = mapped_column(String(17))
    label: Mapped[str] = mapped_column(String(120))
    model_line: Mapped[str] = mapped_column(String(60))
    powertrain: Mapped[str] = mapped_column(String(10))
    centre_id: Mapped[uuid.UUID]
    pool: Mapped[str] = mapped_column(String(40))
    home_zone: Mapped[str | None] = mapped_column(String(80))
    resource_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    state: Mapped[str] = mapped_column(String(12))
    state_since: Mapped[datetime]
    state_reason: Mapped[str | None] = mapped_column(String(200))
    blocked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FleetStateChangeRow(TenantOwned, Base):
    """One change of a car's operational state: who, when, why, and what it blocked."""

    __tablename__ = "fleet_state_changes"
    __table_args__ = (Index("ix_fleet_state_changes_car", "car_id", "changed_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    car_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fleet_cars.id", ondelete="CASCADE"))
    from_state: Mapped[str | None] = mapped_column(String(12))
    to_state: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(200))
    until: Mapped[datetime | None]
    actor_id: Mapped[uuid.UUID | None]
    block_id: Mapped[uuid.UUID | None]
    affected_booking_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class DamageRow(TenantOwned, Base):
    __tablename__ = "fleet_damages"
    __table_args__ = (Index("ix_fleet_damages_car", "car_id", "reported_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    car_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fleet_cars.id", ondelete="CASCADE"))
    area: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(1000))
    severity: Mapped[str] = mapped_column(String(10))
    photo_refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    reported_at: Mapped[datetime]
    reported_by: Mapped[uuid.UUID | None]
    booking_id: Mapped[uuid.UUID | None]
    repaired_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
