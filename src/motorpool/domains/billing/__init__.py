"""billing — invoices with gap-free numbers per brand, tax lines, credit notes, payments
through a provider interface, refunds, and each invoice as a PDF.

An issued invoice is never edited, only credited. Contracts and products issue invoices
through :func:`issue_invoice` in their own unit of work. The public face: other domains,
products and apps use only what is imported here.
"""

from motorpool.domains.billing import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.billing.credits import (
    credit_notes_of,
    get_credit_note,
    issue_credit_note,
)
from motorpool.domains.billing.events import (
    CreditNoteIssued,
    InvoiceIssued,
    InvoicePaid,
    PaymentRefunded,
    TransferRequested,
)
from motorpool.domains.billing.handlers import HANDLERS
from motorpool.domains.billing.model import (
    CreditExceedsInvoice,
    InvalidCardNumber,
    InvalidInvoiceLines,
    InvoiceAlreadyPaid,
    InvoiceLineIn,
    InvoiceNotFound,
    InvoiceStatus,
    NothingToPay,
    PaymentDeclined,
    PaymentKind,
    PaymentMethodUnavailable,
    PaymentNotFound,
    PaymentNotPending,
    PaymentNotSettled,
    PaymentStatus,
    RefundExceedsPayment,
    UnknownCharge,
)
from motorpool.domains.billing.payments import (
    get_payment,
    mark_transfer_received,
    pay_invoice,
    payments_of_invoice,
    personal_data,
    refund,
)
from motorpool.domains.billing.pdf import invoice_pdf
from motorpool.domains.billing.providers import (
    BankTransferProvider,
    PaymentProvider,
    PaymentProviders,
    ProviderCharge,
    ProviderRefund,
    TestCardProvider,
    default_providers,
)
from motorpool.domains.billing.routes import router
from motorpool.domains.billing.schemas import (
    CreditNoteCreate,
    CreditNoteRead,
    InvoiceLineCreate,
    InvoiceLineRead,
    InvoicePage,
    InvoiceRead,
    PaymentMethodIn,
    PaymentRead,
    RefundCreate,
    RefundRead,
    TaxLineRead,
)
from motorpool.domains.billing.service import (
    get_invoice,
    invoices_of,
    issue_invoice,
    list_invoices,
)

__all__ = [
    "HANDLERS",
    "BankTransferProvider",
    "CreditExceedsInvoice",
    "CreditNoteCreate",
    "CreditNoteIssued",
    "CreditNoteRead",
    "InvalidCardNumber",
    "InvalidInvoiceLines",
    "InvoiceAlreadyPaid",
    "InvoiceIssued",
    "InvoiceLineCreate",
    "InvoiceLineIn",
    "InvoiceLineRead",
    "InvoiceNotFound",
    "InvoicePage",
    "InvoicePaid",
    "InvoiceRead",
    "InvoiceStatus",
    "NothingToPay",
    "PaymentDeclined",
    "PaymentKind",
    "PaymentMethodIn",
    "PaymentMethodUnavailable",
    "PaymentNotFound",
    "PaymentNotPending",
    "PaymentNotSettled",
    "PaymentProvider",
    "PaymentProviders",
    "PaymentRead",
    "PaymentRefunded",
    "PaymentStatus",
    "ProviderCharge",
    "ProviderRefund",
    "RefundCreate",
    "RefundExceedsPayment",
    "RefundRead",
    "TaxLineRead",
    "TestCardProvider",
    "TransferRequested",
    "UnknownCharge",
    "credit_notes_of",
    "default_providers",
    "get_credit_note",
    "get_invoice",
    "get_payment",
    "invoice_pdf",
    "invoices_of",
    "issue_credit_note",
    "issue_invoice",
    "list_invoices",
    "mark_transfer_received",
    "pay_invoice",
    "payments_of_invoice",
    "personal_data",
    "refund",
    "router",
]
