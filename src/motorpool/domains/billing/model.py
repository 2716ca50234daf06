"""Billing rules: pricing an invoice's lines, its tax lines per rate, what a credit note
may take back, the invoice's and a payment's lifecycle. No I/O.

Each line's net is rounded to the currency's minor unit; tax is computed per rate on the
sum of the rounded nets at that rate (one rounding per rate, as German and most EU invoices
show it), so ``total = net + tax`` holds to the cent and the lines add up to the net.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from motorpool.platform.errors import Conflict, NotFound, Problem, ServiceUnavailable
from motorpool.platform.money import Money, allocate, check_currency, total

MAX_LINES = 200
HUNDRED = Decimal(100)


class InvoiceStatus(StrEnum):
    open = "open"  # something is due
    paid = "paid"  # a payment covered what was due
    credited = "credited"  # credited in full before it was paid: nothing is due
    refunded = "refunded"  # paid, then refunded in full


class PaymentStatus(StrEnum):
    pending = "pending"  # a bank transfer we wait for
    succeeded = "succeeded"
    cancelled = "cancelled"  # a pending transfer given up (the invoice was paid otherwise)


class PaymentKind(StrEnum):
    card = "card"
    bank_transfer = "bank_transfer"


SETTLED = frozenset({InvoiceStatus.paid.value, InvoiceStatus.refunded.value})

# --------------------------------------------------------------------------- problems


class InvoiceNotFound(NotFound):
    slug = "invoice-not-found"
    title = "No such invoice"


class PaymentNotFound(NotFound):
    slug = "payment-not-found"
    title = "No such payment"


class InvalidInvoiceLines(Problem):
    slug = "invalid-invoice-lines"
    title = "The invoice lines are not valid"
    status = 422
    description = "Lines need a positive quantity, one currency, a tax rate from 0 to 99.99 %."


class CreditExceedsInvoice(Problem):
    slug = "credit-exceeds-invoice"
    title = "A credit note may not exceed what is left of the invoice"
    status = 422
    description = "`detail` names what is left to credit, per tax rate and in total."


class InvoiceAlreadyPaid(Conflict):
    slug = "invoice-already-paid"
    title = "The invoice is already paid"


class NothingToPay(Conflict):
    slug = "nothing-to-pay"
    title = "Nothing is due on this invoice"
    description = "It was credited in full (or its total is zero)."


class PaymentDeclined(Problem):
    slug = "payment-declined"
    title = "The payment was declined"
    status = 402
    description = (
        "The payment provider refused the charge; `decline_reason` says why "
        "(card_declined, insufficient_funds, expired_card, ...). Nothing was charged and the "
        "invoice is still open: try another card or pay by bank transfer."
    )


class InvalidCardNumber(Problem):
    slug = "invalid-card-number"
    title = "The card number is not valid"
    status = 422
    description = "12 to 19 digits passing the Luhn check."


class PaymentMethodUnavailable(ServiceUnavailable):
    slug = "payment-method-unavailable"
    title = "This payment method is not offered here"


class PaymentNotPending(Conflict):
    slug = "payment-not-pending"
    title = "This payment is not a pending bank transfer"


class PaymentNotSettled(Conflict):
    slug = "payment-not-settled"
    title = "Only a received payment can be refunded"


class RefundExceedsPayment(Problem):
    slug = "refund-exceeds-payment"
    title = "A refund may not exceed what was paid and not yet refunded"
    status = 422


class UnknownCharge(Problem):
    slug = "unknown-charge"
    title = "The payment provider does not know this charge"
    status = 422


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class InvoiceLineIn:
    """One line to invoice: a net unit price and its tax rate in percent (``Decimal("19")``)."""

    code: str
    description: str
    quantity: Decimal
    unit_price: Money
    tax_rate: Decimal
    translations: Mapping[str, str] = field(default_factory=dict, hash=False)
    """The description in other languages (``{"de": "..."}``), for the invoice's PDF."""


@dataclass(frozen=True)
class PricedLine:
    line: InvoiceLineIn
    net: Money  # quantity times unit price, rounded to the currency


@dataclass(frozen=True)
class TaxLine:
    rate: Decimal
    net: Money
    tax: Money

    @property
    def gross(self) -> Money:
        return self.net + self.tax


@dataclass(frozen=True)
class Totals:
    currency: str
    lines: tuple[PricedLine, ...]
    tax_lines: tuple[TaxLine, ...]

    @property
    def net(self) -> Money:
        return total((t.net for t in self.tax_lines), self.currency)

    @property
    def tax(self) -> Money:
        return total((t.tax for t in self.tax_lines), self.currency)

    @property
    def total(self) -> Money:
        return self.net + self.tax


def plain(value: Decimal) -> str:
    """``Decimal("19.00")`` → ``"19"``, ``Decimal("7.5")`` → ``"7.5"`` (no exponent)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_lines(lines: Sequence[InvoiceLineIn], currency: str) -> str:
    code = check_currency(currency)
    if not lines:
        raise InvalidInvoiceLines("an invoice needs at least one line")
    if len(lines) > MAX_LINES:
        raise InvalidInvoiceLines(f"at most {MAX_LINES} lines")
    for index, line in enumerate(lines, start=1):
        where = f"line {index}"
        if line.unit_price.currency != code:
            raise InvalidInvoiceLines(f"{where} is in {line.unit_price.currency}, not {code}")
        if not isinstance(line.quantity, Decimal) or not line.quantity.is_finite():
            raise InvalidInvoiceLines(f"{where}: the quantity must be a Decimal")
        if line.quantity <= 0:
            raise InvalidInvoiceLines(f"{where}: the quantity must be positive")
        if not 0 <= line.tax_rate < HUNDRED:
            raise InvalidInvoiceLines(f"{where}: the tax rate must be from 0 to 99.99 %")
        if not line.code.strip() or len(line.code) > 40:
            raise InvalidInvoiceLines(f"{where}: a code of 1 to 40 characters")
        if not line.description.strip() or len(line.description) > 200:
            raise InvalidInvoiceLines(f"{where}: a description of 1 to 200 characters")
    return code


def price(lines: Sequence[InvoiceLineIn], currency: str) -> Totals:
    """Round each line, then tax each rate's rounded net once."""
    code = check_lines(lines, currency)
    priced = tuple(PricedLine(line, (line.unit_price * line.quantity).rounded()) for line in lines)
    nets: dict[Decimal, Money] = {}
    for p in priced:
        nets[p.line.tax_rate] = nets.get(p.line.tax_rate, Money.zero(code)) + p.net
    tax_lines = []
    for rate in sorted(nets):
        net = nets[rate]
        if net.amount < 0:
            raise InvalidInvoiceLines(f"the lines at {plain(rate)} % add up to less than zero")
        tax_lines.append(TaxLine(rate, net, net.percent(rate).rounded()))
    return Totals(code, priced, tuple(tax_lines))


def per_rate(tax_lines: Iterable[TaxLine], currency: str) -> dict[Decimal, TaxLine]:
    """Tax lines summed per rate."""
    out: dict[Decimal, TaxLine] = {}
    for t in tax_lines:
        zero = Money.zero(currency)
        seen = out.get(t.rate, TaxLine(t.rate, zero, zero))
        out[t.rate] = TaxLine(t.rate, seen.net + t.net, seen.tax + t.tax)
    return out


def remaining(
    invoiced: Sequence[TaxLine], credited: Iterable[TaxLine], currency: str
) -> dict[Decimal, TaxLine]:
    """What is left to credit per rate: invoiced minus every credit note so far."""
    done = per_rate(credited, currency)
    zero = Money.zero(currency)
    return {
        rate: TaxLine(
            rate,
            line.net - done.get(rate, TaxLine(rate, zero, zero)).net,
            line.tax - done.get(rate, TaxLine(rate, zero, zero)).tax,
        )
        for rate, line in per_rate(invoiced, currency).items()
    }


def check_credit(requested: Totals, left: Mapping[Decimal, TaxLine]) -> None:
    """A credit note takes back at most what is left, at each rate and in total."""
    left_total = total((t.gross for t in left.values()), requested.currency)
    for t in requested.tax_lines:
        available = left.get(t.rate)
        if available is None:
            raise CreditExceedsInvoice(f"the invoice has no lines at {plain(t.rate)} %")
        if t.net > available.net or t.gross > available.gross:
            raise CreditExceedsInvoice(
                f"at {plain(t.rate)} % only {available.net} net "
                f"({available.gross} with tax) is left to credit"
            )
    if requested.total > left_total:
        raise CreditExceedsInvoice(f"only {left_total} is left to credit")
    if requested.total.amount <= 0:
        raise CreditExceedsInvoice("a credit note must credit more than zero")


def remaining_credit(left: Mapping[Decimal, TaxLine], currency: str, label: str) -> Totals:
    """A credit of everything that is left: one line per rate, its tax exactly what is left
    (so invoice minus all its credit notes is zero to the cent)."""
    lines, taxes = [], []
    for rate in sorted(left):
        t = left[rate]
        if t.net.is_zero and t.tax.is_zero:
            continue
        line = InvoiceLineIn("credit", f"{label} ({plain(rate)} %)", Decimal(1), t.net, rate)
        lines.append(PricedLine(line, t.net))
        taxes.append(t)
    return Totals(currency, tuple(lines), tuple(taxes))


def credit_of_amount(
    amount: Money, left: Mapping[Decimal, TaxLine], currency: str, label: str
) -> Totals:
    """A credit of a gross ``amount`` (a refund): split over the rates in proportion to what
    is left at each, each part split into net and tax."""
    rates = [r for r in sorted(left) if left[r].gross.amount > 0]
    left_total = total((left[r].gross for r in rates), currency)
    if amount.amount <= 0 or amount > left_total:
        raise CreditExceedsInvoice(f"only {left_total} is left to credit")
    if amount == left_total:
        return remaining_credit(left, currency, label)
    parts = allocate(amount, [left[r].gross.amount for r in rates])
    lines, taxes = [], []
    for rate, gross in zip(rates, parts, strict=True):
        if gross.is_zero:
            continue
        net = Money(gross.amount * HUNDRED / (HUNDRED + rate), currency).rounded()
        net = min(net, left[rate].net)
        tax = gross - net
        line = InvoiceLineIn("credit", f"{label} ({plain(rate)} %)", Decimal(1), net, rate)
        lines.append(PricedLine(line, net))
        taxes.append(TaxLine(rate, net, tax))
    return Totals(currency, tuple(lines), tuple(taxes))


# --------------------------------------------------------------------------- lifecycle


def amount_due(total_: Money, credited: Money, paid: Money, refunded: Money) -> Money:
    """What the customer still owes; below zero, what is owed to them."""
    return total_ - credited - paid + refunded


def check_payable(status: str, due: Money) -> None:
    if status in SETTLED:
        raise InvoiceAlreadyPaid()
    if due.amount <= 0:
        raise NothingToPay()


def status_after_credit(status: str, due: Money) -> InvoiceStatus:
    if status == InvoiceStatus.open and due.amount <= 0:
        return InvoiceStatus.credited
    return InvoiceStatus(status)


def check_refund(amount: Money, paid: Money, refunded: Money) -> None:
    refundable = paid - refunded
    if amount.amount <= 0:
        raise RefundExceedsPayment("a refund must be more than zero")
    if amount > refundable:
        raise RefundExceedsPayment(f"at most {refundable} can be refunded")


def refund_to_credit(amount: Money, due: Money) -> Money:
    """How much of a refund a new credit note must document: credit notes issued after the
    payment already owe the customer ``-due``; only the rest is credited anew."""
    owed = max(-due.amount, Decimal(0))
    return Money(max(amount.amount - owed, Decimal(0)), amount.currency)


def luhn_ok(digits: str) -> bool:
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        return False
    checksum = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        checksum += value
    return checksum % 10 == 0


def card_digits(number: str) -> str:
    """The card number without spaces or dashes; refused unless it passes the Luhn check."""
    digits = number.replace(" ", "").replace("-", "")
    if not luhn_ok(digits):
        raise InvalidCardNumber()
    return digits
