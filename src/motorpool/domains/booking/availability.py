"""Availability: which resources are free, a month calendar, a day's slots, the next free
slots — always answered on the centre's own clock, without a query per resource."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, exists, func, select

from motorpool.domains import dealers
from motorpool.domains.booking.model import (
    BookingPolicy,
    overlaps,
    pool_to_search,
    within_booking_horizon,
)
from motorpool.domains.booking.occupancy import block_overlaps, booking_overlaps, live
from motorpool.domains.booking.schemas import (
    CalendarDay,
    DaySlots,
    FreeResources,
    MonthCalendar,
    ResourceRead,
    Slot,
)
from motorpool.domains.booking.tables import BlockRow, BookingRow, ResourceRow
from motorpool.platform.db import utcnow
from motorpool.platform.uow import UnitOfWork


@dataclass(frozen=True)
class Filters:
    pool: str | None = None
    model: str | None = None
    powertrain: str | None = None


def _matching(centre_id: uuid.UUID, filters: Filters, policy: BookingPolicy) -> Select[ResourceRow]:
    """The centre's active resources the policy's product may book that match the filters."""
    stmt = select(ResourceRow).where(ResourceRow.centre_id == centre_id, ResourceRow.active)
    pool = pool_to_search(policy, filters.pool)
    if pool:
        stmt = stmt.where(ResourceRow.pool == pool)
    if filters.model:
        stmt = stmt.where(ResourceRow.model == filters.model)
    if filters.powertrain:
        stmt = stmt.where(ResourceRow.powertrain == filters.powertrain)
    return stmt


async def free_resources(
    *,
    uow: UnitOfWork,
    centre_id: uuid.UUID,
    start: datetime,
    end: datetime,
    policy: BookingPolicy,
    pool: str | None = None,
    model: str | None = None,
    powertrain: str | None = None,
    now: datetime | None = None,
    limit: int = 50,
) -> FreeResources:
    """Resources at the centre free for ``[start, end)`` with the policy's buffers, the first
    ``limit`` by label — one statement that walks the centre's resources in label order
    (index ``ix_booking_resources_centre_label``) and asks, per resource, how many lanes its
    live bookings take then (GiST ``ix_booking_bookings_resource_span``), stopping once
    ``limit`` are found. At a busy centre of 10,000 cars that is a few hundred index probes
    instead of reading every booking of the centre in the window (bench/booking.py, 3)."""
    now = now or utcnow()
    occupied_from, occupied_until = start - policy.buffer_before, end + policy.buffer_after
    lanes_taken = (
        select(func.count(BookingRow.lane.distinct()))
        .where(
            BookingRow.resource_id == ResourceRow.id,
            live(now),
            booking_overlaps(uow, occupied_from, occupied_until),
        )
        .correlate(ResourceRow)
        .scalar_subquery()
    )
    blocked = (
        select(BlockRow.id)
        .where(
            BlockRow.resource_id == ResourceRow.id, block_overlaps(occupied_from, occupied_until)
        )
        .correlate(ResourceRow)
    )
    stmt = (
        _matching(centre_id, Filters(pool, model, powertrain), policy)
        .where(ResourceRow.capacity > lanes_taken, ~exists(blocked))
        .order_by(ResourceRow.label, ResourceRow.id)
        .limit(limit)
    )
    rows = (await uow.session.execute(stmt)).scalars().all()
    zone = rows[0].time_zone if rows else (await _zone(uow, centre_id))
    return FreeResources(
        starts_at=start.astimezone(ZoneInfo(zone)),
        ends_at=end.astimezone(ZoneInfo(zone)),
        time_zone=zone,
        resources=[ResourceRead.model_validate(r) for r in rows],
    )


async def _zone(uow: UnitOfWork, centre_id: uuid.UUID) -> str:
    return (await dealers.get_centre(uow=uow, centre_id=centre_id)).time_zone


@dataclass
class Occupancy:
    """Every resource's occupied intervals (bookings per lane, blocks) over a window."""

    resources: list[ResourceRow]
    bookings: dict[uuid.UUID, list[tuple[datetime, datetime, int]]]
    blocks: dict[uuid.UUID, list[tuple[datetime, datetime]]]

    def free_count(self, start: datetime, end: datetime) -> int:
        free = 0
        for resource in self.resources:
            if any(overlaps(a, b, start, end) for a, b in self.blocks.get(resource.id, ())):
                continue
            lanes = {
                lane
                for a, b, lane in self.bookings.get(resource.id, ())
                if overlaps(a, b, start, end)
            }
            if len(lanes) < resource.capacity:
                free += 1
        return free


async def _occupancy(
    uow: UnitOfWork,
    centre_id: uuid.UUID,
    filters: Filters,
    policy: BookingPolicy,
    start: datetime,
    end: datetime,
    now: datetime,
) -> Occupancy:
    matching = _matching(centre_id, filters, policy)
    resources = list((await uow.session.execute(matching)).scalars())
    ids = [r.id for r in resources]
    bookings: dict[uuid.UUID, list[tuple[datetime, datetime, int]]] = defaultdict(list)
    blocks: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    if ids:
        found = await uow.session.execute(
            select(
                BookingRow.resource_id,
                BookingRow.occupied_from,
                BookingRow.occupied_until,
                BookingRow.lane,
            ).where(BookingRow.centre_id == centre_id, live(now), booking_overlaps(uow, start, end))
        )
        for resource_id, a, b, lane in found:
            bookings[resource_id].append((a, b, lane))
        blocked = await uow.session.execute(
            select(BlockRow.resource_id, BlockRow.starts_at, BlockRow.ends_at).where(
                BlockRow.resource_id.in_(ids), block_overlaps(start, end)
            )
        )
        for resource_id, a, b in blocked:
            blocks[resource_id].append((a, b))
    return Occupancy(resources, bookings, blocks)


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _slots(
    periods: list[tuple[datetime, datetime]], policy: BookingPolicy, zone: ZoneInfo
) -> list[tuple[datetime, datetime]]:
    """Slots on the policy's grid (local wall clock) that fit inside the open periods."""
    minutes = policy.slot_minutes or 60
    length = max(policy.min_duration, timedelta(minutes=minutes))
    found = []
    for opens, closes in periods:
        local = opens.astimezone(zone)
        minute = local.hour * 60 + local.minute
        skip = (-minute) % minutes
        at = opens + timedelta(minutes=skip) - timedelta(seconds=local.second)
        while at + length <= closes:
            found.append((at, at + length))
            at += timedelta(minutes=minutes)
    return found


def _whole_day(day: date, zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return [(start, end)]


async def month_calendar(
    *,
    uow: UnitOfWork,
    centre_id: uuid.UUID,
    month: date,
    policy: BookingPolicy,
    filters: Filters,
    now: datetime | None = None,
) -> MonthCalendar:
    """Per local day: open or not, and how many resources (and slots) are free."""
    now = now or utcnow()
    zone_name = await _zone(uow, centre_id)
    zone = ZoneInfo(zone_name)
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    window_start = datetime.combine(first, time(0), tzinfo=zone) - policy.buffer_before
    window_end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
    window_end += policy.buffer_after
    schedule = await dealers.centre_schedule(
        uow=uow, centre_id=centre_id, start=window_start, end=window_end
    )
    occupancy = await _occupancy(uow, centre_id, filters, policy, window_start, window_end, now)
    days = []
    for day in _days(first, last):
        periods = schedule.open_periods(day)
        is_open = bool(periods)
        span = [(periods[0][0], periods[-1][1])] if periods else _whole_day(day, zone)
        free_all_day = (
            occupancy.free_count(
                span[0][0] - policy.buffer_before, span[0][1] + policy.buffer_after
            )
            if (is_open or policy.opening_rule == "none") and span[0][0] <= now + policy.max_advance
            else 0
        )
        free_slots = None
        if policy.slot_minutes:
            slot_periods = periods if policy.opening_rule != "none" else _whole_day(day, zone)
            free_slots = sum(
                occupancy.free_count(a - policy.buffer_before, b + policy.buffer_after)
                for a, b in _slots(slot_periods, policy, zone)
                if within_booking_horizon(policy, now, a)
            )
        days.append(
            CalendarDay(
                day=day,
                open=is_open,
                resources=len(occupancy.resources),
                free_all_day=free_all_day,
                free_slots=free_slots,
            )
        )
    return MonthCalendar(
        centre_id=centre_id, time_zone=zone_name, month=f"{first:%Y-%m}", days=days
    )


async def day_slots(
    *,
    uow: UnitOfWork,
    centre_id: uuid.UUID,
    day: date,
    policy: BookingPolicy,
    filters: Filters,
    now: datetime | None = None,
) -> DaySlots:
    """Slot by slot on the policy's grid within the day's opening hours: how many are free."""
    now = now or utcnow()
    zone_name = await _zone(uow, centre_id)
    zone = ZoneInfo(zone_name)
    day_start, day_end = _whole_day(day, zone)[0]
    schedule = await dealers.centre_schedule(
        uow=uow, centre_id=centre_id, start=day_start, end=day_end
    )
    periods = (
        schedule.open_periods(day) if policy.opening_rule != "none" else [(day_start, day_end)]
    )
    occupancy = await _occupancy(
        uow,
        centre_id,
        filters,
        policy,
        day_start - policy.buffer_before - timedelta(days=1),
        day_end + policy.buffer_after + timedelta(days=1),
        now,
    )
    slots = [
        Slot(
            starts_at=a.astimezone(zone),
            ends_at=b.astimezone(zone),
            free=occupancy.free_count(a - policy.buffer_before, b + policy.buffer_after),
        )
        for a, b in _slots(periods, policy, zone)
        if within_booking_horizon(policy, now, a)
    ]
    return DaySlots(centre_id=centre_id, time_zone=zone_name, day=day, slots=slots)


async def next_free_slots(
    *,
    uow: UnitOfWork,
    centre_id: uuid.UUID,
    after: datetime,
    policy: BookingPolicy,
    filters: Filters,
    limit: int = 5,
    days: int = 14,
    now: datetime | None = None,
) -> list[Slot]:
    """The first ``limit`` slots after ``after`` with at least one free resource."""
    now = now or utcnow()
    zone_name = await _zone(uow, centre_id)
    zone = ZoneInfo(zone_name)
    earliest = max(after, now + policy.lead_time)
    horizon = earliest + timedelta(days=days)
    schedule = await dealers.centre_schedule(
        uow=uow, centre_id=centre_id, start=earliest, end=horizon
    )
    occupancy = await _occupancy(
        uow,
        centre_id,
        filters,
        policy,
        earliest - policy.buffer_before - timedelta(days=1),
        horizon + policy.buffer_after + timedelta(days=1),
        now,
    )
    found: list[Slot] = []
    for day in _days(earliest.astimezone(zone).date(), horizon.astimezone(zone).date()):
        periods = (
            schedule.open_periods(day) if policy.opening_rule != "none" else _whole_day(day, zone)
        )
        for a, b in _slots(periods, policy, zone):
            if a < earliest:
                continue
            if not within_booking_horizon(policy, now, a):
                return found
            free = occupancy.free_count(a - policy.buffer_before, b + policy.buffer_after)
            if free:
                found.append(
                    Slot(starts_at=a.astimezone(zone), ends_at=b.astimezone(zone), free=free)
                )
                if len(found) >= limit:
                    return found
    return found
