"""What the billing domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from motorpool.domains.billing.model import InvoiceLineIn, InvoiceStatus, PaymentStatus
from motorpool.platform.http import Page
from motorpool.platform.money import Money, MoneyRead

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Amount = Annotated[Decimal, Field(description='a decimal string, e.g. "49.90"')]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PaymentMethodIn(Strict):
    """How the customer pays: a card (the number is passed to the provider, never stored)
    or a bank transfer (the answer carries the transfer instructions)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"kind": "card", "card_number": "4242 4242 4242 4242"},
                {"kind": "bank_transfer"},
            ]
        },
    )

    kind: Literal["card", "bank_transfer"]
    card_number: Annotated[str, StringConstraints(max_length=30)] | None = None

    @model_validator(mode="after")
    def _card_needs_number(self) -> PaymentMethodIn:
        if self.kind == "card" and not self.card_number:
            raise ValueError("a card payment needs card_number")
        if self.kind == "bank_transfer" and self.card_number:
            raise ValueError("a bank transfer takes no card_number")
        return self


class InvoiceLineCreate(Strict):
    code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]
    quantity: Annotated[Decimal, Field(gt=0)]
    unit_price: MoneyRead = Field(description="net, per unit")
    tax_rate: Annotated[Decimal, Field(ge=0, lt=100, description="percent, e.g. 19")]

    def to_line(self) -> InvoiceLineIn:
        return InvoiceLineIn(
            code=self.code,
            description=self.description,
            quantity=self.quantity,
            unit_price=self.unit_price.to_money(),
            tax_rate=self.tax_rate,
        )


class CreditNoteCreate(Strict):
    reason: Reason
    lines: list[InvoiceLineCreate] | None = Field(
        default=None, description="what to credit; leave out to credit all that is left"
    )


class RefundCreate(Strict):
    amount: Amount | None = Field(
        default=None, description="in the payment's currency; leave out for all that is left"
    )
    reason: Reason


class InvoiceLineRead(BaseModel):
    position: int
    code: str
    description: str
    translations: dict[str, str] = Field(
        default={}, description='the description in other languages, e.g. {"de": "Kindersitz"}'
    )
    quantity: Decimal
    unit_price: MoneyRead
    tax_rate: Decimal
    net: MoneyRead = Field(description="quantity times unit price, rounded to the currency")


class TaxLineRead(BaseModel):
    rate: Decimal = Field(description="percent")
    net: MoneyRead
    tax: MoneyRead


class InvoiceRead(BaseModel):
    id: uuid.UUID
    number: str = Field(description="gap-free per brand and year, e.g. 2026-000001")
    status: InvoiceStatus
    customer_id: uuid.UUID
    market: str
    currency: str
    source_type: str = Field(description="what was invoiced, e.g. contract or subscription")
    source_id: uuid.UUID
    issued_at: datetime
    due_at: datetime
    lines: list[InvoiceLineRead]
    tax_lines: list[TaxLineRead]
    net: MoneyRead
    tax: MoneyRead
    total: MoneyRead
    credited: MoneyRead = Field(description="the sum of its credit notes")
    paid: MoneyRead
    refunded: MoneyRead
    amount_due: MoneyRead = Field(description="still owed; below zero it is owed to the customer")
    paid_at: datetime | None


InvoicePage = Page[InvoiceRead]


class CreditNoteRead(BaseModel):
    id: uuid.UUID
    number: str = Field(description="its own gap-free series, e.g. CN-2026-000001")
    invoice_id: uuid.UUID
    invoice_number: str
    customer_id: uuid.UUID
    currency: str
    reason: str
    issued_at: datetime
    lines: list[InvoiceLineRead]
    tax_lines: list[TaxLineRead]
    net: MoneyRead
    tax: MoneyRead
    total: MoneyRead
    refund_id: uuid.UUID | None = Field(description="the refund it documents, if any")


class PaymentRead(BaseModel):
    id: uuid.UUID
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    kind: Literal["card", "bank_transfer"]
    status: PaymentStatus
    amount: MoneyRead
    refunded: MoneyRead
    provider_charge_id: str
    card_last4: str | None
    instructions: dict[str, str] = Field(
        description="for a bank transfer: iban, bic, account_holder, reference, amount"
    )
    created_at: datetime
    received_at: datetime | None


class RefundRead(BaseModel):
    id: uuid.UUID
    payment_id: uuid.UUID
    invoice_id: uuid.UUID
    amount: MoneyRead
    reason: str
    status: str = Field(description="succeeded, or pending while a transfer is on its way")
    provider_refund_id: str
    credit_note_id: uuid.UUID | None = Field(
        description="the credit note documenting it; none when earlier credit notes already did"
    )
    created_at: datetime


def money_read(amount: Decimal, currency: str) -> MoneyRead:
    return MoneyRead.of(Money(amount, currency))
