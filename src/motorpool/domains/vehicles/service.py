"""Vehicle use cases: catalogue, registration, my garage (pairing), status, commands."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select

from motorpool.domains.vehicles import model
from motorpool.domains.vehicles.connection import VehicleConnection
from motorpool.domains.vehicles.events import (
    OwnershipEnded,
    OwnershipStarted,
    RemoteCommandSent,
    VehicleRegistered,
)
from motorpool.domains.vehicles.schemas import (
    GarageCar,
    HistoryPoint,
    ModelCreate,
    ModelRead,
    PairingStarted,
    SignalValue,
    VehicleCreate,
    VehiclePage,
    VehicleRead,
    VehicleStatus,
)
from motorpool.domains.vehicles.tables import (
    ModelRow,
    OwnershipRow,
    SignalHistoryRow,
    SignalLatestRow,
    VehicleRow,
)
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, sort_clause
from motorpool.platform.uow import UnitOfWork


def model_read(row: ModelRow) -> ModelRead:
    return ModelRead.model_validate(
        {
            **{c: getattr(row, c) for c in ModelRead.model_fields if c != "power_ps"},
            "power_ps": model.power_ps(row.power_kw),
        }
    )


def vehicle_read(row: VehicleRow, catalogue: ModelRow) -> VehicleRead:
    return VehicleRead(
        id=row.id,
        vin=row.vin,
        model_id=row.model_id,
        model_line=catalogue.model_line,
        variant=catalogue.variant,
        powertrain=catalogue.powertrain,
        plate=row.plate,
        colour=row.colour,
        model_year=row.model_year,
    )


async def create_model(*, uow: UnitOfWork, model_in: ModelCreate) -> ModelRead:
    row = ModelRow(id=new_id(), **model_in.model_dump())
    uow.session.add(row)
    await uow.session.flush()
    return model_read(row)


async def list_models(*, uow: UnitOfWork) -> list[ModelRead]:
    rows = await uow.session.execute(
        select(ModelRow).order_by(ModelRow.model_line, ModelRow.variant)
    )
    return [model_read(r) for r in rows.scalars()]


async def _vehicle_with_model(
    uow: UnitOfWork, *where: object
) -> tuple[VehicleRow, ModelRow] | None:
    found = (
        await uow.session.execute(
            select(VehicleRow, ModelRow)
            .join(ModelRow, ModelRow.id == VehicleRow.model_id)
            .where(*where)  # type: ignore[arg-type]
        )
    ).first()
    return (found[0], found[1]) if found else None


async def get_vehicle(*, uow: UnitOfWork, vehicle_id: uuid.UUID) -> VehicleRead:
    """Any vehicle of the brand by id, with its catalogue names (staff, the fleet domain)."""
    found = await _vehicle_with_model(uow, VehicleRow.id == vehicle_id)
    if found is None:
        raise model.VehicleNotFound()
    return vehicle_read(*found)


async def register_vehicle(*, uow: UnitOfWork, vehicle_in: VehicleCreate) -> VehicleRead:
    vin = model.normalise_vin(vehicle_in.vin)
    catalogue = (
        await uow.session.execute(select(ModelRow).where(ModelRow.id == vehicle_in.model_id))
    ).scalar_one_or_none()
    if catalogue is None:
        raise model.ModelNotFound()
    if await _vehicle_with_model(uow, VehicleRow.vin == vin):
        raise model.VinTaken()
    row = VehicleRow(
        id=new_id(),
        vin=vin,
        model_id=catalogue.id,
        plate=vehicle_in.plate,
        colour=vehicle_in.colour,
        model_year=vehicle_in.model_year,
        created_at=utcnow(),
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.record(VehicleRegistered(tenant_id=uow.brand, vehicle_id=row.id, vin=vin))
    return vehicle_read(row, catalogue)


async def list_vehicles(*, uow: UnitOfWork, paging: PageParams) -> VehiclePage:
    total = (await uow.session.execute(select(func.count()).select_from(VehicleRow))).scalar_one()
    order = sort_clause(
        paging.sort, {"vin": VehicleRow.vin, "created_at": VehicleRow.created_at}, VehicleRow.vin
    )
    rows = await uow.session.execute(
        select(VehicleRow, ModelRow)
        .join(ModelRow, ModelRow.id == VehicleRow.model_id)
        .order_by(order)
        .limit(paging.limit)
        .offset(paging.offset)
    )
    return VehiclePage(
        items=[vehicle_read(v, m) for v, m in rows],
        total=total,
        limit=paging.limit,
        offset=paging.offset,
    )


async def _current_owner(uow: UnitOfWork, vehicle_id: uuid.UUID) -> OwnershipRow | None:
    return (
        await uow.session.execute(
            select(OwnershipRow).where(
                OwnershipRow.vehicle_id == vehicle_id, OwnershipRow.ended_at.is_(None)
            )
        )
    ).scalar_one_or_none()


async def owned_vehicle(
    *, uow: UnitOfWork, owner_id: uuid.UUID, vehicle_id: uuid.UUID
) -> VehicleRead:
    """The car, if ``owner_id`` owns it now; 404 otherwise (no hint that it exists)."""
    found = await _vehicle_with_model(
        uow,
        VehicleRow.id == vehicle_id,
        VehicleRow.id.in_(
            select(OwnershipRow.vehicle_id).where(
                OwnershipRow.owner_id == owner_id, OwnershipRow.ended_at.is_(None)
            )
        ),
    )
    if found is None:
        raise model.VehicleNotFound()
    return vehicle_read(*found)


async def start_pairing(
    *, uow: UnitOfWork, owner_id: uuid.UUID, vin: str, connection: VehicleConnection
) -> PairingStarted:
    """Show a one-time code in the car; whoever reads it there can add the car."""
    vin = model.normalise_vin(vin)
    found = await _vehicle_with_model(uow, VehicleRow.vin == vin)
    if found is None:
        raise model.VehicleNotFound("no car of this brand has that VIN")
    car = found[0]
    code = model.new_pairing_code()
    car.pairing_code_hash = model.hash_code(code, str(car.id))
    car.pairing_for = owner_id
    car.pairing_expires_at = utcnow() + model.PAIRING_TTL
    car.pairing_attempts = 0
    await connection.show_pairing_code(vin, code)
    return PairingStarted(expires_at=car.pairing_expires_at)


async def confirm_pairing(
    *, uow: UnitOfWork, owner_id: uuid.UUID, vin: str, code: str
) -> VehicleRead:
    """Add the car to the caller's garage; a previous owner loses access at once."""
    vin = model.normalise_vin(vin)
    found = await _vehicle_with_model(uow, VehicleRow.vin == vin)
    if found is None:
        raise model.VehicleNotFound("no car of this brand has that VIN")
    car, catalogue = found
    now = utcnow()
    usable = (
        car.pairing_code_hash is not None
        and car.pairing_for == owner_id
        and car.pairing_expires_at is not None
        and car.pairing_expires_at > now
        and car.pairing_attempts < model.PAIRING_ATTEMPTS
    )
    if not usable or not model.code_matches(code, str(car.id), car.pairing_code_hash or ""):
        car.pairing_attempts += 1
        raise model.WrongPairingCode()
    car.pairing_code_hash = None
    car.pairing_for = None
    car.pairing_expires_at = None
    previous = await _current_owner(uow, car.id)
    if previous is not None and previous.owner_id == owner_id:
        return vehicle_read(car, catalogue)
    if previous is not None:
        previous.ended_at = now
        uow.record(
            OwnershipEnded(
                tenant_id=uow.brand, vehicle_id=car.id, owner_id=previous.owner_id, reason="sold"
            )
        )
        await uow.session.flush()
    uow.session.add(OwnershipRow(id=new_id(), vehicle_id=car.id, owner_id=owner_id, started_at=now))
    uow.record(OwnershipStarted(tenant_id=uow.brand, vehicle_id=car.id, owner_id=owner_id))
    return vehicle_read(car, catalogue)


async def assign_owner(*, uow: UnitOfWork, vehicle_id: uuid.UUID, owner_id: uuid.UUID) -> None:
    """Staff (and the demo seed) hand a car to an owner without the pairing dance."""
    current = await _current_owner(uow, vehicle_id)
    if current is not None:
        if current.owner_id == owner_id:
            return
        current.ended_at = utcnow()
        await uow.session.flush()
    uow.session.add(OwnershipRow(id=new_id(), vehicle_id=vehicle_id, owner_id=owner_id))
    uow.record(OwnershipStarted(tenant_id=uow.brand, vehicle_id=vehicle_id, owner_id=owner_id))


async def remove_from_garage(
    *, uow: UnitOfWork, owner_id: uuid.UUID, vehicle_id: uuid.UUID
) -> None:
    await owned_vehicle(uow=uow, owner_id=owner_id, vehicle_id=vehicle_id)
    current = await _current_owner(uow, vehicle_id)
    if current is not None:
        current.ended_at = utcnow()
        uow.record(
            OwnershipEnded(
                tenant_id=uow.brand, vehicle_id=vehicle_id, owner_id=owner_id, reason="removed"
            )
        )


async def status(
    *, uow: UnitOfWork, vehicle_id: uuid.UUID, now: datetime | None = None
) -> VehicleStatus:
    now = now or utcnow()
    found = await _vehicle_with_model(uow, VehicleRow.id == vehicle_id)
    if found is None:
        raise model.VehicleNotFound()
    car = found[0]
    rows = (
        (
            await uow.session.execute(
                select(SignalLatestRow).where(SignalLatestRow.vehicle_id == vehicle_id)
            )
        )
        .scalars()
        .all()
    )
    return _status(car, rows, now)


async def statuses(
    *, uow: UnitOfWork, vehicle_ids: Sequence[uuid.UUID], now: datetime | None = None
) -> dict[uuid.UUID, tuple[VehicleRead, VehicleStatus]]:
    """Many cars (a fleet) with their latest status, in two queries whatever the count; cars
    not found are left out. For operators' views — no ownership is checked here."""
    now = now or utcnow()
    wanted = list(dict.fromkeys(vehicle_ids))
    if not wanted:
        return {}
    rows = (
        await uow.session.execute(
            select(VehicleRow, ModelRow)
            .join(ModelRow, ModelRow.id == VehicleRow.model_id)
            .where(VehicleRow.id.in_(wanted))
        )
    ).all()
    latest = (
        (
            await uow.session.execute(
                select(SignalLatestRow).where(SignalLatestRow.vehicle_id.in_(wanted))
            )
        )
        .scalars()
        .all()
    )
    by_car: dict[uuid.UUID, list[SignalLatestRow]] = {}
    for signal in latest:
        by_car.setdefault(signal.vehicle_id, []).append(signal)
    return {
        car.id: (vehicle_read(car, catalogue), _status(car, by_car.get(car.id, []), now))
        for car, catalogue in rows
    }


def _status(car: VehicleRow, latest: Sequence[SignalLatestRow], now: datetime) -> VehicleStatus:
    """A car's latest signals, each with its age, and the age of the newest one."""
    newest = max((s.observed_at for s in latest), default=None)
    return VehicleStatus(
        vehicle_id=car.id,
        vin=car.vin,
        as_of=newest,
        age_seconds=(now - newest).total_seconds() if newest else None,
        service_due=car.service_due,
        signals={
            s.signal: SignalValue(
                value=s.flag if s.flag is not None else (s.value or 0.0),
                observed_at=s.observed_at,
                age_seconds=max(0.0, (now - s.observed_at).total_seconds()),
            )
            for s in sorted(latest, key=lambda s: s.signal)
        },
    )


async def garage(*, uow: UnitOfWork, owner_id: uuid.UUID) -> list[GarageCar]:
    """My cars, each with its model and latest status (three queries, whatever the count)."""
    now = utcnow()
    rows = (
        await uow.session.execute(
            select(VehicleRow, ModelRow)
            .join(ModelRow, ModelRow.id == VehicleRow.model_id)
            .join(OwnershipRow, OwnershipRow.vehicle_id == VehicleRow.id)
            .where(OwnershipRow.owner_id == owner_id, OwnershipRow.ended_at.is_(None))
            .order_by(VehicleRow.vin)
        )
    ).all()
    latest = (
        (
            await uow.session.execute(
                select(SignalLatestRow).where(
                    SignalLatestRow.vehicle_id.in_([v.id for v, _ in rows])
                )
            )
        )
        .scalars()
        .all()
    )
    by_car: dict[uuid.UUID, list[SignalLatestRow]] = {}
    for signal in latest:
        by_car.setdefault(signal.vehicle_id, []).append(signal)
    return [
        GarageCar(
            vehicle=vehicle_read(car, catalogue),
            model=model_read(catalogue),
            status=_status(car, by_car.get(car.id, []), now),
        )
        for car, catalogue in rows
    ]


async def history(
    *, uow: UnitOfWork, vehicle_id: uuid.UUID, signal: str, since: datetime, limit: int = 500
) -> list[HistoryPoint]:
    rows = await uow.session.execute(
        select(SignalHistoryRow.observed_at, SignalHistoryRow.value, SignalHistoryRow.flag)
        .where(
            SignalHistoryRow.vehicle_id == vehicle_id,
            SignalHistoryRow.signal == signal,
            SignalHistoryRow.observed_at >= since,
        )
        .order_by(SignalHistoryRow.observed_at)
        .limit(limit)
    )
    return [
        HistoryPoint(observed_at=at, value=flag if flag is not None else (value or 0.0))
        for at, value, flag in rows
    ]


async def send_command(
    *,
    uow: UnitOfWork,
    owner_id: uuid.UUID,
    vehicle_id: uuid.UUID,
    command: str,
    connection: VehicleConnection,
) -> None:
    car = await owned_vehicle(uow=uow, owner_id=owner_id, vehicle_id=vehicle_id)
    await connection.send_command(car.vin, command)
    uow.record(RemoteCommandSent(tenant_id=uow.brand, vehicle_id=car.id, command=command))


async def send_fleet_command(
    *,
    uow: UnitOfWork,
    vehicle_id: uuid.UUID,
    command: str,
    connection: VehicleConnection,
) -> None:
    """Lock or unlock a car for its operator rather than its owner (car sharing unlocks a
    shared car for the trip's driver; the caller has checked the trip)."""
    car = await get_vehicle(uow=uow, vehicle_id=vehicle_id)
    await connection.send_command(car.vin, command)
    uow.record(RemoteCommandSent(tenant_id=uow.brand, vehicle_id=car.id, command=command))


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    """This domain's part of a GDPR export: the cars I own or owned, and when."""
    rows = await uow.session.execute(
        select(OwnershipRow, VehicleRow.vin)
        .join(VehicleRow, VehicleRow.id == OwnershipRow.vehicle_id)
        .where(OwnershipRow.owner_id == account_id)
        .order_by(OwnershipRow.started_at)
    )
    return {
        "ownerships": [
            {
                "vin": vin,
                "started_at": ownership.started_at.isoformat(),
                "ended_at": ownership.ended_at.isoformat() if ownership.ended_at else None,
            }
            for ownership, vin in rows
        ]
    }


async def forget_owner(*, uow: UnitOfWork, account_id: uuid.UUID) -> None:
    """An erased customer owns nothing any more."""
    current = await uow.session.execute(
        select(OwnershipRow).where(
            OwnershipRow.owner_id == account_id, OwnershipRow.ended_at.is_(None)
        )
    )
    for ownership in current.scalars():
        ownership.ended_at = utcnow()
        uow.record(
            OwnershipEnded(
                tenant_id=uow.brand,
                vehicle_id=ownership.vehicle_id,
                owner_id=account_id,
                reason="erased",
            )
        )
