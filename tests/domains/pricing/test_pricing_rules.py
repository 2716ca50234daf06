"""Pricing rules without a database: time charges, caps, tiers, options, vouchers, VAT,
what a return costs, subscription months, and the rate plans the products define."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from motorpool.domains import pricing
from motorpool.domains.pricing import charges, model
from motorpool.platform.money import CurrencyMismatch, Money
from tests.domains.pricing.factories import FRIDAY, D, day_plan, line, minute_plan, rates

BERLIN = ZoneInfo("Europe/Berlin")


def codes(lines: list[pricing.PriceLine]) -> dict[str, tuple[Decimal, Decimal]]:
    return {x.code: (x.quantity, x.amount.amount) for x in lines}


def test_days_are_started_24_hour_periods_and_weekend_days_cost_their_own_price() -> None:
    plan = day_plan(weekend_unit_price=D("130"))
    # Friday 10:00 Berlin to Monday 10:01: four started days, Saturday and Sunday at 130
    priced = charges.price_period(plan, FRIDAY, FRIDAY + timedelta(days=3, minutes=1))
    assert codes(priced.lines) == {
        "days": (D(2), D("200.00")),
        "weekend_days": (D(2), D("260.00")),
    }
    # exactly one day is one day
    assert codes(charges.price_period(plan, FRIDAY, FRIDAY + timedelta(days=1)).lines) == {
        "days": (D(1), D("100.00"))
    }


def test_a_weekend_day_is_one_that_starts_on_a_weekend_on_the_markets_clock() -> None:
    plan = day_plan(weekend_unit_price=D("130"))
    # Friday 23:30 in Berlin is Friday 22:30 UTC: a weekday, though Saturday in Tokyo
    start = datetime(2027, 3, 5, 23, 30, tzinfo=BERLIN)
    assert codes(charges.price_period(plan, start, start + timedelta(hours=2)).lines) == {
        "days": (D(1), D("100.00"))
    }
    start = datetime(2027, 3, 6, 0, 30, tzinfo=BERLIN)
    assert codes(charges.price_period(plan, start, start + timedelta(hours=2)).lines) == {
        "weekend_days": (D(1), D("130.00"))
    }


def test_the_best_long_duration_tier_reached_gives_a_negative_line() -> None:
    plan = day_plan(tiers=(pricing.Tier(7, D("10")), pricing.Tier(14, D("15"))))
    six = charges.price_period(plan, FRIDAY, FRIDAY + timedelta(days=6))
    assert "long_duration_discount" not in codes(six.lines)
    seven = codes(charges.price_period(plan, FRIDAY, FRIDAY + timedelta(days=7)).lines)
    assert seven["long_duration_discount"] == (D(1), D("-70.00"))
    fifteen = codes(charges.price_period(plan, FRIDAY, FRIDAY + timedelta(days=15)).lines)
    assert fifteen["long_duration_discount"] == (D(1), D("-225.00"))


def test_options_per_booking_and_per_unit_and_unknown_ones_refused() -> None:
    plan = day_plan(
        options=(
            pricing.Option("extra_driver", "Extra driver", D("15"), pricing.OptionPer.unit),
            pricing.Option("child_seat", "Child seat", D("12")),
        )
    )
    priced = charges.price_period(
        plan, FRIDAY, FRIDAY + timedelta(days=3), ["extra_driver", "child_seat", "extra_driver"]
    )
    assert codes(priced.lines)["option:extra_driver"] == (D(3), D("45.00"))
    assert codes(priced.lines)["option:child_seat"] == (D(1), D("12.00"))
    with pytest.raises(model.UnknownOption, match="roof_box"):
        charges.price_period(plan, FRIDAY, FRIDAY + timedelta(days=3), ["roof_box"])


def test_included_kilometres_per_unit_and_per_booking() -> None:
    plan = day_plan(included_km_per_unit=200, included_km_per_booking=50)
    assert charges.price_period(plan, FRIDAY, FRIDAY + timedelta(hours=49)).included_km == 650


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (1, {"minutes": (D(1), D("0.50"))}),
        (30, {"minutes": (D(30), D("15.00"))}),
        # 45 minutes would cost 22.50: the hour cap of 20 applies
        (45, {"capped_hours": (D(1), D("20.00"))}),
        (61, {"capped_hours": (D(1), D("20.00")), "minutes": (D(1), D("0.50"))}),
        # 5 h 10 min: 5 capped hours and 5.00 would be 105 > the day cap of 100
        (310, {"capped_days": (D(1), D("100.00"))}),
        (24 * 60 + 20, {"capped_days": (D(1), D("100.00")), "minutes": (D(20), D("10.00"))}),
    ],
)
def test_minutes_are_capped_per_hour_and_per_day(minutes: int, expected: dict) -> None:
    priced = charges.price_period(minute_plan(), FRIDAY, FRIDAY + timedelta(minutes=minutes))
    assert codes(priced.lines) == expected


def test_a_started_minute_counts_as_a_minute() -> None:
    priced = charges.price_period(minute_plan(), FRIDAY, FRIDAY + timedelta(seconds=61))
    assert codes(priced.lines) == {"minutes": (D(2), D("1.00"))}


def test_months_are_started_calendar_months_on_the_markets_clock() -> None:
    plan = rates().plan("subscription", "DE")
    start = datetime(2027, 3, 1, 10, tzinfo=BERLIN)
    # across the change to summer time the wall clock decides: exactly three months
    assert charges.started_months(start, datetime(2027, 6, 1, 10, tzinfo=BERLIN), plan) == 3
    assert charges.started_months(start, datetime(2027, 6, 1, 11, tzinfo=BERLIN), plan) == 4
    end_of_jan = datetime(2027, 1, 31, 10, tzinfo=BERLIN)
    assert charges.started_months(end_of_jan, datetime(2027, 2, 28, 10, tzinfo=BERLIN), plan) == 1


def test_renewal_is_whole_months_and_a_pro_rata_rest() -> None:
    book = rates()
    [month] = pricing.renewal_lines(
        rates=book,
        product="subscription",
        market="DE",
        period_start=date(2027, 3, 1),
        period_end=date(2027, 4, 1),
    )
    assert (month.quantity, month.amount) == (D(1), Money(D("1490.00"), "EUR"))
    [part] = pricing.renewal_lines(
        rates=book,
        product="subscription",
        market="CH",
        period_start=date(2027, 1, 31),
        period_end=date(2027, 3, 15),
    )
    # 31 Jan to 28 Feb is a month; 28 Feb to 15 Mar is 15 of the 31 days to 31 Mar
    assert part.quantity == D("1.4839")
    assert part.amount == Money(D("2448.44"), "CHF")
    with pytest.raises(model.InvalidPeriod):
        pricing.renewal_lines(
            rates=book,
            product="rental",
            market="DE",
            period_start=date(2027, 3, 1),
            period_end=date(2027, 4, 1),
        )


def test_usage_is_per_minute_with_caps_and_kilometres_beyond_those_included() -> None:
    lines = pricing.usage_lines(
        rates=rates(),
        product="carsharing",
        market="DE",
        started_at=FRIDAY,
        ended_at=FRIDAY + timedelta(minutes=25),
        driven_km=130,
    )
    assert codes(lines) == {"minutes": (D(25), D("14.75")), "extra_km": (D(30), D("10.50"))}
    assert all(x.tax_rate == D("19") for x in lines)


def test_after_a_return_extra_km_late_hours_after_grace_and_energy() -> None:
    eur = Money(D("0.49"), "EUR")
    assert charges.extra_km_line(eur, 500, 500, D("19")) == []
    assert codes(charges.extra_km_line(eur, 500, 512, D("19"))) == {"extra_km": (D(12), D("5.88"))}
    hourly = Money(D("40"), "EUR")
    grace = timedelta(minutes=29)
    assert charges.late_return_lines(hourly, grace, timedelta(minutes=29), D(19)) == []
    assert codes(charges.late_return_lines(hourly, grace, timedelta(minutes=30), D(19))) == {
        "late_return": (D(1), D("40.00"))
    }
    assert codes(
        charges.late_return_lines(hourly, grace, timedelta(hours=2, seconds=1), D(19))
    ) == {"late_return": (D(3), D("120.00"))}
    fee, per = Money(D("25"), "EUR"), Money(D("0.90"), "EUR")
    assert charges.energy_lines(fee, per, 0, D(19)) == []
    assert codes(charges.energy_lines(fee, per, 15, D(19))) == {
        "refuel_fee": (D(1), D("25.00")),
        "energy_shortfall": (D(15), D("13.50")),
    }


def test_vat_is_per_rate_on_the_sum_of_its_lines() -> None:
    # three lines of 0.01 at 19 %: per line VAT would round to 0.00 each; on the sum 0.01
    sums = pricing.totals([line("0.01"), line("0.01"), line("0.01")], "EUR", "DE")
    assert sums.net == Money(D("0.03"), "EUR")
    [vat] = sums.taxes
    assert (vat.rate, vat.base.amount, vat.amount.amount) == (D(19), D("0.03"), D("0.01"))
    assert sums.total == Money(D("0.04"), "EUR")
    mixed = pricing.totals([line("100"), line("50", rate="7")], "EUR", "DE")
    assert [(t.rate, t.amount.amount) for t in mixed.taxes] == [
        (D(7), D("3.50")),
        (D(19), D("19.00")),
    ]
    assert mixed.total.amount == D("172.50")
    with pytest.raises(CurrencyMismatch):
        pricing.totals([line("1", "CHF")], "EUR", "DE")
    with pytest.raises(pricing.UnknownMarket):
        pricing.totals([], "EUR", "XX")


def test_vat_rates_by_market() -> None:
    assert {m: pricing.tax_rate(m) for m in ("DE", "AT", "CH", "GB", "US", "nl")} == {
        "DE": D("19"),
        "AT": D("20"),
        "CH": D("8.1"),
        "GB": D("20"),
        "US": D("0"),
        "nl": D("21"),
    }
    with pytest.raises(pricing.UnknownMarket):
        pricing.tax_rate("ZZ")


def _voucher(
    kind: str, value: str, currency: str | None = None, **changes: object
) -> model.VoucherTerms:
    now = datetime.now(UTC)
    terms = model.VoucherTerms(
        code="SPRING",
        kind=model.VoucherKind(kind),
        value=D(value),
        currency=currency,
        valid_from=now - timedelta(days=1),
        valid_until=now + timedelta(days=1),
        max_uses=None,
        uses=0,
        products=(),
    )
    from dataclasses import replace

    return replace(terms, **changes)  # type: ignore[arg-type]


def test_a_voucher_is_a_negative_line_that_never_takes_a_price_below_zero() -> None:
    lines = [line("33.33"), line("66.67")]
    percent = model.voucher_line(_voucher("percent", "15"), lines, D(19))
    assert percent.amount == Money(D("-15.00"), "EUR")
    assert model.voucher_line(_voucher("fixed", "20", "EUR"), lines, D(19)).amount.amount == D(
        "-20.00"
    )
    assert model.voucher_line(_voucher("fixed", "500", "EUR"), lines, D(19)).amount.amount == D(
        "-100.00"
    )


def test_voucher_terms_are_checked_when_it_is_made() -> None:
    start, end = FRIDAY, FRIDAY + timedelta(days=1)
    model.check_voucher_terms(model.VoucherKind.percent, D(100), None, start, end)
    model.check_voucher_terms(model.VoucherKind.fixed, D("0.01"), "CHF", start, end)
    refused = [
        (model.VoucherKind.percent, D("100.01"), None, start, end),
        (model.VoucherKind.percent, D(10), "EUR", start, end),
        (model.VoucherKind.fixed, D(10), None, start, end),
        (model.VoucherKind.fixed, D(10), "XYZ", start, end),
        (model.VoucherKind.fixed, D(10), "EUR", end, start),
    ]
    for terms in refused:
        with pytest.raises(model.InvalidVoucher):
            model.check_voucher_terms(*terms)


def test_a_voucher_must_be_valid_now_have_uses_left_and_fit_the_purchase() -> None:
    now = datetime.now(UTC)
    usable = {"product": "rental", "currency": "EUR", "now": now}
    model.check_voucher_usable(_voucher("percent", "10"), **usable)  # type: ignore[arg-type]
    refusals = [
        None,
        _voucher("percent", "10", valid_until=now),
        _voucher("percent", "10", valid_from=now + timedelta(seconds=1)),
        _voucher("percent", "10", max_uses=3, uses=3),
        _voucher("percent", "10", products=("subscription",)),
        _voucher("fixed", "10", "GBP"),
    ]
    for terms in refusals:
        with pytest.raises(model.VoucherNotValid):
            model.check_voucher_usable(terms, **usable)  # type: ignore[arg-type]


def test_a_quote_is_accepted_once_for_one_booking_and_never_after_it_expired() -> None:
    import uuid

    booking, other = uuid.uuid4(), uuid.uuid4()
    expires = FRIDAY
    before, after = FRIDAY - timedelta(seconds=1), FRIDAY
    assert model.check_acceptable(
        accepted_booking=None, booking=booking, expires_at=expires, now=before
    )
    with pytest.raises(model.QuoteExpired):
        model.check_acceptable(
            accepted_booking=None, booking=booking, expires_at=expires, now=after
        )
    # accepted in time: the same booking again is fine even later, another one is not
    assert not model.check_acceptable(
        accepted_booking=booking, booking=booking, expires_at=expires, now=after
    )
    with pytest.raises(model.QuoteAlreadyAccepted):
        model.check_acceptable(
            accepted_booking=booking, booking=other, expires_at=expires, now=before
        )
    assert model.status_of(False, expires, before) is model.QuoteStatus.open
    assert model.status_of(False, expires, after) is model.QuoteStatus.expired
    assert model.status_of(True, expires, after) is model.QuoteStatus.accepted


def test_a_period_ends_after_it_starts() -> None:
    with pytest.raises(model.InvalidPeriod):
        charges.price_period(day_plan(), FRIDAY, FRIDAY)
    with pytest.raises(model.InvalidPeriod):
        charges.price_period(day_plan(), FRIDAY, FRIDAY + timedelta(days=4000))


def test_every_product_is_priced_in_the_five_core_markets() -> None:
    book = rates()
    for product in (
        "rental",
        "subscription",
        "flex",
        "carsharing",
        "testdrive",
        "servicing",
        "courtesy",
    ):
        for market, currency in (
            ("DE", "EUR"),
            ("AT", "EUR"),
            ("CH", "CHF"),
            ("GB", "GBP"),
            ("US", "USD"),
        ):
            assert book.plan(product, market).currency == currency
    assert book.plan("testdrive", "de").unit_price == 0
    with pytest.raises(pricing.NoRatePlan, match="DE"):
        book.plan("rental", "FR")
    with pytest.raises(pricing.NoRatePlan):
        book.plan("boat", "DE")


def test_a_rate_plan_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="Decimal"):
        day_plan(unit_price=1.5)
    with pytest.raises(ValueError, match="non-negative"):
        day_plan(deposit=D(-1))
    with pytest.raises(ValueError, match="weekend"):
        minute_plan(weekend_unit_price=D(1))
    with pytest.raises(ValueError, match="hour cap"):
        day_plan(hour_cap=D(1))
    with pytest.raises(ValueError, match="repeat"):
        day_plan(options=(pricing.Option("a", "A", D(1)), pricing.Option("a", "B", D(2))))
    with pytest.raises(ValueError, match="two rate plans"):
        pricing.RateBook([day_plan(), day_plan()])
