"""Rental agreement use cases: open from a confirmed booking, hand the car over, take it
back and settle, a centre's hand-overs and returns of the day.

Keyword-only, on a unit of work, never committing. The booking's lifecycle (start,
complete), the price (accepted quote, settlement) and the invoice are the booking, pricing
and billing domains' own, called through their faces in the same unit of work: a refusal
anywhere leaves nothing behind once the caller rolls back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from motorpool.domains import billing, booking, pricing
from motorpool.domains.contracts import model
from motorpool.domains.contracts.events import (
    AgreementFact,
    AgreementOpened,
    VehicleHandedOver,
    VehicleReturned,
)
from motorpool.domains.contracts.model import AgreementStatus
from motorpool.domains.contracts.schemas import (
    AgreementPage,
    AgreementRead,
    HandoverCreate,
    InspectionRead,
    ReturnCreate,
    ReturnSettlement,
    SettlementLineRead,
)
from motorpool.domains.contracts.tables import AgreementRow, InspectionRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.money import Money, MoneyRead
from motorpool.platform.uow import UnitOfWork

HANDOVER, RETURN = "handover", "return"


def _inspection(row: InspectionRow | None) -> InspectionRead | None:
    if row is None:
        return None
    return InspectionRead(
        mileage_km=row.mileage_km,
        energy_percent=row.energy_percent,
        damage_notes=row.damage_notes,
        photo_refs=list(row.photo_refs or []),
        at=row.at,
        staff_id=row.staff_id,
    )


def read(row: AgreementRow, inspections: Sequence[InspectionRow] = ()) -> AgreementRead:
    zone = ZoneInfo(row.time_zone)
    by_kind = {i.kind: i for i in inspections}
    return AgreementRead(
        id=row.id,
        status=AgreementStatus(row.status),
        customer_id=row.customer_id,
        booking_id=row.booking_id,
        booking_reference=row.booking_reference,
        quote_id=row.quote_id,
        product=row.product,
        market=row.market,
        quoted_total=MoneyRead.of(Money(row.quoted_total, row.currency)),
        included_km=row.included_km,
        resource_id=row.resource_id,
        centre_id=row.centre_id,
        time_zone=row.time_zone,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        local_starts_at=row.starts_at.astimezone(zone),
        local_ends_at=row.ends_at.astimezone(zone),
        handover=_inspection(by_kind.get(HANDOVER)),
        returned=_inspection(by_kind.get(RETURN)),
        invoice_id=row.invoice_id,
        created_at=row.created_at,
    )


def _fact(cls: type[AgreementFact], row: AgreementRow, **extra: object) -> AgreementFact:
    return cls(
        tenant_id=row.tenant_id,
        agreement_id=row.id,
        customer_id=row.customer_id,
        booking_id=row.booking_id,
        centre_id=row.centre_id,
        **extra,  # type: ignore[arg-type]
    )


async def _agreement(
    uow: UnitOfWork, agreement_id: uuid.UUID, *, lock: bool = False
) -> AgreementRow:
    stmt = select(AgreementRow).where(AgreementRow.id == agreement_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.AgreementNotFound()
    return row


async def _inspections(uow: UnitOfWork, agreement_ids: Sequence[uuid.UUID]) -> list[InspectionRow]:
    if not agreement_ids:
        return []
    rows = await uow.session.execute(
        select(InspectionRow).where(InspectionRow.agreement_id.in_(agreement_ids))
    )
    return list(rows.scalars())


async def read_many(uow: UnitOfWork, rows: Sequence[AgreementRow]) -> list[AgreementRead]:
    found = await _inspections(uow, [r.id for r in rows])
    return [read(r, [i for i in found if i.agreement_id == r.id]) for r in rows]


def _instant(at: datetime | None) -> datetime:
    return (at or utcnow()).astimezone(UTC)


def _line_read(
    code: str,
    description: str,
    quantity: Decimal,
    unit: Money,
    amount: Money,
    rate: Decimal,
    translations: Mapping[str, str],
) -> SettlementLineRead:
    return SettlementLineRead(
        code=code,
        description=description,
        translations=dict(translations),
        quantity=f"{quantity.normalize():f}",
        unit_price=MoneyRead(amount=str(unit.amount), currency=unit.currency),
        amount=MoneyRead.of(amount),
        tax_rate=f"{rate.normalize():f}",
    )


# ----------------------------------------------------------------- use cases


async def open_rental(
    *,
    uow: UnitOfWork,
    booking_id: uuid.UUID,
    quote_id: uuid.UUID,
    customer_id: uuid.UUID,
    market: str | None = None,
    now: datetime | None = None,
) -> AgreementRead:
    """A rental agreement from the customer's confirmed booking, at the quote accepted for
    it (accepting it here if it was not yet). One agreement per booking."""
    current = await booking.get_booking(uow=uow, booking_id=booking_id)
    if current.customer_id != customer_id:
        raise model.UnknownBooking()
    model.check_confirmed(current.status.value)
    taken = await uow.session.execute(
        select(AgreementRow.id).where(AgreementRow.booking_id == booking_id)
    )
    if taken.first() is not None:
        raise model.AgreementExists()
    offered = await pricing.get_quote(uow=uow, quote_id=quote_id)
    if offered.customer_id not in (None, customer_id):
        raise model.QuoteMismatch("the quote is another customer's")
    if offered.product != current.product or (
        offered.starts_at != current.starts_at or offered.ends_at != current.ends_at
    ):
        raise model.QuoteMismatch("the quote is for another product or period")
    if market is not None and market.upper() != offered.market:
        raise model.QuoteMismatch(f"the quote is for the market {offered.market}")
    accepted = await pricing.accept_quote(
        uow=uow, quote_id=quote_id, booking_id=booking_id, now=now
    )
    stamp = now or utcnow()
    row = AgreementRow(
        id=new_id(),
        customer_id=customer_id,
        booking_id=current.id,
        booking_reference=current.reference,
        quote_id=accepted.id,
        product=current.product,
        market=accepted.market,
        currency=accepted.currency,
        quoted_total=accepted.total.to_money().amount,
        included_km=accepted.included_km,
        resource_id=current.resource_id,
        centre_id=current.centre_id,
        time_zone=current.time_zone,
        starts_at=current.starts_at,
        ends_at=current.ends_at,
        status=AgreementStatus.open.value,
        invoice_id=None,
        created_at=stamp,
        updated_at=stamp,
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.record(
        _fact(
            AgreementOpened,
            row,
            quote_id=row.quote_id,
            quoted_total=accepted.total.amount,
            currency=row.currency,
        )
    )
    return read(row)


async def hand_over(
    *,
    uow: UnitOfWork,
    agreement_id: uuid.UUID,
    handover_in: HandoverCreate,
    staff_id: uuid.UUID,
) -> AgreementRead:
    """Staff hand the car over: mileage, charge or fuel, damage and photos are recorded and
    the booking starts."""
    row = await _agreement(uow, agreement_id, lock=True)
    model.check_can_hand_over(row.status)
    at = _instant(handover_in.at)
    await booking.start(uow=uow, booking_id=row.booking_id, now=at)
    record = InspectionRow(
        id=new_id(),
        agreement_id=row.id,
        kind=HANDOVER,
        mileage_km=handover_in.mileage_km,
        energy_percent=handover_in.energy_percent,
        damage_notes=handover_in.damage_notes or None,
        photo_refs=list(handover_in.photo_refs),
        at=at,
        staff_id=staff_id,
        created_at=utcnow(),
    )
    uow.session.add(record)
    row.status = AgreementStatus.handed_over.value
    row.updated_at = utcnow()
    await uow.session.flush()
    uow.record(
        _fact(
            VehicleHandedOver,
            row,
            mileage_km=record.mileage_km,
            energy_percent=record.energy_percent,
            at=at,
            staff_id=staff_id,
        )
    )
    return read(row, [record])


async def take_return(
    *,
    uow: UnitOfWork,
    rates: pricing.RateBook,
    agreement_id: uuid.UUID,
    return_in: ReturnCreate,
    staff_id: uuid.UUID,
) -> ReturnSettlement:
    """Staff take the car back: the booking completes, pricing settles the kilometres
    beyond those included, the late return and the missing charge or fuel, and billing
    issues one invoice of the quoted lines and those extras."""
    row = await _agreement(uow, agreement_id, lock=True)
    model.check_can_return(row.status)
    [out] = [i for i in await _inspections(uow, [row.id]) if i.kind == HANDOVER]
    at = _instant(return_in.at)
    model.check_returned_after(out.at, at)
    driven = model.driven_km(out.mileage_km, return_in.mileage_km)
    late = model.late_by(row.ends_at, at)
    shortfall = model.energy_shortfall(out.energy_percent, return_in.energy_percent)
    await booking.complete(uow=uow, booking_id=row.booking_id, now=at, released_at=at)
    extras = await pricing.settle(
        uow=uow,
        rates=rates,
        quote_id=row.quote_id,
        driven_km=driven,
        returned_late_by=late,
        energy_shortfall_percent=shortfall,
    )
    quoted = await pricing.get_quote(uow=uow, quote_id=row.quote_id)
    quoted_lines = [
        _line_read(
            q.code,
            q.description,
            Decimal(q.quantity),
            q.unit_price.to_money(),
            q.amount.to_money(),
            Decimal(q.tax_rate),
            q.translations,
        )
        for q in quoted.lines
    ]
    extra_lines = [
        _line_read(
            e.code, e.description, e.quantity, e.unit_price, e.amount, e.tax_rate, e.translations
        )
        for e in extras
    ]
    invoice = await billing.issue_invoice(
        uow=uow,
        customer_id=row.customer_id,
        market=row.market,
        currency=row.currency,
        lines=[
            billing.InvoiceLineIn(
                code=line.code,
                description=line.description,
                quantity=Decimal(line.quantity),
                unit_price=line.unit_price.to_money(),
                tax_rate=Decimal(line.tax_rate),
                translations=line.translations,
            )
            for line in quoted_lines + extra_lines
        ],
        source_type=model.RENTAL_SOURCE,
        source_id=row.id,
        issued_at=at,
    )
    record = InspectionRow(
        id=new_id(),
        agreement_id=row.id,
        kind=RETURN,
        mileage_km=return_in.mileage_km,
        energy_percent=return_in.energy_percent,
        damage_notes=return_in.damage_notes or None,
        photo_refs=[],
        at=at,
        staff_id=staff_id,
        created_at=utcnow(),
    )
    uow.session.add(record)
    row.status = AgreementStatus.returned.value
    row.invoice_id = invoice.id
    row.updated_at = utcnow()
    await uow.session.flush()
    uow.record(
        _fact(
            VehicleReturned,
            row,
            mileage_km=record.mileage_km,
            energy_percent=record.energy_percent,
            driven_km=driven,
            at=at,
            staff_id=staff_id,
            invoice_id=invoice.id,
        )
    )
    return ReturnSettlement(
        agreement=read(row, [out, record]),
        driven_km=driven,
        late_minutes=int(late / timedelta(minutes=1)),
        energy_shortfall_percent=shortfall,
        quoted_lines=quoted_lines,
        extra_lines=extra_lines,
        invoice_id=invoice.id,
        invoice_number=invoice.number,
        invoice_total=invoice.total,
    )


async def get_agreement(*, uow: UnitOfWork, agreement_id: uuid.UUID) -> AgreementRead:
    row = await _agreement(uow, agreement_id)
    return read(row, await _inspections(uow, [row.id]))


async def agreements_of(
    *, uow: UnitOfWork, customer_id: uuid.UUID, paging: PageParams
) -> AgreementPage:
    page = await page_of(
        uow,
        select(AgreementRow).where(AgreementRow.customer_id == customer_id),
        paging,
        sortable={"starts_at": AgreementRow.starts_at, "created_at": AgreementRow.created_at},
        default=AgreementRow.starts_at,
        tiebreak=AgreementRow.id,
        read=lambda row: row,
    )
    return AgreementPage(
        items=await read_many(uow, page.items),
        total=page.total,
        limit=page.limit,
        offset=page.offset,
    )
