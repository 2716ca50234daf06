"""What the vehicles domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from motorpool.platform.http import Page

Powertrain = Literal["BEV", "PHEV", "ICE"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ModelCreate(Strict):
    code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    model_line: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    variant: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    body: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    powertrain: Powertrain
    power_kw: Annotated[int, Field(gt=0, le=2000)]
    acceleration_0_100_s: Annotated[Decimal, Field(gt=0, le=60, decimal_places=1)]
    top_speed_kmh: Annotated[int, Field(gt=0, le=500)]
    battery_kwh: Annotated[Decimal, Field(gt=0, le=300)] | None = None
    tank_litres: Annotated[int, Field(gt=0, le=200)] | None = None
    seats: Annotated[int, Field(ge=1, le=9)] = 4
    image_ref: str | None = None


class ModelRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    code: str
    model_line: str
    variant: str
    body: str
    powertrain: Powertrain
    power_kw: int
    power_ps: int
    acceleration_0_100_s: Decimal
    top_speed_kmh: int
    battery_kwh: Decimal | None
    tank_litres: int | None
    seats: int
    image_ref: str | None


class VehicleCreate(Strict):
    vin: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    model_id: uuid.UUID
    plate: Annotated[str, StringConstraints(max_length=20)] | None = None
    colour: Annotated[str, StringConstraints(max_length=40)] | None = None
    model_year: Annotated[int, Field(ge=1950, le=2100)]


class VehicleRead(BaseModel):
    id: uuid.UUID
    vin: str
    model_id: uuid.UUID
    model_line: str
    variant: str
    powertrain: Powertrain
    plate: str | None
    colour: str | None
    model_year: int


VehiclePage = Page[VehicleRead]


class PairingStart(Strict):
    vin: Annotated[str, StringConstraints(min_length=1, max_length=20)]


class PairingConfirm(Strict):
    vin: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    code: Annotated[str, StringConstraints(pattern=r"^\s*\d{6}\s*$")]


class PairingStarted(BaseModel):
    status: Literal["code_shown_in_car"] = "code_shown_in_car"
    expires_at: datetime


class SignalValue(BaseModel):
    value: float | bool
    observed_at: datetime
    age_seconds: float


class VehicleStatus(BaseModel):
    """The latest state of a car, each signal with its own age."""

    vehicle_id: uuid.UUID
    vin: str
    as_of: datetime | None = Field(description="the newest observation")
    age_seconds: float | None
    service_due: bool
    signals: dict[str, SignalValue]


class GarageCar(BaseModel):
    vehicle: VehicleRead
    model: ModelRead
    status: VehicleStatus


class StatusReport(BaseModel):
    """One car's signals observed at one instant (COVESA VSS names)."""

    model_config = ConfigDict(extra="forbid")
    vin: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    observed_at: AwareDatetime
    signals: dict[str, Any] = Field(min_length=1, max_length=200)


class TelemetryBatch(Strict):
    reports: list[StatusReport] = Field(min_length=1, max_length=5000)


class RejectedItem(BaseModel):
    report: int
    vin: str
    signal: str | None
    reason: str


class IngestResult(BaseModel):
    accepted_reports: int
    accepted_signals: int
    stale_signals: int = Field(description="older than what is stored; kept in history only")
    rejected: list[RejectedItem]


class HistoryPoint(BaseModel):
    observed_at: datetime
    value: float | bool


class RemoteCommand(Strict):
    command: Literal["lock", "unlock"]
