"""Pricing test factories: rate plans to price with, the deployment's rate book, quotes
made at a chosen instant, vouchers."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from motorpool import products
from motorpool.domains import pricing
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory

D = Decimal
FRIDAY = datetime(2027, 3, 5, 9, tzinfo=UTC)  # 10:00 in Berlin


def rates() -> pricing.RateBook:
    return products.rate_plans()


def day_plan(**changes: Any) -> pricing.RatePlan:
    """A plain DE day plan: 100 a day, nothing else unless asked."""
    plan = pricing.RatePlan(
        product="rental", market="DE", currency="EUR", unit=pricing.Unit.day, unit_price=D("100")
    )
    return replace(plan, **changes)


def minute_plan(**changes: Any) -> pricing.RatePlan:
    plan = pricing.RatePlan(
        product="carsharing",
        market="DE",
        currency="EUR",
        unit=pricing.Unit.minute,
        unit_price=D("0.50"),
        hour_cap=D("20"),
        day_cap=D("100"),
    )
    return replace(plan, **changes)


def line(amount: str, currency: str = "EUR", rate: str = "19") -> pricing.PriceLine:
    from motorpool.platform.money import Money

    money = Money(D(amount), currency)
    return pricing.PriceLine("x", "x", D(1), money, money.rounded(), D(rate))


async def make_quote(
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    *,
    product: str = "rental",
    market: str = "DE",
    starts_at: datetime = FRIDAY,
    hours: int = 48,
    options: list[str] | None = None,
    voucher: str | None = None,
    customer_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> pricing.QuoteRead:
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        made = await pricing.quote(
            uow=uow,
            rates=rates(),
            quote_in=pricing.QuoteCreate(
                product=product,
                market=market,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=hours),
                options=options or [],
                voucher=voucher,
            ),
            customer_id=customer_id,
            now=now,
        )
        await uow.commit()
    return made


async def make_voucher(
    uow_factory: UnitOfWorkFactory, brand: Tenant, code: str = "SPRING10", **changes: Any
) -> pricing.VoucherRead:
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "code": code,
        "kind": "percent",
        "value": D("10"),
        "valid_from": now - timedelta(days=1),
        "valid_until": now + timedelta(days=30),
    }
    values.update(changes)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        made = await pricing.create_voucher(uow=uow, voucher_in=pricing.VoucherCreate(**values))
        await uow.commit()
    return made
