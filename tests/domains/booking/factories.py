"""Booking test factories: a centre with hours, and resources at it."""

from __future__ import annotations

import uuid
from datetime import time

from motorpool.domains import booking, dealers
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory

WEEK_8_TO_18 = [(d, time(8), time(18)) for d in range(6)]  # Monday to Saturday


async def make_centre(
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    *,
    time_zone: str = "Europe/Berlin",
    hours: list[tuple[int, time, time]] | None = None,
    closures: tuple[str, ...] = (),
) -> dealers.CentreRead:
    from datetime import date

    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        centre = await dealers.create_centre(
            uow=uow,
            centre_in=dealers.CentreCreate(
                code=f"C{uuid.uuid4().hex[:6].upper()}",
                name="Test centre",
                street="Street 1",
                postal_code="10115",
                city="Berlin",
                country="DE",
                latitude=52.5,
                longitude=13.4,
                time_zone=time_zone,
                offers_pickup=True,
                offers_workshop=True,
                offers_test_drives=True,
            ),
        )
        await dealers.set_opening_hours(
            uow=uow,
            centre_id=centre.id,
            intervals=[
                dealers.OpeningInterval(weekday=d, opens=o, closes=c)
                for d, o, c in (hours if hours is not None else WEEK_8_TO_18)
            ],
        )
        for day in closures:
            await dealers.add_closure(
                uow=uow,
                centre_id=centre.id,
                closure_in=dealers.ClosureCreate(day=date.fromisoformat(day), reason="holiday"),
            )
        await uow.commit()
    return centre


async def make_resources(
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    centre_id: uuid.UUID,
    n: int = 1,
    *,
    pool: str = "rental",
    kind: str = "unit",
    capacity: int = 1,
    model: str = "Taycan",
    powertrain: str = "BEV",
) -> list[booking.ResourceRead]:
    made = []
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        for i in range(n):
            made.append(
                await booking.create_resource(
                    uow=uow,
                    resource_in=booking.ResourceCreate(
                        kind=booking.ResourceKind(kind),
                        capacity=capacity,
                        centre_id=centre_id,
                        pool=pool,
                        label=f"{model} {i:03d}",
                        model=model,
                        powertrain=powertrain,
                    ),
                )
            )
        await uow.commit()
    return made
