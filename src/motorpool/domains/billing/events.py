"""Facts the billing domain publishes: invoices issued and paid, credit notes, transfers
awaited, refunds. Amounts travel as decimal strings with their currency."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class InvoiceIssued(Event):
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    total: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class InvoicePaid(Event):
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    payment_id: uuid.UUID
    amount: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class TransferRequested(Event):
    """The customer chose to pay by bank transfer; we wait for the money."""

    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    payment_id: uuid.UUID
    reference: str
    amount: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class CreditNoteIssued(Event):
    credit_note_id: uuid.UUID
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    total: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class PaymentRefunded(Event):
    refund_id: uuid.UUID
    payment_id: uuid.UUID
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    credit_note_id: uuid.UUID | None
    amount: str
    currency: str
