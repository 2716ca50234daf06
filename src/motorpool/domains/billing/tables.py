"""The billing domain's tables: number counters, invoices and their lines, credit notes and
their lines, payments and refunds.

An issued invoice is never edited: only its paid/credited fields (status, credited, paid,
refunded, paid_at) change. Amounts are exact decimals (text on SQLite, so sums and
comparisons are the model's job, not CHECK constraints). Tax lines are stored as issued,
per rate, as decimal strings.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class NumberCounterRow(TenantOwned, Base):
    """The last number given in one series (invoice, credit_note) of one year, per brand."""

    __tablename__ = "billing_number_counters"
    __table_args__ = (UniqueConstraint("tenant_id", "series", "year"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    series: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    last_number: Mapped[int] = mapped_column(default=0)


class InvoiceRow(TenantOwned, Base):
    __tablename__ = "billing_invoices"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number"),
        Index("ix_billing_invoices_customer", "tenant_id", "customer_id", "issued_at"),
        Index("ix_billing_invoices_status", "tenant_id", "status", "issued_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID]
    market: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    source_type: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[uuid.UUID]
    issued_at: Mapped[datetime]
    due_at: Mapped[datetime]
    net: Mapped[Decimal]
    tax: Mapped[Decimal]
    total: Mapped[Decimal]
    tax_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # the only fields that change after issue: paid / credited status
    status: Mapped[str] = mapped_column(String(12))
    credited: Mapped[Decimal]
    paid: Mapped[Decimal]
    refunded: Mapped[Decimal]
    paid_at: Mapped[datetime | None]

    lines: Mapped[list[InvoiceLineRow]] = relationship(
        order_by="InvoiceLineRow.position", lazy="selectin"
    )


class InvoiceLineRow(TenantOwned, Base):
    __tablename__ = "billing_invoice_lines"
    __table_args__ = (UniqueConstraint("invoice_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    invoice_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("billing_invoices.id", ondelete="CASCADE")
    )
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(200))
    translations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # {"de": ...}
    quantity: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    tax_rate: Mapped[Decimal]
    net: Mapped[Decimal]


class CreditNoteRow(TenantOwned, Base):
    __tablename__ = "billing_credit_notes"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number"),
        Index("ix_billing_credit_notes_invoice", "tenant_id", "invoice_id", "issued_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(20))
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("billing_invoices.id"))
    invoice_number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID]
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(500))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    net: Mapped[Decimal]
    tax: Mapped[Decimal]
    total: Mapped[Decimal]
    tax_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    refund_id: Mapped[uuid.UUID | None]

    lines: Mapped[list[CreditNoteLineRow]] = relationship(
        order_by="CreditNoteLineRow.position", lazy="selectin"
    )


class CreditNoteLineRow(TenantOwned, Base):
    __tablename__ = "billing_credit_note_lines"
    __table_args__ = (UniqueConstraint("credit_note_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    credit_note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("billing_credit_notes.id", ondelete="CASCADE")
    )
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(200))
    translations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # {"de": ...}
    quantity: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    tax_rate: Mapped[Decimal]
    net: Mapped[Decimal]


class PaymentRow(TenantOwned, Base):
    __tablename__ = "billing_payments"
    __table_args__ = (
        Index("ix_billing_payments_invoice", "tenant_id", "invoice_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("billing_invoices.id"))
    customer_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12))
    amount: Mapped[Decimal]
    refunded: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    provider_charge_id: Mapped[str] = mapped_column(String(400))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    instructions: Mapped[dict[str, str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime | None]


class RefundRow(TenantOwned, Base):
    __tablename__ = "billing_refunds"
    __table_args__ = (Index("ix_billing_refunds_payment", "tenant_id", "payment_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("billing_payments.id"))
    invoice_id: Mapped[uuid.UUID]
    amount: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(12))
    provider_refund_id: Mapped[str] = mapped_column(String(200))
    credit_note_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("billing_credit_notes.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
