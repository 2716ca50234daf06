"""The centre's clock through the HTTP API: days when the clocks change in Europe/Berlin
and America/Los_Angeles, a booking across midnight, and a closure day.

Slots are on the local wall-clock grid and carry the offset in force at that instant; a
day whose clocks jump has one slot fewer in the skipped hour and one more in the repeated
hour; a booking from 09:00 to 09:00 the next day keeps its wall-clock times and lasts 23 or
25 hours. The hourly-slot tests use the courtesy-car product (hourly slots, a year ahead)
so they stay valid whatever the policies' `max_advance` of shorter-range products.
"""

from __future__ import annotations

import calendar as calendar_module
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI

from motorpool.domains import booking
from motorpool.platform.errors import Problem
from tests.conftest import assert_problem
from tests.domains.booking.factories import make_centre, make_resources

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
DAYS_9_TO_18 = [(d, time(9), time(18)) for d in range(7)]  # Sundays too
DAYS_8_TO_18 = [(d, time(8), time(18)) for d in range(7)]
NIGHT = (6, time(1), time(5))  # Sundays 01:00-05:00 as well: the clocks change in there
HOUR = timedelta(hours=1)


def clock_change(zone: ZoneInfo, year: int, month: int) -> date:
    """The day of ``month`` on which ``zone``'s clocks change (they change at night, so the
    offset at noon is the new one)."""
    day = date(year, month, 2)
    while day.month == month:
        before = datetime.combine(day - timedelta(days=1), time(12), tzinfo=zone).utcoffset()
        if datetime.combine(day, time(12), tzinfo=zone).utcoffset() != before:
            return day
        day += timedelta(days=1)
    raise AssertionError(f"no clock change in {zone.key} in {year}-{month:02d}")


def next_year_of_changes() -> int:
    """The first year whose March lies wholly ahead (so do its changes and every day the
    tests look at): the tests stay in the future whatever the date they run on."""
    soon = datetime.now(UTC).date() + timedelta(days=3)
    year = soon.year
    while date(year, 3, 1) < soon:
        year += 1
    return year


# The days the clocks change next, and what happens to the night 01:00-05:00.
YEAR = next_year_of_changes()
SPRING_BERLIN = clock_change(BERLIN, YEAR, 3)  # 02:00 CET -> 03:00 CEST (last Sunday of March)
AUTUMN_BERLIN = clock_change(BERLIN, YEAR, 10)  # 03:00 CEST -> 02:00 CET (last Sunday of Oct.)
SPRING_LA = clock_change(LOS_ANGELES, YEAR, 3)  # 02:00 PST -> 03:00 PDT (second Sunday of March)
AUTUMN_LA = clock_change(LOS_ANGELES, YEAR, 11)  # 02:00 PDT -> 01:00 PST (first Sunday of Nov.)
DAY = timedelta(days=1)


# the Berlin spring change and the days around it (the month may turn in between)
D26, D27, D28, D29, D30 = (SPRING_BERLIN + n * DAY for n in range(-2, 3))


@pytest.fixture(autouse=True)
def bookable_years_ahead(app: FastAPI) -> Iterator[None]:
    """These tests are about clocks, not about how far ahead a product may be booked: the
    products they use are bookable three years ahead while they run (their grids, buffers
    and opening rules stay as they are)."""
    policies: dict[str, booking.BookingPolicy] = app.state.booking_policies
    kept = dict(policies)
    for name in ("courtesy", "servicing", "rental"):
        policies[name] = replace(policies[name], max_advance=timedelta(days=3 * 366))
    yield
    policies.clear()
    policies.update(kept)


def local(day: date | str, clock: str, zone: ZoneInfo) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zone)


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def hold(
    client: httpx.AsyncClient, headers: dict[str, str], product: str, **body: object
) -> httpx.Response:
    json = {
        "product": product,
        **{k: v.isoformat() if isinstance(v, datetime) else str(v) for k, v in body.items()},
    }
    return await client.post("/booking/holds", headers=headers, json=json)


async def slots(
    client: httpx.AsyncClient, product: str, centre_id: object, day: date
) -> list[dict[str, object]]:
    answer = await client.get(
        "/booking/slots",
        params={
            "product": product,
            "centre_id": str(centre_id),
            "day": day.isoformat(),
        },
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["day"] == day.isoformat()
    found: list[dict[str, object]] = body["slots"]
    return found


async def month(
    client: httpx.AsyncClient, product: str, centre_id: object, which: str
) -> list[dict[str, object]]:
    answer = await client.get(
        "/booking/calendar",
        params={"product": product, "centre_id": str(centre_id), "month": which},
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["month"] == which
    days: list[dict[str, object]] = body["days"]
    return days


async def days_of(
    client: httpx.AsyncClient, product: str, centre_id: object, *wanted: date
) -> dict[str, dict[str, object]]:
    """The calendar entries of the months the ``wanted`` days fall in, by ISO day."""
    found: dict[str, dict[str, object]] = {}
    for which in sorted({f"{day:%Y-%m}" for day in wanted}):
        found.update({str(d["day"]): d for d in await month(client, product, centre_id, which)})
    return found


# --------------------------------------------------------------------------- slots


@pytest.mark.parametrize(
    ("zone", "day", "hours", "starts"),
    [
        pytest.param(
            BERLIN,
            SPRING_BERLIN - DAY,
            (time(9), time(13)),
            ["09:00+01:00", "10:00+01:00", "11:00+01:00", "12:00+01:00"],
            id="berlin-day-before-spring",
        ),
        pytest.param(
            BERLIN,
            SPRING_BERLIN,
            (time(9), time(13)),
            ["09:00+02:00", "10:00+02:00", "11:00+02:00", "12:00+02:00"],
            id="berlin-spring-daytime",
        ),
        pytest.param(
            BERLIN,
            SPRING_BERLIN,
            (time(1), time(5)),
            ["01:00+01:00", "03:00+02:00", "04:00+02:00"],  # 02:00 never happens
            id="berlin-spring-night",
        ),
        pytest.param(
            BERLIN,
            AUTUMN_BERLIN,
            (time(1), time(5)),
            ["01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00", "04:00+01:00"],
            id="berlin-autumn-night",
        ),
        pytest.param(
            LOS_ANGELES,
            SPRING_LA,
            (time(1), time(5)),
            ["01:00-08:00", "03:00-07:00", "04:00-07:00"],
            id="la-spring-night",
        ),
        pytest.param(
            LOS_ANGELES,
            AUTUMN_LA,
            (time(0), time(4)),
            ["00:00-07:00", "01:00-07:00", "01:00-08:00", "02:00-08:00", "03:00-08:00"],
            id="la-autumn-night",
        ),
    ],
)
async def test_slots_follow_the_wall_clock_on_the_days_the_clocks_change(
    client, uow_factory, brand, zone, day, hours, starts
) -> None:
    opens, closes = hours
    centre = await make_centre(
        uow_factory, brand, time_zone=zone.key, hours=[(day.weekday(), opens, closes)]
    )
    await make_resources(uow_factory, brand, centre.id, 2, pool="courtesy")
    found = await slots(client, "courtesy", centre.id, day)
    assert [s["starts_at"] for s in found] == [f"{day}T{s[:5]}:00{s[5:]}" for s in starts]
    for slot in found:
        begins, ends = instant(str(slot["starts_at"])), instant(str(slot["ends_at"]))
        assert ends - begins == HOUR  # an hour of real time, whatever the clocks show
        assert begins.utcoffset() == begins.astimezone(zone).utcoffset()
        assert ends.utcoffset() == ends.astimezone(zone).utcoffset()
        assert slot["free"] == 2


async def test_half_hour_slots_in_los_angeles_skip_the_missing_hour(
    client, uow_factory, brand, make_account
) -> None:
    """A workshop open 01:00-04:00 on the night clocks go forward: three real half hours
    before the jump and two after; an appointment over the jump fills its slots."""
    centre = await make_centre(
        uow_factory, brand, time_zone=LOS_ANGELES.key, hours=[(6, time(1), time(4))]
    )
    [bay] = await make_resources(uow_factory, brand, centre.id, pool="workshop")
    found = await slots(client, "servicing", centre.id, SPRING_LA)
    assert [s["starts_at"][11:] for s in found] == [  # type: ignore[index]
        "01:00:00-08:00",
        "01:30:00-08:00",
        "03:00:00-07:00",
        "03:30:00-07:00",
    ]
    customer = await make_account()
    made = await hold(
        client,
        customer.headers,
        "servicing",
        resource_id=bay.id,
        starts_at=local(SPRING_LA, "01:30", LOS_ANGELES),
        ends_at=local(SPRING_LA, "03:30", LOS_ANGELES),
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert instant(body["ends_at"]) - instant(body["starts_at"]) == HOUR  # two slots
    assert body["local_starts_at"] == f"{SPRING_LA}T01:30:00-08:00"
    assert body["local_ends_at"] == f"{SPRING_LA}T03:30:00-07:00"
    after = await slots(client, "servicing", centre.id, SPRING_LA)
    assert [s["free"] for s in after] == [1, 0, 0, 1]


async def test_next_free_slots_cross_into_summer_time(client, uow_factory, brand) -> None:
    centre = await make_centre(uow_factory, brand, hours=DAYS_9_TO_18)
    await make_resources(uow_factory, brand, centre.id, pool="courtesy")
    answer = await client.get(
        "/booking/next-free",
        params={
            "product": "courtesy",
            "centre_id": str(centre.id),
            "pool": "courtesy",
            "after": local(SPRING_BERLIN - DAY, "16:30", BERLIN).isoformat(),
            "limit": 3,
        },
    )
    assert answer.status_code == 200, answer.text
    assert [s["starts_at"] for s in answer.json()] == [
        f"{SPRING_BERLIN - DAY}T17:00:00+01:00",
        f"{SPRING_BERLIN}T09:00:00+02:00",
        f"{SPRING_BERLIN}T10:00:00+02:00",
    ]


# --------------------------------------------------------------------------- the month


def night_slots(day: date) -> int:
    """Hourly slots from 01:00 to 05:00 on a Sunday: one fewer when the clocks go forward,
    one more when they go back."""
    return {SPRING_BERLIN: 3, AUTUMN_BERLIN: 5, SPRING_LA: 3, AUTUMN_LA: 5}.get(day, 4)


@pytest.mark.parametrize(
    ("zone", "which", "change", "closed"),
    [
        # a closure day in the month that is not the change day
        pytest.param(
            BERLIN, f"{YEAR}-03", SPRING_BERLIN, SPRING_BERLIN - 18 * DAY, id="berlin-march"
        ),
        pytest.param(
            BERLIN, f"{YEAR}-10", AUTUMN_BERLIN, AUTUMN_BERLIN - 20 * DAY, id="berlin-october"
        ),
        pytest.param(LOS_ANGELES, f"{YEAR}-03", SPRING_LA, SPRING_LA + DAY, id="la-march"),
        pytest.param(LOS_ANGELES, f"{YEAR}-11", AUTUMN_LA, AUTUMN_LA + 18 * DAY, id="la-november"),
    ],
)
async def test_month_calendar_around_the_days_the_clocks_change(
    app, client, uow_factory, brand, zone, which, change, closed
) -> None:
    """Every local day of the month once (the change day too), open but for the closure
    day; the change day's slots (on /slots) are one fewer or one more than a week before."""
    centre = await make_centre(
        uow_factory,
        brand,
        time_zone=zone.key,
        hours=[*DAYS_9_TO_18, NIGHT],
        closures=(closed.isoformat(),),
    )
    await make_resources(uow_factory, brand, centre.id, 2, pool="courtesy")
    days = await month(client, "courtesy", centre.id, which)
    first = date.fromisoformat(f"{which}-01")
    length = calendar_module.monthrange(first.year, first.month)[1]
    assert [d["day"] for d in days] == [
        (first + timedelta(days=n)).isoformat() for n in range(length)
    ]
    horizon = datetime.now(UTC) + app.state.booking_policies["courtesy"].max_advance
    for entry in days:
        is_closed = entry["day"] == closed.isoformat()
        beyond = local(entry["day"], "09:00", zone) > horizon  # not bookable yet
        assert entry["open"] is not is_closed, entry
        assert entry["resources"] == 2
        assert entry["free_all_day"] == (0 if is_closed or beyond else 2), entry
        assert entry["free_slots"] is None  # courtesy cars have no slot grid of their own
    on_change = await slots(client, "courtesy", centre.id, change)
    week_before = await slots(client, "courtesy", centre.id, change - timedelta(days=7))
    assert len(week_before) == 9 + 4
    assert len(on_change) == 9 + night_slots(change)
    assert all(s["free"] == 2 for s in on_change + week_before)


async def test_the_calendar_counts_slots_on_the_policys_grid(client, uow_factory, brand) -> None:
    """Workshop appointments (a 30-minute grid): the calendar's free slots per day are the
    day's slots, also on the day the clocks go forward; a closure day has none."""
    sunday_before, tuesday_after, closed = (
        SPRING_LA - 7 * DAY,
        SPRING_LA + 2 * DAY,
        SPRING_LA + 3 * DAY,
    )
    centre = await make_centre(
        uow_factory,
        brand,
        time_zone=LOS_ANGELES.key,
        hours=[(d, time(8), time(12)) for d in range(7)] + [(6, time(1), time(4))],
        closures=(closed.isoformat(),),
    )
    await make_resources(uow_factory, brand, centre.id, pool="workshop")
    days = {d["day"]: d for d in await month(client, "servicing", centre.id, f"{YEAR}-03")}
    assert len(days) == 31
    for day in (sunday_before, SPRING_LA, tuesday_after, closed):
        found = await slots(client, "servicing", centre.id, day)
        free = sum(int(s["free"]) for s in found)  # type: ignore[call-overload]
        assert days[day.isoformat()]["free_slots"] == free, day
    assert days[sunday_before.isoformat()]["free_slots"] == 8 + 6  # a Sunday: 08-12, 01-04
    assert days[SPRING_LA.isoformat()]["free_slots"] == 8 + 4  # 02:00-03:00 never happens
    assert days[tuesday_after.isoformat()]["free_slots"] == 8
    closure = days[closed.isoformat()]
    assert (closure["open"], closure["free_all_day"], closure["free_slots"]) == (False, 0, 0)


# --------------------------------------------------------------------------- bookings


@pytest.mark.parametrize(
    ("zone", "first_day", "hours"),
    [
        pytest.param(BERLIN, SPRING_BERLIN - DAY, 23, id="berlin-spring"),
        pytest.param(BERLIN, AUTUMN_BERLIN - DAY, 25, id="berlin-autumn"),
        pytest.param(LOS_ANGELES, SPRING_LA - DAY, 23, id="la-spring"),
        pytest.param(LOS_ANGELES, AUTUMN_LA - DAY, 25, id="la-autumn"),
    ],
)
async def test_a_day_long_rental_across_the_change_keeps_its_wall_clock(
    client, uow_factory, brand, make_account, zone, first_day, hours
) -> None:
    centre = await make_centre(uow_factory, brand, time_zone=zone.key, hours=DAYS_8_TO_18)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    second_day = first_day + timedelta(days=1)
    made = await hold(
        client,
        customer.headers,
        "rental",
        resource_id=car.id,
        starts_at=local(first_day, "09:00", zone),
        ends_at=local(second_day, "09:00", zone),
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["time_zone"] == zone.key
    starts, ends = instant(body["local_starts_at"]), instant(body["local_ends_at"])
    assert (starts.date(), starts.time()) == (first_day, time(9))
    assert (ends.date(), ends.time()) == (second_day, time(9))
    assert starts.utcoffset() != ends.utcoffset()
    assert instant(body["ends_at"]) - instant(body["starts_at"]) == timedelta(hours=hours)
    # the whole day is taken (and the hour of cleaning after it), on both sides of the change
    for day, clock in ((first_day, "12:00"), (second_day, "09:00")):
        window = {"starts_at": local(day, clock, zone), "ends_at": local(day, clock, zone) + HOUR}
        free = await client.get(
            "/booking/availability",
            params={
                "product": "rental",
                "centre_id": str(centre.id),
                **{k: v.isoformat() for k, v in window.items()},
            },
        )
        assert free.status_code == 200, free.text
        assert free.json()["resources"] == [], (day, clock)
    later = local(second_day, "10:00", zone)
    free = await client.get(
        "/booking/availability",
        params={
            "product": "rental",
            "centre_id": str(centre.id),
            "starts_at": later.isoformat(),
            "ends_at": (later + 4 * HOUR).isoformat(),
        },
    )
    assert [r["id"] for r in free.json()["resources"]] == [str(car.id)]


async def test_an_overnight_rental_across_midnight_and_the_change(
    client, uow_factory, brand, make_account
) -> None:
    """Saturday 21:00 to Sunday 08:00 in Berlin, the night the clocks go forward: ten hours.
    The car is busy until 09:00 (an hour of cleaning), and both days' free counts drop."""
    centre = await make_centre(uow_factory, brand, hours=[(d, time(7), time(22)) for d in range(7)])
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    before = await days_of(client, "rental", centre.id, D27, D28)
    assert before[D27.isoformat()]["free_all_day"] == before[D28.isoformat()]["free_all_day"] == 1
    night = await hold(
        client,
        customer.headers,
        "rental",
        resource_id=car.id,
        starts_at=local(D27, "21:00", BERLIN),
        ends_at=local(D28, "08:00", BERLIN),
    )
    assert night.status_code == 201, night.text
    body = night.json()
    assert instant(body["ends_at"]) - instant(body["starts_at"]) == timedelta(hours=10)
    assert body["local_ends_at"] == f"{D28}T08:00:00+02:00"
    assert_problem(
        await hold(
            client,
            customer.headers,
            "rental",
            resource_id=car.id,
            starts_at=local(D28, "08:30", BERLIN),
            ends_at=local(D28, "12:30", BERLIN),
        ),
        409,
        "slot-taken",
    )
    assert_problem(
        await hold(
            client,
            customer.headers,
            "rental",
            resource_id=car.id,
            starts_at=local(D27, "16:00", BERLIN),
            ends_at=local(D27, "20:30", BERLIN),  # its hour of cleaning reaches 21:00
        ),
        409,
        "slot-taken",
    )
    after = await days_of(client, "rental", centre.id, D26, D27, D28, D29)
    assert after[D27.isoformat()]["free_all_day"] == after[D28.isoformat()]["free_all_day"] == 0
    assert after[D26.isoformat()]["free_all_day"] == after[D29.isoformat()]["free_all_day"] == 1
    morning = await hold(
        client,
        customer.headers,
        "rental",
        resource_id=car.id,
        starts_at=local(D28, "09:00", BERLIN),
        ends_at=local(D28, "13:00", BERLIN),
    )
    assert morning.status_code == 201, morning.text
    rental_slots = await slots(client, "rental", centre.id, D28)
    busy = {str(s["starts_at"])[11:16] for s in rental_slots if s["free"] == 0}
    assert {"07:00", "13:00"} <= busy, busy  # the night's cleaning hour; the morning's
    assert "14:00" not in busy, busy


async def test_a_closure_day_is_closed_everywhere(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(
        uow_factory, brand, hours=DAYS_9_TO_18, closures=(D29.isoformat(),)
    )  # the Monday after the clocks changed
    [car] = await make_resources(uow_factory, brand, centre.id, pool="courtesy")
    days = await days_of(client, "courtesy", centre.id, D28, D29, D30)
    closure = days[D29.isoformat()]
    assert (closure["open"], closure["free_all_day"]) == (False, 0)
    assert days[D28.isoformat()]["open"]
    assert days[D30.isoformat()]["open"]
    assert await slots(client, "courtesy", centre.id, D29) == []
    following = await client.get(
        "/booking/next-free",
        params={
            "product": "courtesy",
            "centre_id": str(centre.id),
            "pool": "courtesy",
            "after": local(D28, "17:30", BERLIN).isoformat(),
            "limit": 1,
        },
    )
    assert [s["starts_at"] for s in following.json()] == [f"{D30}T09:00:00+02:00"]
    customer = await make_account()
    assert_problem(
        await hold(
            client,
            customer.headers,
            "courtesy",
            resource_id=car.id,
            starts_at=local(D29, "10:00", BERLIN),
            ends_at=local(D29, "12:00", BERLIN),
        ),
        422,
        "booking-policy-violation",
    )
    # across the closure is fine for a handover product: picked up before, returned after
    across = await hold(
        client,
        customer.headers,
        "courtesy",
        resource_id=car.id,
        starts_at=local(D28, "16:00", BERLIN),
        ends_at=local(D30, "10:00", BERLIN),
    )
    assert across.status_code == 201, across.text


# --------------------------------------------------------------------------- found here (fixed)


async def test_availability_offers_nothing_that_cannot_be_booked(
    client, uow_factory, brand, make_account
) -> None:
    """Test drives are booked at most 60 days ahead: slots further out are not free."""
    centre = await make_centre(uow_factory, brand, hours=DAYS_9_TO_18)
    [car] = await make_resources(uow_factory, brand, centre.id, pool="testdrive")
    far = datetime.now(UTC).astimezone(BERLIN).date() + timedelta(days=90)
    offered = await slots(client, "testdrive", centre.id, far)
    customer = await make_account()
    first = offered[0] if offered else None
    if first is not None:
        refused = await hold(
            client,
            customer.headers,
            "testdrive",
            resource_id=car.id,
            starts_at=instant(str(first["starts_at"])),
            ends_at=instant(str(first["ends_at"])),
        )
        assert_problem(refused, 422, "booking-policy-violation")
    assert [s for s in offered if s["free"]] == []
    days = await month(client, "testdrive", centre.id, f"{far:%Y-%m}")
    assert all(d["free_slots"] == 0 for d in days if str(d["day"]) >= far.isoformat())


async def test_the_month_calendar_sees_buffers_across_the_month_boundary(
    uow_factory, brand
) -> None:
    """With a longer buffer before than after, a booking that ends late on the last day of
    a month still takes the first slot of the next one — in the calendar as in the day's
    slots."""
    policy = booking.BookingPolicy(
        name="early-prep",
        min_duration=HOUR,
        max_duration=timedelta(hours=4),
        slot_minutes=60,
        buffer_before=timedelta(hours=2),
        opening_rule="none",
    )
    centre = await make_centre(uow_factory, brand, hours=DAYS_9_TO_18)
    [car] = await make_resources(uow_factory, brand, centre.id)
    now = datetime(2027, 1, 10, tzinfo=UTC)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        try:
            await booking.hold(
                uow=uow,
                policy=policy,
                hold_in=booking.HoldCreate(
                    product=policy.name,
                    resource_id=car.id,
                    starts_at=local("2027-01-31", "21:00", BERLIN),
                    ends_at=local("2027-01-31", "23:00", BERLIN),
                ),
                customer_id=None,
                now=now,
            )
        except Problem as problem:  # pragma: no cover - the setup must work
            raise AssertionError(problem.slug) from problem
        await uow.commit()
    first = date(2027, 2, 1)
    async with uow_factory(tenant_id=brand.id) as uow:
        day = await booking.day_slots(
            uow=uow,
            centre_id=centre.id,
            day=first,
            policy=policy,
            filters=booking.Filters(),
            now=now,
        )
        month_view = await booking.month_calendar(
            uow=uow,
            centre_id=centre.id,
            month=first,
            policy=policy,
            filters=booking.Filters(),
            now=now,
        )
    assert [s.free for s in day.slots[:2]] == [0, 1]  # 00:00 needs the car from 22:00
    assert month_view.days[0].free_slots == sum(s.free for s in day.slots)


async def test_a_car_can_be_returned_as_the_doors_open(
    client, uow_factory, brand, make_account
) -> None:
    """Returning at closing time is fine ([start, end) ends as the doors close); returning
    at opening time must be too: 09:00 is inside opening hours of 09:00-18:00."""
    centre = await make_centre(uow_factory, brand, hours=DAYS_9_TO_18)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    answer = await hold(
        client,
        customer.headers,
        "rental",
        resource_id=car.id,
        starts_at=local(SPRING_BERLIN - 8 * DAY, "09:00", BERLIN),
        ends_at=local(SPRING_BERLIN - 7 * DAY, "09:00", BERLIN),
    )
    assert answer.status_code == 201, answer.text
