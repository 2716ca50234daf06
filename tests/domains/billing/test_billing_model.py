"""Billing rules without a database: rounding, tax per rate, what a credit may take,
refunds, test cards and IBANs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motorpool.domains.billing import model
from motorpool.domains.billing.model import TaxLine
from motorpool.domains.billing.providers import BankTransferProvider, TestCardProvider, iban_ok
from motorpool.domains.billing.schemas import PaymentMethodIn
from motorpool.platform.money import Money
from tests.domains.billing.factories import RENTAL, line


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


def test_lines_are_rounded_then_taxed_once_per_rate() -> None:
    totals = model.price(RENTAL, "EUR")
    assert [p.net for p in totals.lines] == [eur("267.00"), eur("24.69"), eur("10.00")]
    assert [(t.rate, t.net, t.tax) for t in totals.tax_lines] == [
        (Decimal(7), eur("10.00"), eur("0.70")),
        (Decimal(19), eur("291.69"), eur("55.42")),  # 55.4211 once, not per line
    ]
    assert (totals.net, totals.tax, totals.total) == (eur("301.69"), eur("56.12"), eur("357.81"))


def test_tax_on_the_rounded_net_per_rate_not_per_line() -> None:
    thirds = [line("0.333", code=f"l{i}") for i in range(3)]
    totals = model.price(thirds, "EUR")
    assert totals.net == eur("0.99")
    assert totals.tax == eur("0.19")  # 19 % of 0.99; per line it would be 3 x 0.06 = 0.18


def test_yen_has_no_minor_unit() -> None:
    totals = model.price([line("1234.5", currency="JPY", rate="10")], "JPY")
    assert totals.net == Money(Decimal(1235), "JPY")
    assert totals.tax == Money(Decimal(124), "JPY")  # 123.5 half up


@pytest.mark.parametrize(
    ("lines", "currency", "says"),
    [
        ([], "EUR", "at least one line"),
        ([line("10", currency="CHF")], "EUR", "CHF"),
        ([line("10", quantity="0")], "EUR", "quantity"),
        ([line("10", rate="100")], "EUR", "tax rate"),
        ([line("10", rate="-1")], "EUR", "tax rate"),
        ([line("10"), line("-20", code="voucher")], "EUR", "less than zero"),
        ([line("10", code=" ")], "EUR", "code"),
    ],
)
def test_invalid_lines_are_refused(lines, currency, says) -> None:
    with pytest.raises(model.InvalidInvoiceLines, match=says):
        model.price(lines, currency)


def test_a_voucher_lowers_its_rate_group() -> None:
    totals = model.price([line("100.00"), line("-15.00", code="voucher")], "EUR")
    assert totals.net == eur("85.00")
    assert totals.tax == eur("16.15")


amounts = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("5000"), places=3)
rates = st.sampled_from([Decimal(0), Decimal(7), Decimal("7.7"), Decimal(19), Decimal(20)])
quantities = st.decimals(min_value=Decimal("0.25"), max_value=Decimal(40), places=2)


@given(
    st.lists(st.tuples(amounts, quantities, rates), min_size=1, max_size=12),
)
def test_totals_add_up_to_the_cent(specs) -> None:
    lines = [
        model.InvoiceLineIn(f"c{i}", "thing", q, Money(a, "EUR"), r)
        for i, (a, q, r) in enumerate(specs)
    ]
    totals = model.price(lines, "EUR")
    assert sum(p.net.amount for p in totals.lines) == totals.net.amount
    assert totals.total == totals.net + totals.tax
    for t in totals.tax_lines:
        assert t.tax == t.net.percent(t.rate).rounded()
        assert t.net.amount == t.net.amount.quantize(Decimal("0.01"))


def _left(totals: model.Totals) -> dict[Decimal, TaxLine]:
    return model.remaining(list(totals.tax_lines), [], "EUR")


def test_a_credit_never_exceeds_what_is_left() -> None:
    invoiced = model.price(RENTAL, "EUR")
    left = _left(invoiced)
    model.check_credit(model.price([line("291.69")], "EUR"), left)  # all of the 19 % part
    with pytest.raises(model.CreditExceedsInvoice, match="19 %"):
        model.check_credit(model.price([line("291.70")], "EUR"), left)
    with pytest.raises(model.CreditExceedsInvoice, match="no lines at 5 %"):
        model.check_credit(model.price([line("1.00", rate="5")], "EUR"), left)
    after = model.remaining(
        list(invoiced.tax_lines), [TaxLine(Decimal(7), eur("10"), eur("0.7"))], "EUR"
    )
    with pytest.raises(model.CreditExceedsInvoice):
        model.check_credit(model.price([line("0.01", rate="7")], "EUR"), after)


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("357.81"), places=2))
def test_a_refund_amount_is_credited_exactly(gross) -> None:
    left = _left(model.price(RENTAL, "EUR"))
    credit = model.credit_of_amount(eur(str(gross)), left, "EUR", "Refund")
    assert credit.total == eur(str(gross))
    model.check_credit(credit, left)


def test_what_is_left_credited_in_full_is_exactly_the_rest() -> None:
    invoiced = model.price(RENTAL, "EUR")
    first = model.credit_of_amount(eur("100.00"), _left(invoiced), "EUR", "Refund")
    left = model.remaining(list(invoiced.tax_lines), list(first.tax_lines), "EUR")
    rest = model.remaining_credit(left, "EUR", "Rest")
    assert first.total + rest.total == invoiced.total
    assert first.tax + rest.tax == invoiced.tax


def test_refund_limits_and_what_a_refund_credits_anew() -> None:
    model.check_refund(eur("50"), paid=eur("50"), refunded=eur("0"))
    with pytest.raises(model.RefundExceedsPayment):
        model.check_refund(eur("50.01"), paid=eur("50"), refunded=eur("0"))
    with pytest.raises(model.RefundExceedsPayment):
        model.check_refund(eur("20"), paid=eur("50"), refunded=eur("40"))
    with pytest.raises(model.RefundExceedsPayment):
        model.check_refund(eur("0"), paid=eur("50"), refunded=eur("0"))
    assert model.refund_to_credit(eur("30"), due=eur("0")) == eur("30")
    assert model.refund_to_credit(eur("30"), due=eur("-10")) == eur("20")  # 10 credited already
    assert model.refund_to_credit(eur("5"), due=eur("-10")) == eur("0")


def test_luhn() -> None:
    assert model.luhn_ok("4242424242424242")
    assert model.luhn_ok("4000000000000002")
    assert not model.luhn_ok("4242424242424241")
    assert not model.luhn_ok("42424242")
    assert model.card_digits("4242 4242-4242 4242") == "4242424242424242"
    with pytest.raises(model.InvalidCardNumber):
        model.card_digits("1234 5678 9012 3456")


def test_iban_check_digits() -> None:
    assert iban_ok("DE89 3704 0044 0532 0130 00")
    assert iban_ok("GB82WEST12345698765432")
    assert not iban_ok("DE88 3704 0044 0532 0130 00")
    with pytest.raises(ValueError, match="IBAN"):
        BankTransferProvider(iban="DE00 0000 0000 0000 0000 00")


def card(number: str) -> PaymentMethodIn:
    return PaymentMethodIn(kind="card", card_number=number)


async def test_test_cards_answer_like_stripes() -> None:
    provider = TestCardProvider()
    ok = await provider.charge(
        amount=eur("10"), reference="2026-000001", method=card("4242424242424242")
    )
    assert (ok.status, ok.card_last4) == ("succeeded", "4242")
    declined = await provider.charge(
        amount=eur("10"), reference="x", method=card("4000000000000002")
    )
    assert (declined.status, declined.decline_reason) == ("declined", "card_declined")
    broke = await provider.charge(amount=eur("10"), reference="x", method=card("4000000000009995"))
    assert broke.decline_reason == "insufficient_funds"
    with pytest.raises(model.InvalidCardNumber):
        await provider.charge(amount=eur("10"), reference="x", method=card("4242424242424241"))


async def test_test_card_refunds_are_checked_against_the_charge() -> None:
    provider = TestCardProvider()
    charge = await provider.charge(amount=eur("80"), reference="r", method=card("4242424242424242"))
    again = TestCardProvider()  # another process: no shared memory, same answer
    assert (await again.refund(charge_id=charge.charge_id, amount=eur("80"))).status == "succeeded"
    with pytest.raises(model.RefundExceedsPayment):
        await provider.refund(charge_id=charge.charge_id, amount=eur("80.01"))
    with pytest.raises(model.RefundExceedsPayment):
        await provider.refund(charge_id=charge.charge_id, amount=Money(Decimal(1), "USD"))
    forged = charge.charge_id.replace("ch_test_", "ch_test_x")
    with pytest.raises(model.UnknownCharge):
        await provider.refund(charge_id=forged, amount=eur("1"))
    with pytest.raises(model.UnknownCharge):
        await TestCardProvider(secret=b"other").refund(charge_id=charge.charge_id, amount=eur("1"))


async def test_bank_transfer_gives_instructions() -> None:
    charge = await BankTransferProvider().charge(
        amount=eur("357.81"), reference="2026-000007", method=PaymentMethodIn(kind="bank_transfer")
    )
    assert charge.status == "pending"
    assert charge.instructions["reference"] == "2026-000007"
    assert charge.instructions["amount"] == "357.81"
    assert iban_ok(charge.instructions["iban"])


def test_a_card_payment_needs_a_number() -> None:
    with pytest.raises(ValueError, match="card_number"):
        PaymentMethodIn(kind="card")
    with pytest.raises(ValueError, match="no card_number"):
        PaymentMethodIn(kind="bank_transfer", card_number="4242424242424242")
