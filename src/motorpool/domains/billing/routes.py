"""The billing HTTP API: thin — validate, call one use case, answer.

Invoices are issued by contracts and products through the face, in their own unit of work;
there is no public route to issue one.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import Response

from motorpool.domains.billing import credits, model, payments, service
from motorpool.domains.billing.model import InvoiceStatus
from motorpool.domains.billing.pdf import invoice_pdf
from motorpool.domains.billing.providers import PaymentProviders, default_providers
from motorpool.domains.billing.schemas import (
    CreditNoteCreate,
    CreditNoteRead,
    InvoicePage,
    InvoiceRead,
    PaymentMethodIn,
    PaymentRead,
    RefundCreate,
    RefundRead,
)
from motorpool.platform.auth import STAFF_ROLES, Principal, Role
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role
from motorpool.platform.money import Money

router = domain_router(prefix="/billing", tags=["billing"])

# money moves only by a fleet manager or the brand admin (who is always allowed)
Cashier = Annotated[Principal, Depends(require_role(Role.fleet_manager))]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]


async def _providers(request: Request) -> PaymentProviders:
    providers: PaymentProviders | None = getattr(request.app.state, "payment_providers", None)
    return providers if providers is not None else default_providers()


Providers = Annotated[PaymentProviders, Depends(_providers)]


async def _visible(uow: Uow, invoice_id: uuid.UUID, principal: Principal) -> InvoiceRead:
    """The invoice, if the caller may see it: its customer or staff. Others get 404."""
    invoice = await service.get_invoice(uow=uow, invoice_id=invoice_id)
    if principal.role not in STAFF_ROLES and (
        principal.external or invoice.customer_id != principal.account_id
    ):
        raise model.InvoiceNotFound()
    return invoice


@router.get("/invoices", summary="My invoices (newest first; sort by issued_at, due_at, number)")
async def mine(principal: CurrentPrincipal, uow: Uow, paging: Paging) -> InvoicePage:
    return await service.invoices_of(uow=uow, customer_id=principal.account_id, paging=paging)


@router.get(
    "/invoices/{invoice_id}.pdf",
    summary="The invoice as a PDF (English or German: ?locale=de)",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The PDF"}},
)
async def pdf(
    invoice_id: uuid.UUID,
    principal: CurrentPrincipal,
    uow: Uow,
    request: Request,
    locale: Annotated[str, Query(pattern=r"^[a-zA-Z]{2}([_-][a-zA-Z]{2})?$")] = "en",
) -> Response:
    invoice = await _visible(uow, invoice_id, principal)
    tenant = getattr(request.state, "tenant", None)
    content = invoice_pdf(invoice, locale=locale, issuer=tenant.name if tenant else None)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="invoice-{invoice.number}.pdf"'},
    )


@router.get("/invoices/{invoice_id}", summary="One invoice (its customer or staff)")
async def invoice(invoice_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> InvoiceRead:
    return await _visible(uow, invoice_id, principal)


@router.get("/invoices/{invoice_id}/credit-notes", summary="The invoice's credit notes")
async def credit_notes(
    invoice_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow
) -> list[CreditNoteRead]:
    await _visible(uow, invoice_id, principal)
    return await credits.credit_notes_of(uow=uow, invoice_id=invoice_id)


@router.get("/invoices/{invoice_id}/payments", summary="The invoice's payments")
async def invoice_payments(
    invoice_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow
) -> list[PaymentRead]:
    await _visible(uow, invoice_id, principal)
    return await payments.payments_of_invoice(uow=uow, invoice_id=invoice_id)


@router.post(
    "/invoices/{invoice_id}/payments",
    status_code=201,
    summary="Pay my invoice by card or bank transfer",
    responses=openapi_error_responses(402, 409, 503),
)
async def pay(
    invoice_id: uuid.UUID,
    body: PaymentMethodIn,
    principal: CurrentPrincipal,
    uow: Uow,
    providers: Providers,
) -> PaymentRead:
    return await payments.pay_invoice(
        uow=uow,
        providers=providers,
        invoice_id=invoice_id,
        method=body,
        customer_id=principal.account_id,
    )


@router.post(
    "/invoices/{invoice_id}/credit-notes",
    status_code=201,
    summary="Credit (part of) an invoice (fleet manager)",
)
async def credit(
    invoice_id: uuid.UUID, body: CreditNoteCreate, _: Cashier, uow: Uow
) -> CreditNoteRead:
    return await credits.issue_credit_note(
        uow=uow,
        invoice_id=invoice_id,
        reason=body.reason,
        lines=None if body.lines is None else [line.to_line() for line in body.lines],
    )


@router.post(
    "/payments/{payment_id}/refunds",
    status_code=201,
    summary="Refund (part of) a payment (fleet manager); a credit note documents it",
    responses=openapi_error_responses(409),
)
async def refund(
    payment_id: uuid.UUID, body: RefundCreate, _: Cashier, uow: Uow, providers: Providers
) -> RefundRead:
    amount = None
    if body.amount is not None:
        paid = await payments.get_payment(uow=uow, payment_id=payment_id)
        amount = Money(body.amount, paid.amount.currency)
    return await payments.refund(
        uow=uow, providers=providers, payment_id=payment_id, amount=amount, reason=body.reason
    )


@router.post(
    "/transfers/{payment_id}/received",
    summary="A bank transfer arrived (fleet manager): the invoice is paid",
    responses=openapi_error_responses(409),
)
async def transfer_received(payment_id: uuid.UUID, _: Cashier, uow: Uow) -> PaymentRead:
    return await payments.mark_transfer_received(uow=uow, payment_id=payment_id)


@router.get("/admin/invoices", summary="Search the brand's invoices (staff)")
async def search(
    _: Staff,
    uow: Uow,
    paging: Paging,
    status: InvoiceStatus | None = None,
    customer_id: uuid.UUID | None = None,
    number: Annotated[str | None, Query(max_length=20, description="number prefix")] = None,
) -> InvoicePage:
    return await service.list_invoices(
        uow=uow, paging=paging, status=status, customer_id=customer_id, number=number
    )
