"""Billing test factories: invoice lines and invoices issued through the face, as a
contract or product would issue them in its own unit of work."""

from __future__ import annotations

import re
import uuid
import zlib
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from motorpool.domains import billing
from motorpool.platform.money import Money
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory

GOOD_CARD = "4242 4242 4242 4242"
DECLINED_CARD = "4000 0000 0000 0002"
NO_FUNDS_CARD = "4000 0000 0000 9995"


def line(
    price: str,
    *,
    quantity: str = "1",
    rate: str = "19",
    currency: str = "EUR",
    code: str = "rental_day",
    description: str = "Rental day",
) -> billing.InvoiceLineIn:
    return billing.InvoiceLineIn(
        code=code,
        description=description,
        quantity=Decimal(quantity),
        unit_price=Money(Decimal(price), currency),
        tax_rate=Decimal(rate),
    )


RENTAL = [
    line("89.00", quantity="3"),  # 267.00 at 19 %
    line("12.345", quantity="2", code="km", description="Extra kilometres"),  # 24.69 at 19 %
    line("10.00", rate="7", code="ticket", description="Ferry ticket"),  # 10.00 at 7 %
]


async def issue(
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
    customer_id: uuid.UUID,
    lines: Sequence[billing.InvoiceLineIn] = RENTAL,
    *,
    currency: str = "EUR",
    issued_at: datetime | None = None,
) -> billing.InvoiceRead:
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        invoice = await billing.issue_invoice(
            uow=uow,
            customer_id=customer_id,
            market="DE",
            currency=currency,
            lines=lines,
            source_type="contract",
            source_id=uuid.uuid4(),
            issued_at=issued_at,
        )
        await uow.commit()
    return invoice


def pdf_text(document: bytes) -> str:
    """The text drawn on a PDF's pages: its content streams inflated (good enough for the
    simple documents fpdf2 writes; not a general PDF parser)."""
    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)\nendstream", document, re.S):
        try:  # a decompressor ignores what follows the data (an end-of-line before endstream)
            out.append(zlib.decompressobj().decompress(stream).decode("latin-1"))
        except zlib.error:
            out.append(stream.decode("latin-1"))
    return "\n".join(out)
