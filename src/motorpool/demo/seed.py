"""Seeds the demo brand idempotently: centres in several time zones, customers and staff."""

from __future__ import annotations

import hashlib
import uuid
from datetime import time

from rich.console import Console
from rich.progress import Progress

from motorpool.demo.centres import CENTRES
from motorpool.demo.vehicles import DEMO_CARS, MODELS
from motorpool.domains import booking, dealers, fleet, identity, vehicles, workshop
from motorpool.platform.auth import Role
from motorpool.platform.db import create_engine
from motorpool.platform.http import PageParams
from motorpool.platform.settings import get_settings
from motorpool.platform.tenancy import Tenant, ensure_tenant, find_tenant
from motorpool.platform.uow import UnitOfWorkFactory

DEMO_SLUG = "demo"
DEMO_PASSWORD = "motorpool-demo-2026"
DEMO_ACCOUNTS: list[tuple[str, str, str]] = [
    ("admin@demo.motorpool.dev", DEMO_PASSWORD, Role.brand_admin.value),
    ("fleet@demo.motorpool.dev", DEMO_PASSWORD, Role.fleet_manager.value),
    ("staff.berlin@demo.motorpool.dev", DEMO_PASSWORD, Role.dealer_staff.value),
    ("anna.schmidt@example.com", DEMO_PASSWORD, Role.customer.value),
    ("james.miller@example.com", DEMO_PASSWORD, Role.customer.value),
    ("yuki.tanaka@example.com", DEMO_PASSWORD, Role.customer.value),
    ("connected-car@demo.motorpool.dev", DEMO_PASSWORD, Role.vehicle_backend.value),
]
_NAMES = {
    "anna.schmidt@example.com": ("Anna", "Schmidt", "de"),
    "james.miller@example.com": ("James", "Miller", "en"),
    "yuki.tanaka@example.com": ("Yuki", "Tanaka", "en"),
}


async def _brand(factory: UnitOfWorkFactory) -> Tenant:
    async with factory(tenant_id=None, write=True) as uow:
        tenant = await ensure_tenant(
            uow,
            slug=DEMO_SLUG,
            name="Motorpool Demo",
            hosts=["localhost", "127.0.0.1", "demo.localhost"],
            allowed_origins=["http://localhost:8000", "http://127.0.0.1:8000"],
        )
        await uow.commit()
    return tenant


async def _centres(factory: UnitOfWorkFactory, tenant: Tenant, progress: Progress) -> None:
    task = progress.add_task("Centres", total=len(CENTRES))
    async with factory(tenant_id=tenant.id, write=True) as uow:
        page = await dealers.list_centres(
            uow=uow, paging=PageParams(limit=200, offset=0, sort=None)
        )
        known = {c.code for c in page.items}
        for spec in CENTRES:
            if spec["code"] not in known:
                centre = await dealers.create_centre(
                    uow=uow,
                    centre_in=dealers.CentreCreate(
                        **{k: v for k, v in spec.items() if k not in ("hours", "offers")},
                        offers_pickup="pickup" in spec["offers"],
                        offers_workshop="workshop" in spec["offers"],
                        offers_test_drives="test_drives" in spec["offers"],
                    ),
                )
                await dealers.set_opening_hours(
                    uow=uow,
                    centre_id=centre.id,
                    intervals=[
                        dealers.OpeningInterval(
                            weekday=d, opens=time.fromisoformat(o), closes=time.fromisoformat(c)
                        )
                        for d, o, c in spec["hours"]
                    ],
                )
            progress.advance(task)
        await uow.commit()


async def _accounts(factory: UnitOfWorkFactory, tenant: Tenant, progress: Progress) -> None:
    task = progress.add_task("Accounts", total=len(DEMO_ACCOUNTS))
    for email, password, role in DEMO_ACCOUNTS:
        given, family, locale = _NAMES.get(email, (None, None, "en"))
        async with factory(tenant_id=tenant.id, write=True) as uow:
            try:
                await identity.create_account(
                    uow=uow,
                    account_in=identity.AccountCreate(
                        email=email,
                        password=password,
                        role=Role(role),
                        given_name=given,
                        family_name=family,
                        locale=locale,
                    ),
                )
                await uow.commit()
            except identity.EmailTaken:
                await uow.rollback()
        progress.advance(task)


async def _vehicles(factory: UnitOfWorkFactory, tenant: Tenant, progress: Progress) -> None:
    task = progress.add_task("Vehicles", total=len(MODELS) + len(DEMO_CARS))
    async with factory(tenant_id=tenant.id, write=True) as uow:
        models = {m.code: m for m in await vehicles.list_models(uow=uow)}
        for spec in MODELS:
            if spec.code not in models:
                models[spec.code] = await vehicles.create_model(uow=uow, model_in=spec)
            progress.advance(task)
        owners = {
            a.email: a.id
            for a in (
                await identity.list_accounts(
                    uow=uow, paging=PageParams(limit=200, offset=0, sort=None)
                )
            ).items
        }
        for car in DEMO_CARS:
            try:
                registered = await vehicles.register_vehicle(
                    uow=uow,
                    vehicle_in=vehicles.VehicleCreate(
                        vin=car.vin,
                        model_id=models[car.model_code].id,
                        plate=car.plate,
                        colour=car.colour,
                        model_year=2026,
                    ),
                )
                if car.owner:
                    await vehicles.assign_owner(
                        uow=uow, vehicle_id=registered.id, owner_id=owners[car.owner]
                    )
            except vehicles.VinTaken:
                pass
            progress.advance(task)
        await uow.commit()


MOBILITY_PLAN: list[tuple[str, str, int]] = [  # pool, model code, cars per centre
    ("courtesy", "AUR-4S", 2),
    ("rental", "AUR-4S", 2),
    ("rental", "VEL-E", 2),
    ("subscription", "AUR-T", 2),
    ("carsharing", "AUR-4S", 2),
    ("testdrive", "AUR-T", 1),
    ("testdrive", "VEL-E", 1),
]


def _fleet_vin(centre_code: str, pool: str, number: int) -> str:
    """A stable, valid VIN for a demo fleet car (so seeding twice finds it again)."""
    digest = hashlib.sha256(f"{centre_code}/{pool}/{number}".encode()).hexdigest().upper()
    body = "WMF" + digest.replace("O", "0").replace("I", "1").replace("Q", "9")[:14]
    return vehicles.with_check_digit(body)


def shared_car_vins(centre_code: str | None = None) -> list[str]:
    """The demo's car-sharing cars (of one centre, if given): unlocked and locked remotely,
    so the simulated connectivity backend drives them as well as the owners' cars."""
    return [
        _fleet_vin(str(spec["code"]), pool, number)
        for spec in CENTRES
        if "pickup" in spec["offers"] and centre_code in (None, spec["code"])
        for pool, _, count in MOBILITY_PLAN
        if pool == "carsharing"
        for number in range(1, count + 1)
    ]


def _wanted_pools(centre: dealers.CentreRead) -> list[tuple[str, str, int]]:
    return [
        entry
        for entry in MOBILITY_PLAN
        if (entry[0] == "courtesy" and centre.offers_workshop)
        or (entry[0] == "testdrive" and centre.offers_test_drives)
        or (entry[0] not in ("courtesy", "testdrive") and centre.offers_pickup)
    ]


async def _resources(factory: UnitOfWorkFactory, tenant: Tenant, progress: Progress) -> None:
    """Bookable things at each centre: the workshop's bays (a capacity resource) and the
    fleet — courtesy, rental, subscription, car-sharing and test-drive cars, each a
    registered vehicle put into its pool through the fleet domain."""
    async with factory(tenant_id=tenant.id, write=True) as uow:
        centres = (
            await dealers.list_centres(uow=uow, paging=PageParams(limit=200, offset=0, sort=None))
        ).items
        models = {m.code: m for m in await vehicles.list_models(uow=uow)}
        task = progress.add_task("Fleet and bays", total=len(centres))
        for centre in centres:
            existing = await booking.list_resources(
                uow=uow, paging=PageParams(limit=1, offset=0, sort=None), centre_id=centre.id
            )
            if existing.total:
                progress.advance(task)
                continue
            if centre.offers_workshop:
                await booking.create_resource(
                    uow=uow,
                    resource_in=booking.ResourceCreate(
                        kind=booking.ResourceKind.capacity,
                        capacity=3,
                        centre_id=centre.id,
                        pool="workshop",
                        label=f"{centre.code} workshop",
                    ),
                )
            counters: dict[str, int] = {}
            for pool, model_code, count in _wanted_pools(centre):
                for _ in range(count):
                    number = counters[pool] = counters.get(pool, 0) + 1
                    car = await vehicles.register_vehicle(
                        uow=uow,
                        vehicle_in=vehicles.VehicleCreate(
                            vin=_fleet_vin(centre.code, pool, number),
                            model_id=models[model_code].id,
                            plate=f"{centre.code[:3]}-{pool[:2].upper()} {number}",
                            model_year=2026,
                        ),
                    )
                    await fleet.add_to_pool(
                        uow=uow,
                        car_in=fleet.FleetCarCreate(
                            vehicle_id=car.id, centre_id=centre.id, pool=fleet.FleetPool(pool)
                        ),
                    )
            progress.advance(task)
        await uow.commit()


async def _workshop(factory: UnitOfWorkFactory, tenant: Tenant, progress: Progress) -> None:
    """The brand's standard workshop services and their durations per model line."""
    task = progress.add_task("Workshop services", total=1)
    async with factory(tenant_id=tenant.id, write=True) as uow:
        await workshop.ensure_service_catalogue(uow=uow)
        await uow.commit()
    progress.advance(task)


async def seed(console: Console | None = None) -> Tenant:
    """Create or complete the demo brand; running it twice changes nothing."""
    settings = get_settings()
    engine = create_engine(settings.database_url)
    factory = UnitOfWorkFactory(engine)
    try:
        tenant = await _brand(factory)
        with Progress(console=console or Console(), transient=False) as progress:
            await _centres(factory, tenant, progress)
            await _accounts(factory, tenant, progress)
            await _vehicles(factory, tenant, progress)
            await _resources(factory, tenant, progress)
            await _workshop(factory, tenant, progress)
        return tenant
    finally:
        await engine.dispose()


async def create_admin(*, brand: str, email: str, password: str) -> uuid.UUID:
    settings = get_settings()
    engine = create_engine(settings.database_url)
    factory = UnitOfWorkFactory(engine)
    try:
        async with factory(tenant_id=None) as uow:
            tenant = await find_tenant(uow, brand)
        if tenant is None:
            raise SystemExit(f"no brand {brand!r}; run `motorpool seed demo` or create one")
        tenant_id = tenant.id
        async with factory(tenant_id=tenant_id, write=True) as uow:
            profile = await identity.create_account(
                uow=uow,
                account_in=identity.AccountCreate(
                    email=email, password=password, role=Role.brand_admin
                ),
            )
            await uow.commit()
        return profile.id
    finally:
        await engine.dispose()
