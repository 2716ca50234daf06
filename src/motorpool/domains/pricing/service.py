"""Pricing use cases: quote, read a quote, accept it for a booking, settle after a return,
create a voucher.

Keyword-only, on a unit of work, never committing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from motorpool.domains.pricing import charges, model
from motorpool.domains.pricing.events import QuoteAccepted
from motorpool.domains.pricing.model import PriceLine, VoucherKind, VoucherTerms
from motorpool.domains.pricing.rates import RateBook
from motorpool.domains.pricing.schemas import (
    PriceLineRead,
    QuoteCreate,
    QuoteRead,
    TaxLineRead,
    VoucherCreate,
    VoucherRead,
)
from motorpool.domains.pricing.tables import QuoteLineRow, QuoteRow, VoucherRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.money import Money, MoneyRead, minor_digits
from motorpool.platform.uow import UnitOfWork

QUOTE_TTL = timedelta(minutes=model.QUOTE_TTL_MINUTES)


def _money(amount: Decimal, currency: str) -> MoneyRead:
    return MoneyRead.of(Money(amount, currency))


def price_read(amount: Decimal, currency: str) -> MoneyRead:
    """A unit price as exact as it was set: 0.29 as "0.29", 2 as "2.00", 0.285 kept."""
    digits = minor_digits(currency)
    plain = amount.normalize()
    if -plain.as_tuple().exponent <= digits:  # type: ignore[operator]
        plain = plain.quantize(Decimal(1).scaleb(-digits))
    return MoneyRead(amount=f"{plain:f}", currency=currency)


def _line_read(line: QuoteLineRow, currency: str) -> PriceLineRead:
    return PriceLineRead(
        code=line.code,
        description=line.description,
        translations=dict(line.translations or {}),
        quantity=f"{line.quantity.normalize():f}",
        unit_price=price_read(line.unit_price, currency),
        amount=_money(line.amount, currency),
        tax_rate=_rate(line.tax_rate),
    )


def _rate(rate: Decimal) -> str:
    return f"{rate.normalize():f}"


def read(row: QuoteRow, lines: list[QuoteLineRow], now: datetime | None = None) -> QuoteRead:
    c = row.currency
    return QuoteRead(
        id=row.id,
        customer_id=row.customer_id,
        product=row.product,
        market=row.market,
        currency=c,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        lines=[_line_read(line, c) for line in sorted(lines, key=lambda line: line.position)],
        net=_money(row.net, c),
        taxes=[
            TaxLineRead(
                rate=t["rate"],
                base=MoneyRead(amount=t["base"], currency=c),
                amount=MoneyRead(amount=t["amount"], currency=c),
            )
            for t in row.taxes
        ],
        total=_money(row.total, c),
        deposit=_money(row.deposit, c),
        included_km=row.included_km,
        extra_km_price=price_read(row.extra_km_price, c),
        expires_at=row.expires_at,
        accepted_booking_id=row.accepted_booking_id,
        status=model.status_of(
            row.accepted_booking_id is not None, row.expires_at, now or utcnow()
        ),
    )


def _terms(row: VoucherRow) -> VoucherTerms:
    return VoucherTerms(
        code=row.code,
        kind=VoucherKind(row.kind),
        value=row.value,
        currency=row.currency,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        max_uses=row.max_uses,
        uses=row.uses,
        products=tuple(row.products),
    )


async def _voucher(uow: UnitOfWork, code: str, *, lock: bool = False) -> VoucherRow | None:
    stmt = select(VoucherRow).where(VoucherRow.code == code.strip().upper())
    if lock:
        stmt = stmt.with_for_update()
    return (await uow.session.execute(stmt)).scalar_one_or_none()


async def _quote(uow: UnitOfWork, quote_id: uuid.UUID, *, lock: bool = False) -> QuoteRow:
    stmt = select(QuoteRow).where(QuoteRow.id == quote_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.QuoteNotFound()
    return row


async def _lines(uow: UnitOfWork, quote_id: uuid.UUID) -> list[QuoteLineRow]:
    rows = await uow.session.execute(
        select(QuoteLineRow)
        .where(QuoteLineRow.quote_id == quote_id)
        .order_by(QuoteLineRow.position)
    )
    return list(rows.scalars())


async def quote(
    *,
    uow: UnitOfWork,
    rates: RateBook,
    quote_in: QuoteCreate,
    customer_id: uuid.UUID | None,
    now: datetime | None = None,
) -> QuoteRead:
    """Price a product in a market for a period, with options and a voucher, and keep the
    quote (every line, VAT, total, deposit, kilometres) until ``expires_at``."""
    stamp = now or utcnow()
    plan = rates.plan(quote_in.product, quote_in.market)
    model.check_period(quote_in.starts_at, quote_in.ends_at)
    voucher = None
    if quote_in.voucher:
        found = await _voucher(uow, quote_in.voucher)
        voucher = model.check_voucher_usable(
            _terms(found) if found else None,
            product=plan.product,
            currency=plan.currency,
            now=stamp,
        )
    priced = charges.price_period(
        plan, quote_in.starts_at, quote_in.ends_at, quote_in.options, voucher
    )
    sums = model.totals(priced.lines, plan.currency, plan.market)
    row = QuoteRow(
        id=new_id(),
        customer_id=customer_id,
        product=plan.product,
        market=plan.market,
        currency=plan.currency,
        starts_at=quote_in.starts_at.astimezone(UTC),
        ends_at=quote_in.ends_at.astimezone(UTC),
        options=list(dict.fromkeys(quote_in.options)),
        voucher_code=voucher.code if voucher else None,
        net=sums.net.amount,
        total=sums.total.amount,
        taxes=[
            {"rate": _rate(t.rate), "base": str(t.base.amount), "amount": str(t.amount.amount)}
            for t in sums.taxes
        ],
        tax_rate=plan.tax_rate,
        deposit=plan.deposit,
        included_km=priced.included_km,
        extra_km_price=plan.extra_km_price,
        late_return_per_hour=plan.late_return_per_hour,
        late_grace_minutes=int(plan.late_grace / timedelta(minutes=1)),
        refuel_fee=plan.refuel_fee,
        energy_price_per_percent=plan.energy_price_per_percent,
        expires_at=stamp + QUOTE_TTL,
        accepted_booking_id=None,
        accepted_at=None,
        created_at=stamp,
    )
    uow.session.add(row)
    await uow.session.flush()
    lines = [
        QuoteLineRow(
            id=new_id(),
            quote_id=row.id,
            position=position,
            code=line.code,
            description=line.description,
            translations=dict(line.translations),
            quantity=line.quantity,
            unit_price=line.unit_price.amount,
            amount=line.amount.amount,
            tax_rate=line.tax_rate,
        )
        for position, line in enumerate(priced.lines)
    ]
    uow.session.add_all(lines)
    await uow.session.flush()
    return read(row, lines, stamp)


async def get_quote(
    *, uow: UnitOfWork, quote_id: uuid.UUID, now: datetime | None = None
) -> QuoteRead:
    row = await _quote(uow, quote_id)
    return read(row, await _lines(uow, quote_id), now)


async def accept_quote(
    *, uow: UnitOfWork, quote_id: uuid.UUID, booking_id: uuid.UUID, now: datetime | None = None
) -> QuoteRead:
    """Lock the quoted price for ``booking_id``. Accepting again for the same booking
    answers the same; for another booking is a 409; an expired quote is a 409
    ``quote-expired`` and nothing changes. The voucher, if any, counts one use."""
    stamp = now or utcnow()
    row = await _quote(uow, quote_id, lock=True)
    fresh = model.check_acceptable(
        accepted_booking=row.accepted_booking_id,
        booking=booking_id,
        expires_at=row.expires_at,
        now=stamp,
    )
    if fresh:
        if row.voucher_code is not None:
            voucher = await _voucher(uow, row.voucher_code, lock=True)
            # the quote locked the voucher's price; only a use beyond max_uses is refused
            if voucher is not None:
                if voucher.max_uses is not None and voucher.uses >= voucher.max_uses:
                    raise model.VoucherNotValid("the voucher was used up meanwhile")
                voucher.uses += 1
        row.accepted_booking_id = booking_id
        row.accepted_at = stamp
        await uow.session.flush()
        uow.record(
            QuoteAccepted(
                tenant_id=row.tenant_id,
                quote_id=row.id,
                booking_id=booking_id,
                total=str(Money(row.total, row.currency).rounded().amount),
                currency=row.currency,
            )
        )
    return read(row, await _lines(uow, quote_id), stamp)


async def settle(
    *,
    uow: UnitOfWork,
    rates: RateBook,
    quote_id: uuid.UUID,
    driven_km: int,
    returned_late_by: timedelta,
    energy_shortfall_percent: int,
) -> list[PriceLine]:
    """The extra net lines after a return: kilometres beyond those included, late return
    per started hour after the grace period, refuel or recharge. Priced by the terms the
    accepted quote kept (``rates`` is not consulted: a booking keeps its quoted price)."""
    row = await _quote(uow, quote_id)
    if row.accepted_booking_id is None:
        raise model.QuoteNotAccepted()
    c, rate = row.currency, row.tax_rate
    return [
        *charges.extra_km_line(Money(row.extra_km_price, c), row.included_km, driven_km, rate),
        *charges.late_return_lines(
            Money(row.late_return_per_hour, c),
            timedelta(minutes=row.late_grace_minutes),
            returned_late_by,
            rate,
        ),
        *charges.energy_lines(
            Money(row.refuel_fee, c),
            Money(row.energy_price_per_percent, c),
            energy_shortfall_percent,
            rate,
        ),
    ]


def voucher_read(row: VoucherRow) -> VoucherRead:
    return VoucherRead(
        id=row.id,
        code=row.code,
        kind=VoucherKind(row.kind),
        value=f"{row.value.normalize():f}",
        currency=row.currency,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        max_uses=row.max_uses,
        uses=row.uses,
        products=list(row.products),
    )


async def create_voucher(*, uow: UnitOfWork, voucher_in: VoucherCreate) -> VoucherRead:
    model.check_voucher_terms(
        voucher_in.kind,
        voucher_in.value,
        voucher_in.currency,
        voucher_in.valid_from,
        voucher_in.valid_until,
    )
    if await _voucher(uow, voucher_in.code) is not None:
        raise model.VoucherExists(f"{voucher_in.code} exists")
    row = VoucherRow(
        id=new_id(),
        code=voucher_in.code,
        kind=voucher_in.kind.value,
        value=voucher_in.value,
        currency=voucher_in.currency,
        valid_from=voucher_in.valid_from.astimezone(UTC),
        valid_until=voucher_in.valid_until.astimezone(UTC),
        max_uses=voucher_in.max_uses,
        uses=0,
        products=list(voucher_in.products),
        created_at=utcnow(),
    )
    uow.session.add(row)
    await uow.session.flush()
    return voucher_read(row)
