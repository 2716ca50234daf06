"""Dealers use cases: keyword-only, on a unit of work, never committing."""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, or_, select, true
from sqlalchemy.exc import IntegrityError

from motorpool.domains.dealers import model
from motorpool.domains.dealers.events import (
    CentreClosureAdded,
    CentreClosureRemoved,
    CentreDetailsChanged,
    CentreHoursChanged,
    CentreOpened,
)
from motorpool.domains.dealers.schemas import (
    CentreCreate,
    CentrePage,
    CentreRead,
    CentreUpdate,
    ClosureCreate,
    ClosureRead,
    NearestCentreRead,
    Offer,
    OpeningHoursRead,
    OpeningInterval,
    OpeningStatusRead,
)
from motorpool.domains.dealers.tables import CentreRow, ClosureRow, OpeningHoursRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.uow import UnitOfWork

OFFER_COLUMNS = {
    Offer.pickup: CentreRow.offers_pickup,
    Offer.workshop: CentreRow.offers_workshop,
    Offer.test_drives: CentreRow.offers_test_drives,
}
SORTABLE = {
    "name": CentreRow.name,
    "city": CentreRow.city,
    "country": CentreRow.country,
    "code": CentreRow.code,
}
FIRST_SEARCH_RADIUS_KM = 25.0
WHOLE_EARTH_KM = math.pi * model.EARTH_RADIUS_KM


# --------------------------------------------------------------------------- loading


async def _centre(uow: UnitOfWork, centre_id: uuid.UUID) -> CentreRow:
    row = (
        await uow.session.execute(select(CentreRow).where(CentreRow.id == centre_id))
    ).scalar_one_or_none()
    if row is None:
        raise model.CentreNotFound()
    return row


async def _intervals(uow: UnitOfWork, centre_id: uuid.UUID) -> list[OpeningHoursRow]:
    stmt = (
        select(OpeningHoursRow)
        .where(OpeningHoursRow.centre_id == centre_id)
        .order_by(OpeningHoursRow.weekday, OpeningHoursRow.opens)
    )
    return list((await uow.session.execute(stmt)).scalars())


async def _closures(
    uow: UnitOfWork, centre_id: uuid.UUID, *where: ColumnElement[bool]
) -> list[ClosureRow]:
    stmt = (
        select(ClosureRow).where(ClosureRow.centre_id == centre_id, *where).order_by(ClosureRow.day)
    )
    return list((await uow.session.execute(stmt)).scalars())


async def _check_code_free(uow: UnitOfWork, code: str) -> None:
    taken = (await uow.session.execute(select(CentreRow.id).where(CentreRow.code == code))).first()
    if taken is not None:
        raise model.CentreCodeTaken(f"a centre with code {code!r} exists already")


async def _flush_centre(uow: UnitOfWork, code: str) -> None:
    """Flush; a concurrent insert of the same code still answers 409, not 500."""
    try:
        await uow.session.flush()
    except IntegrityError as exc:
        raise model.CentreCodeTaken(f"a centre with code {code!r} exists already") from exc


def _with_offer(stmt: Select[Any], offers: Offer | None) -> Select[Any]:
    return stmt if offers is None else stmt.where(OFFER_COLUMNS[offers].is_(True))


# --------------------------------------------------------------------------- centres


async def create_centre(*, uow: UnitOfWork, centre_in: CentreCreate) -> CentreRead:
    model.check_time_zone(centre_in.time_zone)
    await _check_code_free(uow, centre_in.code)
    row = CentreRow(id=new_id(), created_at=utcnow(), **centre_in.model_dump())
    uow.session.add(row)
    await _flush_centre(uow, row.code)
    uow.record(
        CentreOpened(
            tenant_id=uow.brand,
            centre_id=row.id,
            code=row.code,
            centre_name=row.name,
            country=row.country,
            time_zone=row.time_zone,
            latitude=row.latitude,
            longitude=row.longitude,
        )
    )
    return CentreRead.model_validate(row)


async def update_centre(
    *, uow: UnitOfWork, centre_id: uuid.UUID, changes: CentreUpdate
) -> CentreRead:
    row = await _centre(uow, centre_id)
    given = changes.changes()
    changed = sorted(field for field, value in given.items() if getattr(row, field) != value)
    if "time_zone" in changed:
        model.check_time_zone(given["time_zone"])
    if "code" in changed:
        await _check_code_free(uow, given["code"])
    for field in changed:
        setattr(row, field, given[field])
    if changed:
        await _flush_centre(uow, row.code)
        uow.record(
            CentreDetailsChanged(tenant_id=uow.brand, centre_id=row.id, fields=tuple(changed))
        )
    return CentreRead.model_validate(row)


async def get_centre(*, uow: UnitOfWork, centre_id: uuid.UUID) -> CentreRead:
    """The centre, or :class:`CentreNotFound` (also for another brand's centre)."""
    return CentreRead.model_validate(await _centre(uow, centre_id))


async def list_centres(
    *,
    uow: UnitOfWork,
    paging: PageParams,
    country: str | None = None,
    offers: Offer | None = None,
    q: str | None = None,
) -> CentrePage:
    """Centres of this brand; ``q`` matches code, name or city (case-insensitive)."""
    stmt = _with_offer(select(CentreRow), offers)
    if country:
        stmt = stmt.where(CentreRow.country == country.upper())
    if q:
        stmt = stmt.where(
            or_(
                CentreRow.code.icontains(q, autoescape=True),
                CentreRow.name.icontains(q, autoescape=True),
                CentreRow.city.icontains(q, autoescape=True),
            )
        )
    return await page_of(
        uow,
        stmt,
        paging,
        sortable=SORTABLE,
        default=CentreRow.name.asc(),
        tiebreak=CentreRow.id,
        read=CentreRead.model_validate,
    )


def _within_box(box: model.BoundingBox) -> ColumnElement[bool]:
    longitude = or_(*(CentreRow.longitude.between(w, e) for w, e in box.lon_ranges))
    if box.lon_ranges == ((-180.0, 180.0),):
        longitude = true()
    return and_(CentreRow.latitude.between(box.min_lat, box.max_lat), longitude)


async def nearest_centres(
    *,
    uow: UnitOfWork,
    latitude: float,
    longitude: float,
    limit: int,
    offers: Offer | None = None,
) -> list[NearestCentreRead]:
    """The ``limit`` centres nearest to a point, nearest first (great-circle distance).

    The database narrows by a latitude/longitude box around a circle; the circle widens
    fourfold until it holds ``limit`` centres (or the whole earth). A centre outside the
    box is farther than the radius, so the centres found within it are exactly the nearest.
    """
    radius = FIRST_SEARCH_RADIUS_KM
    while True:
        box = model.bounding_box(latitude, longitude, radius)
        stmt = _with_offer(select(CentreRow).where(_within_box(box)), offers)
        rows = (await uow.session.execute(stmt)).scalars()
        found = sorted(
            (
                (model.haversine_km(latitude, longitude, r.latitude, r.longitude), r.code, r)
                for r in rows
            ),
            key=lambda item: item[:2],
        )
        within = [item for item in found if item[0] <= radius]
        if len(within) >= limit or radius >= WHOLE_EARTH_KM:
            return [
                NearestCentreRead(
                    **CentreRead.model_validate(row).model_dump(), distance_km=round(km, 3)
                )
                for km, _code, row in within[:limit]
            ]
        radius *= 4


# --------------------------------------------------------------------------- opening hours


def _hours(
    centre: CentreRow, intervals: Sequence[OpeningHoursRow], closures: Sequence[ClosureRow]
) -> OpeningHoursRead:
    return OpeningHoursRead(
        centre_id=centre.id,
        time_zone=centre.time_zone,
        intervals=[OpeningInterval.model_validate(i) for i in intervals],
        closures=[ClosureRead.model_validate(c) for c in closures],
    )


async def opening_hours(*, uow: UnitOfWork, centre_id: uuid.UUID) -> OpeningHoursRead:
    """The weekly hours (local wall times in the centre's zone) and every closure."""
    centre = await _centre(uow, centre_id)
    return _hours(centre, await _intervals(uow, centre.id), await _closures(uow, centre.id))


async def set_opening_hours(
    *, uow: UnitOfWork, centre_id: uuid.UUID, intervals: Sequence[OpeningInterval]
) -> OpeningHoursRead:
    """Replace the whole week's hours; :class:`InvalidOpeningHours` if they overlap."""
    centre = await _centre(uow, centre_id)
    checked = model.check_opening_intervals(
        model.Interval(i.weekday, i.opens, i.closes) for i in intervals
    )
    await uow.session.execute(delete(OpeningHoursRow).where(OpeningHoursRow.centre_id == centre.id))
    rows = [
        OpeningHoursRow(
            id=new_id(), centre_id=centre.id, weekday=i.weekday, opens=i.opens, closes=i.closes
        )
        for i in checked
    ]
    uow.session.add_all(rows)
    uow.record(CentreHoursChanged(tenant_id=uow.brand, centre_id=centre.id))
    return _hours(centre, rows, await _closures(uow, centre.id))


async def add_closure(
    *, uow: UnitOfWork, centre_id: uuid.UUID, closure_in: ClosureCreate
) -> ClosureRead:
    """Close the centre for a whole local day (in its own time zone)."""
    centre = await _centre(uow, centre_id)
    if await _closures(uow, centre.id, ClosureRow.day == closure_in.day):
        raise model.ClosureExists(f"already closed on {closure_in.day.isoformat()}")
    row = ClosureRow(id=new_id(), centre_id=centre.id, day=closure_in.day, reason=closure_in.reason)
    uow.session.add(row)
    uow.record(
        CentreClosureAdded(tenant_id=uow.brand, centre_id=centre.id, closure_id=row.id, day=row.day)
    )
    return ClosureRead.model_validate(row)


async def remove_closure(*, uow: UnitOfWork, centre_id: uuid.UUID, closure_id: uuid.UUID) -> None:
    centre = await _centre(uow, centre_id)
    found = await _closures(uow, centre.id, ClosureRow.id == closure_id)
    if not found:
        raise model.ClosureNotFound()
    await uow.session.delete(found[0])
    uow.record(
        CentreClosureRemoved(
            tenant_id=uow.brand, centre_id=centre.id, closure_id=closure_id, day=found[0].day
        )
    )


async def opening_status(
    *, uow: UnitOfWork, centre_id: uuid.UUID, at: datetime | None = None
) -> OpeningStatusRead:
    """Whether the centre is open at ``at`` (default: now) and when it next opens, both
    computed on the centre's own clocks."""
    at = model.require_aware(at or utcnow()).astimezone(UTC)
    centre = await _centre(uow, centre_id)
    zone = model.check_time_zone(centre.time_zone)
    today = at.astimezone(zone).date()
    closures = await _closures(
        uow,
        centre.id,
        ClosureRow.day.between(
            today - timedelta(days=2), today + timedelta(days=model.SEARCH_DAYS + 2)
        ),
    )
    schedule = model.Schedule(
        centre.time_zone,
        tuple(
            model.Interval(i.weekday, i.opens, i.closes) for i in await _intervals(uow, centre.id)
        ),
        frozenset(c.day for c in closures),
    )
    following = schedule.next_opening(at)
    return OpeningStatusRead(
        centre_id=centre.id,
        at=at,
        open=schedule.is_open(at),
        local_time=schedule.local(at),
        time_zone=centre.time_zone,
        next_opening=schedule.local(following) if following else None,
    )


async def centre_schedule(
    *, uow: UnitOfWork, centre_id: uuid.UUID, start: datetime, end: datetime
) -> model.Schedule:
    """The centre's hours and the closures between ``start`` and ``end`` (for other domains
    that plan in the centre's time: booking, workshop)."""
    centre = await _centre(uow, centre_id)
    zone = model.check_time_zone(centre.time_zone)
    first = model.require_aware(start).astimezone(zone).date() - timedelta(days=1)
    last = model.require_aware(end).astimezone(zone).date() + timedelta(days=1)
    closures = await _closures(uow, centre.id, ClosureRow.day.between(first, last))
    return model.Schedule(
        centre.time_zone,
        tuple(
            model.Interval(i.weekday, i.opens, i.closes) for i in await _intervals(uow, centre.id)
        ),
        frozenset(c.day for c in closures),
    )
