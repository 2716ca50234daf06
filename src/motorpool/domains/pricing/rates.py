"""Rate plans: what a product costs in a market. Configuration, not data — products
define them (``ProductDefinition.rate_plans``) and the app holds them in a :class:`RateBook`.

Every price in a plan is NET (without VAT) and in the plan's currency; VAT is added by
market (:func:`tax_rate`). Nothing here is a float: prices are ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from motorpool.platform.errors import Problem
from motorpool.platform.money import check_currency


class Unit(StrEnum):
    minute = "minute"
    hour = "hour"
    day = "day"
    month = "month"


class OptionPer(StrEnum):
    booking = "booking"  # once per booking
    unit = "unit"  # per charged unit of the plan (day, month, ...)


@dataclass(frozen=True)
class Market:
    """A country the brand sells in: its currency, its VAT rate (percent), its clock."""

    country: str
    currency: str
    vat_percent: Decimal
    time_zone: str


MARKETS: dict[str, Market] = {
    m.country: m
    for m in (
        Market("DE", "EUR", Decimal("19"), "Europe/Berlin"),
        Market("AT", "EUR", Decimal("20"), "Europe/Vienna"),
        Market("CH", "CHF", Decimal("8.1"), "Europe/Zurich"),
        Market("GB", "GBP", Decimal("20"), "Europe/London"),
        Market("FR", "EUR", Decimal("20"), "Europe/Paris"),
        Market("NL", "EUR", Decimal("21"), "Europe/Amsterdam"),
        Market("IT", "EUR", Decimal("22"), "Europe/Rome"),
        Market("ES", "EUR", Decimal("21"), "Europe/Madrid"),
        Market("US", "USD", Decimal("0"), "America/New_York"),
    )
}


class UnknownMarket(Problem):
    slug = "unknown-market"
    title = "The brand does not sell in that market"
    status = 422
    description = "Markets are ISO 3166 country codes this platform prices in, e.g. DE or GB."


class NoRatePlan(Problem):
    slug = "no-rate-plan"
    title = "The product has no rate plan in that market"
    status = 422
    description = "See GET /pricing/rate-plans for the products and markets that are priced."


def market(country: str) -> Market:
    found = MARKETS.get(country.upper())
    if found is None:
        raise UnknownMarket(f"{country!r} is not one of {', '.join(sorted(MARKETS))}")
    return found


def tax_rate(market_code: str) -> Decimal:
    """The standard VAT rate of a market in percent (``Decimal("19")`` for DE).

    US sales tax (state, county and city rates, nexus rules) is out of scope: the US market
    is priced with a rate of 0 and tax is left to the brand's own tax engine.
    """
    return market(market_code).vat_percent


@dataclass(frozen=True)
class Option:
    """An extra the customer may add: an extra driver, an insurance level, a child seat."""

    code: str
    description: str
    price: Decimal  # net, per booking or per charged unit
    per: OptionPer = OptionPer.booking
    translations: Mapping[str, str] = field(default_factory=dict, hash=False)  # {"de": …}


@dataclass(frozen=True)
class Tier:
    """A long-duration discount: ``percent`` off the time charge from ``min_units`` units."""

    min_units: int
    percent: Decimal


@dataclass(frozen=True)
class RatePlan:
    """What ``product`` costs in ``market``; every amount net, in ``currency``.

    * ``unit``: what time is charged by — per started minute, hour, day (24 h from the
      start) or calendar month; ``unit_price`` each.
    * ``weekend_unit_price``: for day plans, the price of a day starting on a Saturday or
      Sunday on the market's clock.
    * ``hour_cap`` / ``day_cap``: for minute and hour plans, at most this per hour / day.
    * ``tiers``: long-duration discounts; the best one the booking reaches applies.
    * ``included_km_per_unit`` / ``included_km_per_booking``: kilometres included;
      each further one costs ``extra_km_price``.
    * ``late_return_per_hour`` per started hour after ``late_grace``; ``refuel_fee`` plus
      ``energy_price_per_percent`` when a car comes back emptier than it left.
    * ``deposit``: held, not charged, so not part of the total and without VAT.
    """

    product: str
    market: str
    currency: str
    unit: Unit
    unit_price: Decimal
    weekend_unit_price: Decimal | None = None
    hour_cap: Decimal | None = None
    day_cap: Decimal | None = None
    tiers: tuple[Tier, ...] = ()
    included_km_per_unit: int = 0
    included_km_per_booking: int = 0
    extra_km_price: Decimal = Decimal(0)
    late_return_per_hour: Decimal = Decimal(0)
    late_grace: timedelta = timedelta(minutes=29)
    refuel_fee: Decimal = Decimal(0)
    energy_price_per_percent: Decimal = Decimal(0)
    deposit: Decimal = Decimal(0)
    options: tuple[Option, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        place = f"rate plan {self.product}/{self.market}"
        if market(self.market).country != self.market:
            raise ValueError(f"{place}: write the market in capitals")
        if check_currency(self.currency) != self.currency:
            raise ValueError(f"{place}: write the currency in capitals")
        prices = [
            self.unit_price,
            self.weekend_unit_price,
            self.hour_cap,
            self.day_cap,
            self.extra_km_price,
            self.late_return_per_hour,
            self.refuel_fee,
            self.energy_price_per_percent,
            self.deposit,
            *(o.price for o in self.options),
            *(t.percent for t in self.tiers),
        ]
        for price in prices:
            if price is not None and (not isinstance(price, Decimal) or price < 0):
                raise ValueError(f"{place}: prices are non-negative Decimals, got {price!r}")
        if self.weekend_unit_price is not None and self.unit is not Unit.day:
            raise ValueError(f"{place}: a weekend price needs a day plan")
        if self.hour_cap is not None and self.unit is not Unit.minute:
            raise ValueError(f"{place}: an hour cap needs a minute plan")
        if self.day_cap is not None and self.unit not in (Unit.minute, Unit.hour):
            raise ValueError(f"{place}: a day cap needs a minute or hour plan")
        if any(not 0 < t.percent <= 100 or t.min_units < 1 for t in self.tiers):
            raise ValueError(f"{place}: a tier is 0-100 % from at least one unit")
        codes = [o.code for o in self.options]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{place}: option codes repeat")

    @property
    def tax_rate(self) -> Decimal:
        """The market's VAT rate in percent."""
        return market(self.market).vat_percent

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(market(self.market).time_zone)

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


def free_plan(product: str, market_code: str, unit: Unit = Unit.hour) -> RatePlan:
    """A plan that costs nothing (test drives, workshop appointments, courtesy cars)."""
    return RatePlan(
        product=product,
        market=market_code,
        currency=market(market_code).currency,
        unit=unit,
        unit_price=Decimal(0),
    )


class RateBook:
    """The deployment's rate plans, looked up by product and market."""

    def __init__(self, plans: Iterable[RatePlan]) -> None:
        self._plans: dict[tuple[str, str], RatePlan] = {}
        for plan in plans:
            key = (plan.product, plan.market)
            if key in self._plans:
                raise ValueError(f"two rate plans for {plan.product} in {plan.market}")
            self._plans[key] = plan

    def plan(self, product: str, market_code: str) -> RatePlan:
        found = self._plans.get((product, market_code.upper()))
        if found is None:
            offered = sorted(m for p, m in self._plans if p == product)
            hint = f"markets for {product}: {', '.join(offered)}" if offered else None
            raise NoRatePlan(hint or f"no product {product!r} is priced")
        return found

    def plans(self, product: str | None = None, market_code: str | None = None) -> list[RatePlan]:
        return [
            plan
            for (p, m), plan in sorted(self._plans.items())
            if (product is None or p == product)
            and (market_code is None or m == market_code.upper())
        ]

    def __len__(self) -> int:
        return len(self._plans)
