"""Billing use cases for invoices: issue, read, list (credit notes are in :mod:`credits`,
payments and refunds in :mod:`payments`).

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
from motorpool.domains.billing.events import InvoiceIssued
from motorpool.domains.billing.model import InvoiceLineIn, InvoiceStatus, TaxLine
from motorpool.domains.billing.numbering import INVOICE, next_number
from motorpool.domains.billing.schemas import (
    InvoiceLineRead,
    InvoicePage,
    InvoiceRead,
    TaxLineRead,
    money_read,
)
from motorpool.domains.billing.tables import (
    CreditNoteLineRow,
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


def tax_lines_json(lines: Sequence[TaxLine]) -> list[dict[str, Any]]:
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


def line_read(row: InvoiceLineRow | CreditNoteLineRow, currency: str) -> InvoiceLineRead:
    return InvoiceLineRead(
        position=row.position,
        code=row.code,
        description=row.description,
        translations=dict(row.translations or {}),
        quantity=Decimal(model.plain(row.quantity)),
        unit_price=unit_price_read(row.unit_price, currency),
        tax_rate=Decimal(model.plain(row.tax_rate)),
        net=money_read(row.net, currency),
    )


def tax_reads(stored: list[dict[str, Any]], currency: str) -> list[TaxLineRead]:
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
        lines=[line_read(line, c) for line in row.lines],
        tax_lines=tax_reads(row.tax_lines, c),
        net=money_read(row.net, c),
        tax=money_read(row.tax, c),
        total=money_read(row.total, c),
        credited=money_read(row.credited, c),
        paid=money_read(row.paid, c),
        refunded=money_read(row.refunded, c),
        amount_due=money_read(due_of(row).amount, c),
        paid_at=row.paid_at,
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
        tax_lines=tax_lines_json(totals.tax_lines),
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
            translations=dict(p.line.translations),
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
