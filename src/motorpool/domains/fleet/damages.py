"""Damage reports: what was found on a car, where, how bad, with photos' references.

Severe damage takes a car that is in service out of it at once: maintenance until the
report's ``repair_until`` (or a week), which blocks its bookings like any maintenance.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select

from motorpool.domains import booking
from motorpool.domains.fleet import model
from motorpool.domains.fleet.events import DamageReported
from motorpool.domains.fleet.model import FleetState, Severity
from motorpool.domains.fleet.schemas import DamageCreate, DamageRead
from motorpool.domains.fleet.service import car_row, change_state, fact
from motorpool.domains.fleet.tables import DamageRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.errors import NotFound, ValidationFailed
from motorpool.platform.uow import UnitOfWork

CLOCK_SKEW = timedelta(minutes=5)
AUTOMATIC = frozenset({FleetState.ready, FleetState.cleaning, FleetState.charging})


class DamageNotFound(NotFound):
    slug = "fleet-damage-not-found"
    title = "No such damage report on this car"


def read_damage(row: DamageRow) -> DamageRead:
    return DamageRead(
        id=row.id,
        car_id=row.car_id,
        area=row.area,
        description=row.description,
        severity=Severity(row.severity),
        photo_refs=list(row.photo_refs),
        reported_at=row.reported_at,
        reported_by=row.reported_by,
        booking_id=row.booking_id,
        repaired_at=row.repaired_at,
        created_at=row.created_at,
    )


async def report_damage(
    *,
    uow: UnitOfWork,
    car_id: uuid.UUID,
    damage_in: DamageCreate,
    actor_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> DamageRead:
    """Record damage found on a car (on a booking of it, if named). Severe damage sends a
    car in service to maintenance, blocking its bookings (see ``change_state``)."""
    now = now or utcnow()
    car = await car_row(uow, car_id, lock=True)
    if damage_in.reported_at > now + CLOCK_SKEW:
        raise ValidationFailed("`reported_at` lies in the future")
    if damage_in.booking_id is not None:
        found = await booking.get_booking(uow=uow, booking_id=damage_in.booking_id)
        if found.resource_id != car.resource_id:
            raise ValidationFailed("that booking is not a booking of this car")
    row = DamageRow(
        id=new_id(),
        car_id=car.id,
        area=damage_in.area,
        description=damage_in.description,
        severity=damage_in.severity.value,
        photo_refs=list(damage_in.photo_refs),
        reported_at=damage_in.reported_at,
        reported_by=actor_id,
        booking_id=damage_in.booking_id,
        repaired_at=None,
        created_at=now,
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.record(
        fact(
            DamageReported,
            car,
            damage_id=row.id,
            severity=row.severity,
            booking_id=row.booking_id,
        )
    )
    if damage_in.severity == Severity.severe and FleetState(car.state) in AUTOMATIC:
        await change_state(
            uow=uow,
            car_id=car.id,
            state=FleetState.maintenance,
            reason=f"severe damage: {damage_in.area}"[:200],
            until=model.severe_damage_until(damage_in.repair_until, now),
            actor_id=actor_id,
            now=now,
        )
    return read_damage(row)


async def damages_of(
    *, uow: UnitOfWork, car_id: uuid.UUID, open_only: bool = False
) -> list[DamageRead]:
    """The car's damage reports, newest first (``open_only``: not yet repaired)."""
    await car_row(uow, car_id)
    stmt = select(DamageRow).where(DamageRow.car_id == car_id)
    if open_only:
        stmt = stmt.where(DamageRow.repaired_at.is_(None))
    rows = await uow.session.execute(
        stmt.order_by(DamageRow.reported_at.desc(), DamageRow.created_at.desc(), DamageRow.id)
    )
    return [read_damage(r) for r in rows.scalars()]


async def mark_repaired(
    *, uow: UnitOfWork, car_id: uuid.UUID, damage_id: uuid.UUID, now: datetime | None = None
) -> DamageRead:
    """The damage is fixed: it no longer counts as open (repeating this changes nothing)."""
    row = (
        await uow.session.execute(
            select(DamageRow).where(DamageRow.id == damage_id, DamageRow.car_id == car_id)
        )
    ).scalar_one_or_none()
    if row is None:
        raise DamageNotFound()
    if row.repaired_at is None:
        row.repaired_at = now or utcnow()
        await uow.session.flush()
    return read_damage(row)
