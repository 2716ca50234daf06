"""The workshop HTTP API: thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from motorpool.domains import booking
from motorpool.domains.workshop import catalogue, model, service
from motorpool.domains.workshop.schemas import (
    AppointmentCreate,
    AppointmentPage,
    AppointmentRead,
    AppointmentSlots,
    AppointmentUpdate,
    DaySheet,
    ServiceCode,
    ServiceDurationUpdate,
    ServiceTypeRead,
)
from motorpool.platform.auth import STAFF_ROLES, Principal, Role
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role

router = domain_router(prefix="/workshop", tags=["workshop"])

FleetManager = Annotated[Principal, Depends(require_role(Role.fleet_manager))]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]
CentreQuery = Annotated[uuid.UUID, Query(description="the centre's id")]


@dataclass(frozen=True)
class WorkshopPolicies:
    servicing: booking.BookingPolicy
    courtesy: booking.BookingPolicy


async def _policies(request: Request) -> WorkshopPolicies:
    """The deployment's servicing (bay) and courtesy-car booking policies."""
    policies: dict[str, booking.BookingPolicy] = request.app.state.booking_policies
    if "servicing" not in policies or "courtesy" not in policies:
        raise model.WorkshopNotConfigured()
    return WorkshopPolicies(policies["servicing"], policies["courtesy"])


Policies = Annotated[WorkshopPolicies, Depends(_policies)]


async def _visible(uow: Uow, appointment_id: uuid.UUID, principal: Principal) -> AppointmentRead:
    """The appointment, if the caller may see it: its owner or staff. Others get 404."""
    appointment = await service.get_appointment(uow=uow, appointment_id=appointment_id)
    if principal.role not in STAFF_ROLES and (
        principal.external or appointment.customer_id != principal.account_id
    ):
        raise model.AppointmentNotFound()
    return appointment


@router.get("/service-types", summary="The services the brand's workshops offer")
async def service_types(uow: Uow) -> list[ServiceTypeRead]:
    return await catalogue.service_types(uow=uow)


@router.post(
    "/service-types/standard",
    summary="Add the standard service types the brand lacks (brand admin)",
)
async def standard_service_types(
    _: Annotated[Principal, Depends(require_role(Role.brand_admin))], uow: Uow
) -> list[ServiceTypeRead]:
    return await catalogue.ensure_service_catalogue(uow=uow)


@router.put(
    "/service-types/{code}/durations/{model_line}",
    summary="How long a service takes on a model line",
)
async def set_duration(
    code: str, model_line: str, body: ServiceDurationUpdate, _: FleetManager, uow: Uow
) -> ServiceTypeRead:
    return await catalogue.set_duration(
        uow=uow, code=code, model_line=model_line, minutes=body.minutes
    )


@router.get("/slots", summary="Start times with a bay free for my car's services")
async def slots(
    principal: CurrentPrincipal,
    uow: Uow,
    policies: Policies,
    centre_id: CentreQuery,
    day: date,
    vehicle_id: uuid.UUID,
    services: Annotated[list[ServiceCode], Query(min_length=1, max_length=model.MAX_SERVICES)],
) -> AppointmentSlots:
    return await service.appointment_slots(
        uow=uow,
        owner_id=principal.account_id,
        centre_id=centre_id,
        day=day,
        vehicle_id=vehicle_id,
        service_codes=services,
        servicing_policy=policies.servicing,
    )


@router.post(
    "/appointments",
    status_code=201,
    summary="Book my car into a workshop, with a courtesy car if I ask",
    responses=openapi_error_responses(409),
)
async def book(
    body: AppointmentCreate, principal: CurrentPrincipal, uow: Uow, policies: Policies
) -> AppointmentRead:
    return await service.book_appointment(
        uow=uow,
        owner_id=principal.account_id,
        vehicle_id=body.vehicle_id,
        centre_id=body.centre_id,
        service_codes=body.service_codes,
        starts_at=body.starts_at,
        wants_courtesy_car=body.wants_courtesy_car,
        servicing_policy=policies.servicing,
        courtesy_policy=policies.courtesy,
        note=body.note,
    )


@router.get("/appointments", summary="My workshop appointments")
async def mine(principal: CurrentPrincipal, uow: Uow, paging: Paging) -> AppointmentPage:
    return await service.appointments_of(uow=uow, owner_id=principal.account_id, paging=paging)


@router.get("/appointments/{appointment_id}", summary="One appointment")
async def appointment(
    appointment_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow
) -> AppointmentRead:
    return await _visible(uow, appointment_id, principal)


@router.patch(
    "/appointments/{appointment_id}",
    summary="Reschedule (all or nothing)",
    responses=openapi_error_responses(409),
)
async def reschedule(
    appointment_id: uuid.UUID,
    body: AppointmentUpdate,
    principal: CurrentPrincipal,
    uow: Uow,
    policies: Policies,
) -> AppointmentRead:
    await _visible(uow, appointment_id, principal)
    return await service.reschedule(
        uow=uow,
        appointment_id=appointment_id,
        starts_at=body.starts_at,
        servicing_policy=policies.servicing,
        courtesy_policy=policies.courtesy,
    )


@router.post(
    "/appointments/{appointment_id}/cancel",
    summary="Cancel; the bay and the courtesy car are released",
    responses=openapi_error_responses(409),
)
async def cancel(
    appointment_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow, policies: Policies
) -> AppointmentRead:
    await _visible(uow, appointment_id, principal)
    return await service.cancel(
        uow=uow,
        appointment_id=appointment_id,
        servicing_policy=policies.servicing,
        courtesy_policy=policies.courtesy,
    )


@router.post(
    "/appointments/{appointment_id}/check-in",
    summary="Receive the car (staff): the appointment is in progress",
    responses=openapi_error_responses(409),
)
async def check_in(appointment_id: uuid.UUID, _: Staff, uow: Uow) -> AppointmentRead:
    return await service.check_in(uow=uow, appointment_id=appointment_id)


@router.post(
    "/appointments/{appointment_id}/finish",
    summary="The work is done (staff): the bay is free again",
    responses=openapi_error_responses(409),
)
async def finish(appointment_id: uuid.UUID, _: Staff, uow: Uow) -> AppointmentRead:
    return await service.finish(uow=uow, appointment_id=appointment_id)


@router.get("/day-sheet", summary="A centre's appointments on one day (staff)")
async def day_sheet(_: Staff, uow: Uow, centre_id: CentreQuery, day: date) -> DaySheet:
    return await service.day_sheet(uow=uow, centre_id=centre_id, day=day)
