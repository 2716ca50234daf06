"""Billing use cases for credit notes: an issued invoice is never edited, only credited.

A credit note has its own gap-free number series (``CN-2026-000001``) and never takes back
more than is left of its invoice, at any tax rate or in total. Refunds write theirs through
:func:`write_credit_note`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select

from motorpool.domains.billing import model
from motorpool.domains.billing.events import CreditNoteIssued
from motorpool.domains.billing.model import InvoiceLineIn, TaxLine, Totals
from motorpool.domains.billing.numbering import CREDIT_NOTE, next_number
from motorpool.domains.billing.schemas import CreditNoteRead, money_read
from motorpool.domains.billing.service import (
    due_of,
    invoice_row,
    line_read,
    tax_lines_json,
    tax_lines_of,
    tax_reads,
)
from motorpool.domains.billing.tables import CreditNoteLineRow, CreditNoteRow, InvoiceRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.errors import ValidationFailed
from motorpool.platform.money import Money
from motorpool.platform.uow import UnitOfWork


def read_credit_note(row: CreditNoteRow) -> CreditNoteRead:
    c = row.currency
    return CreditNoteRead(
        id=row.id,
        number=row.number,
        invoice_id=row.invoice_id,
        invoice_number=row.invoice_number,
        customer_id=row.customer_id,
        currency=c,
        reason=row.reason,
        issued_at=row.issued_at,
        lines=[line_read(line, c) for line in row.lines],
        tax_lines=tax_reads(row.tax_lines, c),
        net=money_read(row.net, c),
        tax=money_read(row.tax, c),
        total=money_read(row.total, c),
        refund_id=row.refund_id,
    )


async def _credited_tax_lines(uow: UnitOfWork, invoice: InvoiceRow) -> list[TaxLine]:
    rows = await uow.session.execute(
        select(CreditNoteRow.tax_lines).where(CreditNoteRow.invoice_id == invoice.id)
    )
    return [t for (stored,) in rows for t in tax_lines_of(stored, invoice.currency)]


async def left_to_credit(uow: UnitOfWork, invoice: InvoiceRow) -> dict[Decimal, TaxLine]:
    invoiced = tax_lines_of(invoice.tax_lines, invoice.currency)
    return model.remaining(invoiced, await _credited_tax_lines(uow, invoice), invoice.currency)


async def write_credit_note(
    uow: UnitOfWork,
    invoice: InvoiceRow,
    totals: Totals,
    *,
    reason: str,
    refund_id: uuid.UUID | None = None,
) -> CreditNoteRow:
    """Store a checked credit note against a locked invoice and book it on the invoice."""
    at = utcnow()
    row = CreditNoteRow(
        id=new_id(),
        number=await next_number(uow, CREDIT_NOTE, at.year),
        invoice_id=invoice.id,
        invoice_number=invoice.number,
        customer_id=invoice.customer_id,
        currency=invoice.currency,
        reason=reason,
        issued_at=at,
        net=totals.net.amount,
        tax=totals.tax.amount,
        total=totals.total.amount,
        tax_lines=tax_lines_json(totals.tax_lines),
        refund_id=refund_id,
    )
    row.lines = [
        CreditNoteLineRow(
            id=new_id(),
            position=position,
            code=p.line.code,
            description=p.line.description,
            translations=dict(p.line.translations),
            quantity=p.line.quantity,
            unit_price=p.line.unit_price.amount,
            tax_rate=p.line.tax_rate,
            net=p.net.amount,
        )
        for position, p in enumerate(totals.lines, start=1)
    ]
    uow.session.add(row)
    invoice.credited = invoice.credited + totals.total.amount
    invoice.status = model.status_after_credit(invoice.status, due_of(invoice)).value
    await uow.session.flush()
    uow.record(
        CreditNoteIssued(
            tenant_id=row.tenant_id,
            credit_note_id=row.id,
            invoice_id=invoice.id,
            customer_id=invoice.customer_id,
            number=row.number,
            total=str(totals.total.amount),
            currency=row.currency,
        )
    )
    return row


async def issue_credit_note(
    *,
    uow: UnitOfWork,
    invoice_id: uuid.UUID,
    reason: str,
    lines: Sequence[InvoiceLineIn] | None = None,
) -> CreditNoteRead:
    """Credit (part of) an issued invoice: ``lines`` priced like an invoice's, or, with
    ``None``, everything that is left. Never more than is left, at any rate or in total."""
    if not reason.strip():
        raise ValidationFailed("a credit note needs a reason")
    invoice = await invoice_row(uow, invoice_id, lock=True)
    left = await left_to_credit(uow, invoice)
    if lines is None:
        if invoice.credited == 0:  # the invoice's own lines, credited as they were
            totals = model.price(
                [
                    InvoiceLineIn(
                        line.code,
                        line.description,
                        line.quantity,
                        Money(line.unit_price, invoice.currency),
                        line.tax_rate,
                        dict(line.translations or {}),
                    )
                    for line in invoice.lines
                ],
                invoice.currency,
            )
        else:
            totals = model.remaining_credit(left, invoice.currency, f"Credit of {invoice.number}")
    else:
        totals = model.price(lines, invoice.currency)
    model.check_credit(totals, left)
    row = await write_credit_note(uow, invoice, totals, reason=reason.strip())
    return read_credit_note(row)


async def credit_notes_of(*, uow: UnitOfWork, invoice_id: uuid.UUID) -> list[CreditNoteRead]:
    await invoice_row(uow, invoice_id)
    rows = await uow.session.execute(
        select(CreditNoteRow)
        .where(CreditNoteRow.invoice_id == invoice_id)
        .order_by(CreditNoteRow.issued_at, CreditNoteRow.number)
    )
    return [read_credit_note(row) for row in rows.scalars()]


async def get_credit_note(*, uow: UnitOfWork, credit_note_id: uuid.UUID) -> CreditNoteRead:
    row = (
        await uow.session.execute(select(CreditNoteRow).where(CreditNoteRow.id == credit_note_id))
    ).scalar_one_or_none()
    if row is None:
        raise model.InvoiceNotFound("no such credit note")
    return read_credit_note(row)
