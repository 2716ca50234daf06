"""Fleet test factories: a centre with a fleet manager and staff, pool cars added through
the API, bookings on a car, and rental-friendly times on a workday."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import httpx

from motorpool.domains import dealers
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import Account, MakeAccount
from tests.domains.booking.factories import make_centre
from tests.domains.vehicles.factories import make_car
from tests.domains.workshop.factories import at, workday

__all__ = ["Fleet", "add_car", "at", "book", "later_workday", "make_fleet", "workday"]


@dataclass
class Fleet:
    centre: dealers.CentreRead
    manager: Account
    staff: Account
    customer: Account


async def make_fleet(
    uow_factory: UnitOfWorkFactory, brand: Tenant, make_account: MakeAccount
) -> Fleet:
    """A Berlin centre (Monday to Saturday, 8 to 18), a fleet manager, a dealer's staff
    member and a customer."""
    centre = await make_centre(uow_factory, brand)
    return Fleet(
        centre,
        await make_account(role="fleet_manager"),
        await make_account(role="dealer_staff"),
        await make_account(role="customer"),
    )


async def add_car(
    client: httpx.AsyncClient,
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    fleet: Fleet,
    *,
    pool: str = "rental",
    vehicle_id: uuid.UUID | None = None,
) -> dict:
    """A newly registered Aurora 4S put into ``pool`` at the fleet's centre, via the API."""
    if vehicle_id is None:
        vehicle_id = (await make_car(uow_factory, brand)).id
    answer = await client.post(
        "/fleet/cars",
        headers=fleet.manager.headers,
        json={"vehicle_id": str(vehicle_id), "centre_id": str(fleet.centre.id), "pool": pool},
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def book(
    client: httpx.AsyncClient,
    customer: Account,
    resource_id: str,
    day: date,
    start: str = "09:00",
    end: str = "15:00",
) -> httpx.Response:
    """A customer holds and confirms a rental of the resource on ``day``; the hold's answer
    if it was refused, else the confirmation's."""
    held = await client.post(
        "/booking/holds",
        headers=customer.headers,
        json={
            "product": "rental",
            "resource_id": resource_id,
            "starts_at": at(day, start),
            "ends_at": at(day, end),
        },
    )
    if held.status_code != 201:
        return held
    return await client.post(
        f"/booking/bookings/{held.json()['id']}/confirm", headers=customer.headers
    )


def later_workday(day: date, days: int = 1) -> date:
    following = day + timedelta(days=days)
    while following.weekday() > 4:
        following += timedelta(days=1)
    return following
