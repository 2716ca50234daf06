"""Explicit wiring: which of this domain's reactions run on which event."""

from __future__ import annotations

from motorpool.domains import identity
from motorpool.domains.vehicles.service import forget_owner
from motorpool.platform.outbox import HandlerTable
from motorpool.platform.uow import UnitOfWork


async def end_ownerships_of_erased_customer(
    event: identity.CustomerErased, *, uow: UnitOfWork
) -> None:
    await forget_owner(uow=uow, account_id=event.account_id)


HANDLERS: HandlerTable = {identity.CustomerErased: [end_ownerships_of_erased_customer]}
