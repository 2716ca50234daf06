"""The pricing HTTP API: thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials

from motorpool.domains.pricing import model, service
from motorpool.domains.pricing.rates import RateBook, RatePlan
from motorpool.domains.pricing.schemas import (
    MarketCode,
    OptionRead,
    QuoteAccept,
    QuoteCreate,
    QuoteRead,
    RatePlanRead,
    TierRead,
    VoucherCreate,
    VoucherRead,
)
from motorpool.platform.auth import STAFF_ROLES, Principal, Role
from motorpool.platform.errors import ServiceUnavailable, openapi_error_responses
from motorpool.platform.http import (
    Uow,
    bearer_scheme,
    current_principal,
    domain_router,
    require_role,
)
from motorpool.platform.money import Money, MoneyRead

router = domain_router(prefix="/pricing", tags=["pricing"])

Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]
VoucherAdmin = Annotated[Principal, Depends(require_role(Role.brand_admin, Role.fleet_manager))]


class PricingNotConfigured(ServiceUnavailable):
    slug = "pricing-not-configured"
    title = "This deployment has no rate plans"


async def _rates(request: Request) -> RateBook:
    rates: RateBook | None = getattr(request.app.state, "rate_plans", None)
    if rates is None:
        raise PricingNotConfigured()
    return rates


Rates = Annotated[RateBook, Depends(_rates)]


async def _optional_principal(
    request: Request,
    uow: Uow,
    credentials: HTTPAuthorizationCredentials | None = Security(bearer_scheme),
) -> Principal | None:
    """The caller if a token came with the request (checked as usual), else None."""
    if getattr(request.state, "principal", None) is None:
        return None
    return await current_principal(request, uow, credentials)


MaybePrincipal = Annotated[Principal | None, Depends(_optional_principal)]


def _customer_id(principal: Principal | None) -> uuid.UUID | None:
    if principal is None or principal.external or principal.role is not Role.customer:
        return None
    return principal.account_id


def _plan_read(plan: RatePlan) -> RatePlanRead:
    def money(amount: object) -> MoneyRead | None:
        return MoneyRead.of(Money(amount, plan.currency)) if amount is not None else None  # type: ignore[arg-type]

    def must(amount: object) -> MoneyRead:
        found = money(amount)
        assert found is not None
        return found

    return RatePlanRead(
        product=plan.product,
        market=plan.market,
        currency=plan.currency,
        tax_rate=f"{plan.tax_rate.normalize():f}",
        unit=plan.unit,
        unit_price=service.price_read(plan.unit_price, plan.currency),
        weekend_unit_price=money(plan.weekend_unit_price),
        hour_cap=money(plan.hour_cap),
        day_cap=money(plan.day_cap),
        tiers=[
            TierRead(min_units=t.min_units, percent=f"{t.percent.normalize():f}")
            for t in plan.tiers
        ],
        included_km_per_unit=plan.included_km_per_unit,
        included_km_per_booking=plan.included_km_per_booking,
        extra_km_price=service.price_read(plan.extra_km_price, plan.currency),
        late_return_per_hour=must(plan.late_return_per_hour),
        late_grace_minutes=int(plan.late_grace / timedelta(minutes=1)),
        refuel_fee=must(plan.refuel_fee),
        energy_price_per_percent=must(plan.energy_price_per_percent),
        deposit=must(plan.deposit),
        options=[
            OptionRead(
                code=o.code,
                description=o.description,
                translations=dict(o.translations),
                price=must(o.price),
                per=o.per,
            )
            for o in plan.options
        ],
    )


@router.get("/rate-plans", summary="Rate plans by product and market (public)")
async def rate_plans(
    rates: Rates,
    product: Annotated[str | None, Query(description="e.g. rental")] = None,
    market: Annotated[MarketCode | None, Query(description="ISO country, e.g. DE")] = None,
) -> list[RatePlanRead]:
    return [_plan_read(plan) for plan in rates.plans(product, market)]


@router.post(
    "/quotes",
    status_code=201,
    summary="A priced quote, every line listed; no account needed",
    responses=openapi_error_responses(409),
)
async def create_quote(
    body: QuoteCreate, principal: MaybePrincipal, uow: Uow, rates: Rates
) -> QuoteRead:
    return await service.quote(
        uow=uow, rates=rates, quote_in=body, customer_id=_customer_id(principal)
    )


async def _visible(uow: Uow, quote_id: uuid.UUID, principal: Principal | None) -> QuoteRead:
    """A quote of nobody is seen by whoever holds its id; a customer's quote by that
    customer and staff only (others get 404)."""
    found = await service.get_quote(uow=uow, quote_id=quote_id)
    customer = found.customer_id
    if customer is None or (principal is not None and principal.role in STAFF_ROLES):
        return found
    if principal is None or _customer_id(principal) != customer:
        raise model.QuoteNotFound()
    return found


@router.get("/quotes/{quote_id}", summary="One quote")
async def get_quote(quote_id: uuid.UUID, principal: MaybePrincipal, uow: Uow) -> QuoteRead:
    return await _visible(uow, quote_id, principal)


@router.post(
    "/quotes/{quote_id}/accept",
    summary="Lock the quoted price for a booking (staff; products do this through the face)",
    responses=openapi_error_responses(409),
)
async def accept_quote(quote_id: uuid.UUID, body: QuoteAccept, _: Staff, uow: Uow) -> QuoteRead:
    return await service.accept_quote(uow=uow, quote_id=quote_id, booking_id=body.booking_id)


@router.post(
    "/vouchers",
    status_code=201,
    summary="Create a voucher code (brand admin or fleet manager)",
    responses=openapi_error_responses(409),
)
async def create_voucher(body: VoucherCreate, _: VoucherAdmin, uow: Uow) -> VoucherRead:
    return await service.create_voucher(uow=uow, voucher_in=body)
