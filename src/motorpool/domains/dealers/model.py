"""Dealer rules: time zones, opening hours, closures, distances. No I/O.

Opening hours are wall-clock intervals in the centre's own IANA time zone. Whether a centre
is open at an instant is decided by converting that instant to the centre's local time:
the local weekday picks the intervals, the local date decides whether a closure applies.
Everything else (the next opening) is derived from :meth:`Schedule.is_open`, so the two
can never disagree — not on the days the clocks change either.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

from motorpool.platform.errors import Conflict, NotFound, Problem

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
SEARCH_DAYS = 14
_TICK = timedelta(microseconds=1)


class CentreNotFound(NotFound):
    slug = "centre-not-found"
    title = "No such centre"
    description = "No centre of this brand has that id."


class ClosureNotFound(NotFound):
    slug = "closure-not-found"
    title = "No such closure at this centre"


class CentreCodeTaken(Conflict):
    slug = "centre-code-taken"
    title = "Another centre of this brand already has this code"


class ClosureExists(Conflict):
    slug = "closure-exists"
    title = "This centre is already closed on that day"


class UnknownTimeZone(Problem):
    slug = "unknown-time-zone"
    title = "Unknown time zone"
    status = 422
    description = "Time zones are IANA names such as `Europe/Berlin` or `America/Los_Angeles`."


class InvalidOpeningHours(Problem):
    slug = "invalid-opening-hours"
    title = "The opening hours are not valid"
    status = 422
    description = (
        "Each interval opens before it closes (local wall-clock times without a zone, on a"
        " weekday 0=Monday..6=Sunday), and the intervals of one weekday do not overlap."
    )


# --------------------------------------------------------------------------- time zones


@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_time_zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``; :class:`UnknownTimeZone` for anything else."""
    if name not in _known_zones():
        raise UnknownTimeZone(f"{name!r} is not an IANA time zone name")
    return ZoneInfo(name)


def is_time_zone(name: str) -> bool:
    return name in _known_zones()


# --------------------------------------------------------------------------- opening hours


@dataclass(frozen=True, order=True)
class Interval:
    """Open from ``opens`` until (not including) ``closes``, local wall time, on ``weekday``."""

    weekday: int
    opens: time
    closes: time

    def covers(self, wall: time) -> bool:
        return self.opens <= wall < self.closes


def check_opening_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted intervals; :class:`InvalidOpeningHours` if one is malformed or two overlap."""
    ordered = tuple(sorted(intervals))
    for interval in ordered:
        if not 0 <= interval.weekday <= 6:
            raise InvalidOpeningHours(f"weekday {interval.weekday} is not 0 (Monday) to 6")
        if interval.opens.tzinfo is not None or interval.closes.tzinfo is not None:
            raise InvalidOpeningHours("opening hours are local wall-clock times, without a zone")
        if not interval.opens < interval.closes:
            raise InvalidOpeningHours(
                f"weekday {interval.weekday}: opens {interval.opens.isoformat()} is not"
                f" before closes {interval.closes.isoformat()}"
            )
    for before, after in pairwise(ordered):
        if before.weekday == after.weekday and after.opens < before.closes:
            raise InvalidOpeningHours(
                f"weekday {before.weekday}: {before.opens.isoformat()}-"
                f"{before.closes.isoformat()} overlaps {after.opens.isoformat()}-"
                f"{after.closes.isoformat()}"
            )
    return ordered


def require_aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("an instant (aware datetime) is needed, not a naive one")
    return at


def wall_instants(day: date, wall: time, zone: ZoneInfo) -> list[datetime]:
    """The UTC instants at which the clocks in ``zone`` show ``wall`` on ``day``: one on
    most days, two in the hour repeated when clocks go back, none in the hour skipped when
    they go forward."""
    naive = datetime.combine(day, wall)
    found: list[datetime] = []
    for fold in (0, 1):
        instant = naive.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == naive and instant not in found:
            found.append(instant)
    return found


def offset_changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """The instants in ``(start, end]`` at which ``zone`` changes its UTC offset."""
    found: list[datetime] = []
    low = start.astimezone(UTC)
    end = end.astimezone(UTC)
    while low < end:
        high = min(low + timedelta(days=1), end)
        step_end = high
        before = low.astimezone(zone).utcoffset()
        if high.astimezone(zone).utcoffset() != before:
            while high - low > _TICK:  # the first instant with the new offset
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            found.append(high)
        low = step_end
    return found


@dataclass(frozen=True)
class Schedule:
    """A centre's opening hours and closures, in its own time zone."""

    time_zone: str
    intervals: tuple[Interval, ...] = ()
    closures: frozenset[date] = field(default_factory=frozenset)
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "zone", check_time_zone(self.time_zone))
        object.__setattr__(self, "intervals", check_opening_intervals(self.intervals))
        object.__setattr__(self, "closures", frozenset(self.closures))

    def local(self, at: datetime) -> datetime:
        """``at`` on the centre's clocks (aware, with the centre's offset)."""
        return require_aware(at).astimezone(self.zone)

    def is_open(self, at: datetime) -> bool:
        local = self.local(at)
        if local.date() in self.closures:
            return False
        wall = local.time()
        weekday = local.weekday()
        return any(i.weekday == weekday and i.covers(wall) for i in self.intervals)

    def open_periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """The UTC periods ``[opens, closes)`` in which the centre is open on local ``day``.

        Derived from :meth:`is_open` so the two never disagree: openness can only change
        where the clocks show an opening or closing time or jump (a DST change), so those
        instants cut the day into pieces that are open or closed as a whole.
        """
        if day in self.closures:
            return []
        start = datetime.combine(day, time(0), tzinfo=self.zone).astimezone(UTC)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.zone).astimezone(UTC)
        points = {start, end, *offset_changes(self.zone, start, end)}
        for interval in self.intervals:
            if interval.weekday == day.weekday():
                points.update(wall_instants(day, interval.opens, self.zone))
                points.update(wall_instants(day, interval.closes, self.zone))
        cuts = sorted(p for p in points if start <= p <= end)
        periods: list[tuple[datetime, datetime]] = []
        for low, high in pairwise(cuts):
            if not self.is_open(low):
                continue
            if periods and periods[-1][1] == low:
                periods[-1] = (periods[-1][0], high)
            else:
                periods.append((low, high))
        return periods

    def next_opening(self, after: datetime, *, days: int = SEARCH_DAYS) -> datetime | None:
        """The first instant strictly after ``after`` at which the centre opens (goes from
        closed to open), in UTC; None if it does not open within ``days`` days.

        Only two kinds of instant can open a centre: the clocks reaching an interval's
        opening time, and the clocks jumping (a DST change) — which is how an opening time
        skipped by the change opens at the first instant after the gap. Each candidate is
        checked with :meth:`is_open`, so closures and repeated hours need no special case.
        """
        after = require_aware(after).astimezone(UTC)
        until = after + timedelta(days=days)
        first_day = self.local(after).date() - timedelta(days=1)
        candidates = set(offset_changes(self.zone, after, until))
        for offset in range(days + 3):
            day = first_day + timedelta(days=offset)
            for interval in self.intervals:
                if interval.weekday == day.weekday():
                    candidates.update(wall_instants(day, interval.opens, self.zone))
        for candidate in sorted(t for t in candidates if after < t <= until):
            if self.is_open(candidate) and not self.is_open(candidate - _TICK):
                return candidate
        return None


# --------------------------------------------------------------------------- distances


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS 84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class BoundingBox:
    """Every point within ``radius_km`` of a centre point lies in this box."""

    min_lat: float
    max_lat: float
    lon_ranges: tuple[tuple[float, float], ...]  # two ranges when it crosses ±180°


def bounding_box(latitude: float, longitude: float, radius_km: float) -> BoundingBox:
    """A latitude/longitude box around a circle on the sphere (J. P. Matuschek's method)."""
    angular = radius_km / EARTH_RADIUS_KM
    if angular >= math.pi:
        return BoundingBox(-90.0, 90.0, ((-180.0, 180.0),))
    lat = math.radians(latitude)
    min_lat, max_lat = lat - angular, lat + angular
    if min_lat <= -math.pi / 2 or max_lat >= math.pi / 2:  # a pole is inside the circle
        return BoundingBox(
            math.degrees(max(min_lat, -math.pi / 2)),
            math.degrees(min(max_lat, math.pi / 2)),
            ((-180.0, 180.0),),
        )
    dlon = math.degrees(math.asin(min(1.0, math.sin(angular) / math.cos(lat))))
    west, east = longitude - dlon, longitude + dlon
    if west < -180.0:
        ranges: tuple[tuple[float, float], ...] = ((west + 360.0, 180.0), (-180.0, east))
    elif east > 180.0:
        ranges = ((west, 180.0), (-180.0, east - 360.0))
    else:
        ranges = ((west, east),)
    return BoundingBox(math.degrees(min_lat), math.degrees(max_lat), ranges)
