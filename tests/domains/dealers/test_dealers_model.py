"""Pure rules of the dealers domain: opening hours in the centre's own zone, DST days, distances."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motorpool.domains.dealers.model import (
    EARTH_RADIUS_KM,
    Interval,
    InvalidOpeningHours,
    Schedule,
    UnknownTimeZone,
    bounding_box,
    check_opening_intervals,
    check_time_zone,
    haversine_km,
    offset_changes,
    wall_instants,
)

EIGHT, SIX_PM = time(8), time(18)
EVERY_DAY = tuple(Interval(d, EIGHT, SIX_PM) for d in range(7))
WEEKDAYS = tuple(Interval(d, EIGHT, SIX_PM) for d in range(5))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


# --------------------------------------------------------------------------- is_open on DST days


@pytest.mark.parametrize(
    ("zone", "at", "expected", "local"),
    [
        # Europe/Berlin, spring forward on Sunday 2026-03-29 (02:00 CET -> 03:00 CEST)
        ("Europe/Berlin", utc(2026, 3, 28, 6, 30), False, "07:30+01:00"),
        ("Europe/Berlin", utc(2026, 3, 29, 6, 30), True, "08:30+02:00"),
        ("Europe/Berlin", utc(2026, 3, 28, 16, 30), True, "17:30+01:00"),
        ("Europe/Berlin", utc(2026, 3, 29, 16, 30), False, "18:30+02:00"),
        # Europe/Berlin, fall back on Sunday 2026-10-25 (03:00 CEST -> 02:00 CET)
        ("Europe/Berlin", utc(2026, 10, 24, 6, 30), True, "08:30+02:00"),
        ("Europe/Berlin", utc(2026, 10, 25, 6, 30), False, "07:30+01:00"),
        ("Europe/Berlin", utc(2026, 10, 25, 7, 30), True, "08:30+01:00"),
        ("Europe/Berlin", utc(2026, 10, 25, 16, 30), True, "17:30+01:00"),
        # America/Los_Angeles, spring forward on Sunday 2026-03-08 (02:00 PST -> 03:00 PDT)
        ("America/Los_Angeles", utc(2026, 3, 7, 15, 30), False, "07:30-08:00"),
        ("America/Los_Angeles", utc(2026, 3, 8, 15, 30), True, "08:30-07:00"),
        ("America/Los_Angeles", utc(2026, 3, 9, 1, 30), False, "18:30-07:00"),
        # America/Los_Angeles, fall back on Sunday 2026-11-01 (02:00 PDT -> 01:00 PST)
        ("America/Los_Angeles", utc(2026, 10, 31, 15, 30), True, "08:30-07:00"),
        ("America/Los_Angeles", utc(2026, 11, 1, 15, 30), False, "07:30-08:00"),
        ("America/Los_Angeles", utc(2026, 11, 1, 16, 30), True, "08:30-08:00"),
        # Asia/Tokyo: no DST, and the local date is a day ahead of UTC in the morning
        ("Asia/Tokyo", utc(2026, 3, 8, 23, 30), True, "08:30+09:00"),
        ("Asia/Tokyo", utc(2026, 3, 8, 22, 30), False, "07:30+09:00"),
        # Australia/Sydney, fall back on Sunday 2026-04-05 (03:00 AEDT -> 02:00 AEST)
        ("Australia/Sydney", utc(2026, 4, 3, 21, 30), True, "08:30+11:00"),
        ("Australia/Sydney", utc(2026, 4, 4, 21, 30), False, "07:30+10:00"),
        ("Australia/Sydney", utc(2026, 4, 4, 22, 30), True, "08:30+10:00"),
        # Australia/Sydney, spring forward on Sunday 2026-10-04 (02:00 AEST -> 03:00 AEDT)
        ("Australia/Sydney", utc(2026, 10, 2, 21, 30), False, "07:30+10:00"),
        ("Australia/Sydney", utc(2026, 10, 3, 21, 30), True, "08:30+11:00"),
        ("Australia/Sydney", utc(2026, 10, 4, 7, 30), False, "18:30+11:00"),
    ],
)
def test_is_open_uses_the_centres_wall_clock(
    zone: str, at: datetime, expected: bool, local: str
) -> None:
    schedule = Schedule(zone, EVERY_DAY)
    shown = schedule.local(at).isoformat()
    assert shown[11:16] + shown[-6:] == local
    assert schedule.is_open(at) is expected


def test_opening_hours_are_half_open_and_lunch_breaks_close() -> None:
    lunch = tuple(
        Interval(d, o, c) for d in range(5) for o, c in ((EIGHT, time(12)), (time(13), SIX_PM))
    )
    berlin = Schedule("Europe/Berlin", lunch)
    monday = datetime(2026, 11, 23, tzinfo=ZoneInfo("Europe/Berlin"))
    assert berlin.is_open(monday.replace(hour=8))
    assert berlin.is_open(monday.replace(hour=11, minute=59, second=59))
    assert not berlin.is_open(monday.replace(hour=12))
    assert not berlin.is_open(monday.replace(hour=12, minute=30))
    assert berlin.is_open(monday.replace(hour=13))
    assert not berlin.is_open(monday.replace(hour=18))
    assert berlin.next_opening(monday.replace(hour=12)) == monday.replace(hour=13)


def test_a_closure_is_a_local_date() -> None:
    # Tokyo, Monday 2026-03-09 is closed; 2026-03-08T23:30Z is already that Monday in Tokyo.
    tokyo = Schedule("Asia/Tokyo", WEEKDAYS, frozenset({date(2026, 3, 9)}))
    assert not tokyo.is_open(utc(2026, 3, 8, 23, 30))
    assert not tokyo.is_open(utc(2026, 3, 9, 8, 0))  # 17:00 JST Monday
    assert tokyo.is_open(utc(2026, 3, 9, 23, 30))  # 08:30 JST Tuesday
    # It opens on Tuesday 08:00 JST, which is Monday 23:00 UTC.
    assert tokyo.next_opening(utc(2026, 3, 8, 12, 0)) == utc(2026, 3, 9, 23, 0)


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        Schedule("UTC", EVERY_DAY).is_open(datetime(2026, 1, 1, 12))


# --------------------------------------------------------------------------- next_opening


def test_next_opening_skips_a_closure_and_the_weekend() -> None:
    # Thursday 2026-12-24 18:30 CET; Friday 25th is a closure; Saturday and Sunday closed.
    berlin = Schedule("Europe/Berlin", WEEKDAYS, frozenset({date(2026, 12, 25)}))
    assert berlin.next_opening(utc(2026, 12, 24, 17, 30)) == utc(2026, 12, 28, 7, 0)
    without_closure = Schedule("Europe/Berlin", WEEKDAYS)
    assert without_closure.next_opening(utc(2026, 12, 24, 17, 30)) == utc(2026, 12, 25, 7, 0)


def test_next_opening_over_a_weekend_with_a_clock_change() -> None:
    # Friday 2026-03-27 18:30 CET -> Monday 2026-03-30 08:00 CEST, which is 06:00 UTC.
    berlin = Schedule("Europe/Berlin", WEEKDAYS)
    opening = berlin.next_opening(utc(2026, 3, 27, 17, 30))
    assert opening == utc(2026, 3, 30, 6, 0)
    assert berlin.local(opening).isoformat() == "2026-03-30T08:00:00+02:00"
    # Los Angeles: Friday 2026-10-30 18:30 PDT -> Monday 2026-11-02 08:00 PST = 16:00 UTC.
    los_angeles = Schedule("America/Los_Angeles", WEEKDAYS)
    assert los_angeles.next_opening(utc(2026, 10, 31, 1, 30)) == utc(2026, 11, 2, 16, 0)


def test_next_opening_is_strictly_after_and_skips_the_current_period() -> None:
    berlin = Schedule("Europe/Berlin", WEEKDAYS)
    monday_8 = utc(2026, 11, 23, 7, 0)
    assert berlin.next_opening(monday_8 - timedelta(microseconds=1)) == monday_8
    assert berlin.next_opening(monday_8) == utc(2026, 11, 24, 7, 0)
    assert berlin.next_opening(utc(2026, 11, 23, 12, 0)) == utc(2026, 11, 24, 7, 0)


def test_an_opening_time_in_the_spring_forward_gap_opens_right_after_the_gap() -> None:
    # 02:30 does not exist in Berlin on 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST
    # at 01:00 UTC, and the centre opens at that instant.
    sunday = Interval(6, time(2, 30), time(6))
    berlin = Schedule("Europe/Berlin", (sunday,))
    opening = berlin.next_opening(utc(2026, 3, 28, 12, 0))
    assert opening == utc(2026, 3, 29, 1, 0)
    assert berlin.local(opening).isoformat() == "2026-03-29T03:00:00+02:00"
    assert berlin.is_open(opening)
    assert not berlin.is_open(opening - timedelta(seconds=1))
    # Los Angeles: 02:30 on 2026-03-08 -> 03:00 PDT = 10:00 UTC
    los_angeles = Schedule("America/Los_Angeles", (sunday,))
    assert los_angeles.next_opening(utc(2026, 3, 7, 12, 0)) == utc(2026, 3, 8, 10, 0)
    # Sydney: 02:30 on 2026-10-04 -> 03:00 AEDT = 16:00 UTC the day before
    sydney = Schedule("Australia/Sydney", (sunday,))
    assert sydney.next_opening(utc(2026, 10, 2, 12, 0)) == utc(2026, 10, 3, 16, 0)


def test_an_interval_wholly_inside_the_gap_never_opens_that_day() -> None:
    berlin = Schedule("Europe/Berlin", (Interval(6, time(2, 10), time(2, 50)),))
    # The next Sunday's 02:10 CEST (00:10 UTC) is the first real opening.
    assert berlin.next_opening(utc(2026, 3, 28, 12, 0)) == utc(2026, 4, 5, 0, 10)


def test_an_ambiguous_opening_time_opens_at_its_first_occurrence() -> None:
    # 02:30 happens twice in Berlin on 2026-10-25: 00:30 UTC (CEST) and 01:30 UTC (CET).
    berlin = Schedule("Europe/Berlin", (Interval(6, time(2, 30), time(6)),))
    assert berlin.next_opening(utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 25, 0, 30)
    # Open from the first 02:30 on: the clocks going back to 02:00 closes it for half an
    # hour, until 02:30 comes round again.
    assert berlin.is_open(utc(2026, 10, 25, 0, 45))
    assert not berlin.is_open(utc(2026, 10, 25, 1, 15))
    assert berlin.next_opening(utc(2026, 10, 25, 0, 45)) == utc(2026, 10, 25, 1, 30)


def test_the_clocks_going_back_into_an_interval_reopen_the_centre() -> None:
    # Open 01:00-02:30 on Sunday; at 01:00 UTC Berlin goes from 03:00 CEST back to 02:00
    # CET, which is inside the interval again.
    berlin = Schedule("Europe/Berlin", (Interval(6, time(1), time(2, 30)),))
    first = berlin.next_opening(utc(2026, 10, 24, 12, 0))
    assert first == utc(2026, 10, 24, 23, 0)
    assert berlin.next_opening(first) == utc(2026, 10, 25, 1, 0)


def test_southern_hemisphere_and_no_dst_zones() -> None:
    sydney = Schedule("Australia/Sydney", WEEKDAYS)
    # Friday 2026-04-03 18:30 AEDT -> Monday 2026-04-06 08:00 AEST = Sunday 22:00 UTC
    assert sydney.next_opening(utc(2026, 4, 3, 7, 30)) == utc(2026, 4, 5, 22, 0)
    # Friday 2026-10-02 18:30 AEST -> Monday 2026-10-05 08:00 AEDT = Sunday 21:00 UTC
    assert sydney.next_opening(utc(2026, 10, 2, 8, 30)) == utc(2026, 10, 4, 21, 0)
    tokyo = Schedule("Asia/Tokyo", WEEKDAYS)
    # Friday 2026-03-13 18:30 JST -> Monday 2026-03-16 08:00 JST = Sunday 23:00 UTC
    assert tokyo.next_opening(utc(2026, 3, 13, 9, 30)) == utc(2026, 3, 15, 23, 0)


def test_no_opening_within_the_search_window() -> None:
    assert Schedule("Europe/Berlin").next_opening(utc(2026, 1, 1)) is None
    closed = frozenset(date(2026, 1, 1) + timedelta(days=n) for n in range(30))
    assert Schedule("Europe/Berlin", EVERY_DAY, closed).next_opening(utc(2026, 1, 1)) is None
    assert Schedule("Europe/Berlin", EVERY_DAY, closed).next_opening(
        utc(2026, 1, 1), days=40
    ) == utc(2026, 1, 31, 7, 0)


# --------------------------------------------------------------------------- named checks


def test_unknown_time_zones_are_refused() -> None:
    assert check_time_zone("Europe/Berlin") == ZoneInfo("Europe/Berlin")
    for name in ["Mars/Olympus", "europe/berlin", "", "../../etc/passwd", "CEST", "+02:00"]:
        with pytest.raises(UnknownTimeZone) as caught:
            check_time_zone(name)
        assert caught.value.slug == "unknown-time-zone"
        assert caught.value.status == 422


def test_opening_intervals_must_not_overlap_and_must_open_before_closing() -> None:
    ok = check_opening_intervals(
        [Interval(0, time(13), SIX_PM), Interval(0, EIGHT, time(13)), Interval(1, EIGHT, SIX_PM)]
    )
    assert [i.opens for i in ok] == [EIGHT, time(13), EIGHT]  # adjacent is not overlapping
    bad = [
        [Interval(0, EIGHT, EIGHT)],
        [Interval(0, SIX_PM, EIGHT)],
        [Interval(0, EIGHT, time(13)), Interval(0, time(12), SIX_PM)],
        [Interval(0, EIGHT, SIX_PM), Interval(0, time(9), time(10))],
        [Interval(7, EIGHT, SIX_PM)],
        [Interval(0, time(8, tzinfo=UTC), SIX_PM)],
    ]
    for intervals in bad:
        with pytest.raises(InvalidOpeningHours) as caught:
            check_opening_intervals(intervals)
        assert caught.value.slug == "invalid-opening-hours"


def test_wall_instants_and_offset_changes() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert wall_instants(date(2026, 3, 29), time(2, 30), berlin) == []
    assert wall_instants(date(2026, 10, 25), time(2, 30), berlin) == [
        utc(2026, 10, 25, 0, 30),
        utc(2026, 10, 25, 1, 30),
    ]
    assert wall_instants(date(2026, 6, 1), time(8), berlin) == [utc(2026, 6, 1, 6, 0)]
    assert offset_changes(berlin, utc(2026, 1, 1), utc(2027, 1, 1)) == [
        utc(2026, 3, 29, 1, 0),
        utc(2026, 10, 25, 1, 0),
    ]
    assert offset_changes(ZoneInfo("Asia/Tokyo"), utc(2026, 1, 1), utc(2027, 1, 1)) == []


# --------------------------------------------------------------------------- distances


def test_haversine_known_distances() -> None:
    assert haversine_km(52.52, 13.405, 52.52, 13.405) == 0.0
    assert haversine_km(52.5200, 13.4050, 48.1351, 11.5820) == pytest.approx(504.4, abs=1.0)
    assert haversine_km(51.5074, -0.1278, 40.7128, -74.0060) == pytest.approx(5570, abs=10)
    assert haversine_km(0, 0, 0, 180) == pytest.approx(3.141592653589793 * EARTH_RADIUS_KM)
    # Across the antimeridian: Fiji to Samoa is about 1,150 km, not 39,000.
    assert haversine_km(-18.14, 178.44, -13.83, -171.76) < 1200


@given(
    lat=st.floats(-89.9, 89.9),
    lon=st.floats(-180, 180),
    radius=st.floats(0.1, 25_000),
    other_lat=st.floats(-90, 90),
    other_lon=st.floats(-180, 180),
)
def test_every_point_within_the_radius_is_inside_the_bounding_box(
    lat: float, lon: float, radius: float, other_lat: float, other_lon: float
) -> None:
    box = bounding_box(lat, lon, radius)
    if haversine_km(lat, lon, other_lat, other_lon) <= radius * (1 - 1e-9):
        assert box.min_lat <= other_lat <= box.max_lat
        assert any(west <= other_lon <= east for west, east in box.lon_ranges)


# --------------------------------------------------------------------------- properties

ZONES = [
    "Europe/Berlin",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Asia/Tokyo",
    "Australia/Lord_Howe",  # half-hour DST
    "America/Santiago",  # changes at midnight: local dates repeat or skip their start
    "Asia/Kathmandu",  # +05:45
    "Pacific/Chatham",  # +12:45 / +13:45
    "UTC",
]
CHANGES = {zone: offset_changes(ZoneInfo(zone), utc(2025, 1, 1), utc(2028, 1, 1)) for zone in ZONES}
QUARTER = timedelta(minutes=15)
ANY_INSTANT = st.datetimes(datetime(2025, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC))


@st.composite
def day_intervals(draw: st.DrawFn, weekday: int) -> list[Interval]:
    """0-3 non-overlapping intervals on quarter hours (quarter 0..95), often around
    midnight and in the small hours, where clocks change."""
    quarters = st.one_of(st.integers(0, 95), st.integers(0, 16), st.integers(88, 95))
    points = sorted(draw(st.sets(quarters, max_size=6)))
    points = points[: len(points) // 2 * 2]
    return [
        Interval(weekday, time(a // 4, a % 4 * 15), time(b // 4, b % 4 * 15))
        for a, b in zip(points[::2], points[1::2], strict=True)
    ]


@st.composite
def cases(draw: st.DrawFn) -> tuple[Schedule, datetime]:
    """A schedule and an instant, often within days of one of its zone's clock changes."""
    zone = draw(st.sampled_from(ZONES))
    near_change = st.builds(
        lambda change, seconds: change + timedelta(seconds=seconds),
        st.sampled_from(CHANGES[zone] or [utc(2026, 1, 1)]),
        st.integers(-2 * 86400, 86400),
    )
    at = draw(st.one_of(ANY_INSTANT, near_change))
    intervals = [i for weekday in range(7) for i in draw(day_intervals(weekday))]
    start = at.date() - timedelta(days=2)
    closures = draw(st.sets(st.integers(0, 18), max_size=4))
    return (
        Schedule(zone, tuple(intervals), frozenset(start + timedelta(days=n) for n in closures)),
        at,
    )


def _oracle_is_open(schedule: Schedule, at: datetime) -> bool:
    """Independently: shift by the zone's offset at ``at`` and compare minutes of the day."""
    zone = ZoneInfo(schedule.time_zone)
    offset = zone.utcoffset(at.astimezone(zone))
    assert offset is not None
    wall = at.astimezone(UTC).replace(tzinfo=None) + offset
    if wall.date() in schedule.closures:
        return False
    seconds = wall.hour * 3600 + wall.minute * 60 + wall.second + wall.microsecond / 1e6
    for interval in schedule.intervals:
        if interval.weekday != wall.weekday():
            continue
        opens = interval.opens.hour * 3600 + interval.opens.minute * 60
        closes = interval.closes.hour * 3600 + interval.closes.minute * 60
        if opens <= seconds < closes:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(case=cases())
def test_is_open_iff_local_wall_time_is_in_an_interval_of_that_local_day(
    case: tuple[Schedule, datetime],
) -> None:
    schedule, at = case
    assert schedule.is_open(at) is _oracle_is_open(schedule, at)


@settings(max_examples=200, deadline=None)
@given(case=cases(), days=st.integers(1, 14))
def test_next_opening_is_the_first_closed_to_open_change(
    case: tuple[Schedule, datetime], days: int
) -> None:
    """Every zone here changes offset on whole quarter hours and every interval starts and
    ends on one, so the open/closed state is constant between UTC quarter hours: the first
    quarter hour where it goes from closed to open is the next opening."""
    schedule, at = case
    expected = None
    grid = at.replace(minute=at.minute - at.minute % 15, second=0, microsecond=0) + QUARTER
    while grid <= at + timedelta(days=days):
        if schedule.is_open(grid) and not schedule.is_open(grid - QUARTER):
            expected = grid
            break
        grid += QUARTER
    assert schedule.next_opening(at, days=days) == expected


@pytest.mark.parametrize(
    ("zone", "day", "opens", "closes"),
    [
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), time(4, 0)),  # into the repeated hour
        ("Europe/Berlin", date(2026, 10, 25), time(1, 0), time(2, 30)),
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), time(18, 0)),  # opens in the gap
        ("America/Los_Angeles", date(2026, 11, 1), time(1, 15), time(9, 0)),
        ("Australia/Sydney", date(2026, 4, 5), time(8, 0), time(18, 0)),
    ],
)
def test_open_periods_agree_with_is_open_minute_by_minute(
    zone: str, day: date, opens: time, closes: time
) -> None:
    schedule = Schedule(zone, (Interval(day.weekday(), opens, closes),))
    periods = schedule.open_periods(day)
    assert periods
    local_midnight = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    at = local_midnight
    while at < local_midnight + timedelta(hours=26):
        if at.astimezone(ZoneInfo(zone)).date() == day:
            inside = any(a <= at < b for a, b in periods)
            assert inside == schedule.is_open(at), at
        at += timedelta(minutes=5)
