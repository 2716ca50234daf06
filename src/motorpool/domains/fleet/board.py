"""The fleet board: a centre's pool cars at a glance for staff — state and since when, open
damages, the booking running now and the next one.

A fixed number of queries whatever the number of cars: the cars, their open damages
grouped, and the bookings of all their resources through booking's face (those still to
end, page by page until every car has its next one; and those started, so a car not back
yet shows its overdue booking).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select

from motorpool.domains import booking, dealers
from motorpool.domains.fleet.model import FleetPool, FleetState
from motorpool.domains.fleet.schemas import BoardBooking, BoardCar, FleetBoard
from motorpool.domains.fleet.service import read
from motorpool.domains.fleet.tables import DamageRow, FleetCarRow
from motorpool.platform.db import utcnow
from motorpool.platform.http import PageParams
from motorpool.platform.uow import UnitOfWork

PAGE = 500
LIVE = (booking.Status.held, booking.Status.confirmed, booking.Status.started)


def _occupies(item: booking.BookingRead, now: datetime) -> bool:
    if item.status not in LIVE:
        return False
    return not (item.status == booking.Status.held and (item.hold_expires_at or now) <= now)


def _board_booking(item: booking.BookingRead) -> BoardBooking:
    return BoardBooking(
        booking_id=item.id,
        reference=item.reference,
        status=item.status,
        product=item.product,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
    )


async def _bookings(
    uow: UnitOfWork, centre_id: uuid.UUID, resource_ids: list[uuid.UUID], now: datetime
) -> tuple[dict[uuid.UUID, booking.BookingRead], dict[uuid.UUID, booking.BookingRead]]:
    """(current, next) booking per resource."""
    current: dict[uuid.UUID, booking.BookingRead] = {}
    following: dict[uuid.UUID, booking.BookingRead] = {}
    if not resource_ids:
        return current, following
    started = await booking.list_bookings(
        uow=uow,
        paging=PageParams(limit=PAGE, offset=0, sort="starts_at"),
        centre_id=centre_id,
        resource_ids=resource_ids,
        status=booking.Status.started,
    )
    for item in started.items:  # out now, possibly overdue
        current.setdefault(item.resource_id, item)
    offset = 0
    while len(following) < len(resource_ids):
        page = await booking.list_bookings(
            uow=uow,
            paging=PageParams(limit=PAGE, offset=offset, sort="starts_at"),
            centre_id=centre_id,
            resource_ids=resource_ids,
            ends_after=now,
        )
        for item in page.items:
            if not _occupies(item, now):
                continue
            if item.starts_at <= now:
                current.setdefault(item.resource_id, item)
            else:
                following.setdefault(item.resource_id, item)
        offset += PAGE
        if offset >= page.total:
            break
    return current, following


async def fleet_board(
    *, uow: UnitOfWork, centre_id: uuid.UUID, now: datetime | None = None
) -> FleetBoard:
    """Every car of the centre's pools that is not retired, by label."""
    now = now or utcnow()
    centre = await dealers.get_centre(uow=uow, centre_id=centre_id)
    cars = (
        (
            await uow.session.execute(
                select(FleetCarRow)
                .where(
                    FleetCarRow.centre_id == centre.id,
                    FleetCarRow.state != FleetState.retired.value,
                )
                .order_by(FleetCarRow.label, FleetCarRow.id)
            )
        )
        .scalars()
        .all()
    )
    ids = [car.id for car in cars]
    damages: dict[uuid.UUID, int] = {}
    if ids:
        counted = await uow.session.execute(
            select(DamageRow.car_id, func.count())
            .where(DamageRow.car_id.in_(ids), DamageRow.repaired_at.is_(None))
            .group_by(DamageRow.car_id)
        )
        damages = {car_id: int(n) for car_id, n in counted.all()}
    current, following = await _bookings(uow, centre.id, [car.resource_id for car in cars], now)
    board = []
    for car in cars:
        shown = read(car, now)
        running = current.get(car.resource_id)
        upcoming = following.get(car.resource_id)
        board.append(
            BoardCar(
                car_id=car.id,
                label=car.label,
                vin=car.vin,
                pool=FleetPool(car.pool),
                state=shown.state,
                since=car.state_since,
                blocked_until=shown.blocked_until,
                bookable=shown.bookable,
                open_damages=damages.get(car.id, 0),
                current_booking=_board_booking(running) if running else None,
                next_booking=_board_booking(upcoming) if upcoming else None,
            )
        )
    return FleetBoard(centre_id=centre.id, time_zone=centre.time_zone, as_of=now, cars=board)
