"""Workshop use cases: book, reschedule and cancel an appointment; my appointments; a
centre's day sheet; the free start times for an appointment.

Keyword-only, on a unit of work, never committing. The bay (and the courtesy car) are
booked through the booking domain's face in the same unit of work as the appointment, so
a refusal anywhere — a taken slot, no courtesy car — leaves nothing behind once the caller
rolls back (the HTTP layer does).
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from motorpool.domains import booking, dealers, vehicles
from motorpool.domains.workshop import model
from motorpool.domains.workshop.catalogue import minutes_for
from motorpool.domains.workshop.events import (
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentCheckedIn,
    AppointmentFact,
    AppointmentFinished,
    AppointmentRescheduled,
)
from motorpool.domains.workshop.model import AppointmentStatus
from motorpool.domains.workshop.schemas import (
    AppointmentPage,
    AppointmentRead,
    AppointmentSlot,
    AppointmentSlots,
    DaySheet,
)
from motorpool.domains.workshop.tables import AppointmentRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.errors import ValidationFailed
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.uow import UnitOfWork

LIVE_BOOKING = (booking.Status.held, booking.Status.confirmed)


def read(row: AppointmentRow) -> AppointmentRead:
    zone = ZoneInfo(row.time_zone)
    return AppointmentRead(
        id=row.id,
        status=AppointmentStatus(row.status),
        customer_id=row.customer_id,
        vehicle_id=row.vehicle_id,
        vin=row.vin,
        model_line=row.model_line,
        centre_id=row.centre_id,
        service_codes=list(row.service_codes),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        local_starts_at=row.starts_at.astimezone(zone),
        local_ends_at=row.ends_at.astimezone(zone),
        time_zone=row.time_zone,
        duration_minutes=int((row.ends_at - row.starts_at).total_seconds() // 60),
        booking_id=row.booking_id,
        courtesy_booking_id=row.courtesy_booking_id,
        note=row.note,
        created_at=row.created_at,
    )


def _fact(cls: type[AppointmentFact], row: AppointmentRow, **extra: object) -> AppointmentFact:
    return cls(
        tenant_id=row.tenant_id,
        appointment_id=row.id,
        customer_id=row.customer_id,
        vehicle_id=row.vehicle_id,
        centre_id=row.centre_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        **extra,  # type: ignore[arg-type]
    )


def _instant(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValidationFailed("give the start with an offset, e.g. 2027-03-01T09:00:00+01:00")
    return at.astimezone(UTC)


async def _appointment(
    uow: UnitOfWork, appointment_id: uuid.UUID, *, lock: bool = False
) -> AppointmentRow:
    stmt = select(AppointmentRow).where(AppointmentRow.id == appointment_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.AppointmentNotFound()
    return row


async def _workshop_centre(uow: UnitOfWork, centre_id: uuid.UUID) -> dealers.CentreRead:
    centre = await dealers.get_centre(uow=uow, centre_id=centre_id)
    model.check_offers_workshop(centre.offers_workshop)
    return centre


async def _hold_and_confirm(
    uow: UnitOfWork,
    policy: booking.BookingPolicy,
    *,
    centre_id: uuid.UUID,
    pool: str,
    start: datetime,
    end: datetime,
    customer_id: uuid.UUID,
    now: datetime | None,
) -> booking.BookingRead:
    held = await booking.hold(
        uow=uow,
        policy=policy,
        hold_in=booking.HoldCreate(
            product=policy.name, centre_id=centre_id, pool=pool, starts_at=start, ends_at=end
        ),
        customer_id=customer_id,
        now=now,
    )
    return await booking.confirm(uow=uow, booking_id=held.id, now=now)


async def _courtesy_car(
    uow: UnitOfWork,
    policy: booking.BookingPolicy,
    *,
    centre_id: uuid.UUID,
    customer_id: uuid.UUID,
    start: datetime,
    end: datetime,
    now: datetime | None,
) -> uuid.UUID:
    """Any free courtesy car at the centre for the appointment (and the product's minimum)."""
    car_start, car_end = model.courtesy_interval(start, end, policy.min_duration)
    try:
        car = await _hold_and_confirm(
            uow,
            policy,
            centre_id=centre_id,
            pool=model.COURTESY_POOL,
            start=car_start,
            end=car_end,
            customer_id=customer_id,
            now=now,
        )
    except booking.SlotTaken as taken:
        raise model.CourtesyCarUnavailable() from taken
    return car.id


async def _cancel_booking(
    uow: UnitOfWork, booking_id: uuid.UUID, policy: booking.BookingPolicy, now: datetime | None
) -> None:
    """Cancel the booking if it still holds its resource (staff may have ended it already)."""
    current = await booking.get_booking(uow=uow, booking_id=booking_id)
    if current.status in LIVE_BOOKING:
        await booking.cancel(uow=uow, booking_id=booking_id, policy=policy, now=now)


# ----------------------------------------------------------------- the owner's use cases


async def book_appointment(
    *,
    uow: UnitOfWork,
    owner_id: uuid.UUID,
    vehicle_id: uuid.UUID,
    centre_id: uuid.UUID,
    service_codes: list[str],
    starts_at: datetime,
    wants_courtesy_car: bool,
    servicing_policy: booking.BookingPolicy,
    courtesy_policy: booking.BookingPolicy,
    note: str | None = None,
    now: datetime | None = None,
) -> AppointmentRead:
    """Book one of my cars into a free bay of a workshop centre, with a courtesy car if
    asked; the bay and the car are confirmed bookings, or nothing is booked at all."""
    car = await vehicles.owned_vehicle(uow=uow, owner_id=owner_id, vehicle_id=vehicle_id)
    centre = await _workshop_centre(uow, centre_id)
    codes, minutes = await minutes_for(uow=uow, codes=service_codes, model_line=car.model_line)
    start = _instant(starts_at)
    end = start + model.appointment_length(minutes, servicing_policy.slot_minutes)
    bay = await _hold_and_confirm(
        uow,
        servicing_policy,
        centre_id=centre.id,
        pool=model.WORKSHOP_POOL,
        start=start,
        end=end,
        customer_id=owner_id,
        now=now,
    )
    courtesy_id = None
    if wants_courtesy_car:
        courtesy_id = await _courtesy_car(
            uow,
            courtesy_policy,
            centre_id=centre.id,
            customer_id=owner_id,
            start=start,
            end=end,
            now=now,
        )
    stamp = now or utcnow()
    row = AppointmentRow(
        id=new_id(),
        customer_id=owner_id,
        vehicle_id=car.id,
        vin=car.vin,
        model_line=car.model_line,
        centre_id=centre.id,
        time_zone=centre.time_zone,
        service_codes=codes,
        booking_id=bay.id,
        courtesy_booking_id=courtesy_id,
        status=AppointmentStatus.booked.value,
        starts_at=start,
        ends_at=end,
        note=note,
        created_at=stamp,
        updated_at=stamp,
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.record(
        _fact(
            AppointmentBooked,
            row,
            service_codes=tuple(codes),
            booking_id=bay.id,
            courtesy_booking_id=courtesy_id,
        )
    )
    return read(row)


async def _move_courtesy_car(
    uow: UnitOfWork,
    row: AppointmentRow,
    policy: booking.BookingPolicy,
    start: datetime,
    end: datetime,
    now: datetime | None,
) -> uuid.UUID:
    """The same courtesy car at the new time if it is free, else any other free one."""
    assert row.courtesy_booking_id is not None
    car_start, car_end = model.courtesy_interval(start, end, policy.min_duration)
    current = await booking.get_booking(uow=uow, booking_id=row.courtesy_booking_id)
    if current.status in LIVE_BOOKING:
        try:
            moved = await booking.modify(
                uow=uow,
                booking_id=current.id,
                policy=policy,
                starts_at=car_start,
                ends_at=car_end,
                now=now,
            )
        except booking.SlotTaken:
            await booking.cancel(uow=uow, booking_id=current.id, policy=policy, now=now)
        else:
            return moved.id
    return await _courtesy_car(
        uow,
        policy,
        centre_id=row.centre_id,
        customer_id=row.customer_id,
        start=start,
        end=end,
        now=now,
    )


async def reschedule(
    *,
    uow: UnitOfWork,
    appointment_id: uuid.UUID,
    starts_at: datetime,
    servicing_policy: booking.BookingPolicy,
    courtesy_policy: booking.BookingPolicy,
    now: datetime | None = None,
) -> AppointmentRead:
    """The same services at another start, all or nothing: if the new time is taken the
    appointment, its bay and its courtesy car stay as they were."""
    row = await _appointment(uow, appointment_id, lock=True)
    model.check_transition(row.status, AppointmentStatus.rescheduled)
    start = _instant(starts_at)
    end = start + (row.ends_at - row.starts_at)
    await booking.modify(
        uow=uow,
        booking_id=row.booking_id,
        policy=servicing_policy,
        starts_at=start,
        ends_at=end,
        now=now,
    )
    if row.courtesy_booking_id is not None:
        row.courtesy_booking_id = await _move_courtesy_car(
            uow, row, courtesy_policy, start, end, now
        )
    previous = (row.starts_at, row.ends_at)
    row.starts_at, row.ends_at = start, end
    row.status = AppointmentStatus.rescheduled.value
    row.updated_at = now or utcnow()
    await uow.session.flush()
    uow.record(
        _fact(
            AppointmentRescheduled,
            row,
            previous_starts_at=previous[0],
            previous_ends_at=previous[1],
        )
    )
    return read(row)


async def cancel(
    *,
    uow: UnitOfWork,
    appointment_id: uuid.UUID,
    servicing_policy: booking.BookingPolicy,
    courtesy_policy: booking.BookingPolicy,
    now: datetime | None = None,
) -> AppointmentRead:
    """Cancel the appointment and release its bay and courtesy car."""
    row = await _appointment(uow, appointment_id, lock=True)
    model.check_transition(row.status, AppointmentStatus.cancelled)
    await _cancel_booking(uow, row.booking_id, servicing_policy, now)
    if row.courtesy_booking_id is not None:
        await _cancel_booking(uow, row.courtesy_booking_id, courtesy_policy, now)
    row.status = AppointmentStatus.cancelled.value
    row.updated_at = now or utcnow()
    await uow.session.flush()
    uow.record(_fact(AppointmentCancelled, row))
    return read(row)


async def check_in(
    *, uow: UnitOfWork, appointment_id: uuid.UUID, now: datetime | None = None
) -> AppointmentRead:
    """Staff receive the car: the appointment is in progress, its bay (and the courtesy car,
    handed over now) are started."""
    row = await _appointment(uow, appointment_id, lock=True)
    model.check_transition(row.status, AppointmentStatus.in_progress)
    await booking.start(uow=uow, booking_id=row.booking_id, now=now)
    if row.courtesy_booking_id is not None:
        await booking.start(uow=uow, booking_id=row.courtesy_booking_id, now=now)
    row.status = AppointmentStatus.in_progress.value
    row.updated_at = now or utcnow()
    await uow.session.flush()
    uow.record(_fact(AppointmentCheckedIn, row))
    return read(row)


async def finish(
    *, uow: UnitOfWork, appointment_id: uuid.UUID, now: datetime | None = None
) -> AppointmentRead:
    """The work is done: the bay is free again. The courtesy car stays out until the
    customer brings it back (booking's complete)."""
    row = await _appointment(uow, appointment_id, lock=True)
    model.check_transition(row.status, AppointmentStatus.done)
    await booking.complete(uow=uow, booking_id=row.booking_id, now=now)
    row.status = AppointmentStatus.done.value
    row.updated_at = now or utcnow()
    await uow.session.flush()
    uow.record(_fact(AppointmentFinished, row))
    return read(row)


async def get_appointment(*, uow: UnitOfWork, appointment_id: uuid.UUID) -> AppointmentRead:
    return read(await _appointment(uow, appointment_id))


async def appointments_of(
    *, uow: UnitOfWork, owner_id: uuid.UUID, paging: PageParams
) -> AppointmentPage:
    return await page_of(
        uow,
        select(AppointmentRow).where(AppointmentRow.customer_id == owner_id),
        paging,
        sortable={"starts_at": AppointmentRow.starts_at, "created_at": AppointmentRow.created_at},
        default=AppointmentRow.starts_at,
        tiebreak=AppointmentRow.id,
        read=read,
    )


# ----------------------------------------------------------------- planning


async def day_sheet(*, uow: UnitOfWork, centre_id: uuid.UUID, day: date) -> DaySheet:
    """The centre's appointments starting on its local ``day`` (staff), by start."""
    centre = await dealers.get_centre(uow=uow, centre_id=centre_id)
    zone = ZoneInfo(centre.time_zone)
    first = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    last = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    rows = await uow.session.execute(
        select(AppointmentRow)
        .where(
            AppointmentRow.centre_id == centre.id,
            AppointmentRow.starts_at >= first,
            AppointmentRow.starts_at < last,
            AppointmentRow.status != AppointmentStatus.cancelled.value,
        )
        .order_by(AppointmentRow.starts_at, AppointmentRow.id)
    )
    return DaySheet(
        centre_id=centre.id,
        time_zone=centre.time_zone,
        day=day,
        appointments=[read(row) for row in rows.scalars()],
    )


async def appointment_slots(
    *,
    uow: UnitOfWork,
    owner_id: uuid.UUID,
    centre_id: uuid.UUID,
    day: date,
    vehicle_id: uuid.UUID,
    service_codes: list[str],
    servicing_policy: booking.BookingPolicy,
    now: datetime | None = None,
) -> AppointmentSlots:
    """The start times on the centre's ``day`` at which a bay is free for as long as these
    services take on my car."""
    car = await vehicles.owned_vehicle(uow=uow, owner_id=owner_id, vehicle_id=vehicle_id)
    centre = await _workshop_centre(uow, centre_id)
    _, minutes = await minutes_for(uow=uow, codes=service_codes, model_line=car.model_line)
    length = model.appointment_length(minutes, servicing_policy.slot_minutes)
    slots: list[AppointmentSlot] = []
    if length <= servicing_policy.max_duration:
        planned = await booking.day_slots(
            uow=uow,
            centre_id=centre.id,
            day=day,
            policy=dataclasses.replace(servicing_policy, min_duration=length),
            filters=booking.Filters(pool=model.WORKSHOP_POOL),
            now=now,
        )
        slots = [
            AppointmentSlot(starts_at=s.starts_at, ends_at=s.ends_at, free=s.free)
            for s in planned.slots
            if s.free > 0
        ]
    return AppointmentSlots(
        centre_id=centre.id,
        time_zone=centre.time_zone,
        day=day,
        duration_minutes=int(length.total_seconds() // 60),
        slots=slots,
    )


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    """This domain's part of a GDPR export: every workshop appointment of mine."""
    rows = await uow.session.execute(
        select(AppointmentRow)
        .where(AppointmentRow.customer_id == account_id)
        .order_by(AppointmentRow.starts_at)
    )
    return {"appointments": [read(row).model_dump(mode="json") for row in rows.scalars()]}
