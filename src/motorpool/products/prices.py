"""The products' rate plans per market. Every amount is net of VAT (pricing adds it by
market) and in the market's currency; markets DE, AT, CH, GB and US at least."""

from __future__ import annotations

from decimal import Decimal

from motorpool.domains import pricing

D = Decimal
MARKETS = ("DE", "AT", "CH", "GB", "US")

# the extras' names in the platform's other language (pricing prints them on invoices)
DRIVER_DE = {"de": "Zusätzlicher Fahrer"}
COVER_DE = {"de": "Vollkasko ohne Selbstbeteiligung"}
SEAT_DE = {"de": "Kindersitz"}


def _currency(market: str) -> str:
    return pricing.MARKETS[market].currency


# market: (day, weekend day, per extra km, deposit, extra driver / day, full cover / day)
_RENTAL = {
    "DE": ("189", "219", "0.49", "1500", "15", "29"),
    "AT": ("195", "225", "0.49", "1500", "15", "29"),
    "CH": ("209", "239", "0.55", "2000", "17", "32"),
    "GB": ("165", "189", "0.42", "1300", "13", "25"),
    "US": ("199", "229", "0.55", "1500", "16", "30"),
}


def rental_plans() -> tuple[pricing.RatePlan, ...]:
    return tuple(
        pricing.RatePlan(
            product="rental",
            market=market,
            currency=_currency(market),
            unit=pricing.Unit.day,
            unit_price=D(day),
            weekend_unit_price=D(weekend),
            tiers=(pricing.Tier(7, D("10")), pricing.Tier(14, D("15"))),
            included_km_per_unit=250,
            extra_km_price=D(km),
            late_return_per_hour=D(day) / 4,
            refuel_fee=D("25"),
            energy_price_per_percent=D("0.90"),
            deposit=D(deposit),
            options=(
                pricing.Option(
                    "extra_driver", "Extra driver", D(driver), pricing.OptionPer.unit, DRIVER_DE
                ),
                pricing.Option(
                    "insurance_full",
                    "Full cover, no excess",
                    D(cover),
                    pricing.OptionPer.unit,
                    COVER_DE,
                ),
                pricing.Option("child_seat", "Child seat", D("12"), translations=SEAT_DE),
            ),
        )
        for market, (day, weekend, km, deposit, driver, cover) in _RENTAL.items()
    )


# market: (subscription month, flex month, per extra km, deposit)
_MONTHLY = {
    "DE": ("1490", "1790", "0.39", "2500"),
    "AT": ("1530", "1830", "0.39", "2500"),
    "CH": ("1650", "1990", "0.45", "3000"),
    "GB": ("1290", "1550", "0.34", "2200"),
    "US": ("1590", "1890", "0.45", "2500"),
}


def _monthly(product: str, market: str, month: str, km: str, deposit: str) -> pricing.RatePlan:
    return pricing.RatePlan(
        product=product,
        market=market,
        currency=_currency(market),
        unit=pricing.Unit.month,
        unit_price=D(month),
        tiers=(pricing.Tier(6, D("5")), pricing.Tier(12, D("10")))
        if product == "subscription"
        else (),
        included_km_per_unit=2000 if product == "subscription" else 1800,
        extra_km_price=D(km),
        late_return_per_hour=D("35"),
        refuel_fee=D("25"),
        energy_price_per_percent=D("0.90"),
        deposit=D(deposit),
        options=(
            pricing.Option(
                "extra_driver", "Extra driver", D("49"), pricing.OptionPer.unit, DRIVER_DE
            ),
            pricing.Option(
                "insurance_full", "Full cover, no excess", D("89"), pricing.OptionPer.unit, COVER_DE
            ),
            pricing.Option("child_seat", "Child seat", D("29"), translations=SEAT_DE),
        ),
    )


def subscription_plans() -> tuple[pricing.RatePlan, ...]:
    return tuple(
        _monthly("subscription", m, sub, km, dep) for m, (sub, _, km, dep) in _MONTHLY.items()
    )


def flex_plans() -> tuple[pricing.RatePlan, ...]:
    return tuple(_monthly("flex", m, flex, km, dep) for m, (_, flex, km, dep) in _MONTHLY.items())


# market: (minute, hour cap, day cap, per extra km)
_SHARING = {
    "DE": ("0.59", "19", "119", "0.35"),
    "AT": ("0.59", "19", "119", "0.35"),
    "CH": ("0.65", "21", "129", "0.39"),
    "GB": ("0.52", "17", "105", "0.30"),
    "US": ("0.62", "20", "125", "0.39"),
}


def carsharing_plans() -> tuple[pricing.RatePlan, ...]:
    return tuple(
        pricing.RatePlan(
            product="carsharing",
            market=market,
            currency=_currency(market),
            unit=pricing.Unit.minute,
            unit_price=D(minute),
            hour_cap=D(hour),
            day_cap=D(day),
            included_km_per_booking=100,
            extra_km_price=D(km),
            refuel_fee=D("15"),
            options=(
                pricing.Option(
                    "insurance_full", "Full cover, no excess", D("9.90"), translations=COVER_DE
                ),
            ),
        )
        for market, (minute, hour, day, km) in _SHARING.items()
    )


def free_plans(product: str) -> tuple[pricing.RatePlan, ...]:
    """Test drives, workshop appointments and courtesy cars cost the customer nothing."""
    return tuple(pricing.free_plan(product, market) for market in MARKETS)
