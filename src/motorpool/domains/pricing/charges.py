"""What a rate plan charges: time, options, long-duration discounts, kilometres, late
returns, energy, subscription months. Pure functions returning rounded NET lines.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from motorpool.domains.pricing.model import (
    InvalidPeriod,
    PriceLine,
    UnknownOption,
    VoucherTerms,
    check_period,
    voucher_line,
)
from motorpool.domains.pricing.rates import OptionPer, RateBook, RatePlan, Unit
from motorpool.domains.pricing.texts import UNITS_DE, line_text
from motorpool.platform.money import Money, total

When = TypeVar("When", date, datetime)
MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * 60
QUANTITY_STEP = Decimal("0.0001")  # a pro-rata month is priced to a ten-thousandth


@dataclass(frozen=True)
class TimeCharge:
    lines: list[PriceLine]
    units: int  # the plan's units charged (minutes, hours, days, months)


def _money(plan: RatePlan, amount: Decimal) -> Money:
    return Money(amount, plan.currency)


def _started(span: timedelta, step: timedelta) -> int:
    """How many started ``step`` periods ``span`` covers (at least one)."""
    return max(1, math.ceil(span / step))


def add_months(day: When, months: int) -> When:
    """The same wall time ``months`` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def started_months(starts_at: datetime, ends_at: datetime, plan: RatePlan) -> int:
    """Started calendar months on the market's clock: 1 Mar to 1 Jun is 3, to 2 Jun is 4."""
    start = starts_at.astimezone(plan.zone).replace(tzinfo=None)
    end = ends_at.astimezone(plan.zone).replace(tzinfo=None)
    months = max(1, (end.year - start.year) * 12 + end.month - start.month)
    while add_months(start, months) < end:
        months += 1
    while months > 1 and add_months(start, months - 1) >= end:
        months -= 1
    return months


def _metered(plan: RatePlan, minutes: int) -> TimeCharge:
    """Minute or hour plans with their caps: a started hour (or day) never costs more than
    its cap; whole capped days, then capped hours, then single minutes (or hours)."""
    rate = plan.tax_rate
    unit_minutes = 1 if plan.unit is Unit.minute else MINUTES_PER_HOUR
    units = math.ceil(minutes / unit_minutes)
    price = plan.unit_price
    hour_price = price * (MINUTES_PER_HOUR // unit_minutes)
    if plan.hour_cap is not None:
        hour_price = min(hour_price, plan.hour_cap)
    day_price = hour_price * 24
    if plan.day_cap is not None:
        day_price = min(day_price, plan.day_cap)
    rest = units * unit_minutes
    days = rest // MINUTES_PER_DAY if plan.day_cap is not None else 0
    rest -= days * MINUTES_PER_DAY
    hours = rest // MINUTES_PER_HOUR if plan.hour_cap is not None else 0
    rest -= hours * MINUTES_PER_HOUR
    singles = rest // unit_minutes
    if plan.hour_cap is not None and singles * price > hour_price:
        hours, singles = hours + 1, 0
    if plan.day_cap is not None and hours * hour_price + singles * price > day_price:
        days, hours, singles = days + 1, 0, 0
    lines = []
    if days:
        lines.append(
            PriceLine.of(
                "capped_days", line_text("capped_days"), days, _money(plan, day_price), rate
            )
        )
    if hours:
        lines.append(
            PriceLine.of(
                "capped_hours", line_text("capped_hours"), hours, _money(plan, hour_price), rate
            )
        )
    if singles or not lines:
        code = "minutes" if plan.unit is Unit.minute else "hours"
        lines.append(PriceLine.of(code, line_text(code), singles, _money(plan, price), rate))
    return TimeCharge(lines, units)


def _days(plan: RatePlan, starts_at: datetime, ends_at: datetime) -> TimeCharge:
    days = _started(ends_at - starts_at, timedelta(days=1))
    weekend = 0
    if plan.weekend_unit_price is not None:
        weekend = sum(
            (starts_at + timedelta(days=i)).astimezone(plan.zone).weekday() >= 5
            for i in range(days)
        )
    lines = []
    if days - weekend:
        lines.append(
            PriceLine.of(
                "days",
                line_text("days"),
                days - weekend,
                _money(plan, plan.unit_price),
                plan.tax_rate,
            )
        )
    if weekend:
        assert plan.weekend_unit_price is not None
        lines.append(
            PriceLine.of(
                "weekend_days",
                line_text("weekend_days"),
                weekend,
                _money(plan, plan.weekend_unit_price),
                plan.tax_rate,
            )
        )
    return TimeCharge(lines, days)


def time_charge(plan: RatePlan, starts_at: datetime, ends_at: datetime) -> TimeCharge:
    """The lines for the time between ``starts_at`` and ``ends_at``, before discounts."""
    check_period(starts_at, ends_at)
    if plan.unit is Unit.day:
        return _days(plan, starts_at, ends_at)
    if plan.unit is Unit.month:
        months = started_months(starts_at, ends_at, plan)
        line = PriceLine.of(
            "months", line_text("months"), months, _money(plan, plan.unit_price), plan.tax_rate
        )
        return TimeCharge([line], months)
    minutes = _started(ends_at - starts_at, timedelta(minutes=1))
    return _metered(plan, minutes)


def tier_line(plan: RatePlan, charge: TimeCharge) -> PriceLine | None:
    """The best long-duration discount the booking reaches, as a negative line."""
    reached = [t for t in plan.tiers if charge.units >= t.min_units]
    if not reached:
        return None
    tier = max(reached, key=lambda t: t.min_units)
    base = total((line.amount for line in charge.lines), plan.currency)
    off = base.percent(tier.percent).rounded()
    label = line_text(
        "long_duration_discount",
        share=f"{tier.percent.normalize():f} %",
        units=tier.min_units,
        unit=plan.unit,
        unit_de=UNITS_DE.get(str(plan.unit), str(plan.unit)),
    )
    return PriceLine.fixed("long_duration_discount", label, -off, plan.tax_rate)


def option_lines(plan: RatePlan, codes: Iterable[str], units: int) -> list[PriceLine]:
    wanted = list(dict.fromkeys(codes))
    unknown = [c for c in wanted if plan.option(c) is None]
    if unknown:
        offered = ", ".join(o.code for o in plan.options) or "none"
        raise UnknownOption(f"unknown: {', '.join(unknown)}; offered: {offered}")
    lines = []
    for code in wanted:
        option = plan.option(code)
        assert option is not None
        quantity = units if option.per is OptionPer.unit else 1
        lines.append(
            PriceLine.of(
                f"option:{code}",
                (option.description, option.translations),
                quantity,
                _money(plan, option.price),
                plan.tax_rate,
            )
        )
    return lines


@dataclass(frozen=True)
class Priced:
    lines: list[PriceLine]
    included_km: int


def price_period(
    plan: RatePlan,
    starts_at: datetime,
    ends_at: datetime,
    options: Iterable[str] = (),
    voucher: VoucherTerms | None = None,
) -> Priced:
    """Every line of a booking's price: time, long-duration discount, options, voucher."""
    charge = time_charge(plan, starts_at, ends_at)
    lines = list(charge.lines)
    discount = tier_line(plan, charge)
    if discount is not None:
        lines.append(discount)
    lines.extend(option_lines(plan, options, charge.units))
    if voucher is not None:
        lines.append(voucher_line(voucher, lines, plan.tax_rate))
    included = plan.included_km_per_booking + plan.included_km_per_unit * charge.units
    return Priced(lines, included)


# ----------------------------------------------------------------- after a return


def extra_km_line(
    plan_km_price: Money, included_km: int, driven_km: int, rate: Decimal
) -> list[PriceLine]:
    extra = driven_km - included_km
    if extra <= 0 or plan_km_price.is_zero:
        return []
    return [
        PriceLine.of("extra_km", line_text("extra_km", km=included_km), extra, plan_km_price, rate)
    ]


def late_return_lines(
    per_hour: Money, grace: timedelta, late_by: timedelta, rate: Decimal
) -> list[PriceLine]:
    if late_by <= grace or per_hour.is_zero:
        return []
    hours = _started(late_by, timedelta(hours=1))
    return [PriceLine.of("late_return", line_text("late_return"), hours, per_hour, rate)]


def energy_lines(
    fee: Money, per_percent: Money, shortfall_percent: int, rate: Decimal
) -> list[PriceLine]:
    if shortfall_percent <= 0:
        return []
    lines = []
    if not fee.is_zero:
        lines.append(PriceLine.of("refuel_fee", line_text("refuel_fee"), 1, fee, rate))
    if not per_percent.is_zero:
        lines.append(
            PriceLine.of(
                "energy_shortfall",
                line_text("energy_shortfall"),
                min(shortfall_percent, 100),
                per_percent,
                rate,
            )
        )
    return lines


# ----------------------------------------------------------------- car sharing, subscriptions


def usage_lines(
    *,
    rates: RateBook,
    product: str,
    market: str,
    started_at: datetime,
    ended_at: datetime,
    driven_km: int,
) -> list[PriceLine]:
    """A car-sharing trip: per started minute (at most the plan's hour and day caps) and
    the kilometres beyond those included. Pure: nothing is stored."""
    plan = rates.plan(product, market)
    priced = price_period(plan, started_at, ended_at)
    km_price = Money(plan.extra_km_price, plan.currency)
    return priced.lines + extra_km_line(km_price, priced.included_km, driven_km, plan.tax_rate)


def renewal_lines(
    *, rates: RateBook, product: str, market: str, period_start: date, period_end: date
) -> list[PriceLine]:
    """A subscription period [period_start, period_end): whole months at the monthly price,
    a remainder pro rata by the days of the month it falls in."""
    plan = rates.plan(product, market)
    if plan.unit is not Unit.month:
        raise InvalidPeriod(f"{product} in {market} is not priced by the month")
    if period_end <= period_start:
        raise InvalidPeriod("the period must end after it starts")
    months = 0
    while add_months(period_start, months + 1) <= period_end:
        months += 1
    cursor = add_months(period_start, months)
    month_days = (add_months(period_start, months + 1) - cursor).days
    fraction = Decimal((period_end - cursor).days) / Decimal(month_days)
    quantity = (months + fraction).quantize(QUANTITY_STEP, ROUND_HALF_UP)
    label = line_text("subscription", start=period_start, end=period_end)
    return [PriceLine.of("months", label, quantity, _money(plan, plan.unit_price), plan.tax_rate)]
