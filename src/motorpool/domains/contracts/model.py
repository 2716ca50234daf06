"""Contract rules: rental agreements with their hand-over and return, subscriptions with a
minimum term and monthly periods, and Flex swaps counted per period. No I/O.

A rental agreement is opened from a confirmed booking and keeps the booking's accepted
quote; its return settles what the quote did not cover (kilometres, lateness, energy). A
subscription runs in monthly periods ``[period_start, period_end)``; each period is
invoiced once. A Flex subscription may swap its car a limited number of times per period.
A car-sharing trip books a shared car from now, runs until the customer ends it, and is
priced per started minute for the time it really took.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from motorpool.platform.errors import Conflict, NotFound, Problem, ServiceUnavailable

RENTAL_SOURCE = "rental_agreement"
SUBSCRIPTION_SOURCE = "subscription"


class AgreementStatus(StrEnum):
    open = "open"  # signed, the car not yet handed over
    handed_over = "handed_over"
    returned = "returned"


class SubscriptionStatus(StrEnum):
    active = "active"
    paused = "paused"
    ended = "ended"


# ----------------------------------------------------------------- problems


class AgreementNotFound(NotFound):
    slug = "agreement-not-found"
    title = "No such rental agreement"


class SubscriptionNotFound(NotFound):
    slug = "subscription-not-found"
    title = "No such subscription"


class UnknownBooking(NotFound):
    slug = "contract-booking-not-found"
    title = "No such booking of yours"


class BookingNotConfirmed(Conflict):
    slug = "booking-not-confirmed"
    title = "Only a confirmed booking can become a contract"
    description = "Confirm the booking first; a held, cancelled or finished one cannot."


class AgreementExists(Conflict):
    slug = "agreement-exists"
    title = "This booking already has a contract"


class QuoteMismatch(Problem):
    slug = "quote-mismatch"
    title = "The quote is not for this booking"
    status = 422
    description = "Quote the booking's own product, market and period, then accept that quote."


class AlreadyHandedOver(Conflict):
    slug = "already-handed-over"
    title = "The car was handed over already"


class NotHandedOver(Conflict):
    slug = "not-handed-over"
    title = "The car was not handed over yet"
    description = "Record the hand-over (mileage, energy, damage) before taking the car back."


class AlreadyReturned(Conflict):
    slug = "already-returned"
    title = "The car was returned already"


class ImplausibleReading(Problem):
    slug = "implausible-reading"
    title = "The return does not fit the hand-over"
    status = 422
    description = "The mileage cannot go down and the car cannot come back before it left."


class MinimumTerm(Conflict):
    slug = "minimum-term"
    title = "The subscription's minimum term has not ended"
    description = (
        "A subscription can end on or after `minimum_term_ends_on`; staff may end it early "
        "with a reason."
    )


class EndInThePast(Problem):
    slug = "end-in-the-past"
    title = "A subscription cannot end before today"
    status = 422
    description = "Give today or a later day as `on`: an end cannot be back-dated."


class SwapAllowanceExhausted(Conflict):
    slug = "swap-allowance-exhausted"
    title = "No swaps are left in this period"
    description = "A Flex subscription swaps a limited number of times per monthly period."


class InvalidSubscriptionTransition(Conflict):
    slug = "invalid-subscription-transition"
    title = "The subscription cannot change that way in its current state"


class InvalidSubscription(Problem):
    slug = "invalid-subscription"
    title = "The subscription request is not valid"
    status = 422


class ContractsNotConfigured(ServiceUnavailable):
    slug = "contracts-not-configured"
    title = "This deployment has no booking policy for the product"


# ----------------------------------------------------------------- rental


def check_confirmed(status: str) -> None:
    if status != "confirmed":
        raise BookingNotConfirmed(f"the booking is {status}")


def check_can_hand_over(status: str) -> None:
    if status == AgreementStatus.handed_over:
        raise AlreadyHandedOver()
    if status == AgreementStatus.returned:
        raise AlreadyReturned()


def check_can_return(status: str) -> None:
    if status == AgreementStatus.open:
        raise NotHandedOver()
    if status == AgreementStatus.returned:
        raise AlreadyReturned()


def driven_km(handover_km: int, return_km: int) -> int:
    if return_km < handover_km:
        raise ImplausibleReading(
            f"the return mileage {return_km} km is below the hand-over's {handover_km} km"
        )
    return return_km - handover_km


def check_returned_after(handed_over_at: datetime, returned_at: datetime) -> None:
    if returned_at < handed_over_at:
        raise ImplausibleReading("the return is before the hand-over")


def late_by(booked_end: datetime, returned_at: datetime) -> timedelta:
    return max(timedelta(0), returned_at - booked_end)


def energy_shortfall(handover_percent: int, return_percent: int) -> int:
    """Percentage points of charge or fuel missing at the return (never negative)."""
    return max(0, handover_percent - return_percent)


# ----------------------------------------------------------------- subscriptions


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class SubscriptionTerms:
    """A subscription product's terms (part of its product definition): the minimum term
    unless the customer asks for longer, and how many car swaps each period allows."""

    minimum_term_months: int
    swaps_per_period: int = 0

    def __post_init__(self) -> None:
        if self.minimum_term_months < 1 or self.swaps_per_period < 0:
            raise ValueError("a minimum term of a month or more, and no negative swaps")


def terms_of(terms: Mapping[str, SubscriptionTerms], product: str) -> SubscriptionTerms:
    """The product's subscription terms; a product sold without them is no subscription."""
    found = terms.get(product)
    if found is None:
        raise InvalidSubscription(f"product must be one of {', '.join(sorted(terms))}")
    return found


def minimum_term_ends_on(starts_on: date, months: int, paused_days: int = 0) -> date:
    """The first day the subscription may end: the minimum term, lengthened by pauses."""
    return add_months(starts_on, months) + timedelta(days=paused_days)


def check_end_not_past(ends_on: date, today: date) -> None:
    if ends_on < today:
        raise EndInThePast(f"the earliest end is today, {today.isoformat()}")


def check_minimum_term(ends_on: date, term_ends_on: date, *, forced_reason: str | None) -> None:
    if ends_on < term_ends_on and not forced_reason:
        raise MinimumTerm(f"the minimum term runs until {term_ends_on.isoformat()}")


def check_transition(current: str, wanted: SubscriptionStatus) -> None:
    allowed = {
        SubscriptionStatus.paused: (SubscriptionStatus.active,),
        SubscriptionStatus.active: (SubscriptionStatus.paused,),
        SubscriptionStatus.ended: (SubscriptionStatus.active, SubscriptionStatus.paused),
    }[wanted]
    if current not in allowed:
        raise InvalidSubscriptionTransition(f"a {current} subscription cannot become {wanted}")


def period(anchor_on: date, index: int) -> tuple[date, date]:
    """The ``index``-th monthly period from the anchor, ``[start, end)``; months are counted
    from the anchor so 31 January renews on the last day of each shorter month."""
    return add_months(anchor_on, index), add_months(anchor_on, index + 1)


def is_due(period_end: date, today: date) -> bool:
    """Whether the next period has begun (a period renews on the day it ends)."""
    return period_end <= today


def swaps_left(allowance: int, used: int) -> int:
    return max(0, allowance - used)


def check_subscription_booking(product: str, booking_product: str) -> None:
    if booking_product != product:
        raise InvalidSubscription(f"a {product} subscription needs a {product} booking")


def check_swap_allowed(allowance: int, used: int) -> None:
    if swaps_left(allowance, used) == 0:
        raise SwapAllowanceExhausted(f"{used} of {allowance} swaps used in this period")


# ----------------------------------------------------------------- car sharing trips

CARSHARING = "carsharing"
TRIP_SOURCE = "carsharing_trip"


class TripStatus(StrEnum):
    running = "running"  # the car is unlocked and the customer drives
    ended = "ended"  # locked, priced and invoiced


class TripNotFound(NotFound):
    slug = "trip-not-found"
    title = "No such car-sharing trip of yours"


class CarNotShareable(Conflict):
    slug = "car-not-shareable"
    title = "This car cannot be shared right now"
    description = (
        "A trip starts on a car of the car-sharing pool that is in service (not in "
        "maintenance, not retired) and free now."
    )


class TripAlreadyEnded(Conflict):
    slug = "trip-already-ended"
    title = "The trip has ended already"


def check_shareable(pool: str, bookable: bool) -> None:
    if pool != CARSHARING:
        raise CarNotShareable(f"the car serves the {pool} pool, not car sharing")
    if not bookable:
        raise CarNotShareable("the car is out of service")


def check_can_end(status: str) -> None:
    if status == TripStatus.ended:
        raise TripAlreadyEnded()


def trip_booking_start(now: datetime, slot_minutes: int | None, zone: ZoneInfo) -> datetime:
    """Where a trip's booking starts: now, or the next start on the policy's grid of the
    centre's wall clock when the policy has one (car sharing has none)."""
    if not slot_minutes:
        return now
    local = now.astimezone(zone)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    step = timedelta(minutes=slot_minutes)
    slots = -(-(local - midnight) // step)  # started slots: round up
    return (midnight + slots * step).astimezone(now.tzinfo)


def trip_booking_end(
    started: datetime, ended: datetime, minimum: timedelta, maximum: timedelta
) -> datetime:
    """The end a finished trip's booking is moved to: the real end, but never shorter than
    the policy's minimum nor longer than its maximum (the time beyond is still priced)."""
    return min(max(ended, started + minimum), started + maximum)


def check_ended_after(started_at: datetime, ended_at: datetime) -> None:
    if ended_at <= started_at:
        raise ImplausibleReading("a trip ends after it starts")


def trip_km(start_m: int | None, end_m: int | None) -> int:
    """Whole kilometres between two odometer readings in metres; 0 if one is unknown."""
    if start_m is None or end_m is None:
        return 0
    if end_m < start_m:
        raise ImplausibleReading(f"the odometer went down from {start_m} m to {end_m} m")
    return (end_m - start_m) // 1000
