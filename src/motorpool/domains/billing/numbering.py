"""Gap-free document numbers: one counter row per brand, series and year.

The counter is taken in the transaction that issues the document: created if missing
(``INSERT ... ON CONFLICT DO NOTHING``, so two first invoices of a year do not collide),
then locked with ``SELECT ... FOR UPDATE`` on PostgreSQL — a concurrent issuer waits until
this transaction ends — and incremented. On SQLite a writing unit of work holds the
database's single write lock from its start, so issuers are serialised there too. A
transaction that rolls back takes its increment with it: no number is burnt.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from motorpool.domains.billing.tables import NumberCounterRow
from motorpool.platform.db import new_id
from motorpool.platform.uow import UnitOfWork

INVOICE = "invoice"
CREDIT_NOTE = "credit_note"
PREFIXES = {INVOICE: "", CREDIT_NOTE: "CN-"}


async def next_number(uow: UnitOfWork, series: str, year: int) -> str:
    """The next number of ``series`` in ``year``: ``2026-000001``, ``CN-2026-000001``."""
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    await uow.session.execute(
        insert(NumberCounterRow)
        .values(id=new_id(), tenant_id=uow.brand, series=series, year=year, last_number=0)
        .on_conflict_do_nothing(index_elements=["tenant_id", "series", "year"])
    )
    counter = (
        await uow.session.execute(
            select(NumberCounterRow)
            .where(NumberCounterRow.series == series, NumberCounterRow.year == year)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one()
    counter.last_number += 1
    await uow.session.flush()
    return f"{PREFIXES[series]}{year}-{counter.last_number:06d}"
