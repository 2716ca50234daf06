"""Fleet rules: which states a pool car may move between, what takes it out of service,
how severe damage is handled. No I/O.

A fleet car is a vehicle (vehicles domain) serving one product pool at one centre; the
booking domain holds its bookable resource. A car in maintenance or retired cannot be
booked: the fleet enforces that with a block on its resource, which the booking domain
honours for every hold and move.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum

from motorpool.platform.errors import Conflict, NotFound, Problem


class FleetState(StrEnum):
    ready = "ready"
    cleaning = "cleaning"
    charging = "charging"
    maintenance = "maintenance"
    retired = "retired"


class FleetPool(StrEnum):
    """The product pools a fleet car can serve (Flex swaps within ``subscription``)."""

    rental = "rental"
    subscription = "subscription"
    carsharing = "carsharing"
    testdrive = "testdrive"
    courtesy = "courtesy"


class Severity(StrEnum):
    minor = "minor"
    moderate = "moderate"
    severe = "severe"


IN_SERVICE = frozenset(
    {FleetState.ready, FleetState.cleaning, FleetState.charging, FleetState.maintenance}
)
OUT_OF_SERVICE = frozenset({FleetState.maintenance, FleetState.retired})
IN_SERVICE = frozenset({FleetState.ready, FleetState.cleaning, FleetState.charging})

# the block on a retired car's resource ends here: in practice, never
FAR_FUTURE = datetime(2999, 12, 31, tzinfo=UTC)
# how long severe damage keeps a car in maintenance when the report names no end
SEVERE_DAMAGE_MAINTENANCE = timedelta(days=7)
LABEL_LENGTH = 120


class FleetCarNotFound(NotFound):
    slug = "fleet-car-not-found"
    title = "No such car in the fleet"


class VehicleAlreadyInPool(Conflict):
    slug = "vehicle-already-in-pool"
    title = "The vehicle already serves a pool"
    description = "A vehicle is in at most one pool at a time; retire it from that pool first."


class InvalidFleetTransition(Conflict):
    slug = "invalid-fleet-transition"
    title = "The car cannot change to that state from its current one"
    description = (
        "ready, cleaning, charging and maintenance change among each other; any state may "
        "become retired, and retired is final."
    )


class InvalidMaintenanceEnd(Problem):
    slug = "invalid-maintenance-end"
    title = "Maintenance needs an end in the future (and only maintenance takes one)"
    status = 422
    description = (
        "Give `until` (with an offset) when a car goes to maintenance; its resource is blocked "
        "until then. Other states take no `until`."
    )


def check_transition(current: FleetState, wanted: FleetState) -> None:
    """ready, cleaning, charging and maintenance change among each other; any → retired."""
    if current == FleetState.retired:
        raise InvalidFleetTransition("a retired car stays retired")
    if current == wanted:
        raise InvalidFleetTransition(f"the car is already {current}")


def block_end(state: FleetState, until: datetime | None, now: datetime) -> datetime | None:
    """Until when the car's resource must be blocked for ``state``; None if it stays bookable."""
    if state == FleetState.maintenance:
        if until is None or until.tzinfo is None:
            raise InvalidMaintenanceEnd("give `until` with an offset")
        if until <= now:
            raise InvalidMaintenanceEnd("`until` must be in the future")
        return until.astimezone(UTC)
    if until is not None:
        raise InvalidMaintenanceEnd(f"{state} takes no `until`")
    if state == FleetState.retired:
        return FAR_FUTURE
    return None


def is_bookable(state: FleetState, blocked_until: datetime | None, now: datetime) -> bool:
    """Whether the car can take bookings now: not out of service, and no block running."""
    if state in OUT_OF_SERVICE:
        return False
    return blocked_until is None or blocked_until <= now


def severe_damage_until(repair_until: datetime | None, now: datetime) -> datetime:
    """The end of the maintenance severe damage starts: as reported, else a week from now."""
    if repair_until is not None and repair_until > now:
        return repair_until.astimezone(UTC)
    return now + SEVERE_DAMAGE_MAINTENANCE


def car_label(plate: str | None, model_line: str, variant: str, vin: str) -> str:
    """How staff and customers recognise the car: plate and model, or model and VIN tail."""
    name = f"{model_line} {variant}".strip()
    label = f"{plate} · {name}" if plate else f"{name} · …{vin[-6:]}"
    return label[:LABEL_LENGTH]
