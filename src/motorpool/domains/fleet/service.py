"""Fleet use cases: put a vehicle into a pool, find cars, change their operational state.

Keyword-only, on a unit of work, never committing. A car's bookable resource lives in the
booking domain and is created, and blocked, through booking's face in the same unit of
work, so a refusal anywhere leaves nothing behind once the caller rolls back.

Going back into service (ready, cleaning, charging) before a maintenance's ``until`` ends
the maintenance blocks early through booking's ``end_block``: the car is bookable again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from motorpool.domains import booking, dealers, vehicles
from motorpool.domains.fleet import model
from motorpool.domains.fleet.events import (
    FleetCarAdded,
    FleetCarFact,
    FleetCarLeftService,
    FleetCarStateChanged,
)
from motorpool.domains.fleet.model import FleetPool, FleetState
from motorpool.domains.fleet.schemas import (
    FleetCarCreate,
    FleetCarPage,
    FleetCarRead,
    FleetStateChangeRead,
)
from motorpool.domains.fleet.tables import FleetCarRow, FleetStateChangeRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.uow import UnitOfWork


def read(row: FleetCarRow, now: datetime | None = None) -> FleetCarRead:
    state = FleetState(row.state)
    return FleetCarRead(
        id=row.id,
        vehicle_id=row.vehicle_id,
        vin=row.vin,
        label=row.label,
        model_line=row.model_line,
        powertrain=row.powertrain,
        centre_id=row.centre_id,
        pool=FleetPool(row.pool),
        home_zone=row.home_zone,
        resource_id=row.resource_id,
        state=state,
        state_since=row.state_since,
        state_reason=row.state_reason,
        blocked_until=row.blocked_until,
        bookable=model.is_bookable(state, row.blocked_until, now or utcnow()),
        created_at=row.created_at,
    )


def read_change(row: FleetStateChangeRow) -> FleetStateChangeRead:
    return FleetStateChangeRead(
        id=row.id,
        car_id=row.car_id,
        from_state=FleetState(row.from_state) if row.from_state else None,
        to_state=FleetState(row.to_state),
        reason=row.reason,
        until=row.until,
        actor_id=row.actor_id,
        affected_booking_ids=[uuid.UUID(b) for b in row.affected_booking_ids],
        changed_at=row.changed_at,
    )


def fact(cls: type[FleetCarFact], row: FleetCarRow, **extra: object) -> FleetCarFact:
    return cls(
        tenant_id=row.tenant_id,
        car_id=row.id,
        vehicle_id=row.vehicle_id,
        resource_id=row.resource_id,
        centre_id=row.centre_id,
        pool=row.pool,
        **extra,  # type: ignore[arg-type]
    )


async def car_row(uow: UnitOfWork, car_id: uuid.UUID, *, lock: bool = False) -> FleetCarRow:
    stmt = select(FleetCarRow).where(FleetCarRow.id == car_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.FleetCarNotFound()
    return row


async def _in_a_pool(uow: UnitOfWork, vehicle_id: uuid.UUID) -> bool:
    found = await uow.session.execute(
        select(FleetCarRow.id).where(
            FleetCarRow.vehicle_id == vehicle_id,
            FleetCarRow.state != FleetState.retired.value,
        )
    )
    return found.first() is not None


async def add_to_pool(
    *,
    uow: UnitOfWork,
    car_in: FleetCarCreate,
    actor_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> FleetCarRead:
    """Put a vehicle into a product pool at a centre, ready, with its own bookable resource
    (booking domain: a unit in that pool, labelled by plate and model)."""
    now = now or utcnow()
    vehicle = await vehicles.get_vehicle(uow=uow, vehicle_id=car_in.vehicle_id)
    centre = await dealers.get_centre(uow=uow, centre_id=car_in.centre_id)
    if await _in_a_pool(uow, vehicle.id):
        raise model.VehicleAlreadyInPool()
    label = model.car_label(vehicle.plate, vehicle.model_line, vehicle.variant, vehicle.vin)
    resource = await booking.create_resource(
        uow=uow,
        resource_in=booking.ResourceCreate(
            kind=booking.ResourceKind.unit,
            centre_id=centre.id,
            pool=car_in.pool.value,
            label=label,
            model=vehicle.model_line,
            powertrain=vehicle.powertrain,
            external_ref=vehicle.vin,
        ),
    )
    row = FleetCarRow(
        id=new_id(),
        vehicle_id=vehicle.id,
        vin=vehicle.vin,
        label=label,
        model_line=vehicle.model_line,
        powertrain=vehicle.powertrain,
        centre_id=centre.id,
        pool=car_in.pool.value,
        home_zone=car_in.home_zone,
        resource_id=resource.id,
        state=FleetState.ready.value,
        state_since=now,
        state_reason=f"added to the {car_in.pool} pool",
        blocked_until=None,
        created_at=now,
    )
    try:
        async with uow.session.begin_nested():
            uow.session.add(row)
            await uow.session.flush()
    except IntegrityError as error:  # a concurrent add of the same vehicle won
        raise model.VehicleAlreadyInPool() from error
    uow.session.add(
        FleetStateChangeRow(
            id=new_id(),
            car_id=row.id,
            from_state=None,
            to_state=FleetState.ready.value,
            reason=row.state_reason or "",
            until=None,
            actor_id=actor_id,
            block_id=None,
            affected_booking_ids=[],
            changed_at=now,
        )
    )
    await uow.session.flush()
    uow.record(fact(FleetCarAdded, row))
    return read(row, now)


async def get_car(*, uow: UnitOfWork, car_id: uuid.UUID) -> FleetCarRead:
    return read(await car_row(uow, car_id))


async def car_for_resource(*, uow: UnitOfWork, resource_id: uuid.UUID) -> FleetCarRead:
    """The fleet car behind a booking resource (products: resource → vehicle)."""
    row = (
        await uow.session.execute(select(FleetCarRow).where(FleetCarRow.resource_id == resource_id))
    ).scalar_one_or_none()
    if row is None:
        raise model.FleetCarNotFound("no fleet car has that resource")
    return read(row)


async def list_cars(
    *,
    uow: UnitOfWork,
    paging: PageParams,
    centre_id: uuid.UUID | None = None,
    pool: FleetPool | str | None = None,
    state: FleetState | str | None = None,
) -> FleetCarPage:
    stmt = select(FleetCarRow)
    if centre_id is not None:
        stmt = stmt.where(FleetCarRow.centre_id == centre_id)
    if pool is not None:
        stmt = stmt.where(FleetCarRow.pool == FleetPool(pool).value)
    if state is not None:
        stmt = stmt.where(FleetCarRow.state == FleetState(state).value)
    now = utcnow()
    return await page_of(
        uow,
        stmt,
        paging,
        sortable={
            "label": FleetCarRow.label,
            "state_since": FleetCarRow.state_since,
            "created_at": FleetCarRow.created_at,
        },
        default=FleetCarRow.label,
        tiebreak=FleetCarRow.id,
        read=lambda row: read(row, now),
    )


async def change_state(
    *,
    uow: UnitOfWork,
    car_id: uuid.UUID,
    state: FleetState,
    reason: str,
    until: datetime | None = None,
    actor_id: uuid.UUID | None,
    now: datetime | None = None,
) -> FleetCarRead:
    """Move a car to another operational state, with a history row. Maintenance (until a
    time) and retirement block its resource from now, and name the live bookings that
    covers in :class:`FleetCarLeftService` so they can be moved."""
    now = now or utcnow()
    state = FleetState(state)
    row = await car_row(uow, car_id, lock=True)
    previous = FleetState(row.state)
    model.check_transition(previous, state)
    end = model.block_end(state, until, now)
    block_id: uuid.UUID | None = None
    affected: tuple[uuid.UUID, ...] = ()
    if row.blocked_until is not None and row.blocked_until <= now:
        row.blocked_until = None
    if previous == FleetState.maintenance and state in model.IN_SERVICE:
        await _lift_blocks(uow, row.id, now)
        row.blocked_until = None
    if end is not None:
        block = await booking.add_block(
            uow=uow,
            resource_id=row.resource_id,
            block_in=booking.BlockCreate(
                starts_at=now, ends_at=end, reason=f"fleet {state}: {reason}"[:200]
            ),
        )
        block_id, affected = block.id, tuple(block.affected_booking_ids)
        row.blocked_until = max(end, row.blocked_until or end)
    row.state = state.value
    row.state_since = now
    row.state_reason = reason
    uow.session.add(
        FleetStateChangeRow(
            id=new_id(),
            car_id=row.id,
            from_state=previous.value,
            to_state=state.value,
            reason=reason,
            until=end if state == FleetState.maintenance else None,
            actor_id=actor_id,
            block_id=block_id,
            affected_booking_ids=[str(b) for b in affected],
            changed_at=now,
        )
    )
    await uow.session.flush()
    shown_until = end if state == FleetState.maintenance else None
    uow.record(
        fact(
            FleetCarStateChanged,
            row,
            previous_state=previous.value,
            state=state.value,
            reason=reason,
            until=shown_until,
            actor_id=actor_id,
        )
    )
    if end is not None:
        uow.record(
            fact(
                FleetCarLeftService,
                row,
                affected_booking_ids=affected,
                state=state.value,
                until=shown_until,
            )
        )
    return read(row, now)


async def _lift_blocks(uow: UnitOfWork, car_id: uuid.UUID, now: datetime) -> None:
    """End the maintenance blocks this car's history placed and that still run."""
    running = await uow.session.execute(
        select(FleetStateChangeRow.block_id).where(
            FleetStateChangeRow.car_id == car_id,
            FleetStateChangeRow.block_id.is_not(None),
            FleetStateChangeRow.until > now,
        )
    )
    for block_id in running.scalars():
        if block_id is not None:
            await booking.end_block(uow=uow, block_id=block_id, at=now)


async def state_history(*, uow: UnitOfWork, car_id: uuid.UUID) -> list[FleetStateChangeRead]:
    """Every state the car has been in, oldest first."""
    await car_row(uow, car_id)
    rows = await uow.session.execute(
        select(FleetStateChangeRow)
        .where(FleetStateChangeRow.car_id == car_id)
        .order_by(FleetStateChangeRow.changed_at, FleetStateChangeRow.id)
    )
    return [read_change(r) for r in rows.scalars()]


async def seed_fleet(
    *,
    uow: UnitOfWork,
    centre_id: uuid.UUID,
    vehicle_ids: Sequence[uuid.UUID],
    pool: FleetPool = FleetPool.rental,
) -> list[FleetCarRead]:
    """Demo: put these vehicles into ``pool`` at the centre; those already in a pool are
    left as they are, so running it twice adds nothing."""
    added = []
    for vehicle_id in vehicle_ids:
        if await _in_a_pool(uow, vehicle_id):
            continue
        added.append(
            await add_to_pool(
                uow=uow,
                car_in=FleetCarCreate(vehicle_id=vehicle_id, centre_id=centre_id, pool=pool),
            )
        )
    return added
