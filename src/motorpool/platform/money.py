"""Money: a ``Decimal`` amount with an ISO 4217 currency — never a float.

Amounts keep full precision while a price is being computed (a per-minute rate times
minutes); :meth:`Money.rounded` applies the currency's minor unit (two places for EUR, GBP,
CHF, USD; none for JPY) with half-up rounding, as invoices and receipts do. Arithmetic
across currencies is refused rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from babel.numbers import format_currency, get_currency_precision
from pydantic import BaseModel, ConfigDict, Field, field_validator

from motorpool.platform.errors import Problem

SUPPORTED_CURRENCIES = frozenset({"EUR", "GBP", "CHF", "USD", "SEK", "NOK", "DKK", "PLN", "JPY"})


class CurrencyMismatch(Problem):
    slug = "currency-mismatch"
    title = "Currencies do not match"
    status = 422
    description = "Two amounts in different currencies were combined; convert one first."


class UnsupportedCurrency(Problem):
    slug = "unsupported-currency"
    title = "Currency not supported"
    status = 422
    description = "The currency is not an ISO 4217 code this platform prices in."


def minor_digits(currency: str) -> int:
    """The currency's minor unit: 2 for EUR (cents), 0 for JPY."""
    return int(get_currency_precision(currency))


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_digits(currency))


def check_currency(currency: str) -> str:
    code = currency.upper()
    if code not in SUPPORTED_CURRENCIES:
        raise UnsupportedCurrency(f"{currency!r} is not one of {sorted(SUPPORTED_CURRENCIES)}")
    return code


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            # ints are exact and welcome; floats are not money
            if isinstance(self.amount, bool) or not isinstance(self.amount, int):
                raise TypeError(f"Money needs a Decimal amount, got {type(self.amount).__name__}")
            object.__setattr__(self, "amount", Decimal(self.amount))
        object.__setattr__(self, "currency", check_currency(self.currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        return cls(Decimal(amount), currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, float):
            raise TypeError("multiply money by a Decimal or an int, never a float")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.amount >= other.amount

    def rounded(self) -> Money:
        """Rounded half-up to the currency's minor unit."""
        return Money(self.amount.quantize(quantum(self.currency), ROUND_HALF_UP), self.currency)

    def percent(self, rate: Decimal) -> Money:
        """``rate`` percent of this amount, unrounded (``Decimal("19")`` → 19 %)."""
        return Money(self.amount * rate / Decimal(100), self.currency)

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    def format(self, locale: str = "en") -> str:
        """For people: ``€1,234.56`` in English, ``1.234,56 €`` in German."""
        return str(format_currency(self.rounded().amount, self.currency, locale=locale))

    def __str__(self) -> str:
        return f"{self.rounded().amount} {self.currency}"


def total(amounts: Iterable[Money], currency: str) -> Money:
    """The sum of ``amounts`` (all in ``currency``); zero for none."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result


def allocate(amount: Money, weights: list[Decimal]) -> list[Money]:
    """Split a rounded amount by ``weights`` so the parts add up to it exactly (no lost cent)."""
    whole = amount.rounded()
    step = quantum(whole.currency)
    weight_sum = sum(weights, Decimal(0))
    if weight_sum == 0:
        raise ValueError("weights must not all be zero")
    parts = [(whole.amount * w / weight_sum).quantize(step, rounding="ROUND_DOWN") for w in weights]
    remainder = whole.amount - sum(parts, Decimal(0))
    index = 0
    while remainder > 0:
        parts[index % len(parts)] += step
        remainder -= step
        index += 1
    return [Money(p, whole.currency) for p in parts]


# --------------------------------------------------------------------------- for APIs

AmountStr = Annotated[
    Decimal,
    Field(description='A decimal amount as a string, e.g. "1234.56"; never a float'),
]


class MoneyRead(BaseModel):
    """Money on the wire: the amount as a string (JSON numbers are floats to many clients)."""

    model_config = ConfigDict(
        frozen=True, json_schema_extra={"examples": [{"amount": "89.00", "currency": "EUR"}]}
    )

    amount: str
    currency: str

    @field_validator("amount", mode="before")
    @classmethod
    def _amount_as_string(cls, value: Any) -> str:
        if isinstance(value, float):
            raise ValueError("amounts are strings or Decimals, never floats")
        return str(value)

    @classmethod
    def of(cls, money: Money) -> MoneyRead:
        rounded = money.rounded()
        return cls(amount=str(rounded.amount), currency=rounded.currency)

    def to_money(self) -> Money:
        return Money(Decimal(self.amount), self.currency)
