"""Billing use cases for invoices and credit notes: issue, read, list, credit.

Keyword-only, on a unit of work, never committing. Contracts and products issue invoices
in their own unit of work, so an invoice exists exactly when what it bills does; its number
is taken in that same transaction (see :mod:`numbering`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from motorpool.domains.billing import model
from motorpool.domains.billing.events import CreditNoteIssued, InvoiceIssued
from motorpool.domains.billing.model import InvoiceLineIn, InvoiceStatus, TaxLine, Totals
from motorpool.domains.billing.numbering import CREDIT_NOTE, INVOICE, next_number
from motorpool.domains.billing.schemas import (
    CreditNoteRead,
    InvoiceLineRead,
    InvoicePage,
    InvoiceRead,
    TaxLineRead,
    money_read,
)
from motorpool.domains.billing.tables import (
    CreditNoteLineRow,
    CreditNoteRow,
    InvoiceLineRow,
    InvoiceRow,
)
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.errors import ValidationFailed
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.money import Money, MoneyRead, minor_digits
from motorpool.platform.uow import UnitOfWork

MAX_DUE_DAYS = 365

# --------------------------------------------------------------------------- reading


def _tax_lines_json(lines: Sequence[TaxLine]) -> list[dict[str, Any]]:
    return [
        {"rate": model.plain(t.rate), "net": str(t.net.amount), "tax": str(t.tax.amount)}
        for t in lines
    ]


def tax_lines_of(stored: list[dict[str, Any]], currency: str) -> list[TaxLine]:
    return [
        TaxLine(
            Decimal(t["rate"]),
            Money(Decimal(t["net"]), currency),
            Money(Decimal(t["tax"]), currency),
        )
        for t in stored
    ]


def unit_price_read(amount: Decimal, currency: str) -> MoneyRead:
    """A unit price keeps its precision (0.345 per km) but shows at least the currency's
    minor unit (89.00, not 89)."""
    exponent = Decimal(model.plain(amount)).as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    digits = max(minor_digits(currency), places)
    return MoneyRead(amount=str(amount.quantize(Decimal(1).scaleb(-digits))), currency=currency)


def _line_read(row: InvoiceLineRow | CreditNoteLineRow, currency: str) -> InvoiceLineRead:
    return InvoiceLineRead(
        position=row.position,
        code=row.code,
        description=row.description,
        quantity=Decimal(model.plain(row.quantity)),
        unit_price=unit_price_read(row.unit_price, currency),
        tax_rate=Decimal(model.plain(row.tax_rate)),
        net=money_read(row.net, currency),
    )


def _tax_reads(stored: list[dict[str, Any]], currency: str) -> list[TaxLineRead]:
    return [
        TaxLineRead(
            rate=t.rate,
            net=money_read(t.net.amount, currency),
            tax=money_read(t.tax.amount, currency),
        )
        for t in tax_lines_of(stored, currency)
    ]


def due_of(row: InvoiceRow) -> Money:
    c = row.currency
    return model.amount_due(
        Money(row.total, c), Money(row.credited, c), Money(row.paid, c), Money(row.refunded, c)
    )


def read(row: InvoiceRow) -> InvoiceRead:
    c = row.currency
    return InvoiceRead(
        id=row.id,
        number=row.number,
        status=InvoiceStatus(row.status),
        customer_id=row.customer_id,
        market=row.market,
        currency=c,
        source_type=row.source_type,
        source_id=row.source_id,
        issued_at=row.issued_at,
        due_at=row.due_at,
        lines=[_line_read(line, c) for line in row.lines],
        tax_lines=_tax_reads(row.tax_lines, c),
        net=money_read(row.net, c),
        tax=money_read(row.tax, c),
        total=money_read(row.total, c),
        credited=money_read(row.credited, c),
        paid=money_read(row.paid, c),
        refunded=money_read(row.refunded, c),
        amount_due=money_read(due_of(row).amount, c),
        paid_at=row.paid_at,
    )


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
        lines=[_line_read(line, c) for line in row.lines],
        tax_lines=_tax_reads(row.tax_lines, c),
        net=money_read(row.net, c),
        tax=money_read(row.tax, c),
        total=money_read(row.total, c),
        refund_id=row.refund_id,
    )


async def invoice_row(uow: UnitOfWork, invoice_id: uuid.UUID, *, lock: bool = False) -> InvoiceRow:
    stmt = select(InvoiceRow).where(InvoiceRow.id == invoice_id)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.InvoiceNotFound()
    return row


async def get_invoice(*, uow: UnitOfWork, invoice_id: uuid.UUID) -> InvoiceRead:
    return read(await invoice_row(uow, invoice_id))


SORTABLE = {
    "issued_at": InvoiceRow.issued_at,
    "due_at": InvoiceRow.due_at,
    "number": InvoiceRow.number,
    "status": InvoiceRow.status,
}


async def invoices_of(
    *, uow: UnitOfWork, customer_id: uuid.UUID, paging: PageParams
) -> InvoicePage:
    """A customer's invoices, newest first unless ``paging.sort`` says otherwise."""
    return await page_of(
        uow,
        select(InvoiceRow).where(InvoiceRow.customer_id == customer_id),
        paging,
        sortable=SORTABLE,
        default=InvoiceRow.issued_at.desc(),
        tiebreak=InvoiceRow.number.desc(),
        read=read,
    )


async def list_invoices(
    *,
    uow: UnitOfWork,
    paging: PageParams,
    status: InvoiceStatus | None = None,
    customer_id: uuid.UUID | None = None,
    number: str | None = None,
) -> InvoicePage:
    """Staff search over the brand's invoices, by status, customer or number prefix."""
    stmt = select(InvoiceRow)
    if status is not None:
        stmt = stmt.where(InvoiceRow.status == status.value)
    if customer_id is not None:
        stmt = stmt.where(InvoiceRow.customer_id == customer_id)
    if number:
        stmt = stmt.where(InvoiceRow.number.startswith(number, autoescape=True))
    return await page_of(
        uow,
        stmt,
        paging,
        sortable=SORTABLE,
        default=InvoiceRow.issued_at.desc(),
        tiebreak=InvoiceRow.number.desc(),
        read=read,
    )


# --------------------------------------------------------------------------- issuing


def _instant(at: datetime | None) -> datetime:
    if at is None:
        return utcnow()
    if at.tzinfo is None:
        raise ValidationFailed("issued_at needs a time zone")
    return at.astimezone(UTC)


async def issue_invoice(
    *,
    uow: UnitOfWork,
    customer_id: uuid.UUID,
    market: str,
    currency: str,
    lines: Sequence[InvoiceLineIn],
    source_type: str,
    source_id: uuid.UUID,
    issued_at: datetime | None = None,
    due_days: int = 14,
) -> InvoiceRead:
    """Issue an invoice with the brand's next gap-free number of the year it is issued in."""
    totals = model.price(lines, currency)
    if not 0 <= due_days <= MAX_DUE_DAYS:
        raise ValidationFailed(f"due_days must be from 0 to {MAX_DUE_DAYS}")
    if not (1 <= len(market) <= 8 and 1 <= len(source_type) <= 40):
        raise ValidationFailed("market (up to 8) and source_type (up to 40 characters) are needed")
    at = _instant(issued_at)
    row = InvoiceRow(
        id=new_id(),
        number=await next_number(uow, INVOICE, at.year),
        customer_id=customer_id,
        market=market,
        currency=totals.currency,
        source_type=source_type,
        source_id=source_id,
        issued_at=at,
        due_at=at + timedelta(days=due_days),
        net=totals.net.amount,
        tax=totals.tax.amount,
        total=totals.total.amount,
        tax_lines=_tax_lines_json(totals.tax_lines),
        status=InvoiceStatus.open.value,
        credited=Decimal(0),
        paid=Decimal(0),
        refunded=Decimal(0),
        paid_at=None,
    )
    row.lines = [
        InvoiceLineRow(
            id=new_id(),
            position=position,
            code=p.line.code,
            description=p.line.description,
            quantity=p.line.quantity,
            unit_price=p.line.unit_price.amount,
            tax_rate=p.line.tax_rate,
            net=p.net.amount,
        )
        for position, p in enumerate(totals.lines, start=1)
    ]
    if totals.total.is_zero:
        row.status = InvoiceStatus.paid.value  # nothing to pay: settled as issued
        row.paid_at = at
    uow.session.add(row)
    await uow.session.flush()
    uow.record(
        InvoiceIssued(
            tenant_id=row.tenant_id,
            invoice_id=row.id,
            customer_id=row.customer_id,
            number=row.number,
            total=str(totals.total.amount),
            currency=row.currency,
        )
    )
    return read(row)


# --------------------------------------------------------------------------- crediting


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
        tax_lines=_tax_lines_json(totals.tax_lines),
        refund_id=refund_id,
    )
    row.lines = [
        CreditNoteLineRow(
            id=new_id(),
            position=position,
            code=p.line.code,
            description=p.line.description,
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
