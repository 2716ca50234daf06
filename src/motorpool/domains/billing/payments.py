"""Billing use cases for money: pay an invoice, receive a transfer, refund a payment.

The invoice (or payment) row is locked first, so two payments of one invoice — or two
refunds of one payment — are serialised and the second sees the first. A declined charge
raises before anything is written: the caller's unit of work rolls back and the invoice
stays open and unpaid.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from motorpool.domains.billing import model
from motorpool.domains.billing.credits import credit_notes_of, left_to_credit, write_credit_note
from motorpool.domains.billing.events import InvoicePaid, PaymentRefunded, TransferRequested
from motorpool.domains.billing.model import InvoiceStatus, PaymentKind, PaymentStatus
from motorpool.domains.billing.providers import PaymentProviders, provider_for
from motorpool.domains.billing.schemas import (
    PaymentMethodIn,
    PaymentRead,
    RefundRead,
    money_read,
)
from motorpool.domains.billing.service import due_of, invoice_row, read
from motorpool.domains.billing.tables import InvoiceRow, PaymentRow, RefundRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.errors import ValidationFailed
from motorpool.platform.money import Money
from motorpool.platform.uow import UnitOfWork


def _plain_amount(amount: Decimal, currency: str) -> str:
    """For events: ``"357.81"`` (PostgreSQL hands back ``357.810000``)."""
    return str(Money(amount, currency).rounded().amount)


def read_payment(row: PaymentRow) -> PaymentRead:
    return PaymentRead(
        id=row.id,
        invoice_id=row.invoice_id,
        customer_id=row.customer_id,
        kind=row.kind,
        status=PaymentStatus(row.status),
        amount=money_read(row.amount, row.currency),
        refunded=money_read(row.refunded, row.currency),
        provider_charge_id=row.provider_charge_id,
        card_last4=row.card_last4,
        instructions=dict(row.instructions),
        created_at=row.created_at,
        received_at=row.received_at,
    )


def read_refund(row: RefundRow) -> RefundRead:
    return RefundRead(
        id=row.id,
        payment_id=row.payment_id,
        invoice_id=row.invoice_id,
        amount=money_read(row.amount, row.currency),
        reason=row.reason,
        status=row.status,
        provider_refund_id=row.provider_refund_id,
        credit_note_id=row.credit_note_id,
        created_at=row.created_at,
    )


async def _payment_row(uow: UnitOfWork, payment_id: uuid.UUID, *, lock: bool = False) -> PaymentRow:
    stmt = select(PaymentRow).where(PaymentRow.id == payment_id)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.PaymentNotFound()
    return row


async def _pending_transfers(uow: UnitOfWork, invoice_id: uuid.UUID) -> list[PaymentRow]:
    rows = await uow.session.execute(
        select(PaymentRow).where(
            PaymentRow.invoice_id == invoice_id,
            PaymentRow.status == PaymentStatus.pending.value,
        )
    )
    return list(rows.scalars())


def _settle(invoice: InvoiceRow, payment: PaymentRow, at: datetime, uow: UnitOfWork) -> None:
    invoice.paid = invoice.paid + payment.amount
    invoice.status = InvoiceStatus.paid.value
    invoice.paid_at = at
    uow.record(
        InvoicePaid(
            tenant_id=invoice.tenant_id,
            invoice_id=invoice.id,
            customer_id=invoice.customer_id,
            number=invoice.number,
            payment_id=payment.id,
            amount=_plain_amount(payment.amount, payment.currency),
            currency=payment.currency,
        )
    )


async def pay_invoice(
    *,
    uow: UnitOfWork,
    providers: PaymentProviders,
    invoice_id: uuid.UUID,
    method: PaymentMethodIn,
    customer_id: uuid.UUID,
) -> PaymentRead:
    """Pay what is due on my invoice. A card is charged now (declined → 402, nothing
    changes); a bank transfer answers with the instructions and waits for the money
    (asking again while one is pending gives the same transfer)."""
    invoice = await invoice_row(uow, invoice_id, lock=True)
    if invoice.customer_id != customer_id:
        raise model.InvoiceNotFound()
    due = due_of(invoice)
    model.check_payable(invoice.status, due)
    pending = await _pending_transfers(uow, invoice.id)
    if method.kind == PaymentKind.bank_transfer and pending:
        return read_payment(pending[0])
    charge = await provider_for(providers, method.kind).charge(
        amount=due, reference=invoice.number, method=method
    )
    if charge.declined:
        raise model.PaymentDeclined(
            f"the card ending {charge.card_last4} was declined: {charge.decline_reason}",
            decline_reason=charge.decline_reason,
        )
    now = utcnow()
    payment = PaymentRow(
        id=new_id(),
        invoice_id=invoice.id,
        customer_id=invoice.customer_id,
        kind=method.kind,
        status=PaymentStatus.pending.value if charge.status == "pending" else "succeeded",
        amount=due.amount,
        refunded=Decimal(0),
        currency=due.currency,
        provider_charge_id=charge.charge_id,
        card_last4=charge.card_last4,
        instructions=dict(charge.instructions),
        created_at=now,
        received_at=None if charge.status == "pending" else now,
    )
    uow.session.add(payment)
    if payment.status == PaymentStatus.succeeded:
        for transfer in pending:  # paid by card after all: the transfer is not awaited
            transfer.status = PaymentStatus.cancelled.value
        _settle(invoice, payment, now, uow)
    else:
        uow.record(
            TransferRequested(
                tenant_id=invoice.tenant_id,
                invoice_id=invoice.id,
                customer_id=invoice.customer_id,
                payment_id=payment.id,
                reference=invoice.number,
                amount=_plain_amount(payment.amount, payment.currency),
                currency=payment.currency,
            )
        )
    await uow.session.flush()
    return read_payment(payment)


async def mark_transfer_received(
    *, uow: UnitOfWork, payment_id: uuid.UUID, received_at: datetime | None = None
) -> PaymentRead:
    """Staff saw the transfer arrive: the payment succeeded and the invoice is paid."""
    payment = await _payment_row(uow, payment_id, lock=True)
    if payment.kind != PaymentKind.bank_transfer or payment.status != PaymentStatus.pending:
        raise model.PaymentNotPending(f"the payment is a {payment.status} {payment.kind}")
    invoice = await invoice_row(uow, payment.invoice_id, lock=True)
    # the money is here even if a credit note lowered what was due meanwhile: then the
    # invoice shows a negative amount due (owed to the customer) for staff to refund
    at = received_at or utcnow()
    payment.status = PaymentStatus.succeeded.value
    payment.received_at = at
    _settle(invoice, payment, at, uow)
    await uow.session.flush()
    return read_payment(payment)


async def get_payment(*, uow: UnitOfWork, payment_id: uuid.UUID) -> PaymentRead:
    return read_payment(await _payment_row(uow, payment_id))


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    """This domain's part of a GDPR export: my invoices, their credit notes and payments.
    (Erasure keeps them: invoices must be retained for the tax authorities.)"""
    invoices = await uow.session.execute(
        select(InvoiceRow).where(InvoiceRow.customer_id == account_id).order_by(InvoiceRow.number)
    )
    rows = list(invoices.scalars())
    notes, paid = [], []
    for row in rows:
        notes += [
            n.model_dump(mode="json") for n in await credit_notes_of(uow=uow, invoice_id=row.id)
        ]
        paid += [
            p.model_dump(mode="json") for p in await payments_of_invoice(uow=uow, invoice_id=row.id)
        ]
    return {
        "invoices": [read(row).model_dump(mode="json") for row in rows],
        "credit_notes": notes,
        "payments": paid,
    }


async def payments_of_invoice(*, uow: UnitOfWork, invoice_id: uuid.UUID) -> list[PaymentRead]:
    rows = await uow.session.execute(
        select(PaymentRow)
        .where(PaymentRow.invoice_id == invoice_id)
        .order_by(PaymentRow.created_at, PaymentRow.id)
    )
    return [read_payment(row) for row in rows.scalars()]


async def refund(
    *,
    uow: UnitOfWork,
    providers: PaymentProviders,
    payment_id: uuid.UUID,
    amount: Money | None,
    reason: str,
) -> RefundRead:
    """Give back (part of) a received payment through its provider, documented by a credit
    note for the refunded amount (less what credit notes issued after the payment already
    owe the customer). Never more than was paid and not yet refunded."""
    if not reason.strip():
        raise ValidationFailed("a refund needs a reason")
    payment = await _payment_row(uow, payment_id, lock=True)
    if payment.status != PaymentStatus.succeeded:
        raise model.PaymentNotSettled(f"the payment is {payment.status}")
    invoice = await invoice_row(uow, payment.invoice_id, lock=True)
    c = payment.currency
    paid, refunded = Money(payment.amount, c), Money(payment.refunded, c)
    wanted = amount or paid - refunded
    if wanted.currency != c:
        raise ValidationFailed(f"the payment was in {c}")
    if wanted != wanted.rounded():
        raise ValidationFailed(f"{wanted.amount} is not a whole amount of {c}")
    wanted = wanted.rounded()
    model.check_refund(wanted, paid, refunded)
    to_credit = model.refund_to_credit(wanted, due_of(invoice))
    totals = None
    if not to_credit.is_zero:
        left = await left_to_credit(uow, invoice)
        totals = model.credit_of_amount(to_credit, left, c, f"Refund on {invoice.number}")
    answer = await provider_for(providers, payment.kind).refund(
        charge_id=payment.provider_charge_id, amount=wanted
    )
    refund_id = new_id()
    note = None
    if totals is not None:
        note = await write_credit_note(
            uow, invoice, totals, reason=reason.strip(), refund_id=refund_id
        )
    row = RefundRow(
        id=refund_id,
        payment_id=payment.id,
        invoice_id=invoice.id,
        amount=wanted.amount,
        currency=c,
        reason=reason.strip(),
        status=answer.status,
        provider_refund_id=answer.refund_id,
        credit_note_id=note.id if note else None,
        created_at=utcnow(),
    )
    uow.session.add(row)
    payment.refunded = payment.refunded + wanted.amount
    invoice.refunded = invoice.refunded + wanted.amount
    if invoice.refunded >= invoice.paid and invoice.credited >= invoice.total:  # all given back
        invoice.status = InvoiceStatus.refunded.value
    await uow.session.flush()
    uow.record(
        PaymentRefunded(
            tenant_id=invoice.tenant_id,
            refund_id=row.id,
            payment_id=payment.id,
            invoice_id=invoice.id,
            customer_id=invoice.customer_id,
            credit_note_id=note.id if note else None,
            amount=str(wanted.amount),
            currency=c,
        )
    )
    return read_refund(row)
