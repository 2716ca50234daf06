"""Car-sharing trip use cases: start a trip on a shared car now, end it, see my trips.

Keyword-only, on a unit of work, never committing. The car (fleet), its booking
(booking), its odometer and its locks (vehicles), the price (pricing) and the invoice
(billing) are those domains' own, called through their faces in the same unit of work.
The car is unlocked or locked last: if it cannot be reached the vehicles face raises its
503 problem and the caller's rollback leaves nothing booked, started or invoiced.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from motorpool.domains import billing, booking, dealers, fleet, pricing, vehicles
from motorpool.domains.contracts import model
from motorpool.domains.contracts.events import TripEnded, TripFact, TripStarted
from motorpool.domains.contracts.model import CARSHARING, TripStatus
from motorpool.domains.contracts.schemas import TripCreate, TripPage, TripRead
from motorpool.domains.contracts.tables import TripRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.money import Money, MoneyRead
from motorpool.platform.uow import UnitOfWork

ODOMETER = "Vehicle.TraveledDistance"  # metres (COVESA VSS, as the vehicles domain keeps it)


def read(row: TripRow) -> TripRead:
    return TripRead(
        id=row.id,
        status=TripStatus(row.status),
        customer_id=row.customer_id,
        booking_id=row.booking_id,
        booking_reference=row.booking_reference,
        resource_id=row.resource_id,
        vehicle_id=row.vehicle_id,
        centre_id=row.centre_id,
        market=row.market,
        started_at=row.started_at,
        planned_ends_at=row.planned_ends_at,
        ended_at=row.ended_at,
        start_mileage_km=_km(row.start_mileage_m),
        end_mileage_km=_km(row.end_mileage_m),
        driven_km=row.driven_km,
        invoice_id=row.invoice_id,
        total=(
            MoneyRead.of(Money(row.total, row.currency))
            if row.total is not None and row.currency is not None
            else None
        ),
        created_at=row.created_at,
    )


def _km(metres: int | None) -> float | None:
    return None if metres is None else metres / 1000


def _fact(cls: type[TripFact], row: TripRow, **extra: object) -> TripFact:
    return cls(
        tenant_id=row.tenant_id,
        trip_id=row.id,
        customer_id=row.customer_id,
        booking_id=row.booking_id,
        vehicle_id=row.vehicle_id,
        centre_id=row.centre_id,
        **extra,  # type: ignore[arg-type]
    )


def _policy(policies: Mapping[str, booking.BookingPolicy]) -> booking.BookingPolicy:
    found = policies.get(CARSHARING)
    if found is None:
        raise model.ContractsNotConfigured("car sharing is not offered here")
    return found


async def _odometer(uow: UnitOfWork, vehicle_id: uuid.UUID, now: datetime) -> int | None:
    """The car's latest odometer reading in metres, if it ever reported one."""
    latest = await vehicles.status(uow=uow, vehicle_id=vehicle_id, now=now)
    signal = latest.signals.get(ODOMETER)
    if signal is None or isinstance(signal.value, bool):
        return None
    return int(signal.value)


async def _booking_start(
    uow: UnitOfWork, policy: booking.BookingPolicy, centre_id: uuid.UUID, now: datetime
) -> datetime:
    """Now, or the next start on the policy's grid of the centre's clock if it has one."""
    if not policy.slot_minutes:
        return now
    centre = await dealers.get_centre(uow=uow, centre_id=centre_id)
    return model.trip_booking_start(now, policy.slot_minutes, ZoneInfo(centre.time_zone))


async def _trip(uow: UnitOfWork, trip_id: uuid.UUID, *, lock: bool = False) -> TripRow:
    stmt = select(TripRow).where(TripRow.id == trip_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.TripNotFound()
    return row


# ----------------------------------------------------------------- use cases


async def start_trip(
    *,
    uow: UnitOfWork,
    policies: Mapping[str, booking.BookingPolicy],
    connection: vehicles.VehicleConnection,
    trip_in: TripCreate,
    customer_id: uuid.UUID,
    now: datetime | None = None,
) -> TripRead:
    """Book a shared car from now for the planned minutes, start the booking, note the
    odometer and unlock the car."""
    now = (now or utcnow()).astimezone(UTC)
    policy = _policy(policies)
    if trip_in.market not in pricing.MARKETS:  # priced here, before anything is booked
        raise pricing.UnknownMarket(f"{trip_in.market!r} is not a market we price in")
    car = await fleet.car_for_resource(uow=uow, resource_id=trip_in.resource_id)
    model.check_shareable(car.pool.value, car.bookable)
    starts_at = await _booking_start(uow, policy, car.centre_id, now)
    held = await booking.hold(
        uow=uow,
        policy=policy,
        hold_in=booking.HoldCreate(
            product=CARSHARING,
            resource_id=car.resource_id,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=trip_in.planned_minutes),
            note="car-sharing trip",
        ),
        customer_id=customer_id,
        now=now,
    )
    await booking.confirm(uow=uow, booking_id=held.id, now=now)
    started = await booking.start(uow=uow, booking_id=held.id, now=now)
    row = TripRow(
        id=new_id(),
        customer_id=customer_id,
        booking_id=started.id,
        booking_reference=started.reference,
        resource_id=car.resource_id,
        vehicle_id=car.vehicle_id,
        centre_id=car.centre_id,
        market=trip_in.market,
        status=TripStatus.running.value,
        started_at=now,
        planned_ends_at=started.ends_at,
        ended_at=None,
        start_mileage_m=await _odometer(uow, car.vehicle_id, now),
        end_mileage_m=None,
        driven_km=None,
        invoice_id=None,
        currency=None,
        total=None,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(row)
    await uow.session.flush()
    await vehicles.send_fleet_command(
        uow=uow, vehicle_id=car.vehicle_id, command="unlock", connection=connection
    )
    uow.record(
        _fact(TripStarted, row, started_at=row.started_at, start_mileage_m=row.start_mileage_m)
    )
    return read(row)


async def _booking_to_real_end(
    uow: UnitOfWork, policy: booking.BookingPolicy, row: TripRow, ended_at: datetime
) -> None:
    """Shorten the booking to the real end (the car is free again after the buffer), or
    lengthen it when the trip ran over, as far as the car is free and the policy allows;
    an overrun the booking cannot cover is still priced."""
    current = await booking.get_booking(uow=uow, booking_id=row.booking_id)
    wanted = model.trip_booking_end(
        current.starts_at, ended_at, policy.min_duration, policy.max_duration
    )
    if wanted == current.ends_at:
        return
    with contextlib.suppress(booking.SlotTaken):
        await booking.modify(
            uow=uow,
            booking_id=row.booking_id,
            policy=policy,
            starts_at=current.starts_at,
            ends_at=wanted,
            now=ended_at,
        )


async def end_trip(
    *,
    uow: UnitOfWork,
    rates: pricing.RateBook,
    policies: Mapping[str, booking.BookingPolicy],
    connection: vehicles.VehicleConnection,
    trip_id: uuid.UUID,
    customer_id: uuid.UUID,
    now: datetime | None = None,
) -> TripRead:
    """End my trip: the booking moves to the real end and completes, the time is priced per
    started minute (within the hour and day caps) with the kilometres beyond those
    included, billing issues the invoice, and the car is locked."""
    now = (now or utcnow()).astimezone(UTC)
    policy = _policy(policies)
    row = await _trip(uow, trip_id, lock=True)
    if row.customer_id != customer_id:
        raise model.TripNotFound()
    model.check_can_end(row.status)
    model.check_ended_after(row.started_at, now)
    end_m = await _odometer(uow, row.vehicle_id, now)
    driven = model.trip_km(row.start_mileage_m, end_m)
    await _booking_to_real_end(uow, policy, row, now)
    await booking.complete(uow=uow, booking_id=row.booking_id, now=now, released_at=now)
    lines = pricing.usage_lines(
        rates=rates,
        product=CARSHARING,
        market=row.market,
        started_at=row.started_at,
        ended_at=now,
        driven_km=driven,
    )
    invoice = await billing.issue_invoice(
        uow=uow,
        customer_id=row.customer_id,
        market=row.market,
        currency=lines[0].unit_price.currency,
        lines=[
            billing.InvoiceLineIn(
                code=line.code,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                tax_rate=line.tax_rate,
                translations=dict(line.translations),
            )
            for line in lines
        ],
        source_type=model.TRIP_SOURCE,
        source_id=row.id,
        issued_at=now,
    )
    total = invoice.total.to_money()
    row.status = TripStatus.ended.value
    row.ended_at = now
    row.end_mileage_m = end_m
    row.driven_km = driven
    row.invoice_id = invoice.id
    row.currency = total.currency
    row.total = total.amount
    row.updated_at = now
    await uow.session.flush()
    await vehicles.send_fleet_command(
        uow=uow, vehicle_id=row.vehicle_id, command="lock", connection=connection
    )
    uow.record(
        _fact(
            TripEnded,
            row,
            ended_at=now,
            end_mileage_m=end_m,
            driven_km=driven,
            invoice_id=invoice.id,
            total=invoice.total.amount,
            currency=total.currency,
        )
    )
    return read(row)


async def get_trip(*, uow: UnitOfWork, trip_id: uuid.UUID, customer_id: uuid.UUID) -> TripRead:
    """My trip; another customer's is not found."""
    row = await _trip(uow, trip_id)
    if row.customer_id != customer_id:
        raise model.TripNotFound()
    return read(row)


async def trips_of(*, uow: UnitOfWork, customer_id: uuid.UUID, paging: PageParams) -> TripPage:
    return await page_of(
        uow,
        select(TripRow).where(TripRow.customer_id == customer_id),
        paging,
        sortable={"started_at": TripRow.started_at, "created_at": TripRow.created_at},
        default=TripRow.started_at,
        tiebreak=TripRow.id,
        read=read,
    )
