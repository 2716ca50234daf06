"""Vehicles test factories: a catalogue model and registered cars with valid VINs."""

from __future__ import annotations

import uuid
from decimal import Decimal

from motorpool.domains import vehicles
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory


def random_vin() -> str:
    body = "WMP" + uuid.uuid4().hex[:14].upper().replace("O", "0").replace("I", "1").replace(
        "Q", "9"
    )
    return vehicles.with_check_digit(body)


async def make_car(
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    *,
    owner_id: uuid.UUID | None = None,
    powertrain: str = "BEV",
) -> vehicles.VehicleRead:
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        catalogue = await vehicles.create_model(
            uow=uow,
            model_in=vehicles.ModelCreate(
                code=f"M-{uuid.uuid4().hex[:6]}",
                model_line="Aurora",
                variant="4S",
                body="Sport Sedan",
                powertrain=powertrain,
                power_kw=440,  # type: ignore[arg-type]
                acceleration_0_100_s=Decimal("3.7"),
                top_speed_kmh=250,
                battery_kwh=Decimal("97.0"),
                seats=4,
            ),
        )
        car = await vehicles.register_vehicle(
            uow=uow,
            vehicle_in=vehicles.VehicleCreate(
                vin=random_vin(), model_id=catalogue.id, model_year=2026
            ),
        )
        if owner_id is not None:
            await vehicles.assign_owner(uow=uow, vehicle_id=car.id, owner_id=owner_id)
        await uow.commit()
    return car
