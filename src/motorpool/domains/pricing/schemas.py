"""What the pricing domain takes and gives. Amounts travel as strings, never floats."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from motorpool.domains.pricing.model import QuoteStatus, VoucherKind
from motorpool.domains.pricing.rates import OptionPer, Unit
from motorpool.platform.money import MoneyRead

Code = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]{0,39}$")]
MarketCode = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{2}$")
]
VoucherCode = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z0-9_-]{3,40}$")
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuoteCreate(Strict):
    product: Code
    market: MarketCode = Field(description="ISO 3166 country, e.g. DE")
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    options: Annotated[list[Code], Field(max_length=20)] = []
    voucher: VoucherCode | None = None


class PriceLineRead(BaseModel):
    code: str
    description: str
    translations: dict[str, str] = Field(
        default={}, description='the description in other languages, e.g. {"de": "Kindersitz"}'
    )
    quantity: str = Field(description="a decimal as a string")
    unit_price: MoneyRead
    amount: MoneyRead = Field(description="net, rounded to the currency's minor unit")
    tax_rate: str = Field(description="VAT in percent, e.g. 19")


class TaxLineRead(BaseModel):
    rate: str
    base: MoneyRead
    amount: MoneyRead


class QuoteRead(BaseModel):
    id: uuid.UUID
    customer_id: uuid.UUID | None = Field(description="who asked, if signed in as a customer")
    product: str
    market: str
    currency: str
    starts_at: datetime
    ends_at: datetime
    lines: list[PriceLineRead]
    net: MoneyRead = Field(description="the sum of the lines")
    taxes: list[TaxLineRead] = Field(description="VAT per rate on the sum of its lines")
    total: MoneyRead = Field(description="net plus VAT")
    deposit: MoneyRead = Field(description="held at hand-over, not charged; not in the total")
    included_km: int
    extra_km_price: MoneyRead = Field(description="net, per kilometre beyond included_km")
    expires_at: datetime
    accepted_booking_id: uuid.UUID | None
    status: QuoteStatus


class QuoteAccept(Strict):
    booking_id: uuid.UUID


class TierRead(BaseModel):
    min_units: int
    percent: str


class OptionRead(BaseModel):
    code: str
    description: str
    translations: dict[str, str] = Field(
        default={}, description='the description in other languages, e.g. {"de": "Kindersitz"}'
    )
    price: MoneyRead
    per: OptionPer


class RatePlanRead(BaseModel):
    """A product's rate plan in a market; every amount net of VAT."""

    product: str
    market: str
    currency: str
    tax_rate: str
    unit: Unit
    unit_price: MoneyRead
    weekend_unit_price: MoneyRead | None
    hour_cap: MoneyRead | None
    day_cap: MoneyRead | None
    tiers: list[TierRead]
    included_km_per_unit: int
    included_km_per_booking: int
    extra_km_price: MoneyRead
    late_return_per_hour: MoneyRead
    late_grace_minutes: int
    refuel_fee: MoneyRead
    energy_price_per_percent: MoneyRead
    deposit: MoneyRead
    options: list[OptionRead]


class VoucherCreate(Strict):
    code: VoucherCode
    kind: VoucherKind
    value: Annotated[
        Decimal, Field(gt=0, max_digits=12, decimal_places=2, description="percent or amount")
    ]
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = Field(
        default=None, description="for a fixed amount only"
    )
    valid_from: AwareDatetime
    valid_until: AwareDatetime
    max_uses: Annotated[int, Field(ge=1)] | None = None
    products: list[Code] = Field(default=[], description="empty: every product")


class VoucherRead(BaseModel):
    id: uuid.UUID
    code: str
    kind: VoucherKind
    value: str
    currency: str | None
    valid_from: datetime
    valid_until: datetime
    max_uses: int | None
    uses: int
    products: list[str]
