"""Pricing rules: price lines, totals with VAT, the quote's lifecycle, vouchers. No I/O.

Every line is NET and rounded to its currency's minor unit when it is made, so the lines
add up to the shown net exactly. VAT is computed once per rate on the sum of the lines at
that rate (not per line) and rounded per currency; the total is net plus VAT.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from motorpool.domains.pricing.rates import tax_rate
from motorpool.domains.pricing.texts import line_text
from motorpool.platform.errors import Conflict, NotFound, Problem
from motorpool.platform.money import SUPPORTED_CURRENCIES, CurrencyMismatch, Money, total

QUOTE_TTL_MINUTES = 30
MAX_PERIOD = timedelta(days=3660)  # ten years: no product is booked for longer


class QuoteStatus(StrEnum):
    open = "open"
    accepted = "accepted"
    expired = "expired"


class VoucherKind(StrEnum):
    percent = "percent"
    fixed = "fixed"


# ----------------------------------------------------------------- problems


class QuoteNotFound(NotFound):
    slug = "quote-not-found"
    title = "No such quote"


class QuoteExpired(Conflict):
    """409, not 410: the quote still exists and can be read; only accepting it conflicts
    with its state. Ask for a new quote."""

    slug = "quote-expired"
    title = "The quote has expired"
    description = "A quote holds its price until `expires_at`. Ask for a new quote."


class QuoteAlreadyAccepted(Conflict):
    slug = "quote-already-accepted"
    title = "The quote was accepted for another booking"
    description = "A quote locks its price for one booking only. Ask for a new quote."


class QuoteNotAccepted(Conflict):
    slug = "quote-not-accepted"
    title = "The quote was never accepted for a booking"
    description = "Only the quote of a confirmed booking can be settled after a return."


class InvalidPeriod(Problem):
    slug = "invalid-period"
    title = "The period is not valid"
    status = 422
    description = "The end must come after the start; both instants need an offset."


class UnknownOption(Problem):
    slug = "unknown-option"
    title = "The rate plan offers no such option"
    status = 422
    description = "Choose options from the plan's `options` (GET /pricing/rate-plans)."


class VoucherNotValid(Problem):
    slug = "voucher-not-valid"
    title = "The voucher is unknown, expired, used up or not for this purchase"
    status = 422
    description = "Check the code, or ask without a voucher."


class VoucherExists(Conflict):
    slug = "voucher-exists"
    title = "A voucher with this code exists"


class InvalidVoucher(Problem):
    slug = "invalid-voucher"
    title = "The voucher's terms are not valid"
    status = 422


# ----------------------------------------------------------------- lines and totals


@dataclass(frozen=True)
class PriceLine:
    """One net line of a price: ``amount`` is ``unit_price * quantity`` rounded."""

    code: str
    description: str
    quantity: Decimal
    unit_price: Money
    amount: Money
    tax_rate: Decimal
    translations: Mapping[str, str] = field(default_factory=dict, hash=False)
    """The description in other languages, by language code (``{"de": "Miettage"}``)."""

    @classmethod
    def of(
        cls,
        code: str,
        description: str | tuple[str, Mapping[str, str]],
        quantity: Decimal | int,
        unit_price: Money,
        rate: Decimal,
    ) -> PriceLine:
        """``description`` is the English text, or it and its translations (``line_text``)."""
        english, translations = _texts(description)
        quantity = Decimal(quantity)
        amount = (unit_price * quantity).rounded()
        return cls(code, english, quantity, unit_price, amount, rate, translations)

    @classmethod
    def fixed(
        cls,
        code: str,
        description: str | tuple[str, Mapping[str, str]],
        amount: Money,
        rate: Decimal,
    ) -> PriceLine:
        """A line of one given amount (a discount, a voucher), rounded."""
        english, translations = _texts(description)
        rounded = amount.rounded()
        return cls(code, english, Decimal(1), rounded, rounded, rate, translations)


def _texts(description: str | tuple[str, Mapping[str, str]]) -> tuple[str, Mapping[str, str]]:
    if isinstance(description, str):
        return description, {}
    return description


@dataclass(frozen=True)
class TaxLine:
    rate: Decimal
    base: Money
    amount: Money


@dataclass(frozen=True)
class Totals:
    net: Money
    taxes: tuple[TaxLine, ...]
    total: Money


def totals(lines: Iterable[PriceLine], currency: str, market: str) -> Totals:
    """Net (the sum of the rounded lines), VAT per rate on the sum of that rate's lines,
    and the total. ``market`` must be one priced (its rate is what new lines get)."""
    tax_rate(market)  # an unknown market is refused, not priced at 0 %
    lines = list(lines)
    by_rate: dict[Decimal, list[Money]] = {}
    for line in lines:
        if line.amount.currency != currency:
            raise CurrencyMismatch(f"a {line.amount.currency} line in a {currency} price")
        by_rate.setdefault(line.tax_rate, []).append(line.amount.rounded())
    taxes = tuple(
        TaxLine(rate, base, base.percent(rate).rounded())
        for rate, base in ((r, total(amounts, currency)) for r, amounts in sorted(by_rate.items()))
    )
    net = total((line.amount.rounded() for line in lines), currency)
    return Totals(net, taxes, net + total((t.amount for t in taxes), currency))


# ----------------------------------------------------------------- quote and voucher rules


def status_of(accepted: bool, expires_at: datetime, now: datetime) -> QuoteStatus:
    if accepted:
        return QuoteStatus.accepted
    return QuoteStatus.expired if now >= expires_at else QuoteStatus.open


def check_period(starts_at: datetime, ends_at: datetime) -> None:
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise InvalidPeriod("give both instants with an offset, e.g. 2027-03-01T09:00:00+01:00")
    if ends_at <= starts_at:
        raise InvalidPeriod("the end must come after the start")
    if ends_at - starts_at > MAX_PERIOD:
        raise InvalidPeriod("a priced period is at most ten years long")


def check_acceptable(
    *, accepted_booking: object | None, booking: object, expires_at: datetime, now: datetime
) -> bool:
    """True if the quote is to be accepted now, False if it already is for this booking."""
    if accepted_booking is not None:
        if accepted_booking != booking:
            raise QuoteAlreadyAccepted()
        return False
    if now >= expires_at:
        raise QuoteExpired(f"it expired at {expires_at.isoformat()}")
    return True


@dataclass(frozen=True)
class VoucherTerms:
    code: str
    kind: VoucherKind
    value: Decimal  # percent, or a net amount in ``currency``
    currency: str | None
    valid_from: datetime
    valid_until: datetime
    max_uses: int | None
    uses: int
    products: tuple[str, ...]


def check_voucher_terms(
    kind: VoucherKind, value: Decimal, currency: str | None, start: datetime, end: datetime
) -> None:
    if kind is VoucherKind.percent and not (0 < value <= 100 and currency is None):
        raise InvalidVoucher("a percent voucher takes more than 0 and at most 100, no currency")
    if kind is VoucherKind.fixed and not (value > 0 and currency is not None):
        raise InvalidVoucher("a fixed voucher takes a positive amount and its currency")
    if currency is not None and currency not in SUPPORTED_CURRENCIES:
        raise InvalidVoucher(f"{currency} is not one of {', '.join(sorted(SUPPORTED_CURRENCIES))}")
    if end <= start:
        raise InvalidVoucher("valid_until must come after valid_from")


def check_voucher_usable(
    voucher: VoucherTerms | None, *, product: str, currency: str, now: datetime
) -> VoucherTerms:
    if voucher is None:
        raise VoucherNotValid("no voucher has this code")
    if not voucher.valid_from <= now < voucher.valid_until:
        raise VoucherNotValid("the voucher is not valid at this time")
    if voucher.max_uses is not None and voucher.uses >= voucher.max_uses:
        raise VoucherNotValid("the voucher is used up")
    if voucher.products and product not in voucher.products:
        raise VoucherNotValid(f"the voucher is not for {product}")
    if voucher.currency is not None and voucher.currency != currency:
        raise VoucherNotValid(f"the voucher is in {voucher.currency}, the price in {currency}")
    return voucher


def voucher_line(voucher: VoucherTerms, lines: list[PriceLine], rate: Decimal) -> PriceLine:
    """A negative line: the voucher's percent of the lines so far, or its fixed amount —
    never more than the lines add up to, so a price cannot go below zero."""
    currency = lines[0].amount.currency
    subtotal = total((line.amount for line in lines), currency)
    if voucher.kind is VoucherKind.percent:
        off = subtotal.percent(voucher.value).rounded()
        label = line_text(
            "voucher_percent", code=voucher.code, share=f"{voucher.value.normalize():f} %"
        )
    else:
        off = Money(voucher.value, currency).rounded()
        label = line_text("voucher", code=voucher.code)
    off = min(off, subtotal) if subtotal.amount > 0 else Money.zero(currency)
    return PriceLine.fixed("voucher", label, -off, rate)
