"""The booking HTTP API: thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import Depends, Query, Request
from pydantic import AwareDatetime

from motorpool.domains.booking import availability, model, service
from motorpool.domains.booking.availability import Filters
from motorpool.domains.booking.model import BookingPolicy, Status
from motorpool.domains.booking.schemas import (
    BlockCreate,
    BlockRead,
    BookingChange,
    BookingPage,
    BookingRead,
    DaySlots,
    FreeResources,
    HoldCreate,
    MonthCalendar,
    ResourceCreate,
    ResourcePage,
    ResourceRead,
    Slot,
)
from motorpool.platform.auth import STAFF_ROLES, Principal, Role
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role

router = domain_router(prefix="/booking", tags=["booking"])

FleetManager = Annotated[Principal, Depends(require_role(Role.fleet_manager))]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]
CentreQuery = Annotated[uuid.UUID, Query(description="the centre's id")]
ProductQuery = Annotated[str, Query(description="product whose policy applies, e.g. rental")]
PoolQuery = Annotated[str | None, Query(description="fleet pool, e.g. rental or courtesy")]
ModelQuery = Annotated[str | None, Query(description="model name")]
PowertrainQuery = Annotated[str | None, Query(pattern="^(BEV|PHEV|ICE)$")]


def policy_named(request: Request, name: str) -> BookingPolicy:
    policies: dict[str, BookingPolicy] = request.app.state.booking_policies
    policy = policies.get(name)
    if policy is None:
        raise model.UnknownPolicy(f"known products: {', '.join(sorted(policies))}")
    return policy


async def _visible(uow: Uow, booking_id: uuid.UUID, principal: Principal) -> BookingRead:
    """The booking, if the caller may see it: its customer or staff. Others get 404."""
    booking = await service.get_booking(uow=uow, booking_id=booking_id)
    if principal.role not in STAFF_ROLES and (
        principal.external or booking.customer_id != principal.account_id
    ):
        raise model.BookingNotFound()
    return booking


@router.post("/resources", status_code=201, summary="Make a car or a workshop bookable")
async def create_resource(body: ResourceCreate, _: FleetManager, uow: Uow) -> ResourceRead:
    return await service.create_resource(uow=uow, resource_in=body)


@router.get("/resources", summary="Bookable resources (staff)")
async def resources(
    _: Staff, uow: Uow, paging: Paging, centre_id: uuid.UUID | None = None, pool: PoolQuery = None
) -> ResourcePage:
    return await service.list_resources(uow=uow, paging=paging, centre_id=centre_id, pool=pool)


@router.get("/resources/{resource_id}", summary="One resource")
async def resource(resource_id: uuid.UUID, _: Staff, uow: Uow) -> ResourceRead:
    return await service.get_resource(uow=uow, resource_id=resource_id)


@router.post(
    "/resources/{resource_id}/blocks",
    status_code=201,
    summary="Block a resource (maintenance); names the live bookings it covers",
)
async def block(resource_id: uuid.UUID, body: BlockCreate, _: Staff, uow: Uow) -> BlockRead:
    return await service.add_block(uow=uow, resource_id=resource_id, block_in=body)


@router.get("/availability", summary="Resources free for [starts_at, ends_at) at a centre")
async def free(
    request: Request,
    uow: Uow,
    product: ProductQuery,
    centre_id: CentreQuery,
    starts_at: AwareDatetime,
    ends_at: AwareDatetime,
    pool: PoolQuery = None,
    model_name: Annotated[str | None, Query(alias="model")] = None,
    powertrain: PowertrainQuery = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> FreeResources:
    start, end = model.require_interval(starts_at, ends_at)
    return await availability.free_resources(
        uow=uow,
        centre_id=centre_id,
        start=start,
        end=end,
        policy=policy_named(request, product),
        pool=pool,
        model=model_name,
        powertrain=powertrain,
        limit=limit,
    )


@router.get("/calendar", summary="A month, day by day, on the centre's clock")
async def calendar(
    request: Request,
    uow: Uow,
    product: ProductQuery,
    centre_id: CentreQuery,
    month: Annotated[str, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", examples=["2026-03"])],
    pool: PoolQuery = None,
    model_name: Annotated[str | None, Query(alias="model")] = None,
    powertrain: PowertrainQuery = None,
) -> MonthCalendar:
    return await availability.month_calendar(
        uow=uow,
        centre_id=centre_id,
        month=date.fromisoformat(f"{month}-01"),
        policy=policy_named(request, product),
        filters=Filters(pool, model_name, powertrain),
    )


@router.get("/slots", summary="One day slot by slot, with how many are free")
async def slots(
    request: Request,
    uow: Uow,
    product: ProductQuery,
    centre_id: CentreQuery,
    day: date,
    pool: PoolQuery = None,
    model_name: Annotated[str | None, Query(alias="model")] = None,
    powertrain: PowertrainQuery = None,
) -> DaySlots:
    return await availability.day_slots(
        uow=uow,
        centre_id=centre_id,
        day=day,
        policy=policy_named(request, product),
        filters=Filters(pool, model_name, powertrain),
    )


@router.get("/next-free", summary="The next slots with something free")
async def next_free(
    request: Request,
    uow: Uow,
    product: ProductQuery,
    centre_id: CentreQuery,
    after: AwareDatetime | None = None,
    pool: PoolQuery = None,
    model_name: Annotated[str | None, Query(alias="model")] = None,
    powertrain: PowertrainQuery = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> list[Slot]:
    return await availability.next_free_slots(
        uow=uow,
        centre_id=centre_id,
        after=after or datetime.now().astimezone(),
        policy=policy_named(request, product),
        filters=Filters(pool, model_name, powertrain),
        limit=limit,
    )


@router.post(
    "/holds",
    status_code=201,
    summary="Hold a resource; confirm before the hold lapses",
    responses=openapi_error_responses(409),
)
async def hold(
    body: HoldCreate, request: Request, principal: CurrentPrincipal, uow: Uow
) -> BookingRead:
    customer = None if principal.external else principal.account_id
    return await service.hold(
        uow=uow, policy=policy_named(request, body.product), hold_in=body, customer_id=customer
    )


@router.get("/bookings", summary="My bookings (staff: everyone's, with filters)")
async def bookings(
    principal: CurrentPrincipal,
    uow: Uow,
    paging: Paging,
    centre_id: uuid.UUID | None = None,
    status: Status | None = None,
    starts_from: AwareDatetime | None = None,
    starts_before: AwareDatetime | None = None,
    product: Annotated[str | None, Query(max_length=40, description="e.g. testdrive")] = None,
) -> BookingPage:
    mine = None if principal.role in STAFF_ROLES else principal.account_id
    return await service.list_bookings(
        uow=uow,
        paging=paging,
        customer_id=mine,
        product=product,
        centre_id=centre_id,
        status=status,
        starts_from=starts_from,
        starts_before=starts_before,
    )


@router.get("/bookings/{booking_id}", summary="One booking")
async def booking(booking_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> BookingRead:
    return await _visible(uow, booking_id, principal)


@router.post(
    "/bookings/{booking_id}/confirm",
    summary="Confirm a held booking",
    responses=openapi_error_responses(409),
)
async def confirm(booking_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> BookingRead:
    await _visible(uow, booking_id, principal)
    return await service.confirm(uow=uow, booking_id=booking_id)


@router.post(
    "/bookings/{booking_id}/cancel",
    summary="Cancel (the product's fee rule applies)",
    responses=openapi_error_responses(409),
)
async def cancel(
    booking_id: uuid.UUID, request: Request, principal: CurrentPrincipal, uow: Uow
) -> BookingRead:
    current = await _visible(uow, booking_id, principal)
    policy = policy_named(request, current.product)
    return await service.cancel(uow=uow, booking_id=booking_id, policy=policy)


@router.patch(
    "/bookings/{booking_id}",
    summary="Move, extend or shorten (all or nothing)",
    responses=openapi_error_responses(409),
)
async def change(
    booking_id: uuid.UUID,
    body: BookingChange,
    request: Request,
    principal: CurrentPrincipal,
    uow: Uow,
) -> BookingRead:
    current = await _visible(uow, booking_id, principal)
    return await service.modify(
        uow=uow,
        booking_id=booking_id,
        policy=policy_named(request, current.product),
        starts_at=body.starts_at,
        ends_at=body.ends_at,
    )


@router.post("/bookings/{booking_id}/start", summary="Hand-over: the booking starts (staff)")
async def start(booking_id: uuid.UUID, _: Staff, uow: Uow) -> BookingRead:
    return await service.start(uow=uow, booking_id=booking_id)


@router.post("/bookings/{booking_id}/complete", summary="Return: the booking ends (staff)")
async def complete(booking_id: uuid.UUID, _: Staff, uow: Uow) -> BookingRead:
    return await service.complete(uow=uow, booking_id=booking_id)


@router.post("/bookings/{booking_id}/no-show", summary="The customer did not come (staff)")
async def no_show(booking_id: uuid.UUID, _: Staff, uow: Uow) -> BookingRead:
    return await service.no_show(uow=uow, booking_id=booking_id)
