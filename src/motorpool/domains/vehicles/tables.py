"""The vehicles domain's tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, Float, ForeignKey, Index, Numeric, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class ModelRow(TenantOwned, Base):
    """A catalogue entry: model line, variant, powertrain and performance."""

    __tablename__ = "vehicles_models"
    __table_args__ = (UniqueConstraint("tenant_id", "code"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40))
    model_line: Mapped[str] = mapped_column(String(60))
    variant: Mapped[str] = mapped_column(String(60))
    body: Mapped[str] = mapped_column(String(40))
    powertrain: Mapped[str] = mapped_column(String(10))
    power_kw: Mapped[int]
    acceleration_0_100_s: Mapped[Decimal] = mapped_column(Numeric(4, 1))
    top_speed_kmh: Mapped[int]
    battery_kwh: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    tank_litres: Mapped[int | None]
    seats: Mapped[int]
    image_ref: Mapped[str | None] = mapped_column(String(200))


class VehicleRow(TenantOwned, Base):
    __tablename__ = "vehicles_vehicles"
    __table_args__ = (UniqueConstraint("tenant_id", "vin"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    vin: Mapped[str] = mapped_column(String(17))
    model_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vehicles_models.id"), index=True)
    plate: Mapped[str | None] = mapped_column(String(20))
    colour: Mapped[str | None] = mapped_column(String(40))
    model_year: Mapped[int]
    service_due: Mapped[bool] = mapped_column(default=False)
    pairing_code_hash: Mapped[str | None] = mapped_column(String(64))
    pairing_for: Mapped[uuid.UUID | None]
    pairing_expires_at: Mapped[datetime | None]
    pairing_attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OwnershipRow(TenantOwned, Base):
    """Who owns a car, since when and until when; one current owner per car."""

    __tablename__ = "vehicles_ownerships"
    __table_args__ = (
        Index("ix_vehicles_ownerships_owner", "tenant_id", "owner_id", "ended_at"),
        Index(
            "uq_vehicles_ownerships_current",
            "vehicle_id",
            unique=True,
            postgresql_where=text("ended_at IS NULL"),
            sqlite_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    vehicle_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vehicles_vehicles.id"))
    owner_id: Mapped[uuid.UUID]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]


class SignalLatestRow(TenantOwned, Base):
    """The newest value of each signal of each car; never overwritten by an older report."""

    __tablename__ = "vehicles_signal_latest"

    vehicle_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("vehicles_vehicles.id", ondelete="CASCADE"), primary_key=True
    )
    signal: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[float | None] = mapped_column(Float)
    flag: Mapped[bool | None] = mapped_column(Boolean)
    observed_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignalHistoryRow(TenantOwned, Base):
    """Every reported value with its timestamp (append-only)."""

    __tablename__ = "vehicles_signal_history"
    __table_args__ = (
        Index("ix_vehicles_signal_history_car", "vehicle_id", "signal", "observed_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    vehicle_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("vehicles_vehicles.id", ondelete="CASCADE")
    )
    signal: Mapped[str] = mapped_column(String(80))
    value: Mapped[float | None] = mapped_column(Float)
    flag: Mapped[bool | None] = mapped_column(Boolean)
    observed_at: Mapped[datetime]
