"""The vehicles HTTP API: the catalogue, my garage, live status, telemetry ingestion."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Query, Request

from motorpool.domains.vehicles import model, service, telemetry
from motorpool.domains.vehicles.connection import VehicleConnection
from motorpool.domains.vehicles.schemas import (
    GarageCar,
    HistoryPoint,
    IngestResult,
    ModelCreate,
    ModelRead,
    PairingConfirm,
    PairingStart,
    PairingStarted,
    RemoteCommand,
    TelemetryBatch,
    VehicleCreate,
    VehiclePage,
    VehicleRead,
    VehicleStatus,
)
from motorpool.platform.auth import Principal, Role
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role

router = domain_router(prefix="/vehicles", tags=["vehicles"])

FleetManager = Annotated[Principal, Depends(require_role(Role.fleet_manager))]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]
Backend = Annotated[Principal, Depends(require_role(Role.vehicle_backend))]


async def _connection(request: Request) -> VehicleConnection:
    connection: VehicleConnection = request.app.state.vehicle_connection
    return connection


Connection = Annotated[VehicleConnection, Depends(_connection)]


@router.get("/models", summary="The model catalogue")
async def models(uow: Uow) -> list[ModelRead]:
    return await service.list_models(uow=uow)


@router.post("/models", status_code=201, summary="Add a model to the catalogue")
async def create_model(body: ModelCreate, _: FleetManager, uow: Uow) -> ModelRead:
    return await service.create_model(uow=uow, model_in=body)


@router.post(
    "/",
    status_code=201,
    summary="Register a vehicle by VIN",
    responses=openapi_error_responses(409),
)
async def register(body: VehicleCreate, _: FleetManager, uow: Uow) -> VehicleRead:
    return await service.register_vehicle(uow=uow, vehicle_in=body)


@router.get("/", summary="All vehicles of the brand (staff)")
async def vehicles(_: Staff, uow: Uow, paging: Paging) -> VehiclePage:
    return await service.list_vehicles(uow=uow, paging=paging)


@router.post(
    "/telemetry",
    summary="Status reports of many cars (the connected-car backend)",
    description="Each report is checked on its own: unknown signals and out-of-range values "
    "are listed in `rejected` and the valid ones are kept. A report older than the stored "
    "state goes to the history only.",
)
async def ingest(body: TelemetryBatch, _: Backend, uow: Uow) -> IngestResult:
    return await telemetry.ingest(uow=uow, batch=body)


@router.get("/garage", summary="My cars with their live status")
async def garage(principal: CurrentPrincipal, uow: Uow) -> list[GarageCar]:
    return await service.garage(uow=uow, owner_id=principal.account_id)


@router.post(
    "/garage/pairing",
    status_code=202,
    summary="Add a car: a one-time code appears on the car's display",
    responses=openapi_error_responses(503),
)
async def start_pairing(
    body: PairingStart, principal: CurrentPrincipal, uow: Uow, connection: Connection
) -> PairingStarted:
    return await service.start_pairing(
        uow=uow, owner_id=principal.account_id, vin=body.vin, connection=connection
    )


@router.post("/garage", status_code=201, summary="Confirm with the code shown in the car")
async def confirm_pairing(
    body: PairingConfirm, principal: CurrentPrincipal, uow: Uow
) -> VehicleRead:
    return await service.confirm_pairing(
        uow=uow, owner_id=principal.account_id, vin=body.vin, code=body.code
    )


@router.delete("/garage/{vehicle_id}", status_code=204, summary="Remove a car from my garage")
async def remove(vehicle_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> None:
    await service.remove_from_garage(uow=uow, owner_id=principal.account_id, vehicle_id=vehicle_id)


@router.get("/garage/{vehicle_id}/status", summary="My car's latest status and its age")
async def car_status(vehicle_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> VehicleStatus:
    await service.owned_vehicle(uow=uow, owner_id=principal.account_id, vehicle_id=vehicle_id)
    return await service.status(uow=uow, vehicle_id=vehicle_id)


@router.get("/garage/{vehicle_id}/history", summary="One signal of my car over time")
async def car_history(
    vehicle_id: uuid.UUID,
    principal: CurrentPrincipal,
    uow: Uow,
    signal: Annotated[str, Query(examples=["Vehicle.TraveledDistance"])],
    hours: Annotated[int, Query(ge=1, le=24 * 90)] = 24,
) -> list[HistoryPoint]:
    await service.owned_vehicle(uow=uow, owner_id=principal.account_id, vehicle_id=vehicle_id)
    if signal not in model.SIGNALS:
        raise model.UnknownSignal(f"{signal!r} is not a COVESA VSS signal Motorpool keeps")
    since = datetime.now(UTC) - timedelta(hours=hours)
    return await service.history(uow=uow, vehicle_id=vehicle_id, signal=signal, since=since)


@router.post(
    "/garage/{vehicle_id}/commands",
    status_code=202,
    summary="Lock or unlock my car",
    responses=openapi_error_responses(503),
)
async def command(
    vehicle_id: uuid.UUID,
    body: RemoteCommand,
    principal: CurrentPrincipal,
    uow: Uow,
    connection: Connection,
) -> dict[str, str]:
    await service.send_command(
        uow=uow,
        owner_id=principal.account_id,
        vehicle_id=vehicle_id,
        command=body.command,
        connection=connection,
    )
    return {"status": "sent"}
