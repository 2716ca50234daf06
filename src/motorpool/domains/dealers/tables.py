"""The dealers domain's tables: centres, their weekly opening hours and their closures."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class CentreRow(TenantOwned, Base):
    """A dealer centre of one brand. Coordinates are WGS 84 degrees."""

    __tablename__ = "dealers_centres"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code"),
        # The nearest-centre search narrows by a latitude band first.
        Index("ix_dealers_centres_position", "tenant_id", "latitude", "longitude"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    time_zone: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(320))
    offers_pickup: Mapped[bool] = mapped_column(default=False)
    offers_workshop: Mapped[bool] = mapped_column(default=False)
    offers_test_drives: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OpeningHoursRow(TenantOwned, Base):
    """One interval of a weekday: local wall-clock times in the centre's time zone."""

    __tablename__ = "dealers_opening_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("opens < closes", name="opens_before_closes"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    centre_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("dealers_centres.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int]  # 0 = Monday .. 6 = Sunday
    opens: Mapped[time] = mapped_column(Time)
    closes: Mapped[time] = mapped_column(Time)


class ClosureRow(TenantOwned, Base):
    """A whole local day (in the centre's zone) on which the centre stays closed."""

    __tablename__ = "dealers_closures"
    __table_args__ = (UniqueConstraint("tenant_id", "centre_id", "day"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    centre_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("dealers_centres.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(200))
