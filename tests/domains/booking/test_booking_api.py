"""Booking through the HTTP API: lifecycle, overlaps with buffers, capacity, modify, cancel,
blocks, expiry, and what other brands and customers may see."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import httpx

from motorpool.domains import booking
from tests.conftest import assert_problem
from tests.domains.booking.factories import make_centre, make_resources

BERLIN = ZoneInfo("Europe/Berlin")


def at(day: str, clock: str, zone: ZoneInfo = BERLIN) -> str:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zone).isoformat()


async def hold(client, headers, **body) -> httpx.Response:
    return await client.post("/booking/holds", headers=headers, json={"product": "rental", **body})


async def test_hold_confirm_start_complete(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    staff = await make_account(role="dealer_staff")
    held = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-01", "09:00"),
        ends_at=at("2027-02-03", "17:00"),
    )
    assert held.status_code == 201, held.text
    body = held.json()
    assert body["status"] == "held"
    assert body["local_starts_at"] == "2027-02-01T09:00:00+01:00"
    assert body["time_zone"] == "Europe/Berlin"
    booking_id = body["id"]
    confirmed = await client.post(
        f"/booking/bookings/{booking_id}/confirm", headers=customer.headers
    )
    assert confirmed.json()["status"] == "confirmed"
    assert_problem(
        await client.post(f"/booking/bookings/{booking_id}/start", headers=customer.headers), 403
    )
    for step, status in (("start", "started"), ("complete", "completed")):
        answer = await client.post(f"/booking/bookings/{booking_id}/{step}", headers=staff.headers)
        assert answer.json()["status"] == status, answer.text
    assert_problem(
        await client.post(f"/booking/bookings/{booking_id}/start", headers=staff.headers),
        409,
        "invalid-booking-transition",
    )
    mine = (await client.get("/booking/bookings", headers=customer.headers)).json()
    assert [b["id"] for b in mine["items"]] == [booking_id]


async def test_no_overlap_with_buffers(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    first = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-01", "09:00"),
        ends_at=at("2027-02-01", "13:00"),
    )
    assert first.status_code == 201
    # rental keeps one hour after a booking for cleaning and charging
    inside_buffer = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-01", "13:30"),
        ends_at=at("2027-02-01", "17:30"),
    )
    assert_problem(inside_buffer, 409, "slot-taken")
    after_buffer = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-01", "14:00"),
        ends_at=at("2027-02-01", "18:00"),
    )
    assert after_buffer.status_code == 201, after_buffer.text


async def test_any_free_car_at_a_centre_then_none(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    cars = await make_resources(uow_factory, brand, centre.id, 2)
    customer = await make_account()
    window = {"starts_at": at("2027-02-02", "09:00"), "ends_at": at("2027-02-02", "17:00")}
    got = set()
    for _ in range(2):
        answer = await hold(
            client, customer.headers, centre_id=str(centre.id), pool="rental", **window
        )
        assert answer.status_code == 201, answer.text
        got.add(answer.json()["resource_id"])
    assert got == {str(c.id) for c in cars}
    assert_problem(
        await hold(client, customer.headers, centre_id=str(centre.id), pool="rental", **window),
        409,
        "slot-taken",
    )
    free = await client.get(
        "/booking/availability",
        params={"product": "rental", "centre_id": str(centre.id), **window},
    )
    assert free.json()["resources"] == []


async def test_capacity_resource_takes_n_at_once(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    [bays] = await make_resources(
        uow_factory, brand, centre.id, pool="workshop", kind="capacity", capacity=2
    )
    customer = await make_account()
    slot = {
        "resource_id": str(bays.id),
        "starts_at": at("2027-02-03", "10:00"),
        "ends_at": at("2027-02-03", "11:30"),
    }
    for _ in range(2):
        answer = await hold(client, customer.headers, **{**slot, "product": "servicing"})
        assert answer.status_code == 201, answer.text
    third = await hold(client, customer.headers, **{**slot, "product": "servicing"})
    assert_problem(third, 409, "slot-taken")
    later = await hold(
        client,
        customer.headers,
        product="servicing",
        resource_id=str(bays.id),
        starts_at=at("2027-02-03", "11:30"),
        ends_at=at("2027-02-03", "13:00"),
    )
    assert later.status_code == 201, later.text
    off_grid = await hold(
        client,
        customer.headers,
        product="servicing",
        resource_id=str(bays.id),
        starts_at=at("2027-02-03", "12:10"),
        ends_at=at("2027-02-03", "12:40"),
    )
    assert_problem(off_grid, 422, "booking-policy-violation")


async def test_modify_is_all_or_nothing(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    a = (
        await hold(
            client,
            customer.headers,
            resource_id=str(car.id),
            starts_at=at("2027-02-01", "09:00"),
            ends_at=at("2027-02-01", "13:00"),
        )
    ).json()
    b = (
        await hold(
            client,
            customer.headers,
            resource_id=str(car.id),
            starts_at=at("2027-02-02", "09:00"),
            ends_at=at("2027-02-02", "13:00"),
        )
    ).json()
    clash = await client.patch(
        f"/booking/bookings/{a['id']}",
        headers=customer.headers,
        json={"starts_at": at("2027-02-01", "09:00"), "ends_at": at("2027-02-02", "10:00")},
    )
    assert_problem(clash, 409, "slot-taken")
    unchanged = (await client.get(f"/booking/bookings/{a['id']}", headers=customer.headers)).json()
    assert unchanged["ends_at"] == a["ends_at"]
    extended = await client.patch(
        f"/booking/bookings/{a['id']}",
        headers=customer.headers,
        json={"starts_at": at("2027-02-01", "09:00"), "ends_at": at("2027-02-01", "17:00")},
    )
    assert extended.status_code == 200, extended.text
    assert extended.json()["local_ends_at"] == "2027-02-01T17:00:00+01:00"
    assert b["status"] == "held"


async def test_late_cancellation_carries_the_policys_fee(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    soon = datetime.now(UTC) + timedelta(days=1)
    soon = soon.astimezone(BERLIN).replace(hour=10, minute=0, second=0, microsecond=0)
    if soon.weekday() == 6:
        soon += timedelta(days=1)
    early = (
        await hold(
            client,
            customer.headers,
            resource_id=str(car.id),
            starts_at=at("2027-03-01", "10:00"),
            ends_at=at("2027-03-01", "16:00"),
        )
    ).json()
    late = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=soon.isoformat(),
        ends_at=(soon + timedelta(hours=6)).isoformat(),
    )
    assert late.status_code == 201, late.text
    free_cancel = await client.post(
        f"/booking/bookings/{early['id']}/cancel", headers=customer.headers
    )
    assert Decimal(free_cancel.json()["cancellation_fee_percent"]) == 0
    fee_cancel = await client.post(
        f"/booking/bookings/{late.json()['id']}/cancel", headers=customer.headers
    )
    assert fee_cancel.json()["status"] == "cancelled"
    assert Decimal(fee_cancel.json()["cancellation_fee_percent"]) == 50


async def test_block_names_affected_bookings_and_refuses_new_ones(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    fleet = await make_account(role="fleet_manager")
    booked = (
        await hold(
            client,
            customer.headers,
            resource_id=str(car.id),
            starts_at=at("2027-02-04", "09:00"),
            ends_at=at("2027-02-04", "13:00"),
        )
    ).json()
    blocked = await client.post(
        f"/booking/resources/{car.id}/blocks",
        headers=fleet.headers,
        json={
            "starts_at": at("2027-02-04", "00:00"),
            "ends_at": at("2027-02-06", "00:00"),
            "reason": "brake service",
        },
    )
    assert blocked.status_code == 201, blocked.text
    assert blocked.json()["affected_booking_ids"] == [booked["id"]]
    refused = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-05", "09:00"),
        ends_at=at("2027-02-05", "17:00"),
    )
    assert_problem(refused, 409, "slot-taken")


async def test_closure_day_and_opening_hours(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand, closures=("2027-02-08",))
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    on_closure = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-08", "09:00"),
        ends_at=at("2027-02-09", "09:00"),
    )
    assert_problem(on_closure, 422, "booking-policy-violation")
    before_opening = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-09", "07:00"),
        ends_at=at("2027-02-09", "13:00"),
    )
    assert_problem(before_opening, 422, "booking-policy-violation")
    # return exactly at closing time is fine: [start, end) ends as the doors close
    at_closing = await hold(
        client,
        customer.headers,
        resource_id=str(car.id),
        starts_at=at("2027-02-09", "08:00"),
        ends_at=at("2027-02-09", "18:00"),
    )
    assert at_closing.status_code == 201, at_closing.text


async def test_across_midnight_without_opening_hours(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id, pool="carsharing")
    customer = await make_account()
    night = await hold(
        client,
        customer.headers,
        product="carsharing",
        resource_id=str(car.id),
        starts_at=(datetime.now(UTC) + timedelta(days=2)).replace(hour=22, minute=30).isoformat(),
        ends_at=(datetime.now(UTC) + timedelta(days=3)).replace(hour=1, minute=0).isoformat(),
    )
    assert night.status_code == 201, night.text
    overlapping = await hold(
        client,
        customer.headers,
        product="carsharing",
        resource_id=str(car.id),
        starts_at=(datetime.now(UTC) + timedelta(days=3)).replace(hour=0, minute=30).isoformat(),
        ends_at=(datetime.now(UTC) + timedelta(days=3)).replace(hour=2, minute=0).isoformat(),
    )
    assert_problem(overlapping, 409, "slot-taken")


async def test_others_cannot_see_or_touch_a_booking(
    client, other_client, uow_factory, brand, make_account
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    owner = await make_account()
    stranger = await make_account()
    made = (
        await hold(
            client,
            owner.headers,
            resource_id=str(car.id),
            starts_at=at("2027-02-10", "09:00"),
            ends_at=at("2027-02-10", "13:00"),
        )
    ).json()
    assert_problem(
        await client.get(f"/booking/bookings/{made['id']}", headers=stranger.headers), 404
    )
    assert_problem(
        await client.post(f"/booking/bookings/{made['id']}/cancel", headers=stranger.headers), 404
    )
    assert (await client.get("/booking/bookings", headers=stranger.headers)).json()["total"] == 0
    other = await other_client.get(
        "/booking/availability",
        params={
            "product": "rental",
            "centre_id": str(centre.id),
            "starts_at": at("2027-02-10", "09:00"),
            "ends_at": at("2027-02-10", "13:00"),
        },
    )
    assert_problem(other, 404, "centre-not-found")


async def test_a_lapsed_hold_frees_the_slot(uow_factory, brand) -> None:
    from motorpool.products import booking_policies

    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    rental = booking_policies()["rental"]
    t0 = datetime(2027, 1, 10, 8, tzinfo=UTC)
    window = booking.HoldCreate(
        product="rental",
        resource_id=car.id,
        starts_at=datetime(2027, 2, 11, 9, tzinfo=BERLIN),
        ends_at=datetime(2027, 2, 11, 13, tzinfo=BERLIN),
    )
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        first = await booking.hold(uow=uow, policy=rental, hold_in=window, customer_id=None, now=t0)
        await uow.commit()
    later = t0 + rental.hold_ttl + timedelta(seconds=1)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        second = await booking.hold(
            uow=uow, policy=rental, hold_in=window, customer_id=None, now=later
        )
        await uow.commit()
    assert second.resource_id == first.resource_id
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        assert (await booking.get_booking(uow=uow, booking_id=first.id)).status == "expired"


async def test_housekeeping_sweeps_lapsed_holds(app, uow_factory, brand) -> None:
    from motorpool.products import booking_policies

    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    rental = booking_policies()["rental"]
    window = booking.HoldCreate(
        product="rental",
        resource_id=car.id,
        starts_at=datetime(2027, 2, 12, 9, tzinfo=BERLIN),
        ends_at=datetime(2027, 2, 12, 13, tzinfo=BERLIN),
    )
    long_ago = datetime.now(UTC) - rental.hold_ttl - timedelta(minutes=1)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        held = await booking.hold(
            uow=uow, policy=rental, hold_in=window, customer_id=None, now=long_ago
        )
        await uow.commit()
    housekeeping = app.state.housekeeping
    await housekeeping.run_once(housekeeping.jobs[0])
    async with uow_factory(tenant_id=brand.id) as uow:
        assert (await booking.get_booking(uow=uow, booking_id=held.id)).status == "expired"


async def test_an_early_return_frees_the_car_after_its_buffer(uow_factory, brand) -> None:
    """Brought back a day early, the car is bookable again once the rental's one-hour buffer
    has passed — not only after the planned end; a return on time changes nothing."""
    from motorpool.products import booking_policies

    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    rental = booking_policies()["rental"]
    t0 = datetime(2027, 1, 10, 8, tzinfo=UTC)
    planned = booking.HoldCreate(
        product="rental",
        resource_id=car.id,
        starts_at=datetime(2027, 2, 15, 9, tzinfo=BERLIN),  # a Monday
        ends_at=datetime(2027, 2, 17, 9, tzinfo=BERLIN),
    )
    back = datetime(2027, 2, 16, 9, tzinfo=BERLIN)
    after = (datetime(2027, 2, 16, 10, 30, tzinfo=BERLIN), datetime(2027, 2, 16, 15, tzinfo=BERLIN))

    async def free_then() -> bool:
        async with uow_factory(tenant_id=brand.id) as uow:
            found = await booking.free_resources(
                uow=uow, centre_id=centre.id, start=after[0], end=after[1], policy=rental, now=t0
            )
        return car.id in {r.id for r in found.resources}

    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        held = await booking.hold(uow=uow, policy=rental, hold_in=planned, customer_id=None, now=t0)
        await booking.confirm(uow=uow, booking_id=held.id, now=t0)
        await booking.start(uow=uow, booking_id=held.id, now=planned.starts_at)
        await uow.commit()
    assert not await free_then()
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        done = await booking.complete(uow=uow, booking_id=held.id, now=back, released_at=back)
        await uow.commit()
    assert done.status == "completed"
    assert done.ends_at == back
    assert await free_then()
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        again = await booking.hold(
            uow=uow,
            policy=rental,
            hold_in=booking.HoldCreate(
                product="rental", resource_id=car.id, starts_at=after[0], ends_at=after[1]
            ),
            customer_id=None,
            now=t0,
        )
        await uow.commit()
    assert again.resource_id == car.id
