"""Housekeeping runs each job for every brand; one brand's failure does not stop the rest."""

from __future__ import annotations

import uuid

from motorpool.platform.housekeeping import Housekeeping, Job
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWork, UnitOfWorkFactory
from tests.conftest import make_brand


async def test_a_failing_brand_does_not_hold_back_the_others(
    uow_factory: UnitOfWorkFactory, brand: Tenant
) -> None:
    troubled = await make_brand(uow_factory, "troubled")
    reached: list[uuid.UUID] = []

    async def job(uow: UnitOfWork) -> None:
        if uow.brand == troubled.id:
            raise RuntimeError("this brand's data is broken")
        reached.append(uow.brand)

    housekeeping = Housekeeping(uow_factory, [])
    failed = await housekeeping.run_once(Job("probe", 60.0, job))
    assert failed == 1
    assert brand.id in reached  # whatever the order, the healthy brand ran
    assert troubled.id not in reached
