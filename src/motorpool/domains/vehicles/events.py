"""Facts the vehicles domain publishes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class VehicleRegistered(Event):
    vehicle_id: uuid.UUID
    vin: str


@dataclass(frozen=True, kw_only=True)
class OwnershipStarted(Event):
    vehicle_id: uuid.UUID
    owner_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class OwnershipEnded(Event):
    vehicle_id: uuid.UUID
    owner_id: uuid.UUID
    reason: str  # removed | sold


@dataclass(frozen=True, kw_only=True)
class ServiceBecameDue(Event):
    vehicle_id: uuid.UUID
    owner_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class RemoteCommandSent(Event):
    vehicle_id: uuid.UUID
    command: str
