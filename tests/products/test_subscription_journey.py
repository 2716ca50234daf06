"""Subscription and Flex, the whole journey through the HTTP API: start on a car (the first
month invoiced), a renewal invoice from the monthly job, a Flex swap to another car (and one
beyond the allowance refused, booking nothing), and the end after the minimum term.

The DE plans: Flex 1,790.00 a month net, 19 % VAT (2,130.10); two swaps a month.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from motorpool.domains import contracts
from tests.conftest import assert_problem
from tests.products.journeys import at, dealership, monday, ok, pool_car

pytestmark = pytest.mark.postgres_only


def next_month(day: date) -> date:
    return day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1)


async def test_flex_start_renewal_swap_and_end(
    app, client, uow_factory, brand, make_account
) -> None:
    place = await dealership(uow_factory, brand, make_account)
    first_car = await pool_car(client, uow_factory, brand, place, "subscription")
    second_car = await pool_car(client, uow_factory, brand, place, "subscription")
    third_car = await pool_car(client, uow_factory, brand, place, "subscription")
    customer = place.customer
    day = monday()
    starts_on = day
    car_until = at(day + timedelta(days=91), "17:00")  # a Monday

    started = ok(
        await client.post(
            "/contracts/subscriptions",
            headers=customer.headers,
            json={
                "product": "flex",
                "market": "DE",
                "starts_on": starts_on.isoformat(),
                "resource_id": first_car["resource_id"],
                "starts_at": at(day).isoformat(),
                "ends_at": car_until.isoformat(),
            },
        ),
        201,
    )
    assert started["swaps_per_period"] == 2  # Flex's terms, from its product definition
    assert started["minimum_term_ends_on"] == next_month(starts_on).isoformat()
    [first_invoice] = ok(await client.get("/billing/invoices", headers=customer.headers))["items"]
    assert first_invoice["total"] == {"amount": "2130.10", "currency": "EUR"}

    # the monthly job (the housekeeping job's own call) invoices the second month once
    second_month = next_month(starts_on)
    for _ in range(2):
        async with uow_factory(tenant_id=brand.id, write=True) as uow:
            await contracts.renew_due(uow=uow, rates=app.state.rate_plans, today=second_month)
            await uow.commit()
    invoices = ok(await client.get("/billing/invoices", headers=customer.headers))["items"]
    assert len(invoices) == 2
    assert {i["total"]["amount"] for i in invoices} == {"2130.10"}

    # swap twice within a period; the third is refused and books nothing
    path = f"/contracts/subscriptions/{started['id']}/swaps"
    swap_at = at(day + timedelta(days=10))
    first_swap = ok(
        await client.post(
            path,
            headers=customer.headers,
            json={
                "resource_id": second_car["resource_id"],
                "starts_at": swap_at.isoformat(),
                "ends_at": car_until.isoformat(),
            },
        ),
        201,
    )
    assert first_swap["swaps_left"] == 1
    old = ok(
        await client.get(f"/booking/bookings/{started['booking_id']}", headers=customer.headers)
    )
    assert datetime.fromisoformat(old["ends_at"]) == swap_at  # the first car is given back
    ok(
        await client.post(
            path,
            headers=customer.headers,
            json={
                "resource_id": third_car["resource_id"],
                "starts_at": at(day + timedelta(days=12)).isoformat(),
                "ends_at": car_until.isoformat(),
            },
        ),
        201,
    )
    bookings_before = ok(await client.get("/booking/bookings", headers=customer.headers))["total"]
    assert_problem(
        await client.post(
            path,
            headers=customer.headers,
            json={
                "resource_id": first_car["resource_id"],
                "starts_at": at(day + timedelta(days=14)).isoformat(),
                "ends_at": car_until.isoformat(),
            },
        ),
        409,
        "swap-allowance-exhausted",
    )
    assert ok(await client.get("/booking/bookings", headers=customer.headers))["total"] == (
        bookings_before
    )

    # the end: not before the minimum term; after it, fine
    assert_problem(
        await client.post(
            f"/contracts/subscriptions/{started['id']}/end",
            headers=customer.headers,
            json={"on": (starts_on + timedelta(days=7)).isoformat()},
        ),
        409,
        "minimum-term",
    )
    ended = ok(
        await client.post(
            f"/contracts/subscriptions/{started['id']}/end",
            headers=customer.headers,
            json={"on": (second_month + timedelta(days=7)).isoformat()},
        )
    )
    assert ended["status"] == "ended"
    assert ended["ended_on"] == (second_month + timedelta(days=7)).isoformat()
