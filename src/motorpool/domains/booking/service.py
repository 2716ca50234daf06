"""Booking use cases: hold, confirm, modify, cancel, start, complete, no-show, expire.

Keyword-only, on a unit of work, never committing. Every placement goes through
:func:`_place`, which locks the resource (PostgreSQL), expires lapsed holds, finds a free
lane and inserts under a savepoint: if the exclusion constraint still objects (a race on
PostgreSQL), the answer is a clean ``slot-taken`` and the transaction stays usable.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from motorpool.domains import dealers
from motorpool.domains.booking import model
from motorpool.domains.booking.events import (
    BookingCancelled,
    BookingCompleted,
    BookingConfirmed,
    BookingFact,
    BookingHeld,
    BookingModified,
    BookingNoShow,
    BookingStarted,
    HoldExpired,
    ResourceBlocked,
)
from motorpool.domains.booking.model import BookingPolicy, Status
from motorpool.domains.booking.occupancy import (
    booking_overlaps,
    expire_stale_holds,
    free_lane,
    insert_if_free,
    is_overlap_violation,
    live,
    lock_resource,
    resource_locked_for_booking,
)
from motorpool.domains.booking.schemas import (
    BlockCreate,
    BlockRead,
    BookingPage,
    BookingRead,
    HoldCreate,
    ResourceCreate,
    ResourcePage,
    ResourceRead,
)
from motorpool.domains.booking.tables import BlockRow, BookingRow, ResourceRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.uow import UnitOfWork

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _reference() -> str:
    """Eight characters of a 32-letter alphabet: 40 random bits, drawn in one call."""
    bits = int.from_bytes(secrets.token_bytes(5), "big")
    return "".join(_ALPHABET[(bits >> shift) & 31] for shift in range(0, 40, 5))


def read(row: BookingRow) -> BookingRead:
    zone = ZoneInfo(row.time_zone)
    return BookingRead(
        id=row.id,
        reference=row.reference,
        status=Status(row.status),
        product=row.product,
        resource_id=row.resource_id,
        centre_id=row.centre_id,
        customer_id=row.customer_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        local_starts_at=row.starts_at.astimezone(zone),
        local_ends_at=row.ends_at.astimezone(zone),
        time_zone=row.time_zone,
        hold_expires_at=row.hold_expires_at,
        cancellation_fee_percent=row.cancellation_fee_percent,
    )


def _fact(cls: type[BookingFact], row: BookingRow, **extra: object) -> BookingFact:
    return cls(
        tenant_id=row.tenant_id,
        booking_id=row.id,
        resource_id=row.resource_id,
        centre_id=row.centre_id,
        customer_id=row.customer_id,
        product=row.product,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        **extra,  # type: ignore[arg-type]
    )


async def _resource(uow: UnitOfWork, resource_id: uuid.UUID) -> ResourceRow:
    row = (
        await uow.session.execute(select(ResourceRow).where(ResourceRow.id == resource_id))
    ).scalar_one_or_none()
    if row is None:
        raise model.ResourceNotFound()
    return row


async def _resource_to_book(uow: UnitOfWork, resource_id: uuid.UUID) -> ResourceRow:
    """The resource a booking goes on; on PostgreSQL with its shared lock taken already."""
    if uow.dialect != "postgresql":
        return await _resource(uow, resource_id)
    row = await resource_locked_for_booking(uow, resource_id)
    if row is None:
        raise model.ResourceNotFound()
    return row


async def _booking(uow: UnitOfWork, booking_id: uuid.UUID, *, lock: bool = False) -> BookingRow:
    stmt = select(BookingRow).where(BookingRow.id == booking_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.BookingNotFound()
    return row


# ----------------------------------------------------------------- resources and blocks


async def create_resource(*, uow: UnitOfWork, resource_in: ResourceCreate) -> ResourceRead:
    centre = await dealers.get_centre(uow=uow, centre_id=resource_in.centre_id)
    capacity = resource_in.capacity if resource_in.kind == model.ResourceKind.capacity else 1
    row = ResourceRow(
        id=new_id(),
        kind=resource_in.kind.value,
        capacity=capacity,
        centre_id=centre.id,
        time_zone=centre.time_zone,
        pool=resource_in.pool,
        label=resource_in.label,
        model=resource_in.model,
        powertrain=resource_in.powertrain,
        external_ref=resource_in.external_ref,
        active=True,
        created_at=utcnow(),
    )
    uow.session.add(row)
    await uow.session.flush()
    return ResourceRead.model_validate(row)


async def get_resource(*, uow: UnitOfWork, resource_id: uuid.UUID) -> ResourceRead:
    return ResourceRead.model_validate(await _resource(uow, resource_id))


async def list_resources(
    *,
    uow: UnitOfWork,
    paging: PageParams,
    centre_id: uuid.UUID | None = None,
    pool: str | None = None,
) -> ResourcePage:
    stmt = select(ResourceRow)
    if centre_id is not None:
        stmt = stmt.where(ResourceRow.centre_id == centre_id)
    if pool is not None:
        stmt = stmt.where(ResourceRow.pool == pool)
    return await page_of(
        uow,
        stmt,
        paging,
        sortable={"label": ResourceRow.label, "created_at": ResourceRow.created_at},
        default=ResourceRow.label,
        tiebreak=ResourceRow.id,
        read=ResourceRead.model_validate,
    )


async def add_block(*, uow: UnitOfWork, resource_id: uuid.UUID, block_in: BlockCreate) -> BlockRead:
    """Block a resource (maintenance); live bookings it covers are named in an event."""
    start, end = model.require_interval(block_in.starts_at, block_in.ends_at)
    await lock_resource(uow, resource_id, exclusive=True)
    await _resource(uow, resource_id)
    now = utcnow()
    block = BlockRow(
        id=new_id(),
        resource_id=resource_id,
        starts_at=start,
        ends_at=end,
        reason=block_in.reason,
        created_at=now,
    )
    uow.session.add(block)
    affected = (
        (
            await uow.session.execute(
                select(BookingRow.id).where(
                    BookingRow.resource_id == resource_id,
                    live(now),
                    booking_overlaps(uow, start, end),
                )
            )
        )
        .scalars()
        .all()
    )
    uow.record(
        ResourceBlocked(
            tenant_id=uow.brand,
            resource_id=resource_id,
            block_id=block.id,
            starts_at=start,
            ends_at=end,
            affected_booking_ids=tuple(affected),
        )
    )
    await uow.session.flush()
    return BlockRead(
        id=block.id,
        resource_id=resource_id,
        starts_at=start,
        ends_at=end,
        reason=block.reason,
        affected_booking_ids=list(affected),
    )


async def end_block(
    *, uow: UnitOfWork, block_id: uuid.UUID, at: datetime | None = None
) -> BlockRead | None:
    """End a block early (maintenance finished): it ends ``at`` (now), or goes if it had not
    begun. None if there is no such block; a block already over is left as it was."""
    at = at or utcnow()
    block = (
        await uow.session.execute(select(BlockRow).where(BlockRow.id == block_id))
    ).scalar_one_or_none()
    if block is None:
        return None
    if block.ends_at > at:
        if block.starts_at >= at:
            await uow.session.delete(block)
        else:
            block.ends_at = at
        await uow.session.flush()
    return BlockRead(
        id=block.id,
        resource_id=block.resource_id,
        starts_at=block.starts_at,
        ends_at=min(block.ends_at, max(at, block.starts_at)),
        reason=block.reason,
    )


# ----------------------------------------------------------------- placing a booking


async def _insert(uow: UnitOfWork, resource: ResourceRow, row: BookingRow, now: datetime) -> None:
    """Insert under a savepoint on a free lane; a lost race is a clean slot-taken."""
    for _ in range(max(1, resource.capacity)):
        row.lane = await free_lane(uow, resource, row.occupied_from, row.occupied_until, now)
        try:
            async with uow.session.begin_nested():
                uow.session.add(row)
                await uow.session.flush()
            return
        except IntegrityError as error:
            if not is_overlap_violation(error):
                raise
    raise model.SlotTaken()


async def _claim_resource(uow: UnitOfWork, resource: ResourceRow, now: datetime) -> None:
    """Before placing on a resource: take its shared lock and expire its lapsed holds, so the
    constraint no longer counts them."""
    await lock_resource(uow, resource.id, exclusive=False)
    for stale in await expire_stale_holds(uow, resource.id, now):
        uow.record(_fact(HoldExpired, stale))


async def _place(
    uow: UnitOfWork, resource: ResourceRow, row: BookingRow, now: datetime, *, locked: bool
) -> None:
    """Put the booking on the resource; ``locked``: its shared lock is taken already."""
    if uow.dialect == "postgresql" and resource.capacity == 1:
        await _place_on_unit(uow, resource, row, now, locked=locked)
        return
    await _claim_resource(uow, resource, now)
    await _insert(uow, resource, row, now)


async def _place_on_unit(
    uow: UnitOfWork, resource: ResourceRow, row: BookingRow, now: datetime, *, locked: bool
) -> None:
    """PostgreSQL, one lane: let the exclusion constraint decide. Lapsed holds still count
    for the constraint, so only when it says no are they swept, and the insert tried again."""
    if not locked:
        await lock_resource(uow, resource.id, exclusive=False)
    row.lane = 0
    if await insert_if_free(uow, row):
        return
    stale = await expire_stale_holds(uow, resource.id, now)
    for lapsed in stale:
        uow.record(_fact(HoldExpired, lapsed))
    if stale and await insert_if_free(uow, row):
        return
    raise model.SlotTaken()


async def _check_policy(
    uow: UnitOfWork,
    policy: BookingPolicy,
    resource: ResourceRow,
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    lead_time: bool = True,
) -> None:
    model.check_duration(policy, start, end)
    if lead_time:
        model.check_lead_time(policy, now, start)
    model.check_grid(policy, start, end, ZoneInfo(resource.time_zone))
    if policy.opening_rule != "none":
        schedule = await dealers.centre_schedule(
            uow=uow, centre_id=resource.centre_id, start=start, end=end
        )
        model.check_opening(policy, schedule, start, end)


async def hold(
    *,
    uow: UnitOfWork,
    policy: BookingPolicy,
    hold_in: HoldCreate,
    customer_id: uuid.UUID | None,
    now: datetime | None = None,
) -> BookingRead:
    """Hold a resource for ``[start, end)``; the hold lapses by itself after the policy's TTL."""
    from motorpool.domains.booking.availability import free_resources

    now = now or utcnow()
    start, end = model.require_interval(hold_in.starts_at, hold_in.ends_at)
    locked = False
    if hold_in.resource_id is not None:
        candidates = [await _resource_to_book(uow, hold_in.resource_id)]
        locked = uow.dialect == "postgresql"
    elif hold_in.centre_id is not None:
        found = await free_resources(
            uow=uow,
            centre_id=hold_in.centre_id,
            start=start,
            end=end,
            policy=policy,
            pool=hold_in.pool,
            model=hold_in.model,
            powertrain=hold_in.powertrain,
            now=now,
            limit=5,
        )
        if not found.resources:
            raise model.SlotTaken("nothing matching is free at that centre for that time")
        candidates = [await _resource(uow, r.id) for r in found.resources]
    else:
        raise model.InvalidInterval("name a resource_id or a centre_id")
    for candidate in candidates:
        model.check_pool(policy, candidate.pool)
    await _check_policy(uow, policy, candidates[0], start, end, now)
    occupied_from, occupied_until = model.occupied(policy, start, end)
    last: model.SlotTaken | None = None
    for resource in candidates:
        row = BookingRow(
            id=new_id(),
            reference=_reference(),
            resource_id=resource.id,
            centre_id=resource.centre_id,
            time_zone=resource.time_zone,
            customer_id=customer_id,
            product=policy.name,
            status=Status.held.value,
            starts_at=start,
            ends_at=end,
            occupied_from=occupied_from,
            occupied_until=occupied_until,
            hold_expires_at=now + policy.hold_ttl,
            policy={"name": policy.name},
            note=hold_in.note,
            created_at=now,
            updated_at=now,
        )
        try:
            await _place(uow, resource, row, now, locked=locked)
        except model.SlotTaken as taken:
            last = taken
            continue
        uow.record(_fact(BookingHeld, row, hold_expires_at=row.hold_expires_at))
        return read(row)
    raise last or model.SlotTaken()


async def _transition(
    uow: UnitOfWork, booking_id: uuid.UUID, wanted: Status, now: datetime
) -> BookingRow:
    row = await _booking(uow, booking_id, lock=True)
    if row.status == Status.held.value and row.hold_expires_at and row.hold_expires_at <= now:
        row.status = Status.expired.value
        row.updated_at = now
        uow.record(_fact(HoldExpired, row))
        if wanted == Status.confirmed:
            raise model.HoldExpired()
    model.check_transition(row.status, wanted.value)
    row.status = wanted.value
    row.updated_at = now
    if wanted != Status.held:
        row.hold_expires_at = None
    return row


async def confirm(
    *, uow: UnitOfWork, booking_id: uuid.UUID, now: datetime | None = None
) -> BookingRead:
    row = await _transition(uow, booking_id, Status.confirmed, now or utcnow())
    uow.record(_fact(BookingConfirmed, row))
    return read(row)


async def cancel(
    *, uow: UnitOfWork, booking_id: uuid.UUID, policy: BookingPolicy, now: datetime | None = None
) -> BookingRead:
    now = now or utcnow()
    row = await _transition(uow, booking_id, Status.cancelled, now)
    fee = model.cancellation_fee_percent(policy, now, row.starts_at)
    row.cancellation_fee_percent = fee
    uow.record(_fact(BookingCancelled, row, fee_percent=fee))
    return read(row)


async def start(
    *, uow: UnitOfWork, booking_id: uuid.UUID, now: datetime | None = None
) -> BookingRead:
    row = await _transition(uow, booking_id, Status.started, now or utcnow())
    uow.record(_fact(BookingStarted, row))
    return read(row)


async def complete(
    *,
    uow: UnitOfWork,
    booking_id: uuid.UUID,
    now: datetime | None = None,
    released_at: datetime | None = None,
) -> BookingRead:
    """The return: the booking completes. With ``released_at`` before its end (a car brought
    back early, a car-sharing trip ended) the booking ends there, and the resource is free
    again after the product's buffer — not only at the planned end."""
    row = await _transition(uow, booking_id, Status.completed, now or utcnow())
    if released_at is not None and released_at < row.ends_at:
        buffer_after = row.occupied_until - row.ends_at
        row.ends_at = max(released_at, row.starts_at + model.TICK)
        row.occupied_until = row.ends_at + buffer_after
    uow.record(_fact(BookingCompleted, row))
    return read(row)


async def end_early(
    *, uow: UnitOfWork, booking_id: uuid.UUID, at: datetime, now: datetime | None = None
) -> BookingRead:
    """The contract behind a confirmed or started booking ended at ``at``, before the
    booking did (a subscription ended): the booking now ends there, and the resource is free
    again after the same buffer. Shortening only — the product's minimum duration and
    opening rules are not asked, the contract settled the end. A booking that would begin
    only at or after ``at`` is not this use case's (cancel it); one already over by then,
    or no longer live, is left as it is."""
    if at.tzinfo is None:
        raise model.InvalidInterval("give the end as an instant with an offset")
    at = at.astimezone(UTC)
    row = await _booking(uow, booking_id, lock=True)
    if row.status not in (Status.confirmed.value, Status.started.value) or row.ends_at <= at:
        return read(row)
    if row.starts_at >= at:
        raise model.InvalidTransition("the booking begins only after that end; cancel it")
    previous = (row.starts_at, row.ends_at)
    buffer_after = row.occupied_until - row.ends_at
    row.ends_at = at
    row.occupied_until = at + buffer_after
    row.updated_at = now or utcnow()
    await uow.session.flush()
    uow.record(
        _fact(BookingModified, row, previous_starts_at=previous[0], previous_ends_at=previous[1])
    )
    return read(row)


async def no_show(
    *, uow: UnitOfWork, booking_id: uuid.UUID, now: datetime | None = None
) -> BookingRead:
    row = await _transition(uow, booking_id, Status.no_show, now or utcnow())
    uow.record(_fact(BookingNoShow, row))
    return read(row)


async def modify(
    *,
    uow: UnitOfWork,
    booking_id: uuid.UUID,
    policy: BookingPolicy,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime | None = None,
) -> BookingRead:
    """Extend, shorten or move atomically: if the new time is taken, the original stands."""
    now = now or utcnow()
    start, end = model.require_interval(starts_at, ends_at)
    row = await _booking(uow, booking_id, lock=True)
    if row.status == Status.held.value and row.hold_expires_at and row.hold_expires_at <= now:
        raise model.HoldExpired("hold the new time instead")
    if row.status not in (Status.held.value, Status.confirmed.value, Status.started.value):
        raise model.InvalidTransition(f"a {row.status} booking cannot be changed")
    if row.status == Status.started.value and start != row.starts_at:
        raise model.InvalidTransition("a started booking can only be extended or shortened")
    resource = await _resource(uow, row.resource_id)
    # an unmoved start keeps its lead time: extending a booking that starts soon is fine
    await _check_policy(uow, policy, resource, start, end, now, lead_time=start != row.starts_at)
    occupied_from, occupied_until = model.occupied(policy, start, end)
    await _claim_resource(uow, resource, now)
    lane = await free_lane(uow, resource, occupied_from, occupied_until, now, ignore=row.id)
    previous = (row.starts_at, row.ends_at)
    try:
        async with uow.session.begin_nested():
            row.lane = lane
            row.starts_at, row.ends_at = start, end
            row.occupied_from, row.occupied_until = occupied_from, occupied_until
            row.updated_at = now
            await uow.session.flush()
    except IntegrityError as error:
        if is_overlap_violation(error):
            raise model.SlotTaken() from error
        raise
    uow.record(
        _fact(BookingModified, row, previous_starts_at=previous[0], previous_ends_at=previous[1])
    )
    return read(row)


async def expire_holds(*, uow: UnitOfWork, now: datetime | None = None) -> int:
    """Sweep lapsed holds of this brand (they stop counting at expiry either way)."""
    now = now or utcnow()
    stale = (
        (
            await uow.session.execute(
                select(BookingRow).where(
                    BookingRow.status == Status.held.value, BookingRow.hold_expires_at <= now
                )
            )
        )
        .scalars()
        .all()
    )
    for row in stale:
        row.status = Status.expired.value
        row.updated_at = now
        uow.record(_fact(HoldExpired, row))
    return len(stale)


async def get_booking(*, uow: UnitOfWork, booking_id: uuid.UUID) -> BookingRead:
    return read(await _booking(uow, booking_id))


async def list_bookings(
    *,
    uow: UnitOfWork,
    paging: PageParams,
    customer_id: uuid.UUID | None = None,
    centre_id: uuid.UUID | None = None,
    status: Status | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    resource_ids: Sequence[uuid.UUID] | None = None,
    ends_after: datetime | None = None,
    product: str | None = None,
) -> BookingPage:
    stmt = select(BookingRow)
    if product is not None:
        stmt = stmt.where(BookingRow.product == product)
    if customer_id is not None:
        stmt = stmt.where(BookingRow.customer_id == customer_id)
    if centre_id is not None:
        stmt = stmt.where(BookingRow.centre_id == centre_id)
    if resource_ids is not None:
        stmt = stmt.where(BookingRow.resource_id.in_(list(resource_ids)))
    if ends_after is not None:
        stmt = stmt.where(BookingRow.ends_at > ends_after)
    if status is not None:
        stmt = stmt.where(BookingRow.status == status.value)
    if starts_from is not None:
        stmt = stmt.where(BookingRow.starts_at >= starts_from)
    if starts_before is not None:
        stmt = stmt.where(BookingRow.starts_at < starts_before)
    return await page_of(
        uow,
        stmt,
        paging,
        sortable={"starts_at": BookingRow.starts_at, "created_at": BookingRow.created_at},
        default=BookingRow.starts_at,
        tiebreak=BookingRow.id,
        read=read,
    )


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    """This domain's part of a GDPR export: every booking of mine."""
    rows = await uow.session.execute(
        select(BookingRow)
        .where(BookingRow.customer_id == account_id)
        .order_by(BookingRow.starts_at)
    )
    return {"bookings": [read(row).model_dump(mode="json") for row in rows.scalars()]}
