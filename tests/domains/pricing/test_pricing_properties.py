"""Properties of every price (hypothesis): the lines add up to the net, VAT per rate on its
lines' sum, the total is net plus VAT, every amount rounded by its currency, no float."""

from __future__ import annotations

import ast
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motorpool.domains import pricing
from motorpool.domains.pricing import charges
from motorpool.platform.money import Money, minor_digits
from tests.domains.pricing.factories import FRIDAY, rates

BOOK = rates()
PRICED = [(p.product, p.market) for p in BOOK.plans()]
CURRENCIES = ["EUR", "GBP", "CHF", "USD", "JPY"]

amounts = st.decimals(
    min_value=Decimal("-10000"), max_value=Decimal("100000"), places=4, allow_nan=False
)
rates_ = st.sampled_from([Decimal(r) for r in ("0", "7", "8.1", "19", "20", "21", "22")])


def rounded(money: Money) -> bool:
    exponent = money.amount.as_tuple().exponent
    assert isinstance(exponent, int)
    return isinstance(money.amount, Decimal) and -exponent <= minor_digits(money.currency)


@st.composite
def lines(draw: st.DrawFn) -> tuple[str, list[pricing.PriceLine]]:
    currency = draw(st.sampled_from(CURRENCIES))
    made = []
    for _ in range(draw(st.integers(0, 12))):
        price = Money(draw(amounts), currency)
        quantity = Decimal(draw(st.integers(0, 500)))
        made.append(pricing.PriceLine.of("x", "x", quantity, price, draw(rates_)))
    return currency, made


@given(lines())
def test_totals_are_the_sum_of_the_lines_plus_vat_per_rate(drawn: tuple[str, list]) -> None:
    currency, made = drawn
    sums = pricing.totals(made, currency, "DE")
    assert sums.net.amount == sum((x.amount.amount for x in made), Decimal(0))
    assert sums.total.amount == sums.net.amount + sum(
        (t.amount.amount for t in sums.taxes), Decimal(0)
    )
    assert [t.rate for t in sums.taxes] == sorted({x.tax_rate for x in made})
    for tax in sums.taxes:
        base = sum((x.amount.amount for x in made if x.tax_rate == tax.rate), Decimal(0))
        assert tax.base.amount == base
        assert tax.amount == Money(base * tax.rate / 100, currency).rounded()
    for money in [sums.net, sums.total, *(t.amount for t in sums.taxes), *(x.amount for x in made)]:
        assert rounded(money), money
        assert money.currency == currency


@settings(max_examples=150, deadline=None)
@given(
    plan=st.sampled_from(PRICED),
    minutes=st.integers(1, 120 * 24 * 60),
    start_offset=st.integers(0, 400 * 24 * 60),
    option_mask=st.integers(0, 7),
)
def test_every_quote_of_every_plan_adds_up_and_is_rounded_in_its_currency(
    plan: tuple[str, str], minutes: int, start_offset: int, option_mask: int
) -> None:
    rate_plan = BOOK.plan(*plan)
    start = FRIDAY + timedelta(minutes=start_offset)
    options = [o.code for i, o in enumerate(rate_plan.options) if option_mask & (1 << i)]
    priced = charges.price_period(rate_plan, start, start + timedelta(minutes=minutes), options)
    sums = pricing.totals(priced.lines, rate_plan.currency, rate_plan.market)
    assert priced.lines
    assert sums.net.amount == sum((x.amount.amount for x in priced.lines), Decimal(0))
    assert sums.net.amount >= 0
    assert sums.total.amount == sums.net.amount + sum(
        (t.amount.amount for t in sums.taxes), Decimal(0)
    )
    for x in priced.lines:
        assert x.amount == (x.unit_price * x.quantity).rounded()
        assert x.tax_rate == pricing.tax_rate(rate_plan.market)
        assert x.amount.currency == rate_plan.currency
        assert rounded(x.amount)
        assert isinstance(x.quantity, Decimal)
    assert rounded(sums.total)


@settings(max_examples=100, deadline=None)
@given(minutes=st.integers(1, 10 * 24 * 60), plan=st.sampled_from(["DE", "CH", "GB"]))
def test_caps_never_cost_more_than_per_minute_and_more_time_never_costs_less(
    minutes: int, plan: str
) -> None:
    rate_plan = BOOK.plan("carsharing", plan)

    def cost(m: int) -> Decimal:
        priced = charges.price_period(rate_plan, FRIDAY, FRIDAY + timedelta(minutes=m))
        return sum((x.amount.amount for x in priced.lines), Decimal(0))

    assert cost(minutes) <= rate_plan.unit_price * minutes
    assert cost(minutes) <= cost(minutes + 1)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_money_refuses_floats(value: float) -> None:
    with pytest.raises(TypeError):
        Money(value, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(Decimal(1), "EUR") * value  # type: ignore[operator]


def test_no_float_anywhere_in_pricing_code() -> None:
    """No float literal, no float() call, no float annotation in the pricing domain or
    the products' prices: money paths stay Decimal from configuration to the wire."""
    root = Path(pricing.__file__).parent
    files = [*root.glob("*.py"), root.parent.parent / "products" / "prices.py"]
    offenders = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                offenders.append(f"{path.name}:{node.lineno} float literal")
            if isinstance(node, ast.Name) and node.id == "float":
                offenders.append(f"{path.name}:{node.lineno} float")
    assert len(files) > 5
    assert offenders == []
