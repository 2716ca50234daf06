"""Workshop rules: service types and their durations, the appointment lifecycle. No I/O.

An appointment lasts as long as its services take on the car's model line, rounded up to
the workshop's slot grid. Its bay (and courtesy car) are bookings in the booking domain;
the workshop only keeps the appointment and its state.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from motorpool.platform.errors import Conflict, NotFound, Problem, ServiceUnavailable

WORKSHOP_POOL = "workshop"  # the booking pool of a centre's bays
COURTESY_POOL = "courtesy"  # the booking pool of a centre's courtesy cars
GRID_MINUTES = 30  # the fallback grid when the servicing policy names none
MAX_SERVICES = 6


class AppointmentStatus(StrEnum):
    booked = "booked"
    rescheduled = "rescheduled"
    cancelled = "cancelled"
    in_progress = "in_progress"
    done = "done"


OPEN = (AppointmentStatus.booked.value, AppointmentStatus.rescheduled.value)

TRANSITIONS: dict[str, frozenset[str]] = {
    AppointmentStatus.booked: frozenset(
        {AppointmentStatus.rescheduled, AppointmentStatus.cancelled, AppointmentStatus.in_progress}
    ),
    AppointmentStatus.rescheduled: frozenset(
        {AppointmentStatus.rescheduled, AppointmentStatus.cancelled, AppointmentStatus.in_progress}
    ),
    AppointmentStatus.in_progress: frozenset({AppointmentStatus.done}),
}


@dataclass(frozen=True)
class ServiceTypeSpec:
    """A standard service type: its names, default minutes and minutes per model line."""

    code: str
    name_en: str
    name_de: str
    default_minutes: int
    per_model_line: Mapping[str, int] = field(default_factory=dict)


STANDARD_SERVICES: tuple[ServiceTypeSpec, ...] = (
    ServiceTypeSpec(
        "inspection", "Inspection", "Inspektion", 120, {"Aurora": 150, "Tern": 180, "Vela": 150}
    ),
    ServiceTypeSpec("oil_service", "Oil service", "Ölservice", 60, {"Tern": 75}),
    ServiceTypeSpec("tyre_change", "Tyre change", "Reifenwechsel", 45, {"Vela": 60}),
    ServiceTypeSpec("brake_check", "Brake check", "Bremsenprüfung", 45, {"Corsa GT": 60}),
    ServiceTypeSpec("software_update", "Software update", "Software-Update", 30),
    ServiceTypeSpec("repair", "Repair", "Reparatur", 180),
)


class AppointmentNotFound(NotFound):
    slug = "appointment-not-found"
    title = "No such workshop appointment"


class ServiceTypeNotFound(NotFound):
    slug = "service-type-not-found"
    title = "No such service type"


class UnknownServiceType(Problem):
    slug = "unknown-service-type"
    title = "The brand's workshop does not offer that service"
    status = 422
    description = "Choose service codes from GET /workshop/service-types; `detail` names them."


class WorkshopNotOffered(Problem):
    slug = "workshop-not-offered"
    title = "This centre has no workshop"
    status = 422
    description = "Pick a centre that offers workshop appointments."


class CourtesyCarUnavailable(Conflict):
    slug = "courtesy-car-unavailable"
    title = "No courtesy car is free for that time"
    description = "Book without a courtesy car, or pick another time or centre."


class InvalidAppointmentTransition(Conflict):
    slug = "invalid-appointment-transition"
    title = "The appointment cannot change that way in its current state"


class WorkshopNotConfigured(ServiceUnavailable):
    slug = "workshop-not-configured"
    title = "This deployment has no servicing or courtesy booking policy"


def check_offers_workshop(offers_workshop: bool) -> None:
    if not offers_workshop:
        raise WorkshopNotOffered()


def check_services(codes: Iterable[str], known: Iterable[str]) -> list[str]:
    """The codes, each once and in the order given; all must be the brand's service types."""
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        raise UnknownServiceType("name at least one service")
    if len(wanted) > MAX_SERVICES:
        raise UnknownServiceType(f"at most {MAX_SERVICES} services per appointment")
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise UnknownServiceType(f"unknown service types: {', '.join(unknown)}")
    return wanted


def appointment_length(minutes: Iterable[int], grid_minutes: int | None) -> timedelta:
    """The sum of the services' minutes, rounded up to whole slots of the grid."""
    grid = grid_minutes or GRID_MINUTES
    total = sum(minutes)
    return timedelta(minutes=max(1, math.ceil(total / grid)) * grid)


def courtesy_interval(
    start: datetime, end: datetime, min_duration: timedelta
) -> tuple[datetime, datetime]:
    """The courtesy car covers the appointment, and at least its product's minimum."""
    return start, max(end, start + min_duration)


def check_transition(current: str, wanted: AppointmentStatus) -> None:
    if wanted.value not in TRANSITIONS.get(current, frozenset()):
        raise InvalidAppointmentTransition(f"a {current} appointment cannot become {wanted}")
