"""The notify HTTP API: thin — what we sent me; what the brand sent a customer (staff)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query

from motorpool.domains.notify import service
from motorpool.domains.notify.model import MessageKind, MessageStatus
from motorpool.domains.notify.schemas import MessageAdminPage, MessagePage
from motorpool.platform.auth import STAFF_ROLES, Principal
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role

router = domain_router(prefix="/notify", tags=["notify"])

Staff = Annotated[Principal, Depends(require_role(*STAFF_ROLES))]


@router.get("/messages", summary="The messages we sent me (and reminders still to come)")
async def my_messages(principal: CurrentPrincipal, uow: Uow, paging: Paging) -> MessagePage:
    return await service.messages_of(uow=uow, customer_id=principal.account_id, paging=paging)


@router.get("/admin/messages", summary="The brand's messages, by customer, status or kind (staff)")
async def messages(
    _: Staff,
    uow: Uow,
    paging: Paging,
    customer_id: Annotated[uuid.UUID | None, Query(description="one customer's")] = None,
    status: MessageStatus | None = None,
    kind: MessageKind | None = None,
) -> MessageAdminPage:
    return await service.list_messages(
        uow=uow, paging=paging, customer_id=customer_id, status=status, kind=kind
    )
