"""The contracts HTTP API: thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from motorpool.domains import booking, pricing, vehicles
from motorpool.domains.contracts import daysheet, model, rentals, subscriptions, swaps, trips
from motorpool.domains.contracts.schemas import (
    AgreementCreate,
    AgreementPage,
    AgreementRead,
    HandoverCreate,
    ReturnCreate,
    ReturnSettlement,
    SubscriptionCreate,
    SubscriptionDay,
    SubscriptionEnd,
    SubscriptionPage,
    SubscriptionRead,
    SwapCreate,
    SwapRead,
    TodaySheet,
    TripCreate,
    TripPage,
    TripRead,
)
from motorpool.platform.auth import STAFF_ROLES, Principal, Role
from motorpool.platform.errors import Forbidden, openapi_error_responses
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role

router = domain_router(prefix="/contracts", tags=["contracts"])

Staff = Annotated[
    Principal,
    Depends(require_role(Role.dealer_staff, Role.fleet_manager, Role.brand_admin)),
]
CentreQuery = Annotated[uuid.UUID, Query(description="the centre's id")]
CONFLICT = openapi_error_responses(409)
CAR_COMMAND = openapi_error_responses(409, 503)


async def _rates(request: Request) -> pricing.RateBook:
    """The deployment's rate plans."""
    rates: pricing.RateBook = request.app.state.rate_plans
    return rates


async def _policies(request: Request) -> dict[str, booking.BookingPolicy]:
    policies: dict[str, booking.BookingPolicy] = request.app.state.booking_policies
    return policies


async def _connection(request: Request) -> vehicles.VehicleConnection:
    """The connected-car backend that locks and unlocks the cars."""
    connection: vehicles.VehicleConnection = request.app.state.vehicle_connection
    return connection


Rates = Annotated[pricing.RateBook, Depends(_rates)]
Connection = Annotated[vehicles.VehicleConnection, Depends(_connection)]
Policies = Annotated[dict[str, booking.BookingPolicy], Depends(_policies)]


def _is_staff(principal: Principal) -> bool:
    return principal.role in STAFF_ROLES


def _owns(principal: Principal, customer_id: uuid.UUID) -> bool:
    return not principal.external and customer_id == principal.account_id


async def _agreement(uow: Uow, agreement_id: uuid.UUID, principal: Principal) -> AgreementRead:
    """The agreement, if the caller may see it: its customer or staff. Others get 404."""
    agreement = await rentals.get_agreement(uow=uow, agreement_id=agreement_id)
    if not _is_staff(principal) and not _owns(principal, agreement.customer_id):
        raise model.AgreementNotFound()
    return agreement


async def _subscription(
    uow: Uow, subscription_id: uuid.UUID, principal: Principal
) -> SubscriptionRead:
    found = await subscriptions.get_subscription(uow=uow, subscription_id=subscription_id)
    if not _is_staff(principal) and not _owns(principal, found.customer_id):
        raise model.SubscriptionNotFound()
    return found


# ----------------------------------------------------------------- rentals


@router.post(
    "/rentals",
    status_code=201,
    summary="Open a rental agreement from my confirmed booking and its quote",
    responses=CONFLICT,
)
async def open_rental(
    body: AgreementCreate, principal: CurrentPrincipal, uow: Uow
) -> AgreementRead:
    return await rentals.open_rental(
        uow=uow,
        booking_id=body.booking_id,
        quote_id=body.quote_id,
        customer_id=principal.account_id,
        market=body.market,
    )


@router.get("/rentals", summary="My rental agreements")
async def my_rentals(principal: CurrentPrincipal, uow: Uow, paging: Paging) -> AgreementPage:
    return await rentals.agreements_of(uow=uow, customer_id=principal.account_id, paging=paging)


@router.get("/rentals/{agreement_id}", summary="One rental agreement")
async def rental(agreement_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> AgreementRead:
    return await _agreement(uow, agreement_id, principal)


@router.post(
    "/rentals/{agreement_id}/handover",
    summary="Hand the car over (staff): mileage, charge or fuel, damage; the booking starts",
    responses=CONFLICT,
)
async def hand_over(
    agreement_id: uuid.UUID, body: HandoverCreate, staff: Staff, uow: Uow
) -> AgreementRead:
    return await rentals.hand_over(
        uow=uow, agreement_id=agreement_id, handover_in=body, staff_id=staff.account_id
    )


@router.post(
    "/rentals/{agreement_id}/return",
    summary="Take the car back (staff): extras are settled and one invoice is issued",
    responses=CONFLICT,
)
async def take_return(
    agreement_id: uuid.UUID, body: ReturnCreate, staff: Staff, uow: Uow, rates: Rates
) -> ReturnSettlement:
    return await rentals.take_return(
        uow=uow, rates=rates, agreement_id=agreement_id, return_in=body, staff_id=staff.account_id
    )


@router.get("/admin/today", summary="A centre's hand-overs and returns of a day (staff)")
async def today(_: Staff, uow: Uow, centre_id: CentreQuery, day: date | None = None) -> TodaySheet:
    return await daysheet.today(uow=uow, centre_id=centre_id, day=day)


# ----------------------------------------------------------------- subscriptions


@router.post(
    "/subscriptions",
    status_code=201,
    summary="Subscribe on a car (the first month is invoiced)",
    responses=CONFLICT,
)
async def start_subscription(
    body: SubscriptionCreate,
    principal: CurrentPrincipal,
    uow: Uow,
    rates: Rates,
    policies: Policies,
    request: Request,
) -> SubscriptionRead:
    return await subscriptions.start_subscription(
        uow=uow,
        rates=rates,
        subscription_in=body,
        customer_id=principal.account_id,
        terms=request.app.state.subscription_terms,
        policies=policies,
    )


@router.get("/subscriptions", summary="My subscriptions (newest first)")
async def my_subscriptions(
    principal: CurrentPrincipal, uow: Uow, paging: Paging
) -> SubscriptionPage:
    return await subscriptions.subscriptions_of(
        uow=uow, customer_id=principal.account_id, paging=paging
    )


@router.get("/subscriptions/{subscription_id}", summary="One subscription")
async def subscription(
    subscription_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow
) -> SubscriptionRead:
    return await _subscription(uow, subscription_id, principal)


@router.post(
    "/subscriptions/{subscription_id}/pause", summary="Pause (no renewals)", responses=CONFLICT
)
async def pause(
    subscription_id: uuid.UUID, body: SubscriptionDay, principal: CurrentPrincipal, uow: Uow
) -> SubscriptionRead:
    await _subscription(uow, subscription_id, principal)
    return await subscriptions.pause(uow=uow, subscription_id=subscription_id, on=body.on)


@router.post(
    "/subscriptions/{subscription_id}/resume",
    summary="Resume (a lapsed period starts anew and is invoiced)",
    responses=CONFLICT,
)
async def resume(
    subscription_id: uuid.UUID,
    body: SubscriptionDay,
    principal: CurrentPrincipal,
    uow: Uow,
    rates: Rates,
) -> SubscriptionRead:
    await _subscription(uow, subscription_id, principal)
    return await subscriptions.resume(
        uow=uow, rates=rates, subscription_id=subscription_id, on=body.on
    )


@router.post(
    "/subscriptions/{subscription_id}/end",
    summary="End (not before the minimum term, unless staff force it with a reason)",
    responses=CONFLICT,
)
async def end(
    subscription_id: uuid.UUID,
    body: SubscriptionEnd,
    principal: CurrentPrincipal,
    uow: Uow,
    policies: Policies,
) -> SubscriptionRead:
    await _subscription(uow, subscription_id, principal)
    if body.force_reason is not None and not _is_staff(principal):
        raise Forbidden("only staff may end a subscription before its minimum term")
    return await subscriptions.end_subscription(
        uow=uow,
        subscription_id=subscription_id,
        on=body.on,
        forced_reason=body.force_reason,
        policies=policies,
    )


@router.post(
    "/subscriptions/{subscription_id}/swaps",
    status_code=201,
    summary="Swap my Flex car (booked through booking; a few swaps per period)",
    responses=CONFLICT,
)
async def swap(
    subscription_id: uuid.UUID,
    body: SwapCreate,
    principal: CurrentPrincipal,
    uow: Uow,
    policies: Policies,
) -> SwapRead:
    found = await _subscription(uow, subscription_id, principal)
    return await swaps.swap(
        uow=uow,
        policies=policies,
        subscription_id=subscription_id,
        swap_in=body,
        customer_id=found.customer_id,
    )


# ----------------------------------------------------------------- car sharing trips


@router.post(
    "/trips",
    status_code=201,
    summary="Start a car-sharing trip now: the car is booked for me and unlocked",
    responses=CAR_COMMAND,
)
async def start_trip(
    body: TripCreate,
    principal: CurrentPrincipal,
    uow: Uow,
    policies: Policies,
    connection: Connection,
) -> TripRead:
    return await trips.start_trip(
        uow=uow,
        policies=policies,
        connection=connection,
        trip_in=body,
        customer_id=principal.account_id,
    )


@router.post(
    "/trips/{trip_id}/end",
    summary="End my trip: the car is locked and the minutes are invoiced",
    responses=CAR_COMMAND,
)
async def end_trip(
    trip_id: uuid.UUID,
    principal: CurrentPrincipal,
    uow: Uow,
    rates: Rates,
    policies: Policies,
    connection: Connection,
) -> TripRead:
    return await trips.end_trip(
        uow=uow,
        rates=rates,
        policies=policies,
        connection=connection,
        trip_id=trip_id,
        customer_id=principal.account_id,
    )


@router.get("/trips", summary="My car-sharing trips")
async def my_trips(principal: CurrentPrincipal, uow: Uow, paging: Paging) -> TripPage:
    return await trips.trips_of(uow=uow, customer_id=principal.account_id, paging=paging)


@router.get("/trips/{trip_id}", summary="One trip of mine")
async def trip(trip_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> TripRead:
    return await trips.get_trip(uow=uow, trip_id=trip_id, customer_id=principal.account_id)
