"""An invoice as a PDF, in English or German, amounts and dates formatted by Babel.

fpdf2 draws it with the PDF's built-in Helvetica (no font file to ship) in the Windows-1252
encoding, which has €, £, ¥ and the German letters; a character outside it (the ł of
"zł") is written as its closest Latin letter rather than failing the document.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from motorpool.domains.billing.schemas import InvoiceRead, MoneyRead
from motorpool.platform.money import Money

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "invoice": "Invoice",
        "number": "Invoice number",
        "issued": "Date of issue",
        "due": "Due date",
        "customer": "Customer",
        "market": "Market",
        "reference": "Reference",
        "description": "Description",
        "quantity": "Qty",
        "unit_price": "Unit price",
        "tax_rate": "Tax",
        "amount": "Amount",
        "net": "Net amount",
        "tax": "Tax {rate} % on {net}",
        "total": "Total",
        "credited": "Credited",
        "paid": "Paid",
        "refunded": "Refunded",
        "due_now": "Amount due",
        "status": "Status",
        "pay_by": "Please pay by {date}, quoting the invoice number {number}.",
        "thanks": "Paid with thanks on {date}.",
        "status_open": "open",
        "status_paid": "paid",
        "status_credited": "credited",
        "status_refunded": "refunded",
    },
    "de": {
        "invoice": "Rechnung",
        "number": "Rechnungsnummer",
        "issued": "Rechnungsdatum",
        "due": "Fällig am",
        "customer": "Kunde",
        "market": "Markt",
        "reference": "Bezug",
        "description": "Beschreibung",
        "quantity": "Menge",
        "unit_price": "Einzelpreis",
        "tax_rate": "USt.",
        "amount": "Betrag",
        "net": "Nettobetrag",
        "tax": "USt. {rate} % auf {net}",
        "total": "Gesamtbetrag",
        "credited": "Gutgeschrieben",
        "paid": "Bezahlt",
        "refunded": "Erstattet",
        "due_now": "Offener Betrag",
        "status": "Status",
        "pay_by": "Bitte zahlen Sie bis {date} unter Angabe der Rechnungsnummer {number}.",
        "thanks": "Dankend bezahlt am {date}.",
        "status_open": "offen",
        "status_paid": "bezahlt",
        "status_credited": "gutgeschrieben",
        "status_refunded": "erstattet",
    },
}
ENCODING = "windows-1252"


def language(locale: str) -> str:
    """``de``, ``de-AT``, ``de_CH`` → ``de``; anything without labels → ``en``."""
    lang = locale.replace("-", "_").split("_")[0].lower()
    return lang if lang in LABELS else "en"


def _printable(text: str) -> str:
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        out = []
        for char in text:
            try:
                char.encode(ENCODING)
                out.append(char)
            except UnicodeEncodeError:
                base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
                out.append(base or {"ł": "l", "Ł": "L"}.get(char, "?"))
        return "".join(out)


def _money(value: MoneyRead, locale: str) -> str:
    return Money(Decimal(value.amount), value.currency).format(locale)


def _unit_price(value: MoneyRead, locale: str) -> str:
    """A unit price as precise as it was given (0,345 € per km)."""
    return str(
        format_currency(
            Decimal(value.amount), value.currency, locale=locale, decimal_quantization=False
        )
    )


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(20, 20, 20)

    def row(self, cells: list[tuple[str, float, str]], *, bold: bool = False, h: float = 6) -> None:
        self.set_font("helvetica", "B" if bold else "", 9)
        for text, width, align in cells:
            self.cell(width, h, _printable(text), align=align)
        self.ln(h)


def invoice_pdf(invoice: InvoiceRead, *, locale: str = "en", issuer: str | None = None) -> bytes:
    """The invoice as a one-document PDF (``%PDF-...``), labels in ``locale`` (en or de)."""
    lang = language(locale)
    t = LABELS[lang]
    pdf = _Document()
    pdf.set_title(_printable(f"{t['invoice']} {invoice.number}"))
    pdf.set_author(_printable(issuer or "Motorpool"))
    pdf.set_creation_date(invoice.issued_at)
    pdf.add_page()
    if issuer:
        pdf.set_font("helvetica", "", 10)
        pdf.cell(0, 6, _printable(issuer), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("helvetica", "B", 18)
    pdf.cell(
        0, 12, _printable(f"{t['invoice']} {invoice.number}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    day = lambda at: format_date(at.date(), format="long", locale=lang)  # noqa: E731
    status = t[f"status_{invoice.status.value}"]
    for label, value in (
        (t["number"], invoice.number),
        (t["issued"], day(invoice.issued_at)),
        (t["due"], day(invoice.due_at)),
        (t["customer"], str(invoice.customer_id)),
        (t["market"], invoice.market),
        (t["reference"], f"{invoice.source_type} {invoice.source_id}"),
        (t["status"], status),
    ):
        pdf.row([(label, 45, "L"), (value, 125, "L")])
    pdf.ln(4)
    widths = (70.0, 18.0, 30.0, 17.0, 35.0)
    headers = (t["description"], t["quantity"], t["unit_price"], t["tax_rate"], t["amount"])
    pdf.row(
        [
            (h, w, "L" if i == 0 else "R")
            for i, (h, w) in enumerate(zip(headers, widths, strict=True))
        ],
        bold=True,
    )
    for line in invoice.lines:
        pdf.row(
            [
                (line.translations.get(lang, line.description)[:48], widths[0], "L"),
                (format_decimal(line.quantity, locale=lang), widths[1], "R"),
                (_unit_price(line.unit_price, lang), widths[2], "R"),
                (f"{format_decimal(line.tax_rate, locale=lang)} %", widths[3], "R"),
                (_money(line.net, lang), widths[4], "R"),
            ]
        )
    pdf.ln(3)
    label_w, amount_w = sum(widths[:4]), widths[4]
    pdf.row([(t["net"], label_w, "R"), (_money(invoice.net, lang), amount_w, "R")])
    for tax in invoice.tax_lines:
        label = t["tax"].format(
            rate=format_decimal(tax.rate, locale=lang), net=_money(tax.net, lang)
        )
        pdf.row([(label, label_w, "R"), (_money(tax.tax, lang), amount_w, "R")])
    pdf.row([(t["total"], label_w, "R"), (_money(invoice.total, lang), amount_w, "R")], bold=True)
    for key, amount in (
        ("credited", invoice.credited),
        ("paid", invoice.paid),
        ("refunded", invoice.refunded),
    ):
        if Decimal(amount.amount) != 0:
            pdf.row([(t[key], label_w, "R"), (_money(amount, lang), amount_w, "R")])
    pdf.row(
        [(t["due_now"], label_w, "R"), (_money(invoice.amount_due, lang), amount_w, "R")],
        bold=True,
    )
    pdf.ln(6)
    pdf.set_font("helvetica", "", 9)
    if invoice.paid_at is not None and Decimal(invoice.amount_due.amount) <= 0:
        note = t["thanks"].format(date=day(invoice.paid_at))
    else:
        note = t["pay_by"].format(date=day(invoice.due_at), number=invoice.number)
    pdf.multi_cell(0, 5, _printable(note))
    return bytes(pdf.output())
