"""A new product is a definition and nothing else: no domain changes. Here "weekend" —
Friday evening to Monday morning on the rental fleet, one price — is defined in this test
alone and sold through the same booking, pricing and contracts APIs (README, "Adding a
product")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest
from fastapi import FastAPI

from motorpool.app import create_app
from motorpool.domains import pricing
from motorpool.domains.booking import BookingPolicy
from motorpool.products import PRODUCTS, ProductDefinition, discover
from tests.conftest import client_for, settings_for
from tests.products.journeys import at, dealership, monday, ok, pool_car

WEEKEND = ProductDefinition(
    name="weekend",
    title="Weekend",
    pool="rental",
    booking=BookingPolicy(
        name="weekend",
        min_duration=timedelta(days=2),
        max_duration=timedelta(days=3),
        lead_time=timedelta(days=1),
        buffer_after=timedelta(hours=1),
        opening_rule="handover",
        hold_ttl=timedelta(minutes=15),
    ),
    rate_plans=(
        pricing.RatePlan(
            product="weekend",
            market="DE",
            currency="EUR",
            unit=pricing.Unit.day,
            unit_price=Decimal("99"),
            included_km_per_unit=300,
            extra_km_price=Decimal("0.39"),
        ),
    ),
)


def test_the_shipped_products_are_found_by_their_files() -> None:
    names = {product.name for product in discover()}
    assert names == {
        "rental",
        "subscription",
        "flex",
        "carsharing",
        "testdrive",
        "servicing",
        "courtesy",
    }
    assert discover() == PRODUCTS


@pytest.fixture
async def weekend_app(app, database_url, smtp_server) -> AsyncIterator[FastAPI]:
    """A second deployment on the same database (and signing key) that also sells WEEKEND."""
    application = create_app(
        settings_for(database_url, app.state.settings.var_dir, smtp_server[1]),
        extra_products=[WEEKEND],
    )
    async with application.router.lifespan_context(application):
        yield application


async def test_a_product_defined_outside_the_domains_books_and_prices(
    weekend_app, uow_factory, brand, make_account
) -> None:
    async with client_for(weekend_app, brand) as client:
        place = await dealership(uow_factory, brand, make_account)
        car = await pool_car(client, uow_factory, brand, place, "rental")
        friday = monday() + timedelta(days=4)
        starts, ends = at(friday, "17:00"), at(friday + timedelta(days=3), "09:00")
        quote = ok(
            await client.post(
                "/pricing/quotes",
                json={
                    "product": "weekend",
                    "market": "DE",
                    "starts_at": starts.isoformat(),
                    "ends_at": ends.isoformat(),
                },
            ),
            201,
        )
        assert quote["net"] == {"amount": "297.00", "currency": "EUR"}  # 64 h: 3 started days
        held = ok(
            await client.post(
                "/booking/holds",
                headers=place.customer.headers,
                json={
                    "product": "weekend",
                    "resource_id": car["resource_id"],
                    "starts_at": starts.isoformat(),
                    "ends_at": ends.isoformat(),
                },
            ),
            201,
        )
        assert held["product"] == "weekend"
        too_short: httpx.Response = await client.post(
            "/booking/holds",
            headers=place.customer.headers,
            json={
                "product": "weekend",
                "resource_id": car["resource_id"],
                "starts_at": at(friday + timedelta(days=7), "17:00").isoformat(),
                "ends_at": at(friday + timedelta(days=8), "17:00").isoformat(),
            },
        )
        assert too_short.status_code == 422  # the weekend's own minimum of two days
