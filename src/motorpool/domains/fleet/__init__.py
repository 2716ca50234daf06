"""fleet — the mobility pool: which vehicle serves which product at which centre, its
operational state (ready, cleaning, charging, maintenance, retired) with history, damage
reports, and a board per centre for staff.

A car in maintenance or retired cannot be booked: its booking resource is blocked, and
:class:`FleetCarLeftService` names the bookings that need another car. The public face:
other domains, products and apps use only what is imported here.
"""

from motorpool.domains.fleet import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.fleet.board import fleet_board
from motorpool.domains.fleet.damages import (
    DamageNotFound,
    damages_of,
    mark_repaired,
    report_damage,
)
from motorpool.domains.fleet.events import (
    DamageReported,
    FleetCarAdded,
    FleetCarLeftService,
    FleetCarStateChanged,
)
from motorpool.domains.fleet.handlers import HANDLERS
from motorpool.domains.fleet.model import (
    FleetCarNotFound,
    FleetPool,
    FleetState,
    InvalidFleetTransition,
    InvalidMaintenanceEnd,
    Severity,
    VehicleAlreadyInPool,
    is_bookable,
)
from motorpool.domains.fleet.routes import router
from motorpool.domains.fleet.schemas import (
    BoardBooking,
    BoardCar,
    DamageCreate,
    DamageRead,
    FleetBoard,
    FleetCarCreate,
    FleetCarPage,
    FleetCarRead,
    FleetStateChange,
    FleetStateChangeRead,
)
from motorpool.domains.fleet.service import (
    add_to_pool,
    car_for_resource,
    change_state,
    get_car,
    list_cars,
    seed_fleet,
    state_history,
)

__all__ = [
    "HANDLERS",
    "BoardBooking",
    "BoardCar",
    "DamageCreate",
    "DamageNotFound",
    "DamageRead",
    "DamageReported",
    "FleetBoard",
    "FleetCarAdded",
    "FleetCarCreate",
    "FleetCarLeftService",
    "FleetCarNotFound",
    "FleetCarPage",
    "FleetCarRead",
    "FleetCarStateChanged",
    "FleetPool",
    "FleetState",
    "FleetStateChange",
    "FleetStateChangeRead",
    "InvalidFleetTransition",
    "InvalidMaintenanceEnd",
    "Severity",
    "VehicleAlreadyInPool",
    "add_to_pool",
    "car_for_resource",
    "change_state",
    "damages_of",
    "fleet_board",
    "get_car",
    "is_bookable",
    "list_cars",
    "mark_repaired",
    "report_damage",
    "router",
    "seed_fleet",
    "state_history",
]
