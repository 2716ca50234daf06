"""Where bookings sit in time: overlap predicates per database, lanes, per-resource locks."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Table,
    and_,
    bindparam,
    exists,
    func,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert

from motorpool.domains.booking.model import LIVE, SlotTaken, Status
from motorpool.domains.booking.tables import BlockRow, BookingRow, ResourceRow
from motorpool.platform.prepared import PgStatement
from motorpool.platform.uow import UnitOfWork


def live(now: datetime) -> ColumnElement[bool]:
    """A booking occupies its resource while confirmed or started, or held and not expired.

    Written as ``status IN (...) AND (...)`` so the partial indexes over live bookings match.
    """
    return and_(
        BookingRow.status.in_(LIVE),
        or_(BookingRow.status != Status.held.value, BookingRow.hold_expires_at > now),
    )


def booking_overlaps(uow: UnitOfWork, start: datetime, end: datetime) -> ColumnElement[bool]:
    """``[occupied_from, occupied_until)`` overlaps ``[start, end)``.

    Plain comparisons, not ``tstzrange(...) && ...``: under row-level security PostgreSQL only
    uses leakproof operators as index conditions, and ``&&`` is not one — with it the
    centre's index could only be searched by centre (bench/booking.py, section 3).
    """
    return and_(BookingRow.occupied_from < end, BookingRow.occupied_until > start)


def block_overlaps(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(BlockRow.starts_at < end, BlockRow.ends_at > start)


def _lock_key(resource_id: uuid.UUID) -> int:
    return int.from_bytes(resource_id.bytes[:8], "big", signed=True)


async def lock_resource(uow: UnitOfWork, resource_id: uuid.UUID, *, exclusive: bool) -> None:
    """Bookings take a shared lock, blocks an exclusive one, so a block and a booking placed
    at the same moment never miss each other (PostgreSQL; SQLite serialises all writes)."""
    if uow.dialect != "postgresql":
        return
    fn = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    await uow.session.execute(text(f"SELECT {fn}(:key)"), {"key": _lock_key(resource_id)})


async def expire_stale_holds(
    uow: UnitOfWork, resource_id: uuid.UUID, now: datetime
) -> list[BookingRow]:
    """Turn this resource's lapsed holds into ``expired`` so the constraint sees them gone."""
    stale = (
        (
            await uow.session.execute(
                select(BookingRow).where(
                    BookingRow.resource_id == resource_id,
                    BookingRow.status == Status.held.value,
                    BookingRow.hold_expires_at <= now,
                )
            )
        )
        .scalars()
        .all()
    )
    if stale:
        await uow.session.execute(
            update(BookingRow)
            .where(BookingRow.id.in_([b.id for b in stale]))
            .values(status=Status.expired.value, updated_at=now)
            .execution_options(synchronize_session="fetch")
        )
    return list(stale)


async def free_lane(
    uow: UnitOfWork,
    resource: ResourceRow,
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    ignore: uuid.UUID | None = None,
) -> int:
    """The first lane of the resource free for the occupied interval; SlotTaken if none."""
    blocked = await uow.session.execute(
        select(BlockRow.id).where(BlockRow.resource_id == resource.id, block_overlaps(start, end))
    )
    if blocked.first() is not None:
        raise SlotTaken("the resource is blocked for part of that time")
    stmt = select(BookingRow.lane).where(
        BookingRow.resource_id == resource.id,
        live(now),
        booking_overlaps(uow, start, end),
    )
    if ignore is not None:
        stmt = stmt.where(BookingRow.id != ignore)
    busy = set((await uow.session.execute(stmt.distinct())).scalars())
    for lane in range(resource.capacity):
        if lane not in busy:
            return lane
    raise SlotTaken()


_COLUMNS = [(attr.key, attr.columns[0]) for attr in inspect(BookingRow).column_attrs]


def _insert_if_free_statement() -> Any:
    """Built once: the values are bound parameters, so the compiled form is reused."""
    occupied_from = bindparam("occupied_from", type_=BookingRow.occupied_from.type)
    occupied_until = bindparam("occupied_until", type_=BookingRow.occupied_until.type)
    blocked = select(BlockRow.id).where(
        BlockRow.resource_id == bindparam("resource_id", type_=BookingRow.resource_id.type),
        BlockRow.starts_at < occupied_until,
        BlockRow.ends_at > occupied_from,
    )
    source = select(
        *(bindparam(column.name, type_=column.type).label(column.name) for _, column in _COLUMNS)
    ).where(~exists(blocked))
    table = cast(Table, BookingRow.__table__)  # Core, so the parameters are not ORM bulk rows
    return (
        pg_insert(table)
        .from_select([column.name for _, column in _COLUMNS], source)
        .on_conflict_do_nothing(constraint="booking_bookings_no_overlap")
        .returning(table.c.id)
    )


_INSERT_IF_FREE = PgStatement(_insert_if_free_statement())


async def insert_if_free(uow: UnitOfWork, row: BookingRow) -> bool:
    """PostgreSQL, one statement: insert the booking unless a block overlaps it or the
    exclusion constraint finds a live booking on its lane (``ON CONFLICT ... DO NOTHING``:
    no savepoint, no pre-check, a concurrent insert is waited for, not raced). The caller
    holds the resource's shared lock already, taken by an earlier statement, so the block
    check sees blocks committed while it waited. Returns whether the row went in. ``row``
    stays transient."""
    row.tenant_id = uow.brand
    params = {column.name: getattr(row, key) for key, column in _COLUMNS}
    params["policy"] = json.dumps(params["policy"])
    return await _INSERT_IF_FREE.fetch_row(uow, **params) is not None


_RESOURCE_COLUMNS = [attr.columns[0] for attr in inspect(ResourceRow).column_attrs]
_LOCKED_RESOURCE = PgStatement(
    select(
        *_RESOURCE_COLUMNS,
        func.pg_advisory_xact_lock_shared(bindparam("lock_key", type_=BigInteger)),
    ).where(
        ResourceRow.id == bindparam("resource_id", type_=ResourceRow.id.type),
        ResourceRow.tenant_id == bindparam("tenant_id", type_=ResourceRow.tenant_id.type),
    )
)


async def resource_locked_for_booking(
    uow: UnitOfWork, resource_id: uuid.UUID
) -> ResourceRow | None:
    """PostgreSQL: read the resource and take its shared lock in one statement (what placing
    a booking needs first). A transient row, not tracked by the session; None if unknown."""
    found = await _LOCKED_RESOURCE.fetch_row(
        uow, resource_id=resource_id, tenant_id=uow.brand, lock_key=_lock_key(resource_id)
    )
    if found is None:
        return None
    return ResourceRow(**{column.key: found[column.name] for column in _RESOURCE_COLUMNS})


def is_overlap_violation(error: Any) -> bool:
    """The exclusion constraint's SQLSTATE (23P01), however the driver wraps it."""
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code is None and orig is not None:
        code = getattr(getattr(orig, "__cause__", None), "sqlstate", None)
    return code == "23P01" or "booking_bookings_no_overlap" in str(error)
