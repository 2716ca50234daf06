"""Booking rules: policies, intervals, buffers, lifecycle. No I/O.

Intervals are half-open ``[start, end)``. What a booking *occupies* on its resource is its
interval widened by the policy's buffers (cleaning before, charging after); two live
bookings on one lane of a resource never have overlapping occupied intervals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from motorpool.platform.errors import Conflict, NotFound, Problem


class Status(StrEnum):
    held = "held"
    confirmed = "confirmed"
    started = "started"
    completed = "completed"
    cancelled = "cancelled"
    expired = "expired"
    no_show = "no_show"


LIVE = (Status.held.value, Status.confirmed.value, Status.started.value)

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.held: frozenset({Status.confirmed, Status.cancelled, Status.expired}),
    Status.confirmed: frozenset({Status.started, Status.cancelled, Status.no_show}),
    Status.started: frozenset({Status.completed}),
}


class ResourceKind(StrEnum):
    unit = "unit"  # one car: one booking at a time
    capacity = "capacity"  # e.g. a workshop with N bays: N at a time


class BookingNotFound(NotFound):
    slug = "booking-not-found"
    title = "No such booking"


class ResourceNotFound(NotFound):
    slug = "resource-not-found"
    title = "No such bookable resource"


class UnknownPolicy(Problem):
    slug = "unknown-booking-policy"
    title = "No booking policy of that name"
    status = 422


class InvalidInterval(Problem):
    slug = "invalid-interval"
    title = "The time interval is not valid"
    status = 422
    description = "Start before end, both with a time zone offset; intervals are [start, end)."


class PolicyViolation(Problem):
    slug = "booking-policy-violation"
    title = "The booking does not fit the product's policy"
    status = 422
    description = "Duration, lead time, slot grid or opening hours; `detail` says which."


class NotInProductPool(Problem):
    slug = "resource-not-in-product-pool"
    title = "The resource is not offered by that product"
    status = 422
    description = (
        "Each product books from its own pool of the fleet (rental cars for rental, courtesy"
        " cars for courtesy, …); pick a resource of the product's pool."
    )


class SlotTaken(Conflict):
    slug = "slot-taken"
    title = "The resource is not free for that time"
    description = "Another booking (with its buffers) or a block occupies it; pick another time."


class InvalidTransition(Conflict):
    slug = "invalid-booking-transition"
    title = "The booking cannot change that way in its current state"


class HoldExpired(Conflict):
    slug = "hold-expired"
    title = "The hold has expired"
    description = "Holds last a few minutes; hold the slot again."


OpeningRule = Literal["none", "handover", "whole"]


@dataclass(frozen=True)
class BookingPolicy:
    """How one product books. Products define these; the booking domain enforces them."""

    name: str
    min_duration: timedelta
    max_duration: timedelta
    slot_minutes: int | None = None  # a grid in local time (test drives on the hour)
    lead_time: timedelta = timedelta(0)
    max_advance: timedelta = timedelta(days=365)
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    opening_rule: OpeningRule = "handover"  # pick-up and return, or the whole stay
    hold_ttl: timedelta = timedelta(minutes=10)
    free_cancellation_before: timedelta = timedelta(hours=24)
    late_cancellation_fee_percent: Decimal = Decimal("0")
    pool: str | None = None  # the resources it books from; a product sets its own pool here


def check_pool(policy: BookingPolicy, pool: str) -> None:
    """A product books only resources of its own pool (a courtesy hold on a rental car
    would invoice rental days at the courtesy price)."""
    if policy.pool is not None and pool != policy.pool:
        raise NotInProductPool(f"{policy.name} books from the {policy.pool} pool, not {pool}")


def pool_to_search(policy: BookingPolicy, asked: str | None) -> str | None:
    """The pool a search for ``policy`` looks in: the product's own; asking for another is
    refused rather than offering windows that could not be booked."""
    if asked is not None:
        check_pool(policy, asked)
    return policy.pool if policy.pool is not None else asked


def require_interval(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidInterval("give instants with an offset, e.g. 2026-03-29T10:00:00+02:00")
    if not start < end:
        raise InvalidInterval("the start must come before the end")
    return start.astimezone(UTC), end.astimezone(UTC)


def occupied(policy: BookingPolicy, start: datetime, end: datetime) -> tuple[datetime, datetime]:
    return start - policy.buffer_before, end + policy.buffer_after


def check_duration(policy: BookingPolicy, start: datetime, end: datetime) -> None:
    length = end - start
    if length < policy.min_duration:
        raise PolicyViolation(f"at least {policy.min_duration} for {policy.name}")
    if length > policy.max_duration:
        raise PolicyViolation(f"at most {policy.max_duration} for {policy.name}")


def within_booking_horizon(policy: BookingPolicy, now: datetime, start: datetime) -> bool:
    """Whether a booking may start at ``start``: after the lead time, before the horizon."""
    return now + policy.lead_time <= start <= now + policy.max_advance


def check_lead_time(policy: BookingPolicy, now: datetime, start: datetime) -> None:
    if start < now + policy.lead_time:
        raise PolicyViolation(f"book at least {policy.lead_time} ahead for {policy.name}")
    if start > now + policy.max_advance:
        raise PolicyViolation(f"book at most {policy.max_advance.days} days ahead")


def check_grid(policy: BookingPolicy, start: datetime, end: datetime, zone: ZoneInfo) -> None:
    """Slots start on the grid of the centre's wall clock and last whole slots."""
    if not policy.slot_minutes:
        return
    local = start.astimezone(zone)
    minute_of_day = local.hour * 60 + local.minute
    if local.second or local.microsecond or minute_of_day % policy.slot_minutes:
        raise PolicyViolation(f"slots start every {policy.slot_minutes} minutes")
    if (end - start) % timedelta(minutes=policy.slot_minutes):
        raise PolicyViolation(f"book whole slots of {policy.slot_minutes} minutes")


class OpeningCalendar(Protocol):
    """What the booking domain needs of a centre's hours (dealers' Schedule satisfies it)."""

    def is_open(self, at: datetime) -> bool: ...


TICK = timedelta(microseconds=1)


def check_opening(
    policy: BookingPolicy,
    calendar: OpeningCalendar,
    start: datetime,
    end: datetime,
    step: timedelta = timedelta(minutes=5),
) -> None:
    """Pick-up and return in opening hours ("handover"), or every moment ("whole")."""
    if policy.opening_rule == "none":
        return
    if not calendar.is_open(start):
        raise PolicyViolation("the centre is closed at the start")
    # [start, end) ends as the doors close (open just before ``end``); a hand-over product
    # may also be returned as they open (open at ``end``).
    open_at_end = calendar.is_open(end - TICK) or (
        policy.opening_rule == "handover" and calendar.is_open(end)
    )
    if not open_at_end:
        raise PolicyViolation("the centre is closed at the end")
    if policy.opening_rule == "whole":
        at = start + step
        while at < end:
            if not calendar.is_open(at):
                raise PolicyViolation("the centre closes during the booking")
            at += step


def check_transition(current: str, wanted: str) -> None:
    if wanted not in TRANSITIONS.get(current, frozenset()):
        raise InvalidTransition(f"a {current} booking cannot become {wanted}")


def cancellation_fee_percent(policy: BookingPolicy, now: datetime, start: datetime) -> Decimal:
    if now <= start - policy.free_cancellation_before:
        return Decimal("0")
    return policy.late_cancellation_fee_percent


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals overlap when each starts before the other ends."""
    return a_start < b_end and b_start < a_end
