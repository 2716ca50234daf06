"""The pricing domain's tables: quotes with their lines, and the brand's vouchers.

A quote keeps every term its price depends on after a return (included kilometres, the
price of extra ones, late-return and energy fees), so a confirmed booking keeps its quoted
price even when the rate plan changes later.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class QuoteRow(TenantOwned, Base):
    __tablename__ = "pricing_quotes"
    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        Index("ix_pricing_quotes_customer", "tenant_id", "customer_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    customer_id: Mapped[uuid.UUID | None]
    product: Mapped[str] = mapped_column(String(40))
    market: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    options: Mapped[list[str]] = mapped_column(JSON)
    voucher_code: Mapped[str | None] = mapped_column(String(40))
    net: Mapped[Decimal]
    total: Mapped[Decimal]
    taxes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{rate, base, amount}] strings
    tax_rate: Mapped[Decimal]
    deposit: Mapped[Decimal]
    included_km: Mapped[int]
    extra_km_price: Mapped[Decimal]
    late_return_per_hour: Mapped[Decimal]
    late_grace_minutes: Mapped[int]
    refuel_fee: Mapped[Decimal]
    energy_price_per_percent: Mapped[Decimal]
    expires_at: Mapped[datetime]
    accepted_booking_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    accepted_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class QuoteLineRow(TenantOwned, Base):
    __tablename__ = "pricing_quote_lines"
    __table_args__ = (UniqueConstraint("quote_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    quote_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pricing_quotes.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(200))
    # the description in the platform's other languages: {"de": "..."}
    translations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    quantity: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    amount: Mapped[Decimal]
    tax_rate: Mapped[Decimal]


class VoucherRow(TenantOwned, Base):
    __tablename__ = "pricing_vouchers"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code"),
        CheckConstraint("value > 0", name="value_positive"),
        CheckConstraint("valid_from < valid_until", name="valid_window"),
        CheckConstraint("uses >= 0", name="uses_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal]
    currency: Mapped[str | None] = mapped_column(String(3))
    valid_from: Mapped[datetime]
    valid_until: Mapped[datetime]
    max_uses: Mapped[int | None]
    uses: Mapped[int] = mapped_column(default=0)
    products: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
