"""Helpers for the product journeys: a centre with a fleet car in a product's pool, staff,
a customer, and times on the centre's clock inside every product's booking window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from motorpool.domains import dealers
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import Account, MakeAccount
from tests.domains.booking.factories import make_centre
from tests.domains.vehicles.factories import make_car

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Dealership:
    centre: dealers.CentreRead
    manager: Account
    staff: Account
    customer: Account


async def dealership(
    uow_factory: UnitOfWorkFactory, brand: Tenant, make_account: MakeAccount
) -> Dealership:
    """A Berlin centre open Monday to Saturday 8 to 18, its fleet manager and staff, and a
    customer."""
    return Dealership(
        await make_centre(uow_factory, brand),
        await make_account(role="fleet_manager"),
        await make_account(role="dealer_staff"),
        await make_account(),
    )


async def pool_car(
    client: httpx.AsyncClient,
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    place: Dealership,
    pool: str,
) -> dict:
    """A new car, registered and put into ``pool`` at the centre by its fleet manager."""
    vehicle = await make_car(uow_factory, brand)
    answer = await client.post(
        "/fleet/cars",
        headers=place.manager.headers,
        json={"vehicle_id": str(vehicle.id), "centre_id": str(place.centre.id), "pool": pool},
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def monday(weeks_ahead: int = 2) -> date:
    day = datetime.now(UTC).date() + timedelta(weeks=weeks_ahead)
    return day - timedelta(days=day.weekday())


def at(day: date, clock: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day.isoformat()}T{clock}").replace(tzinfo=BERLIN)


def ok(answer: httpx.Response, status: int = 200) -> dict:
    assert answer.status_code == status, answer.text
    return dict(answer.json())
