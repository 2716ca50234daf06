"""The dealers HTTP API: thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query
from pydantic import AwareDatetime

from motorpool.domains.dealers import service
from motorpool.domains.dealers.schemas import (
    CentreCreate,
    CentrePage,
    CentreRead,
    CentreUpdate,
    ClosureCreate,
    ClosureRead,
    Country,
    Latitude,
    Longitude,
    NearestCentreRead,
    Offer,
    OpeningHoursRead,
    OpeningHoursUpdate,
    OpeningStatusRead,
)
from motorpool.platform.auth import Principal, Role
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import Paging, Uow, domain_router, require_role

router = domain_router(prefix="/dealers", tags=["dealers"])

Admin = Annotated[Principal, Depends(require_role(Role.brand_admin))]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff))]
OfferFilter = Annotated[Offer | None, Query(description="only centres that offer this")]


@router.get("/centres", summary="Centres of this brand (public)")
async def list_centres(
    uow: Uow,
    paging: Paging,
    country: Annotated[Country | None, Query(description="ISO 3166-1 alpha-2")] = None,
    offers: OfferFilter = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=100, description="code, name or city contains")
    ] = None,
) -> CentrePage:
    return await service.list_centres(uow=uow, paging=paging, country=country, offers=offers, q=q)


@router.get("/centres/nearest", summary="The centres nearest to a point, nearest first")
async def nearest_centres(
    uow: Uow,
    latitude: Annotated[Latitude, Query()],
    longitude: Annotated[Longitude, Query()],
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    offers: OfferFilter = None,
) -> list[NearestCentreRead]:
    return await service.nearest_centres(
        uow=uow, latitude=latitude, longitude=longitude, limit=limit, offers=offers
    )


@router.get("/centres/{centre_id}", summary="One centre", responses=openapi_error_responses(404))
async def get_centre(centre_id: uuid.UUID, uow: Uow) -> CentreRead:
    return await service.get_centre(uow=uow, centre_id=centre_id)


@router.get(
    "/centres/{centre_id}/opening-hours",
    summary="Weekly opening hours (local times in the centre's zone) and closures",
    responses=openapi_error_responses(404),
)
async def opening_hours(centre_id: uuid.UUID, uow: Uow) -> OpeningHoursRead:
    return await service.opening_hours(uow=uow, centre_id=centre_id)


@router.get(
    "/centres/{centre_id}/opening-status",
    summary="Is the centre open at an instant (default now), and when does it next open",
    responses=openapi_error_responses(404),
)
async def opening_status(
    centre_id: uuid.UUID,
    uow: Uow,
    at: Annotated[
        AwareDatetime | None,
        Query(description="an instant with its offset, e.g. 2026-03-29T06:30:00Z"),
    ] = None,
) -> OpeningStatusRead:
    return await service.opening_status(uow=uow, centre_id=centre_id, at=at)


@router.post(
    "/centres",
    status_code=201,
    summary="Add a centre (brand admin)",
    responses=openapi_error_responses(409),
)
async def create_centre(body: CentreCreate, _admin: Admin, uow: Uow) -> CentreRead:
    return await service.create_centre(uow=uow, centre_in=body)


@router.patch(
    "/centres/{centre_id}",
    summary="Change a centre's details (brand admin)",
    responses=openapi_error_responses(409),
)
async def update_centre(
    centre_id: uuid.UUID, body: CentreUpdate, _admin: Admin, uow: Uow
) -> CentreRead:
    return await service.update_centre(uow=uow, centre_id=centre_id, changes=body)


@router.put(
    "/centres/{centre_id}/opening-hours",
    summary="Replace the weekly opening hours (dealer staff)",
)
async def set_opening_hours(
    centre_id: uuid.UUID, body: OpeningHoursUpdate, _staff: Staff, uow: Uow
) -> OpeningHoursRead:
    return await service.set_opening_hours(uow=uow, centre_id=centre_id, intervals=body.intervals)


@router.post(
    "/centres/{centre_id}/closures",
    status_code=201,
    summary="Close the centre for a whole local day (dealer staff)",
    responses=openapi_error_responses(409),
)
async def add_closure(
    centre_id: uuid.UUID, body: ClosureCreate, _staff: Staff, uow: Uow
) -> ClosureRead:
    return await service.add_closure(uow=uow, centre_id=centre_id, closure_in=body)


@router.delete(
    "/centres/{centre_id}/closures/{closure_id}",
    status_code=204,
    summary="Remove a closure (dealer staff)",
)
async def remove_closure(
    centre_id: uuid.UUID, closure_id: uuid.UUID, _staff: Staff, uow: Uow
) -> None:
    await service.remove_closure(uow=uow, centre_id=centre_id, closure_id=closure_id)
