"""The fleet HTTP API (staff): thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query

from motorpool.domains.fleet import board, damages, service
from motorpool.domains.fleet.model import FleetPool, FleetState
from motorpool.domains.fleet.schemas import (
    DamageCreate,
    DamageRead,
    FleetBoard,
    FleetCarCreate,
    FleetCarPage,
    FleetCarRead,
    FleetStateChange,
    FleetStateChangeRead,
)
from motorpool.platform.auth import Principal, Role
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import Paging, Uow, domain_router, require_role

router = domain_router(prefix="/fleet", tags=["fleet"])

FleetManager = Annotated[Principal, Depends(require_role(Role.fleet_manager))]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]


def _actor(principal: Principal) -> uuid.UUID | None:
    return None if principal.external else principal.account_id


@router.post(
    "/cars",
    status_code=201,
    summary="Put a vehicle into a product pool at a centre (fleet manager)",
    responses=openapi_error_responses(409),
)
async def add_to_pool(body: FleetCarCreate, principal: FleetManager, uow: Uow) -> FleetCarRead:
    return await service.add_to_pool(uow=uow, car_in=body, actor_id=_actor(principal))


@router.get("/cars", summary="The brand's pool cars (staff)")
async def cars(
    _: Staff,
    uow: Uow,
    paging: Paging,
    centre_id: uuid.UUID | None = None,
    pool: FleetPool | None = None,
    state: FleetState | None = None,
) -> FleetCarPage:
    return await service.list_cars(
        uow=uow, paging=paging, centre_id=centre_id, pool=pool, state=state
    )


@router.get("/cars/{car_id}", summary="One pool car (staff)")
async def car(car_id: uuid.UUID, _: Staff, uow: Uow) -> FleetCarRead:
    return await service.get_car(uow=uow, car_id=car_id)


@router.post(
    "/cars/{car_id}/state",
    summary="Change the car's state; maintenance and retired block its bookings (staff)",
    responses=openapi_error_responses(409),
)
async def change_state(
    car_id: uuid.UUID, body: FleetStateChange, principal: Staff, uow: Uow
) -> FleetCarRead:
    return await service.change_state(
        uow=uow,
        car_id=car_id,
        state=body.state,
        reason=body.reason,
        until=body.until,
        actor_id=_actor(principal),
    )


@router.get("/cars/{car_id}/history", summary="The car's states over time (staff)")
async def history(car_id: uuid.UUID, _: Staff, uow: Uow) -> list[FleetStateChangeRead]:
    return await service.state_history(uow=uow, car_id=car_id)


@router.post(
    "/cars/{car_id}/damages",
    status_code=201,
    summary="Report damage; severe damage sends the car to maintenance (staff)",
    responses=openapi_error_responses(409),
)
async def report_damage(
    car_id: uuid.UUID, body: DamageCreate, principal: Staff, uow: Uow
) -> DamageRead:
    return await damages.report_damage(
        uow=uow, car_id=car_id, damage_in=body, actor_id=_actor(principal)
    )


@router.get("/cars/{car_id}/damages", summary="The car's damage reports, newest first (staff)")
async def damages_of(
    car_id: uuid.UUID,
    _: Staff,
    uow: Uow,
    open_only: Annotated[bool, Query(description="only those not repaired yet")] = False,
) -> list[DamageRead]:
    return await damages.damages_of(uow=uow, car_id=car_id, open_only=open_only)


@router.post(
    "/cars/{car_id}/damages/{damage_id}/repaired",
    summary="The damage is repaired: it no longer counts as open (staff)",
)
async def repaired(car_id: uuid.UUID, damage_id: uuid.UUID, _: Staff, uow: Uow) -> DamageRead:
    return await damages.mark_repaired(uow=uow, car_id=car_id, damage_id=damage_id)


@router.get("/board", summary="A centre's pool cars: state, damages, current and next booking")
async def fleet_board(
    _: Staff, uow: Uow, centre_id: Annotated[uuid.UUID, Query(description="the centre's id")]
) -> FleetBoard:
    return await board.fleet_board(uow=uow, centre_id=centre_id)
