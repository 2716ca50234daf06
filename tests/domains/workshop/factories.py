"""Workshop test factories: a centre with bays (and courtesy cars), the brand's service
catalogue, an owner with a car, and workdays inside the servicing booking window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from motorpool.domains import dealers, vehicles, workshop
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import Account, MakeAccount
from tests.domains.booking.factories import make_centre, make_resources
from tests.domains.vehicles.factories import make_car

BERLIN = ZoneInfo("Europe/Berlin")


def workday(ahead: int = 7) -> date:
    """A Monday to Friday at least ``ahead`` days from now (servicing books 12 h to 120 days
    ahead; the test centres open Monday to Saturday, 8 to 18)."""
    day = datetime.now(UTC).date() + timedelta(days=ahead)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def at(day: date, clock: str, zone: ZoneInfo = BERLIN) -> str:
    return datetime.fromisoformat(f"{day.isoformat()}T{clock}").replace(tzinfo=zone).isoformat()


async def make_workshop(
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    *,
    bays: int = 1,
    courtesy_cars: int = 0,
    offers_workshop: bool = True,
) -> dealers.CentreRead:
    """A Berlin centre with one workshop resource of ``bays`` bays and its courtesy cars,
    and the brand's standard service catalogue."""
    centre = await make_centre(uow_factory, brand)
    await make_resources(
        uow_factory, brand, centre.id, pool="workshop", kind="capacity", capacity=bays
    )
    if courtesy_cars:
        await make_resources(uow_factory, brand, centre.id, courtesy_cars, pool="courtesy")
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        await workshop.ensure_service_catalogue(uow=uow)
        if not offers_workshop:
            centre = await dealers.update_centre(
                uow=uow, centre_id=centre.id, changes=dealers.CentreUpdate(offers_workshop=False)
            )
        await uow.commit()
    return centre


@dataclass
class Owner:
    account: Account
    car: vehicles.VehicleRead

    @property
    def headers(self) -> dict[str, str]:
        return self.account.headers


async def make_owner(
    uow_factory: UnitOfWorkFactory, brand: Tenant, make_account: MakeAccount
) -> Owner:
    """A customer with one car (model line "Aurora") in their garage."""
    account = await make_account()
    car = await make_car(uow_factory, brand, owner_id=account.id)
    return Owner(account, car)
