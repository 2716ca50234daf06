"""vehicles — the model catalogue, vehicles by VIN, ownership ("my garage"), live status.

The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.vehicles import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.vehicles.connection import HttpVehicleConnection, VehicleConnection
from motorpool.domains.vehicles.events import (
    OwnershipEnded,
    OwnershipStarted,
    RemoteCommandSent,
    ServiceBecameDue,
    VehicleRegistered,
)
from motorpool.domains.vehicles.handlers import HANDLERS
from motorpool.domains.vehicles.model import (
    DOOR_LOCKS,
    SIGNALS,
    InvalidVin,
    VehicleNotFound,
    VinTaken,
    with_check_digit,
)
from motorpool.domains.vehicles.routes import router
from motorpool.domains.vehicles.schemas import (
    GarageCar,
    ModelCreate,
    ModelRead,
    StatusReport,
    TelemetryBatch,
    VehicleCreate,
    VehicleRead,
    VehicleStatus,
)
from motorpool.domains.vehicles.service import (
    assign_owner,
    create_model,
    garage,
    get_vehicle,
    list_models,
    owned_vehicle,
    personal_data,
    register_vehicle,
    send_fleet_command,
    status,
    statuses,
)
from motorpool.domains.vehicles.telemetry import ingest

__all__ = [
    "DOOR_LOCKS",
    "HANDLERS",
    "SIGNALS",
    "GarageCar",
    "HttpVehicleConnection",
    "InvalidVin",
    "ModelCreate",
    "ModelRead",
    "OwnershipEnded",
    "OwnershipStarted",
    "RemoteCommandSent",
    "ServiceBecameDue",
    "StatusReport",
    "TelemetryBatch",
    "VehicleConnection",
    "VehicleCreate",
    "VehicleNotFound",
    "VehicleRead",
    "VehicleRegistered",
    "VehicleStatus",
    "VinTaken",
    "assign_owner",
    "create_model",
    "garage",
    "get_vehicle",
    "ingest",
    "list_models",
    "owned_vehicle",
    "personal_data",
    "register_vehicle",
    "router",
    "send_fleet_command",
    "status",
    "statuses",
    "with_check_digit",
]
