"""Seeds the demo brand idempotently: centres in several time zones, customers and staff."""

from __future__ import annotations

import uuid
from datetime import time

from rich.console import Console
from rich.progress import Progress

from motorpool.demo.centres import CENTRES
from motorpool.demo.vehicles import DEMO_CARS, MODELS
from motorpool.domains import booking, dealers, identity, vehicles, workshop
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


async def _resources(factory: UnitOfWorkFactory, tenant: Tenant, progress: Progress) -> None:
    """Bookable things at each centre: workshop bays, courtesy, rental and test-drive cars."""
    async with factory(tenant_id=tenant.id, write=True) as uow:
        centres = (
            await dealers.list_centres(uow=uow, paging=PageParams(limit=200, offset=0, sort=None))
        ).items
        task = progress.add_task("Bookable resources", total=len(centres))
        for centre in centres:
            existing = await booking.list_resources(
                uow=uow, paging=PageParams(limit=1, offset=0, sort=None), centre_id=centre.id
            )
            if existing.total:
                progress.advance(task)
                continue
            plan: list[tuple[str, str, int, int]] = []  # pool, kind, capacity, count
            if centre.offers_workshop:
                plan += [("workshop", "capacity", 3, 1), ("courtesy", "unit", 1, 2)]
            if centre.offers_pickup:
                plan += [
                    ("rental", "unit", 1, 4),
                    ("subscription", "unit", 1, 2),
                    ("carsharing", "unit", 1, 2),
                ]
            if centre.offers_test_drives:
                plan += [("testdrive", "unit", 1, 2)]
            for pool, kind, capacity, count in plan:
                for number in range(1, count + 1):
                    await booking.create_resource(
                        uow=uow,
                        resource_in=booking.ResourceCreate(
                            kind=booking.ResourceKind(kind),
                            capacity=capacity,
                            centre_id=centre.id,
                            pool=pool,
                            label=f"{centre.code} {pool} {number}",
                            model=None if pool == "workshop" else "Aurora",
                            powertrain=None if pool == "workshop" else "BEV",
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
