"""Subscriptions and Flex through the HTTP API (and the renewal job through the face): the
first month invoiced at start, the minimum term, renewals once per period, pause and
resume, Flex swaps within and beyond the period's allowance, and who may do what."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from motorpool import products
from motorpool.domains import contracts, pricing
from motorpool.platform.outbox import OutboxMessage
from tests.conftest import assert_problem
from tests.domains.booking.factories import make_centre, make_resources
from tests.domains.contracts.factories import at, confirmed_booking, monday


def months_later(day: date, months: int) -> date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)


async def renew(uow_factory, brand, today: date) -> int:
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        issued = await contracts.renew_due(uow=uow, rates=products.rate_plans(), today=today)
        await uow.commit()
    return issued


async def subscribe(
    client,
    uow_factory,
    brand,
    make_account,
    *,
    product: str,
    cars: int = 1,
    days: int = 29,
    day: date | None = None,
):
    """A customer's subscription on a car booked from ``day`` (a Monday two weeks ahead
    unless given) 09:00 for ``days`` days."""
    centre = await make_centre(uow_factory, brand)
    resources = await make_resources(uow_factory, brand, centre.id, cars, pool="subscription")
    customer = await make_account()
    day = day or monday()
    booked = await confirmed_booking(
        client,
        customer.headers,
        resource_id=resources[0].id,
        starts_at=at(day),
        ends_at=at(day + timedelta(days=days)),
        product=product,
    )
    started = await client.post(
        "/contracts/subscriptions",
        headers=customer.headers,
        json={
            "product": product,
            "market": "DE",
            "starts_on": day.isoformat(),
            "booking_id": booked.id,
        },
    )
    assert started.status_code == 201, started.text
    return customer, resources, booked, started.json()


async def invoices_of(client, headers) -> list[dict]:
    answer = await client.get("/billing/invoices", headers=headers)
    assert answer.status_code == 200, answer.text
    items: list[dict] = answer.json()["items"]
    return items


async def test_start_invoices_the_first_month_and_keeps_the_minimum_term(
    client, uow_factory, brand, make_account
) -> None:
    customer, _, booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    starts_on = date.fromisoformat(sub["starts_on"])
    assert sub["status"] == "active"
    assert sub["booking_id"] == booked.id
    assert sub["period_start"] == starts_on.isoformat()
    assert sub["period_end"] == months_later(starts_on, 1).isoformat()
    assert sub["minimum_term_ends_on"] == months_later(starts_on, 6).isoformat()  # the product's
    assert sub["swaps_per_period"] == 0
    [period] = sub["periods"]
    [invoice] = await invoices_of(client, customer.headers)
    assert invoice["id"] == period["invoice_id"]
    assert invoice["source_type"] == "subscription"
    assert invoice["source_id"] == sub["id"]
    assert invoice["net"] == {"amount": "1490.00", "currency": "EUR"}

    path = f"/contracts/subscriptions/{sub['id']}"
    early = {"on": months_later(starts_on, 2).isoformat()}
    assert_problem(
        await client.post(f"{path}/end", headers=customer.headers, json=early), 409, "minimum-term"
    )
    forced = {**early, "force_reason": "moving abroad"}
    assert_problem(await client.post(f"{path}/end", headers=customer.headers, json=forced), 403)
    assert (await client.get(path, headers=customer.headers)).json()["status"] == "active"
    staff = await make_account(role="dealer_staff")
    ended = await client.post(f"{path}/end", headers=staff.headers, json=forced)
    assert ended.status_code == 200, ended.text
    assert ended.json()["status"] == "ended"
    assert ended.json()["end_reason"] == "moving abroad"
    assert_problem(
        await client.post(f"{path}/end", headers=staff.headers, json=forced),
        409,
        "invalid-subscription-transition",
    )


async def test_ends_on_the_minimum_term_without_force(
    client, uow_factory, brand, make_account
) -> None:
    customer, _, _, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    on = sub["minimum_term_ends_on"]
    ended = await client.post(
        f"/contracts/subscriptions/{sub['id']}/end", headers=customer.headers, json={"on": on}
    )
    assert ended.status_code == 200, ended.text
    assert ended.json()["ended_on"] == on


async def test_renewal_invoices_once_per_period(client, uow_factory, brand, make_account) -> None:
    customer, _, _, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    starts_on = date.fromisoformat(sub["starts_on"])
    second = months_later(starts_on, 1)
    assert await renew(uow_factory, brand, second - timedelta(days=1)) == 0
    assert await renew(uow_factory, brand, second) == 1
    assert await renew(uow_factory, brand, second) == 0  # the job ran twice: one invoice
    assert await renew(uow_factory, brand, second + timedelta(days=5)) == 0
    current = (
        await client.get(f"/contracts/subscriptions/{sub['id']}", headers=customer.headers)
    ).json()
    assert current["period_start"] == second.isoformat()
    assert [p["period_start"] for p in current["periods"]] == [
        starts_on.isoformat(),
        second.isoformat(),
    ]
    # a job that missed a month catches up, one invoice per period
    assert await renew(uow_factory, brand, months_later(starts_on, 3)) == 2
    assert len(await invoices_of(client, customer.headers)) == 4


async def test_one_subscription_failing_to_renew_holds_back_no_other(
    client, uow_factory, brand, make_account
) -> None:
    plain_customer, _, _, plain = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    flex_customer, _, _, flex = await subscribe(
        client, uow_factory, brand, make_account, product="flex"
    )
    second = months_later(date.fromisoformat(plain["starts_on"]), 1)
    # Flex is no longer priced in Germany: its renewal fails, the other one goes through
    without_flex = pricing.RateBook(p for p in products.rate_plans().plans() if p.product != "flex")
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        assert await contracts.renew_due(uow=uow, rates=without_flex, today=second) == 1
        await uow.commit()
    plain_now = (
        await client.get(f"/contracts/subscriptions/{plain['id']}", headers=plain_customer.headers)
    ).json()
    flex_now = (
        await client.get(f"/contracts/subscriptions/{flex['id']}", headers=flex_customer.headers)
    ).json()
    assert plain_now["period_start"] == second.isoformat()
    assert flex_now["period_start"] == flex["period_start"]  # untouched, still due
    assert len(await invoices_of(client, flex_customer.headers)) == 1
    async with uow_factory(tenant_id=None) as uow:
        renewed = (
            await uow.session.execute(
                select(OutboxMessage.payload).where(
                    OutboxMessage.name == "contracts.SubscriptionRenewed"
                )
            )
        ).scalars()
        assert flex["id"] not in {event["subscription_id"] for event in renewed}
    # priced again: the next run catches up
    flex_second = months_later(date.fromisoformat(flex["starts_on"]), 1)
    assert await renew(uow_factory, brand, max(second, flex_second)) == 1
    assert len(await invoices_of(client, flex_customer.headers)) == 2


async def test_pause_stops_renewals_and_lengthens_the_minimum_term(
    client, uow_factory, brand, make_account
) -> None:
    customer, _, _, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    starts_on = date.fromisoformat(sub["starts_on"])
    path = f"/contracts/subscriptions/{sub['id']}"
    paused_on = starts_on + timedelta(days=20)
    paused = await client.post(
        f"{path}/pause", headers=customer.headers, json={"on": paused_on.isoformat()}
    )
    assert paused.status_code == 200, paused.text
    assert paused.json()["status"] == "paused"
    assert await renew(uow_factory, brand, months_later(starts_on, 2)) == 0
    resumed_on = paused_on + timedelta(days=40)
    resumed = await client.post(
        f"{path}/resume", headers=customer.headers, json={"on": resumed_on.isoformat()}
    )
    assert resumed.status_code == 200, resumed.text
    body = resumed.json()
    assert body["status"] == "active"
    # the paid month ran out while paused: a new one starts and is invoiced on resumption
    assert body["period_start"] == resumed_on.isoformat()
    assert len(body["periods"]) == 2
    assert (
        body["minimum_term_ends_on"]
        == (months_later(starts_on, 6) + timedelta(days=40)).isoformat()
    )
    assert await renew(uow_factory, brand, resumed_on) == 0
    assert len(await invoices_of(client, customer.headers)) == 2


async def test_flex_swaps_within_and_beyond_the_allowance(
    client, uow_factory, brand, make_account
) -> None:
    customer, cars, booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="flex", cars=4
    )
    assert sub["swaps_per_period"] == sub["swaps_left"] == 2
    path = f"/contracts/subscriptions/{sub['id']}/swaps"
    day = booked.starts_at.date()

    async def swap_to(car, days_after: int):
        return await client.post(
            path,
            headers=customer.headers,
            json={
                "resource_id": str(car.id),
                "starts_at": at(day + timedelta(days=days_after)).isoformat(),
                "ends_at": booked.ends_at.isoformat(),
            },
        )

    first = await swap_to(cars[1], 1)
    assert first.status_code == 201, first.text
    assert first.json()["swaps_left"] == 1
    assert first.json()["previous_booking_id"] == booked.id
    old = (await client.get(f"/booking/bookings/{booked.id}", headers=customer.headers)).json()
    assert old["ends_at"] == first.json()["starts_at"]  # the first car ends at the swap
    second = await swap_to(cars[2], 2)
    assert second.status_code == 201, second.text
    assert second.json()["swaps_left"] == 0
    before = (await client.get("/booking/bookings", headers=customer.headers)).json()["total"]
    assert_problem(await swap_to(cars[3], 3), 409, "swap-allowance-exhausted")
    after = (await client.get("/booking/bookings", headers=customer.headers)).json()
    assert after["total"] == before  # nothing booked
    current = (
        await client.get(f"/contracts/subscriptions/{sub['id']}", headers=customer.headers)
    ).json()
    assert current["booking_id"] == second.json()["booking_id"]
    kept = next(b for b in after["items"] if b["id"] == current["booking_id"])
    assert kept["ends_at"] == second.json()["ends_at"]  # not shortened by the refused swap
    assert current["swaps_left"] == 0
    # a new period brings the allowance back
    starts_on = date.fromisoformat(sub["starts_on"])
    assert await renew(uow_factory, brand, months_later(starts_on, 1)) == 1
    renewed = await client.get(f"/contracts/subscriptions/{sub['id']}", headers=customer.headers)
    assert renewed.json()["swaps_left"] == 2


async def test_plain_subscription_has_no_swaps_and_others_see_nothing(
    client, uow_factory, brand, make_account
) -> None:
    customer, cars, booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription", cars=2
    )
    body = {
        "resource_id": str(cars[1].id),
        "starts_at": at(booked.starts_at.date() + timedelta(days=1)).isoformat(),
        "ends_at": booked.ends_at.isoformat(),
    }
    path = f"/contracts/subscriptions/{sub['id']}"
    assert_problem(
        await client.post(f"{path}/swaps", headers=customer.headers, json=body),
        409,
        "swap-allowance-exhausted",
    )
    stranger = await make_account()
    assert_problem(await client.get(path, headers=stranger.headers), 404, "subscription-not-found")
    assert_problem(
        await client.post(f"{path}/swaps", headers=stranger.headers, json=body),
        404,
        "subscription-not-found",
    )
    assert_problem(
        await client.post(f"{path}/pause", headers=stranger.headers, json={"on": "2030-01-01"}),
        404,
    )
    staff = await make_account(role="fleet_manager")
    assert (await client.get(path, headers=staff.headers)).status_code == 200
    # someone else's booking cannot become my subscription
    again = await client.post(
        "/contracts/subscriptions",
        headers=stranger.headers,
        json={
            "product": "subscription",
            "market": "DE",
            "starts_on": sub["starts_on"],
            "booking_id": booked.id,
        },
    )
    assert_problem(again, 404, "contract-booking-not-found")
    assert sub["minimum_term_months"] == 6  # the product's own term


async def test_subscribe_on_a_named_car_books_it(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id, pool="subscription")
    customer = await make_account()
    day = monday()
    started = await client.post(
        "/contracts/subscriptions",
        headers=customer.headers,
        json={
            "product": "flex",
            "market": "DE",
            "starts_on": day.isoformat(),
            "resource_id": str(car.id),
            "starts_at": at(day).isoformat(),
            "ends_at": at(day + timedelta(days=30)).isoformat(),
        },
    )
    assert started.status_code == 201, started.text
    sub = started.json()
    assert sub["minimum_term_months"] == 1  # flex's own default
    car_booking = await client.get(
        f"/booking/bookings/{sub['booking_id']}", headers=customer.headers
    )
    assert car_booking.json()["status"] == "confirmed"
    assert car_booking.json()["product"] == "flex"
    assert car_booking.json()["resource_id"] == str(car.id)
    # a rental booking is not a subscription's car
    [rental_car] = await make_resources(uow_factory, brand, centre.id)
    rental = await confirmed_booking(
        client,
        customer.headers,
        resource_id=rental_car.id,
        starts_at=at(day),
        ends_at=at(day + timedelta(days=3)),
    )
    refused = await client.post(
        "/contracts/subscriptions",
        headers=customer.headers,
        json={
            "product": "subscription",
            "market": "DE",
            "starts_on": day.isoformat(),
            "booking_id": rental.id,
        },
    )
    assert_problem(refused, 422, "invalid-subscription")
    assert len(await invoices_of(client, customer.headers)) == 1


async def long_subscription(client, uow_factory, brand, make_account):
    """A subscription whose car is booked well past its minimum term (200 days)."""
    customer, [car], booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription", days=200
    )
    return customer, car, booked, sub


async def test_ending_a_subscription_frees_its_car_from_the_end_day(
    client, uow_factory, brand, make_account
) -> None:
    customer, car, booked, sub = await long_subscription(client, uow_factory, brand, make_account)
    on = date.fromisoformat(sub["minimum_term_ends_on"])
    next_customer = await make_account()
    first_open = on + timedelta(days=1 if on.weekday() == 6 else 0)  # the centres rest on Sundays
    wanted = {"resource_id": str(car.id), "starts_at": at(first_open, "10:00"), "days": 30}

    async def take_over() -> int:
        answer = await client.post(
            "/booking/holds",
            headers=next_customer.headers,
            json={
                "product": "subscription",
                "resource_id": wanted["resource_id"],
                "starts_at": wanted["starts_at"].isoformat(),
                "ends_at": (wanted["starts_at"] + timedelta(days=30)).isoformat(),
            },
        )
        return answer.status_code

    assert await take_over() == 409  # the car is still booked for months
    ended = await client.post(
        f"/contracts/subscriptions/{sub['id']}/end",
        headers=customer.headers,
        json={"on": on.isoformat()},
    )
    assert ended.status_code == 200, ended.text
    car_booking = (
        await client.get(f"/booking/bookings/{booked.id}", headers=customer.headers)
    ).json()
    assert car_booking["status"] == "confirmed"
    assert datetime.fromisoformat(car_booking["ends_at"]) == at(on, "00:00")
    assert datetime.fromisoformat(car_booking["starts_at"]) == booked.starts_at
    assert await take_over() == 201  # free from the end day on


async def test_ending_before_the_car_is_due_cancels_its_booking(
    client, uow_factory, brand, make_account
) -> None:
    customer, _, booked, sub = await long_subscription(client, uow_factory, brand, make_account)
    staff = await make_account(role="dealer_staff")
    ended = await client.post(
        f"/contracts/subscriptions/{sub['id']}/end",
        headers=staff.headers,
        json={"on": sub["starts_on"], "force_reason": "car not wanted after all"},
    )
    assert ended.status_code == 200, ended.text
    car_booking = (
        await client.get(f"/booking/bookings/{booked.id}", headers=customer.headers)
    ).json()
    assert car_booking["status"] == "cancelled"


async def test_my_subscriptions_are_listed_newest_first_and_only_mine(
    client, uow_factory, brand, make_account
) -> None:
    customer, _, _, plain = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    other, _, _, _ = await subscribe(client, uow_factory, brand, make_account, product="flex")
    mine = await client.get("/contracts/subscriptions", headers=customer.headers)
    assert mine.status_code == 200, mine.text
    page = mine.json()
    assert page["total"] == 1
    [listed] = page["items"]
    assert listed["id"] == plain["id"]
    assert listed["periods"] == plain["periods"]
    assert listed["swaps_left"] == 0
    theirs = (await client.get("/contracts/subscriptions", headers=other.headers)).json()
    assert [s["product"] for s in theirs["items"]] == ["flex"]
    assert theirs["items"][0]["swaps_left"] == 2
    assert_problem(
        await client.get(
            "/contracts/subscriptions", params={"sort": "price"}, headers=other.headers
        ),
        422,
    )


async def test_ending_before_a_flex_swap_frees_both_cars(
    client, uow_factory, brand, make_account
) -> None:
    """A swap booked for later leaves the old car booked until the swap; ending the
    subscription before it shortens the old car's booking and cancels the new one's."""
    customer, cars, booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="flex", cars=2
    )
    day = booked.starts_at.date()
    swapped = await client.post(
        f"/contracts/subscriptions/{sub['id']}/swaps",
        headers=customer.headers,
        json={
            "resource_id": str(cars[1].id),
            "starts_at": at(day + timedelta(days=10)).isoformat(),
            "ends_at": booked.ends_at.isoformat(),
        },
    )
    assert swapped.status_code == 201, swapped.text
    staff = await make_account(role="dealer_staff")
    on = day + timedelta(days=5)
    ended = await client.post(
        f"/contracts/subscriptions/{sub['id']}/end",
        headers=staff.headers,
        json={"on": on.isoformat(), "force_reason": "moving abroad"},
    )
    assert ended.status_code == 200, ended.text

    async def booking_of(booking_id: str) -> dict:
        answer = await client.get(f"/booking/bookings/{booking_id}", headers=customer.headers)
        return answer.json()

    old = await booking_of(booked.id)
    assert old["status"] == "confirmed"
    assert datetime.fromisoformat(old["ends_at"]) == at(on, "00:00")
    assert (await booking_of(swapped.json()["booking_id"]))["status"] == "cancelled"


async def test_an_end_cannot_be_back_dated(client, uow_factory, brand, make_account) -> None:
    customer, _, booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription"
    )
    staff = await make_account(role="dealer_staff")
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    assert_problem(
        await client.post(
            f"/contracts/subscriptions/{sub['id']}/end",
            headers=staff.headers,
            json={"on": yesterday.isoformat(), "force_reason": "entered late"},
        ),
        422,
        "end-in-the-past",
    )
    current = await client.get(f"/contracts/subscriptions/{sub['id']}", headers=customer.headers)
    assert current.json()["status"] == "active"
    car = await client.get(f"/booking/bookings/{booked.id}", headers=customer.headers)
    assert datetime.fromisoformat(car.json()["ends_at"]) == booked.ends_at


async def test_a_car_booking_cancelled_by_the_end_costs_no_late_fee(
    client, uow_factory, brand, make_account
) -> None:
    """Three days ahead a subscription car's booking is inside its product's late-cancellation
    window (7 days, 10 %); ended by staff before the car was due, it is cancelled free."""
    day = datetime.now(UTC).date() + timedelta(days=3)
    while day.weekday() == 6:  # the test centres rest on Sundays
        day += timedelta(days=1)
    customer, _, booked, sub = await subscribe(
        client, uow_factory, brand, make_account, product="subscription", days=40, day=day
    )
    staff = await make_account(role="dealer_staff")
    ended = await client.post(
        f"/contracts/subscriptions/{sub['id']}/end",
        headers=staff.headers,
        json={"on": day.isoformat(), "force_reason": "car not wanted after all"},
    )
    assert ended.status_code == 200, ended.text
    car_booking = (
        await client.get(f"/booking/bookings/{booked.id}", headers=customer.headers)
    ).json()
    assert car_booking["status"] == "cancelled"
    assert Decimal(car_booking["cancellation_fee_percent"]) == 0
