"""What a product defines cannot be bent by the request (issue 11, findings 1 and 2).

A hostile customer picks the product and the fields of each request; the domains must
still book only the product's own pool and take every term from the product definition.
On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from motorpool.domains.booking.tables import BookingRow
from motorpool.domains.contracts.tables import SubscriptionRow
from tests.conftest import assert_problem
from tests.domains.booking.factories import make_resources
from tests.products.journeys import at, dealership, monday, ok, pool_car


async def count(uow_factory, brand, table) -> int:
    async with uow_factory(tenant_id=brand.id) as uow:
        return int((await uow.session.execute(select(func.count()).select_from(table))).scalar())


@pytest.mark.parametrize("product", ["courtesy", "testdrive", "carsharing"])
async def test_a_rental_car_cannot_be_held_as_another_product(
    client, uow_factory, brand, make_account, product
) -> None:
    """Finding 1: a courtesy hold (free) on a rental-pool car was invoiced at 0.00."""
    place = await dealership(uow_factory, brand, make_account)
    car = await pool_car(client, uow_factory, brand, place, "rental")
    day = monday()
    starts, ends = at(day, "09:00"), at(day, "09:30")
    if product == "courtesy":
        ends = at(day + timedelta(days=4), "17:00")
    held = await client.post(
        "/booking/holds",
        headers=place.customer.headers,
        json={
            "product": product,
            "resource_id": car["resource_id"],
            "starts_at": starts.isoformat(),
            "ends_at": ends.isoformat(),
        },
    )
    body = assert_problem(held, 422, "resource-not-in-product-pool")
    assert "rental" in str(body["detail"])
    assert await count(uow_factory, brand, BookingRow) == 0
    # nor may a search offer it: asking for the rental pool under that product is refused,
    # and the product's own search does not list the rental car
    window = {
        "product": product,
        "centre_id": str(place.centre.id),
        "starts_at": starts.isoformat(),
        "ends_at": ends.isoformat(),
    }
    assert_problem(
        await client.get("/booking/availability", params={**window, "pool": "rental"}),
        422,
        "resource-not-in-product-pool",
    )
    offered = ok(await client.get("/booking/availability", params=window))
    assert car["resource_id"] not in [r["id"] for r in offered["resources"]]
    # the product it belongs to books it
    rental = await client.post(
        "/booking/holds",
        headers=place.customer.headers,
        json={
            "product": "rental",
            "resource_id": car["resource_id"],
            "starts_at": at(day, "09:00").isoformat(),
            "ends_at": at(day + timedelta(days=2), "09:00").isoformat(),
        },
    )
    assert rental.status_code == 201, rental.text


async def test_a_hold_at_a_centre_takes_only_the_products_pool(
    client, uow_factory, brand, make_account
) -> None:
    """Any free car at a centre: the rental car is not picked for a courtesy hold."""
    place = await dealership(uow_factory, brand, make_account)
    await pool_car(client, uow_factory, brand, place, "rental")
    day = monday()
    held = await client.post(
        "/booking/holds",
        headers=place.customer.headers,
        json={
            "product": "courtesy",
            "centre_id": str(place.centre.id),
            "starts_at": at(day, "09:00").isoformat(),
            "ends_at": at(day, "17:00").isoformat(),
        },
    )
    assert_problem(held, 409, "slot-taken")  # nothing of the courtesy pool is there
    assert await count(uow_factory, brand, BookingRow) == 0


async def test_the_minimum_term_comes_from_the_product(
    client, uow_factory, brand, make_account, app
) -> None:
    """Finding 2: a customer sent minimum_term_months: 1 for the 6-month product."""
    place = await dealership(uow_factory, brand, make_account)
    [car] = await make_resources(uow_factory, brand, place.centre.id, pool="subscription")
    day = monday()
    subscribe = {
        "product": "subscription",
        "market": "DE",
        "starts_on": day.isoformat(),
        "resource_id": str(car.id),
        "starts_at": at(day).isoformat(),
        "ends_at": at(day + timedelta(days=200)).isoformat(),
    }
    bent = await client.post(
        "/contracts/subscriptions",
        headers=place.customer.headers,
        json={**subscribe, "minimum_term_months": 1},
    )
    body = assert_problem(bent, 422)
    assert "minimum_term_months" in bent.text, body
    assert await count(uow_factory, brand, SubscriptionRow) == 0
    assert await count(uow_factory, brand, BookingRow) == 0
    schema = app.openapi()["components"]["schemas"]["SubscriptionCreate"]
    assert "minimum_term_months" not in schema["properties"]

    started = await client.post(
        "/contracts/subscriptions", headers=place.customer.headers, json=subscribe
    )
    assert started.status_code == 201, started.text
    sub = started.json()
    assert sub["minimum_term_months"] == 6  # the product's own term
    early = (day + timedelta(days=35)).isoformat()
    ended = await client.post(
        f"/contracts/subscriptions/{sub['id']}/end",
        headers=place.customer.headers,
        json={"on": early},
    )
    assert_problem(ended, 409, "minimum-term")
