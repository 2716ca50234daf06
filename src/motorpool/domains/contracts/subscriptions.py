"""Subscription use cases: start (the first month invoiced), renew the periods that have
begun, pause, resume, end (not before the minimum term unless staff force it), and Flex
swaps booked through booking, a limited number per period.

Keyword-only, on a unit of work, never committing. Each period's invoice is issued through
billing's face and remembered under a unique (subscription, period start) key, so a period
is invoiced once however often the renewal job runs.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy import func, or_, select

from motorpool.domains import billing, booking, pricing
from motorpool.domains.contracts import model
from motorpool.domains.contracts.events import (
    SubscriptionEnded,
    SubscriptionFact,
    SubscriptionPaused,
    SubscriptionRenewed,
    SubscriptionResumed,
    SubscriptionStarted,
)
from motorpool.domains.contracts.model import SubscriptionStatus
from motorpool.domains.contracts.schemas import (
    PeriodRead,
    SubscriptionCreate,
    SubscriptionPage,
    SubscriptionRead,
)
from motorpool.domains.contracts.tables import SubscriptionPeriodRow, SubscriptionRow, SwapRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.uow import UnitOfWork

log = structlog.get_logger("motorpool.contracts")

Policies = Mapping[str, booking.BookingPolicy]


def fact(cls: type[SubscriptionFact], row: SubscriptionRow, **extra: object) -> SubscriptionFact:
    return cls(
        tenant_id=row.tenant_id,
        subscription_id=row.id,
        customer_id=row.customer_id,
        product=row.product,
        **extra,  # type: ignore[arg-type]
    )


async def load_subscription(
    uow: UnitOfWork, subscription_id: uuid.UUID, *, lock: bool = False
) -> SubscriptionRow:
    stmt = select(SubscriptionRow).where(SubscriptionRow.id == subscription_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise model.SubscriptionNotFound()
    return row


async def swaps_used(uow: UnitOfWork, row: SubscriptionRow) -> int:
    used = await uow.session.execute(
        select(func.count())
        .select_from(SwapRow)
        .where(SwapRow.subscription_id == row.id, SwapRow.period_start == row.period_start)
    )
    return int(used.scalar_one())


async def _read(uow: UnitOfWork, row: SubscriptionRow) -> SubscriptionRead:
    [read] = await _read_many(uow, [row])
    return read


async def _read_many(uow: UnitOfWork, rows: Sequence[SubscriptionRow]) -> list[SubscriptionRead]:
    """The subscriptions as read, their periods and this period's swaps in two queries."""
    ids = [row.id for row in rows]
    periods: dict[uuid.UUID, list[PeriodRead]] = {row.id: [] for row in rows}
    found = await uow.session.execute(
        select(SubscriptionPeriodRow)
        .where(SubscriptionPeriodRow.subscription_id.in_(ids))
        .order_by(SubscriptionPeriodRow.period_start)
    )
    for period in found.scalars():
        periods[period.subscription_id].append(
            PeriodRead(
                period_start=period.period_start,
                period_end=period.period_end,
                invoice_id=period.invoice_id,
            )
        )
    counted = await uow.session.execute(
        select(SwapRow.subscription_id, SwapRow.period_start, func.count())
        .where(SwapRow.subscription_id.in_(ids))
        .group_by(SwapRow.subscription_id, SwapRow.period_start)
    )
    swaps = {(subscription, start): int(n) for subscription, start, n in counted.all()}
    reads = []
    for row in rows:
        used = swaps.get((row.id, row.period_start), 0)
        reads.append(
            SubscriptionRead(
                id=row.id,
                status=SubscriptionStatus(row.status),
                customer_id=row.customer_id,
                product=row.product,
                market=row.market,
                currency=row.currency,
                booking_id=row.booking_id,
                centre_id=row.centre_id,
                starts_on=row.starts_on,
                minimum_term_months=row.minimum_term_months,
                minimum_term_ends_on=model.minimum_term_ends_on(
                    row.starts_on, row.minimum_term_months, row.paused_days
                ),
                period_start=row.period_start,
                period_end=row.period_end,
                swaps_per_period=row.swaps_per_period,
                swaps_used=used,
                swaps_left=model.swaps_left(row.swaps_per_period, used),
                paused_on=row.paused_on,
                ended_on=row.ended_on,
                end_reason=row.end_reason,
                periods=periods[row.id],
                created_at=row.created_at,
            )
        )
    return reads


async def subscriptions_of(
    *, uow: UnitOfWork, customer_id: uuid.UUID, paging: PageParams
) -> SubscriptionPage:
    """A customer's subscriptions, newest start first unless ``paging.sort`` says otherwise."""
    page = await page_of(
        uow,
        select(SubscriptionRow).where(SubscriptionRow.customer_id == customer_id),
        paging,
        sortable={
            "starts_on": SubscriptionRow.starts_on,
            "created_at": SubscriptionRow.created_at,
            "status": SubscriptionRow.status,
        },
        default=SubscriptionRow.starts_on.desc(),
        tiebreak=SubscriptionRow.id,
        read=lambda row: row,
    )
    return SubscriptionPage(
        items=await _read_many(uow, page.items),
        total=page.total,
        limit=page.limit,
        offset=page.offset,
    )


def policy_named(policies: Policies | None, name: str) -> booking.BookingPolicy:
    policy = (policies or {}).get(name)
    if policy is None:
        raise model.ContractsNotConfigured(f"no booking policy named {name!r}")
    return policy


async def _invoice_period(
    uow: UnitOfWork,
    rates: pricing.RateBook,
    row: SubscriptionRow,
    start: date,
    end: date,
    issued_at: datetime | None,
) -> uuid.UUID:
    """Invoice ``[start, end)`` of the subscription and remember it (once per period)."""
    lines = pricing.renewal_lines(
        rates=rates, product=row.product, market=row.market, period_start=start, period_end=end
    )
    invoice = await billing.issue_invoice(
        uow=uow,
        customer_id=row.customer_id,
        market=row.market,
        currency=row.currency,
        lines=[
            billing.InvoiceLineIn(
                code=line.code,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                tax_rate=line.tax_rate,
                translations=dict(line.translations),
            )
            for line in lines
        ],
        source_type=model.SUBSCRIPTION_SOURCE,
        source_id=row.id,
        issued_at=issued_at,
    )
    uow.session.add(
        SubscriptionPeriodRow(
            id=new_id(),
            subscription_id=row.id,
            period_start=start,
            period_end=end,
            invoice_id=invoice.id,
            created_at=utcnow(),
        )
    )
    await uow.session.flush()
    return invoice.id


async def _car_booking(
    uow: UnitOfWork,
    subscription_in: SubscriptionCreate,
    customer_id: uuid.UUID,
    policies: Policies | None,
    now: datetime | None,
) -> booking.BookingRead:
    """The customer's confirmed booking of the car, or the named car booked now."""
    if subscription_in.booking_id is not None:
        car = await booking.get_booking(uow=uow, booking_id=subscription_in.booking_id)
        if car.customer_id != customer_id:
            raise model.UnknownBooking()
        model.check_confirmed(car.status.value)
        model.check_subscription_booking(subscription_in.product, car.product)
        taken = await uow.session.execute(
            select(SubscriptionRow.id).where(SubscriptionRow.booking_id == car.id)
        )
        if taken.first() is not None:
            raise model.AgreementExists()
        return car
    assert subscription_in.starts_at is not None
    assert subscription_in.ends_at is not None
    policy = policy_named(policies, subscription_in.product)
    held = await booking.hold(
        uow=uow,
        policy=policy,
        hold_in=booking.HoldCreate(
            product=policy.name,
            resource_id=subscription_in.resource_id,
            starts_at=subscription_in.starts_at,
            ends_at=subscription_in.ends_at,
        ),
        customer_id=customer_id,
        now=now,
    )
    return await booking.confirm(uow=uow, booking_id=held.id, now=now)


# ----------------------------------------------------------------- use cases


async def start_subscription(
    *,
    uow: UnitOfWork,
    rates: pricing.RateBook,
    subscription_in: SubscriptionCreate,
    customer_id: uuid.UUID,
    terms: Mapping[str, model.SubscriptionTerms],
    policies: Policies | None = None,
    now: datetime | None = None,
) -> SubscriptionRead:
    """Subscribe on a car from ``starts_on``; the first month is invoiced at once.
    ``terms`` are the subscription products' terms (from their definitions); ``policies``
    (booking's, by product) are needed only to book a named resource."""
    product = subscription_in.product
    product_terms = model.terms_of(terms, product)
    car = await _car_booking(uow, subscription_in, customer_id, policies, now)
    start, end = model.period(subscription_in.starts_on, 0)
    stamp = now or utcnow()
    plan_lines = pricing.renewal_lines(
        rates=rates,
        product=product,
        market=subscription_in.market,
        period_start=start,
        period_end=end,
    )
    row = SubscriptionRow(
        id=new_id(),
        customer_id=customer_id,
        product=product,
        market=subscription_in.market,
        currency=plan_lines[0].unit_price.currency,
        booking_id=car.id,
        centre_id=car.centre_id,
        starts_on=start,
        minimum_term_months=product_terms.minimum_term_months,
        paused_days=0,
        swaps_per_period=product_terms.swaps_per_period,
        anchor_on=start,
        period_index=0,
        period_start=start,
        period_end=end,
        status=SubscriptionStatus.active.value,
        paused_on=None,
        ended_on=None,
        end_reason=None,
        created_at=stamp,
        updated_at=stamp,
    )
    uow.session.add(row)
    await uow.session.flush()
    invoice_id = await _invoice_period(uow, rates, row, start, end, now)
    uow.record(
        fact(
            SubscriptionStarted,
            row,
            booking_id=car.id,
            starts_on=start,
            minimum_term_months=row.minimum_term_months,
            invoice_id=invoice_id,
        )
    )
    return await _read(uow, row)


async def renew_due(*, uow: UnitOfWork, rates: pricing.RateBook, today: date | None = None) -> int:
    """Invoice every period that has begun by ``today`` (a period renews on the day the
    last one ends) of active subscriptions, and of ended ones up to their end; paused ones
    wait. ``today`` is the UTC date if not given. Answers how many invoices were issued;
    running it again issues none. A subscription that cannot be renewed (no rate plan for
    its market any more, say) is logged and stays due; the others are renewed all the same."""
    today = today or utcnow().date()
    rows = (
        (
            await uow.session.execute(
                select(SubscriptionRow)
                .where(
                    SubscriptionRow.period_end <= today,
                    or_(
                        SubscriptionRow.status == SubscriptionStatus.active.value,
                        (SubscriptionRow.status == SubscriptionStatus.ended.value)
                        & (SubscriptionRow.ended_on > SubscriptionRow.period_end),
                    ),
                )
                .order_by(SubscriptionRow.period_end, SubscriptionRow.id)
                .with_for_update()
            )
        )
        .scalars()
        .all()
    )
    issued = 0
    for row in rows:
        subscription_id = row.id
        try:
            async with uow.savepoint():
                issued += await _renew(uow, rates, row, today)
        except Exception:  # one subscription's trouble must not hold back the others
            uow.session.expire(row)  # its changes in memory belong to the failed renewal
            log.exception("subscription not renewed", subscription_id=str(subscription_id))
    return issued


async def _renew(
    uow: UnitOfWork, rates: pricing.RateBook, row: SubscriptionRow, today: date
) -> int:
    """Invoice each period of one subscription that is due by ``today``."""
    issued = 0
    while model.is_due(row.period_end, today):
        if row.ended_on is not None and row.ended_on <= row.period_end:
            break
        start, end = model.period(row.anchor_on, row.period_index + 1)
        if row.ended_on is not None:
            end = min(end, row.ended_on)
        invoice_id = await _invoice_period(uow, rates, row, start, end, None)
        row.period_index += 1
        row.period_start, row.period_end = start, end
        row.updated_at = utcnow()
        issued += 1
        uow.record(
            fact(
                SubscriptionRenewed,
                row,
                period_start=start,
                period_end=end,
                invoice_id=invoice_id,
            )
        )
        await uow.session.flush()
    return issued


async def pause(*, uow: UnitOfWork, subscription_id: uuid.UUID, on: date) -> SubscriptionRead:
    """Pause from ``on``: no renewals while paused; the paused days lengthen the minimum
    term. The car's booking is left as it is."""
    row = await load_subscription(uow, subscription_id, lock=True)
    model.check_transition(row.status, SubscriptionStatus.paused)
    row.status = SubscriptionStatus.paused.value
    row.paused_on = on
    row.updated_at = utcnow()
    await uow.session.flush()
    uow.record(fact(SubscriptionPaused, row, on=on))
    return await _read(uow, row)


async def resume(
    *, uow: UnitOfWork, rates: pricing.RateBook, subscription_id: uuid.UUID, on: date
) -> SubscriptionRead:
    """Resume on ``on``. If the paid period ran out meanwhile, a new monthly period starts
    on ``on`` and is invoiced at once; otherwise renewals go on when it ends."""
    row = await load_subscription(uow, subscription_id, lock=True)
    model.check_transition(row.status, SubscriptionStatus.active)
    assert row.paused_on is not None
    if on < row.paused_on:
        raise model.InvalidSubscription("resume on or after the day it was paused")
    row.paused_days += (on - row.paused_on).days
    row.status = SubscriptionStatus.active.value
    row.paused_on = None
    row.updated_at = utcnow()
    if model.is_due(row.period_end, on):
        start, end = model.period(on, 0)
        row.anchor_on, row.period_index = on, 0
        row.period_start, row.period_end = start, end
        await uow.session.flush()
        invoice_id = await _invoice_period(uow, rates, row, start, end, None)
        uow.record(
            fact(
                SubscriptionRenewed, row, period_start=start, period_end=end, invoice_id=invoice_id
            )
        )
    await uow.session.flush()
    uow.record(fact(SubscriptionResumed, row, on=on))
    return await _read(uow, row)


async def end_subscription(
    *,
    uow: UnitOfWork,
    subscription_id: uuid.UUID,
    on: date,
    forced_reason: str | None = None,
    policies: Policies | None = None,
    now: datetime | None = None,
) -> SubscriptionRead:
    """End on ``on`` (today or later) — not before the minimum term (lengthened by pauses)
    unless staff force it with a reason. A period that starts before ``on`` is still
    invoiced, up to ``on``. Every car booking of the subscription (after Flex swaps, the
    current car's and the one it replaces) ends as ``on`` begins — a car still out, not
    before now (``policies`` are booking's, by product: needed only to cancel a booking
    that had not begun by then)."""
    now = now or utcnow()
    row = await load_subscription(uow, subscription_id, lock=True)
    model.check_transition(row.status, SubscriptionStatus.ended)
    model.check_end_not_past(on, now.date())
    term = model.minimum_term_ends_on(row.starts_on, row.minimum_term_months, row.paused_days)
    model.check_minimum_term(on, term, forced_reason=forced_reason)
    row.status = SubscriptionStatus.ended.value
    row.ended_on = on
    row.end_reason = forced_reason
    row.updated_at = now
    await uow.session.flush()
    for booking_id in await _car_bookings(uow, row):
        await _release_car(uow, policies, booking_id, on, now)
    uow.record(fact(SubscriptionEnded, row, on=on, forced_reason=forced_reason))
    return await _read(uow, row)


async def _car_bookings(uow: UnitOfWork, row: SubscriptionRow) -> list[uuid.UUID]:
    """The subscription's car bookings: its current one and, after Flex swaps, each one a
    swap replaced or made (a swap still to come leaves the old car booked until then)."""
    swaps = await uow.session.execute(
        select(SwapRow.previous_booking_id, SwapRow.booking_id).where(
            SwapRow.subscription_id == row.id
        )
    )
    found = [row.booking_id, *(b for pair in swaps.all() for b in pair)]
    return list(dict.fromkeys(found))


async def _release_car(
    uow: UnitOfWork, policies: Policies | None, booking_id: uuid.UUID, on: date, now: datetime
) -> None:
    """A car booking ends with the subscription, as ``on`` begins at its centre (the last
    invoiced day is the one before), and a car that is out not before now: shortened if
    the car is out by then, cancelled if it was due only later, left alone if it ends
    before anyway."""
    car = await booking.get_booking(uow=uow, booking_id=booking_id)
    end = datetime.combine(on, time(0), tzinfo=ZoneInfo(car.time_zone))
    if car.status == booking.Status.started:
        end = max(end, now)
    live = (booking.Status.confirmed, booking.Status.started)
    if car.status not in live or car.ends_at <= end:
        return
    if car.starts_at < end:
        await booking.end_early(uow=uow, booking_id=car.id, at=end, now=now)
    elif car.status == booking.Status.confirmed:
        # the subscription's end settles it: no late-cancellation fee on the car's booking
        policy = replace(
            policy_named(policies, car.product), late_cancellation_fee_percent=Decimal(0)
        )
        await booking.cancel(uow=uow, booking_id=car.id, policy=policy, now=now)


async def get_subscription(*, uow: UnitOfWork, subscription_id: uuid.UUID) -> SubscriptionRead:
    return await _read(uow, await load_subscription(uow, subscription_id))
