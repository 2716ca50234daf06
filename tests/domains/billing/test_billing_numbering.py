"""Invoice and credit-note numbers are gap-free per brand and year, also under concurrency,
and a rolled-back invoice does not burn a number."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from motorpool.domains import billing
from motorpool.platform.outbox import OutboxMessage
from tests.conftest import make_brand
from tests.domains.billing.factories import RENTAL, issue, line

ISSUES = 20


async def test_concurrent_issues_get_numbers_without_gap(uow_factory, brand) -> None:
    """20 issuers at once plus one that rolls back while holding the counter: the 20
    committed invoices are numbered 1..20 — none twice, none skipped."""
    customer = uuid.uuid4()
    taken = asyncio.Event()
    release = asyncio.Event()

    async def doomed() -> str:
        async with uow_factory(tenant_id=brand.id, write=True) as uow:
            invoice = await billing.issue_invoice(
                uow=uow,
                customer_id=customer,
                market="DE",
                currency="EUR",
                lines=RENTAL,
                source_type="contract",
                source_id=uuid.uuid4(),
            )
            taken.set()
            await release.wait()
            await uow.rollback()
        return invoice.number

    async def one() -> str:
        return (await issue(uow_factory, brand, customer)).number

    rolled_back = asyncio.create_task(doomed())
    await taken.wait()
    others = [asyncio.create_task(one()) for _ in range(ISSUES)]
    await asyncio.sleep(0.2)  # the others queue behind the doomed one's counter
    release.set()
    burnt = await rolled_back
    numbers = await asyncio.gather(*others)
    year = datetime.now(UTC).year
    assert burnt == f"{year}-000001"  # it had the first number ...
    assert sorted(numbers) == [
        f"{year}-{n:06d}" for n in range(1, ISSUES + 1)
    ]  # ... and gave it back
    async with uow_factory(tenant_id=brand.id) as uow:
        page = await billing.list_invoices(
            uow=uow, paging=billing_paging(limit=50), customer_id=customer
        )
        issued = (
            await uow.session.execute(
                select(OutboxMessage.payload).where(
                    OutboxMessage.tenant_id == brand.id,
                    OutboxMessage.name == "billing.InvoiceIssued",
                )
            )
        ).scalars()
        events = sorted(p["number"] for p in issued)
    assert page.total == ISSUES
    assert events == sorted(numbers)  # the rolled-back invoice published nothing


def billing_paging(limit: int = 50, offset: int = 0, sort: str | None = None):
    from motorpool.platform.http import PageParams

    return PageParams(limit=limit, offset=offset, sort=sort)


async def test_each_brand_and_year_has_its_own_series(uow_factory, brand) -> None:
    other = await make_brand(uow_factory, "other")
    customer = uuid.uuid4()
    first = await issue(
        uow_factory, brand, customer, issued_at=datetime(2031, 12, 31, 23, 0, tzinfo=UTC)
    )
    second = await issue(uow_factory, brand, customer, issued_at=datetime(2031, 6, 1, tzinfo=UTC))
    new_year = await issue(uow_factory, brand, customer, issued_at=datetime(2032, 1, 1, tzinfo=UTC))
    elsewhere = await issue(
        uow_factory, other, customer, issued_at=datetime(2031, 3, 1, tzinfo=UTC)
    )
    assert [first.number, second.number] == ["2031-000001", "2031-000002"]
    assert new_year.number == "2032-000001"
    assert elsewhere.number == "2031-000001"


async def test_a_refused_invoice_burns_no_number(uow_factory, brand) -> None:
    customer = uuid.uuid4()
    at = datetime(2033, 5, 1, tzinfo=UTC)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        try:
            await billing.issue_invoice(
                uow=uow,
                customer_id=customer,
                market="DE",
                currency="EUR",
                lines=[line("10", currency="USD")],
                source_type="contract",
                source_id=uuid.uuid4(),
                issued_at=at,
            )
        except billing.InvalidInvoiceLines:
            await uow.rollback()
        else:
            raise AssertionError("a line in another currency was accepted")
    assert (await issue(uow_factory, brand, customer, issued_at=at)).number == "2033-000001"


async def test_credit_notes_have_their_own_gap_free_series(uow_factory, brand) -> None:
    customer = uuid.uuid4()
    invoices = [await issue(uow_factory, brand, customer) for _ in range(2)]
    numbers = []
    for invoice in invoices:
        async with uow_factory(tenant_id=brand.id, write=True) as uow:
            note = await billing.issue_credit_note(
                uow=uow, invoice_id=invoice.id, reason="goodwill", lines=[line("10")]
            )
            await uow.commit()
        numbers.append(note.number)
    year = datetime.now(UTC).year
    assert numbers == [f"CN-{year}-000001", f"CN-{year}-000002"]
