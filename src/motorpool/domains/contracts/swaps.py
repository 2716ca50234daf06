"""Flex swaps: the new car is booked through booking (the ``flex`` policy), the current
car's booking ends at the swap, and each swap counts against its period's allowance.

Keyword-only, on a unit of work, never committing: a refused swap books nothing once the
caller rolls back, and the allowance is checked before anything is booked.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from motorpool.domains import booking
from motorpool.domains.contracts import model
from motorpool.domains.contracts.events import CarSwapped
from motorpool.domains.contracts.model import SubscriptionStatus
from motorpool.domains.contracts.schemas import SwapCreate, SwapRead
from motorpool.domains.contracts.subscriptions import (
    Policies,
    fact,
    load_subscription,
    policy_named,
    swaps_used,
)
from motorpool.domains.contracts.tables import SwapRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.uow import UnitOfWork


async def _release_current_car(
    uow: UnitOfWork, policies: Policies, booking_id: uuid.UUID, at: datetime, now: datetime | None
) -> None:
    """The current car's booking ends at the swap: shortened if it has begun by then,
    cancelled if it would only begin later; a finished one is left alone."""
    current = await booking.get_booking(uow=uow, booking_id=booking_id)
    live = (booking.Status.confirmed, booking.Status.started)
    if current.status not in live or current.ends_at <= at:
        return
    policy = policy_named(policies, current.product)
    if current.starts_at < at:
        await booking.modify(
            uow=uow,
            booking_id=current.id,
            policy=policy,
            starts_at=current.starts_at,
            ends_at=at,
            now=now,
        )
    elif current.status == booking.Status.confirmed:
        await booking.cancel(uow=uow, booking_id=current.id, policy=policy, now=now)


async def swap(
    *,
    uow: UnitOfWork,
    policies: Policies,
    subscription_id: uuid.UUID,
    swap_in: SwapCreate,
    customer_id: uuid.UUID,
    now: datetime | None = None,
) -> SwapRead:
    """Swap a Flex subscription's car: the new car is held and confirmed through booking
    (the ``flex`` policy), the current car's booking ends at the swap, and the swap counts
    against this period's allowance — beyond it, nothing is booked."""
    row = await load_subscription(uow, subscription_id, lock=True)
    if row.customer_id != customer_id:
        raise model.SubscriptionNotFound()
    if row.status != SubscriptionStatus.active.value:
        raise model.InvalidSubscriptionTransition(f"a {row.status} subscription cannot swap")
    used = await swaps_used(uow, row)
    model.check_swap_allowed(row.swaps_per_period, used)
    policy = policy_named(policies, "flex")
    start = swap_in.starts_at.astimezone(UTC)
    previous = row.booking_id
    await _release_current_car(uow, policies, previous, start, now)
    held = await booking.hold(
        uow=uow,
        policy=policy,
        hold_in=booking.HoldCreate(
            product=policy.name,
            starts_at=swap_in.starts_at,
            ends_at=swap_in.ends_at,
            resource_id=swap_in.resource_id,
            centre_id=swap_in.centre_id if swap_in.resource_id is None else None,
            pool=swap_in.pool if swap_in.resource_id is None else None,
            model=swap_in.model,
            powertrain=swap_in.powertrain,
        ),
        customer_id=row.customer_id,
        now=now,
    )
    car = await booking.confirm(uow=uow, booking_id=held.id, now=now)
    swap_row = SwapRow(
        id=new_id(),
        subscription_id=row.id,
        period_start=row.period_start,
        booking_id=car.id,
        previous_booking_id=previous,
        resource_id=car.resource_id,
        starts_at=car.starts_at,
        ends_at=car.ends_at,
        customer_id=row.customer_id,
        created_at=now or utcnow(),
    )
    uow.session.add(swap_row)
    row.booking_id = car.id
    row.updated_at = utcnow()
    await uow.session.flush()
    uow.record(
        fact(
            CarSwapped,
            row,
            swap_id=swap_row.id,
            booking_id=car.id,
            previous_booking_id=previous,
            starts_at=car.starts_at,
            ends_at=car.ends_at,
        )
    )
    return SwapRead(
        id=swap_row.id,
        subscription_id=row.id,
        booking_id=car.id,
        previous_booking_id=previous,
        resource_id=car.resource_id,
        starts_at=car.starts_at,
        ends_at=car.ends_at,
        period_start=row.period_start,
        swaps_left=model.swaps_left(row.swaps_per_period, used + 1),
        created_at=swap_row.created_at,
    )
