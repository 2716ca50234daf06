"""Status ingestion: many cars per request, per-item errors, never older over newer.

Valid signals of a batch go into the history in one multi-row INSERT and into the latest
state in one multi-row upsert whose update only fires when the report is newer than what
is stored — so an out-of-order report can never overwrite newer state, without locks.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from motorpool.domains.vehicles import model
from motorpool.domains.vehicles.events import ServiceBecameDue
from motorpool.domains.vehicles.schemas import IngestResult, RejectedItem, TelemetryBatch
from motorpool.domains.vehicles.tables import (
    OwnershipRow,
    SignalHistoryRow,
    SignalLatestRow,
    VehicleRow,
)
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.uow import UnitOfWork

SERVICE_SIGNALS = (
    "Vehicle.Service.IsServiceDue",
    "Vehicle.Service.DistanceToService",
    "Vehicle.Service.TimeToService",
)


def _columns(value: float | bool) -> dict[str, Any]:
    return (
        {"flag": value, "value": None}
        if isinstance(value, bool)
        else {"value": value, "flag": None}
    )


async def ingest(*, uow: UnitOfWork, batch: TelemetryBatch) -> IngestResult:
    rejected: list[RejectedItem] = []
    vins: dict[int, str] = {}
    for index, report in enumerate(batch.reports):
        try:
            vins[index] = model.normalise_vin(report.vin)
        except model.InvalidVin as error:
            rejected.append(
                RejectedItem(report=index, vin=report.vin, signal=None, reason=str(error))
            )
    found = await uow.session.execute(
        select(VehicleRow.vin, VehicleRow.id).where(VehicleRow.vin.in_(set(vins.values())))
    )
    known = {vin: vehicle_id for vin, vehicle_id in found}
    now = utcnow()
    rows: list[dict[str, Any]] = []
    accepted_reports = 0
    for index, vin in vins.items():
        report = batch.reports[index]
        vehicle_id = known.get(vin)
        if vehicle_id is None:
            rejected.append(
                RejectedItem(report=index, vin=vin, signal=None, reason="unknown vehicle")
            )
            continue
        good = 0
        for name, raw in report.signals.items():
            try:
                value = model.check_signal(name, raw)
            except ValueError as error:
                rejected.append(RejectedItem(report=index, vin=vin, signal=name, reason=str(error)))
                continue
            rows.append(
                {
                    "tenant_id": uow.brand,
                    "vehicle_id": vehicle_id,
                    "signal": name,
                    "observed_at": report.observed_at,
                    **_columns(value),
                }
            )
            good += 1
        accepted_reports += 1 if good else 0
    updated = 0
    if rows:
        await uow.session.execute(
            insert(SignalHistoryRow), [{"id": new_id(), **row} for row in rows]
        )
        updated = await _upsert_latest(uow, _newest_per_signal(rows), now)
        await _derive_service_due(uow, {row["vehicle_id"] for row in rows})
    return IngestResult(
        accepted_reports=accepted_reports,
        accepted_signals=len(rows),
        stale_signals=len(_newest_per_signal(rows)) - updated if rows else 0,
        rejected=rejected,
    )


def _newest_per_signal(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (car, signal): the newest in the batch (an upsert may not touch a key twice)."""
    newest: dict[tuple[uuid.UUID, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["vehicle_id"], row["signal"])
        if key not in newest or row["observed_at"] > newest[key]["observed_at"]:
            newest[key] = row
    return list(newest.values())


async def _upsert_latest(uow: UnitOfWork, rows: list[dict[str, Any]], now: datetime) -> int:
    ins = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    stmt = ins(SignalLatestRow).values([{**row, "received_at": now} for row in rows])
    stmt = stmt.on_conflict_do_update(
        index_elements=["vehicle_id", "signal"],
        set_={
            "value": stmt.excluded.value,
            "flag": stmt.excluded.flag,
            "observed_at": stmt.excluded.observed_at,
            "received_at": stmt.excluded.received_at,
        },
        where=stmt.excluded.observed_at > SignalLatestRow.observed_at,
    )
    result = await uow.session.execute(stmt)
    return int(result.rowcount)  # type: ignore[attr-defined]


async def _derive_service_due(uow: UnitOfWork, vehicle_ids: set[uuid.UUID]) -> None:
    latest = await uow.session.execute(
        select(
            SignalLatestRow.vehicle_id,
            SignalLatestRow.signal,
            SignalLatestRow.value,
            SignalLatestRow.flag,
        ).where(
            SignalLatestRow.vehicle_id.in_(vehicle_ids), SignalLatestRow.signal.in_(SERVICE_SIGNALS)
        )
    )
    signals: dict[uuid.UUID, dict[str, Any]] = {v: {} for v in vehicle_ids}
    for vehicle_id, name, value, flag in latest:
        signals[vehicle_id][name] = flag if flag is not None else value
    cars = (
        await uow.session.execute(select(VehicleRow).where(VehicleRow.id.in_(vehicle_ids)))
    ).scalars()
    for car in cars:
        due = model.service_due(signals[car.id])
        if due and not car.service_due:
            owner = (
                await uow.session.execute(
                    select(OwnershipRow.owner_id).where(
                        OwnershipRow.vehicle_id == car.id, OwnershipRow.ended_at.is_(None)
                    )
                )
            ).scalar_one_or_none()
            uow.record(ServiceBecameDue(tenant_id=uow.brand, vehicle_id=car.id, owner_id=owner))
        car.service_due = due
