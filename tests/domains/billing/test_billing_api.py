"""Billing through the HTTP API: my invoices and who sees them, paying by card and by
transfer, a declined card changing nothing, credit notes, refunds, the PDF."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import select

from motorpool.platform.outbox import OutboxMessage
from tests.conftest import assert_problem, make_brand
from tests.domains.billing.factories import (
    DECLINED_CARD,
    GOOD_CARD,
    NO_FUNDS_CARD,
    issue,
    line,
    pdf_text,
)


async def pay(client: httpx.AsyncClient, headers, invoice_id, **method) -> httpx.Response:
    return await client.post(
        f"/billing/invoices/{invoice_id}/payments", headers=headers, json=method
    )


async def get(client: httpx.AsyncClient, headers, invoice_id) -> dict:
    answer = await client.get(f"/billing/invoices/{invoice_id}", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def billing_events(uow_factory, brand) -> list[tuple[str, dict]]:
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = await uow.session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.tenant_id == brand.id, OutboxMessage.name.like("billing.%"))
            .order_by(OutboxMessage.occurred_at)
        )
        return [(r.name, r.payload) for r in rows.scalars()]


async def test_my_invoice_with_its_lines_and_tax(client, uow_factory, brand, customer) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    body = await get(client, customer.headers, invoice.id)
    assert body["number"] == invoice.number
    assert body["status"] == "open"
    assert [(li["code"], li["net"]["amount"]) for li in body["lines"]] == [
        ("rental_day", "267.00"),
        ("km", "24.69"),
        ("ticket", "10.00"),
    ]
    assert [(t["rate"], t["net"]["amount"], t["tax"]["amount"]) for t in body["tax_lines"]] == [
        ("7", "10.00", "0.70"),
        ("19", "291.69", "55.42"),
    ]
    assert body["net"] == {"amount": "301.69", "currency": "EUR"}
    assert body["tax"]["amount"] == "56.12"
    assert body["total"]["amount"] == "357.81"
    assert body["amount_due"]["amount"] == "357.81"
    [(name, payload)] = await billing_events(uow_factory, brand)
    assert name == "billing.InvoiceIssued"
    assert payload["number"] == invoice.number
    assert (payload["total"], payload["currency"]) == ("357.81", "EUR")


async def test_only_the_customer_and_staff_see_an_invoice(
    app, client, uow_factory, brand, customer, cashier, make_account, other_client
) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    stranger = await make_account()
    assert_problem(
        await client.get(f"/billing/invoices/{invoice.id}", headers=stranger.headers),
        404,
        "invoice-not-found",
    )
    assert_problem(
        await client.get(f"/billing/invoices/{invoice.id}.pdf", headers=stranger.headers), 404
    )
    assert_problem(await pay(client, stranger.headers, invoice.id, kind="bank_transfer"), 404)
    assert (await client.get("/billing/invoices", headers=stranger.headers)).json()["total"] == 0
    staff = await make_account(role="dealer_staff")
    assert (await get(client, staff.headers, invoice.id))["number"] == invoice.number
    assert_problem(await client.get(f"/billing/invoices/{invoice.id}"), 401)
    # another brand's customer, even with the same account id, sees nothing of this brand
    from tests.conftest import create_account

    other = await make_brand(uow_factory, "other")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{other.slug}.test"
    ) as elsewhere:
        admin = await create_account(uow_factory, elsewhere, other, role="brand_admin")
        assert_problem(
            await elsewhere.get(f"/billing/invoices/{invoice.id}", headers=admin.headers), 404
        )
        listed = await elsewhere.get("/billing/admin/invoices", headers=admin.headers)
        assert listed.json()["total"] == 0


async def test_my_invoices_are_paged_and_sortable(
    client, uow_factory, brand, customer, make_account
) -> None:
    made = [await issue(uow_factory, brand, customer.id, [line(f"{10 + i}.00")]) for i in range(3)]
    await issue(uow_factory, brand, (await make_account()).id)  # someone else's
    page = (await client.get("/billing/invoices?limit=2", headers=customer.headers)).json()
    assert page["total"] == 3
    assert [i["number"] for i in page["items"]] == [made[2].number, made[1].number]
    by_number = await client.get("/billing/invoices?sort=number", headers=customer.headers)
    assert [i["number"] for i in by_number.json()["items"]] == [m.number for m in made]
    assert_problem(await client.get("/billing/invoices?sort=secret", headers=customer.headers), 422)


async def test_staff_search_by_status_customer_and_number(
    client, uow_factory, brand, customer, cashier
) -> None:
    first = await issue(uow_factory, brand, customer.id)
    second = await issue(uow_factory, brand, customer.id)
    assert (
        await pay(client, customer.headers, second.id, kind="card", card_number=GOOD_CARD)
    ).status_code == 201
    open_ = await client.get(
        f"/billing/admin/invoices?status=open&customer_id={customer.id}", headers=cashier.headers
    )
    assert [i["id"] for i in open_.json()["items"]] == [str(first.id)]
    paid = await client.get("/billing/admin/invoices?status=paid", headers=cashier.headers)
    assert [i["id"] for i in paid.json()["items"]] == [str(second.id)]
    found = await client.get(
        f"/billing/admin/invoices?number={first.number}", headers=cashier.headers
    )
    assert [i["id"] for i in found.json()["items"]] == [str(first.id)]
    assert_problem(await client.get("/billing/admin/invoices", headers=customer.headers), 403)


async def test_pay_by_card(client, uow_factory, brand, customer) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    paid = await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    assert paid.status_code == 201, paid.text
    payment = paid.json()
    assert payment["status"] == "succeeded"
    assert payment["amount"] == {"amount": "357.81", "currency": "EUR"}
    assert payment["card_last4"] == "4242"
    assert "4242424242424242" not in paid.text  # the number is never stored nor echoed
    body = await get(client, customer.headers, invoice.id)
    assert body["status"] == "paid"
    assert body["paid"]["amount"] == "357.81"
    assert body["amount_due"]["amount"] == "0.00"
    assert body["paid_at"]
    again = await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    assert_problem(again, 409, "invoice-already-paid")
    events = dict(await billing_events(uow_factory, brand))
    assert events["billing.InvoicePaid"]["payment_id"] == payment["id"]
    assert events["billing.InvoicePaid"]["amount"] == "357.81"


async def test_a_declined_card_changes_nothing(client, uow_factory, brand, customer) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    for number, reason in ((DECLINED_CARD, "card_declined"), (NO_FUNDS_CARD, "insufficient_funds")):
        refused = await pay(client, customer.headers, invoice.id, kind="card", card_number=number)
        problem = assert_problem(refused, 402, "payment-declined")
        assert problem["decline_reason"] == reason
    body = await get(client, customer.headers, invoice.id)
    assert (body["status"], body["paid"]["amount"], body["paid_at"]) == ("open", "0.00", None)
    payments = await client.get(
        f"/billing/invoices/{invoice.id}/payments", headers=customer.headers
    )
    assert payments.json() == []
    assert [name for name, _ in await billing_events(uow_factory, brand)] == [
        "billing.InvoiceIssued"
    ]
    bad = await pay(
        client, customer.headers, invoice.id, kind="card", card_number="4242 4242 4242 4241"
    )
    assert_problem(bad, 422, "invalid-card-number")
    assert_problem(await pay(client, customer.headers, invoice.id, kind="card"), 422)
    # and another card still pays it
    ok = await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    assert ok.status_code == 201, ok.text


async def test_a_retried_payment_charges_once(client, uow_factory, brand, customer) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    headers = {**customer.headers, "Idempotency-Key": f"pay-{uuid.uuid4()}"}
    body = {"kind": "card", "card_number": GOOD_CARD}
    first = await client.post(
        f"/billing/invoices/{invoice.id}/payments", headers=headers, json=body
    )
    second = await client.post(
        f"/billing/invoices/{invoice.id}/payments", headers=headers, json=body
    )
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json()["id"] == first.json()["id"]
    listed = await client.get(f"/billing/invoices/{invoice.id}/payments", headers=customer.headers)
    assert len(listed.json()) == 1


async def test_pay_by_bank_transfer(client, uow_factory, brand, customer, cashier) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    asked = await pay(client, customer.headers, invoice.id, kind="bank_transfer")
    assert asked.status_code == 201, asked.text
    transfer = asked.json()
    assert transfer["status"] == "pending"
    assert transfer["instructions"]["reference"] == invoice.number
    assert transfer["instructions"]["amount"] == "357.81"
    assert transfer["instructions"]["iban"]
    again = await pay(client, customer.headers, invoice.id, kind="bank_transfer")
    assert again.json()["id"] == transfer["id"]  # the same transfer, not a second one
    assert (await get(client, customer.headers, invoice.id))["status"] == "open"
    received = f"/billing/transfers/{transfer['id']}/received"
    assert_problem(await client.post(received, headers=customer.headers), 403)
    done = await client.post(received, headers=cashier.headers)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "succeeded"
    body = await get(client, customer.headers, invoice.id)
    assert (body["status"], body["paid"]["amount"]) == ("paid", "357.81")
    assert_problem(await client.post(received, headers=cashier.headers), 409, "payment-not-pending")
    names = [name for name, _ in await billing_events(uow_factory, brand)]
    assert names == ["billing.InvoiceIssued", "billing.TransferRequested", "billing.InvoicePaid"]


async def test_a_card_after_a_transfer_was_asked_cancels_the_transfer(
    client, uow_factory, brand, customer, cashier
) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    transfer = (await pay(client, customer.headers, invoice.id, kind="bank_transfer")).json()
    card = await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    assert card.status_code == 201, card.text
    listed = await client.get(f"/billing/invoices/{invoice.id}/payments", headers=customer.headers)
    assert [p["status"] for p in listed.json()] == ["cancelled", "succeeded"]
    late = await client.post(
        f"/billing/transfers/{transfer['id']}/received", headers=cashier.headers
    )
    assert_problem(late, 409, "payment-not-pending")


async def test_credit_notes_never_exceed_the_invoice(
    client, uow_factory, brand, customer, cashier
) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    url = f"/billing/invoices/{invoice.id}/credit-notes"

    def credit_line(amount: str, rate: str = "19") -> dict:
        return {
            "code": "goodwill",
            "description": "Goodwill",
            "quantity": "1",
            "unit_price": {"amount": amount, "currency": "EUR"},
            "tax_rate": rate,
        }

    assert_problem(await client.post(url, headers=customer.headers, json={"reason": "x"}), 403)
    part = await client.post(
        url,
        headers=cashier.headers,
        json={"reason": "late pick-up", "lines": [credit_line("100.00")]},
    )
    assert part.status_code == 201, part.text
    assert part.json()["total"]["amount"] == "119.00"
    assert part.json()["number"].startswith("CN-")
    too_much = await client.post(
        url, headers=cashier.headers, json={"reason": "more", "lines": [credit_line("191.70")]}
    )
    problem = assert_problem(too_much, 422, "credit-exceeds-invoice")
    assert "191.69" in problem["detail"]  # what is left at 19 %
    body = await get(client, customer.headers, invoice.id)
    assert (body["status"], body["credited"]["amount"], body["amount_due"]["amount"]) == (
        "open",
        "119.00",
        "238.81",
    )
    assert body["total"]["amount"] == "357.81"  # the invoice itself is never edited
    rest = await client.post(url, headers=cashier.headers, json={"reason": "cancelled"})
    assert rest.status_code == 201, rest.text
    assert rest.json()["total"]["amount"] == "238.81"
    body = await get(client, customer.headers, invoice.id)
    assert (body["status"], body["amount_due"]["amount"]) == ("credited", "0.00")
    nothing = await client.post(url, headers=cashier.headers, json={"reason": "again"})
    assert_problem(nothing, 422, "credit-exceeds-invoice")
    assert_problem(
        await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD),
        409,
        "nothing-to-pay",
    )
    notes = await client.get(url, headers=customer.headers)
    assert [n["total"]["amount"] for n in notes.json()] == ["119.00", "238.81"]


async def test_refunds_never_exceed_what_was_paid(
    client, uow_factory, brand, customer, cashier
) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    payment = (
        await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    ).json()
    url = f"/billing/payments/{payment['id']}/refunds"
    assert_problem(await client.post(url, headers=customer.headers, json={"reason": "please"}), 403)
    too_much = await client.post(
        url, headers=cashier.headers, json={"amount": "357.82", "reason": "too much"}
    )
    assert_problem(too_much, 422, "refund-exceeds-payment")
    part = await client.post(
        url, headers=cashier.headers, json={"amount": "57.81", "reason": "a day less"}
    )
    assert part.status_code == 201, part.text
    refund = part.json()
    assert refund["amount"] == {"amount": "57.81", "currency": "EUR"}
    assert refund["status"] == "succeeded"
    notes = (
        await client.get(f"/billing/invoices/{invoice.id}/credit-notes", headers=customer.headers)
    ).json()
    assert [(n["id"], n["total"]["amount"], n["refund_id"]) for n in notes] == [
        (refund["credit_note_id"], "57.81", refund["id"])
    ]
    assert_problem(
        await client.post(url, headers=cashier.headers, json={"amount": "300.01", "reason": "x"}),
        422,
        "refund-exceeds-payment",
    )
    rest = await client.post(url, headers=cashier.headers, json={"reason": "cancelled"})
    assert rest.status_code == 201, rest.text
    assert rest.json()["amount"]["amount"] == "300.00"
    body = await get(client, customer.headers, invoice.id)
    assert body["status"] == "refunded"
    assert (body["credited"]["amount"], body["refunded"]["amount"]) == ("357.81", "357.81")
    assert body["amount_due"]["amount"] == "0.00"
    assert_problem(
        await client.post(url, headers=cashier.headers, json={"reason": "once more"}),
        422,
        "refund-exceeds-payment",
    )
    events = [name for name, _ in await billing_events(uow_factory, brand)]
    assert events.count("billing.PaymentRefunded") == 2
    assert events.count("billing.CreditNoteIssued") == 2


async def test_a_credit_after_payment_is_refunded_without_crediting_twice(
    client, uow_factory, brand, customer, cashier
) -> None:
    invoice = await issue(uow_factory, brand, customer.id, [line("100.00")])
    payment = (
        await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    ).json()
    await client.post(
        f"/billing/invoices/{invoice.id}/credit-notes",
        headers=cashier.headers,
        json={
            "reason": "goodwill",
            "lines": [
                {
                    "code": "g",
                    "description": "Goodwill",
                    "quantity": "1",
                    "unit_price": {"amount": "10.00", "currency": "EUR"},
                    "tax_rate": "19",
                }
            ],
        },
    )
    owed = await get(client, customer.headers, invoice.id)
    assert owed["amount_due"]["amount"] == "-11.90"  # owed to the customer
    refunded = await client.post(
        f"/billing/payments/{payment['id']}/refunds",
        headers=cashier.headers,
        json={"amount": "11.90", "reason": "goodwill paid out"},
    )
    assert refunded.status_code == 201, refunded.text
    assert refunded.json()["credit_note_id"] is None  # the goodwill note documents it
    after = await get(client, customer.headers, invoice.id)
    assert (after["credited"]["amount"], after["amount_due"]["amount"]) == ("11.90", "0.00")


async def test_a_pending_transfer_cannot_be_refunded(
    client, uow_factory, brand, customer, cashier
) -> None:
    invoice = await issue(uow_factory, brand, customer.id)
    transfer = (await pay(client, customer.headers, invoice.id, kind="bank_transfer")).json()
    assert_problem(
        await client.post(
            f"/billing/payments/{transfer['id']}/refunds",
            headers=cashier.headers,
            json={"reason": "x"},
        ),
        409,
        "payment-not-settled",
    )
    await client.post(f"/billing/transfers/{transfer['id']}/received", headers=cashier.headers)
    back = await client.post(
        f"/billing/payments/{transfer['id']}/refunds",
        headers=cashier.headers,
        json={"amount": "7.81", "reason": "x"},
    )
    assert back.status_code == 201, back.text
    assert back.json()["status"] == "pending"  # an outgoing transfer is on its way


async def test_the_invoice_as_a_pdf(client, uow_factory, brand, customer) -> None:
    invoice = await issue(uow_factory, brand, customer.id, [line("1234.56")])
    english = await client.get(f"/billing/invoices/{invoice.id}.pdf", headers=customer.headers)
    assert english.status_code == 200, english.text
    assert english.headers["content-type"] == "application/pdf"
    assert english.content.startswith(b"%PDF-")
    text = pdf_text(english.content)
    assert f"Invoice {invoice.number}" in text
    assert "\x801,469.13" in text  # €1,469.13 (€ is 0x80 in the PDF's WinAnsi encoding)
    german = await client.get(
        f"/billing/invoices/{invoice.id}.pdf?locale=de", headers=customer.headers
    )
    text = pdf_text(german.content)
    assert f"Rechnung {invoice.number}" in text
    assert "1.469,13\xa0\x80" in text  # 1.469,13 €
    assert "Fällig am" in text
    assert_problem(
        await client.get(f"/billing/invoices/{invoice.id}.pdf?locale=!!", headers=customer.headers),
        422,
    )


async def test_a_full_credit_mirrors_the_invoice(client, uow_factory, brand, customer) -> None:
    from motorpool.domains import billing

    invoice = await issue(uow_factory, brand, customer.id)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        note = await billing.issue_credit_note(uow=uow, invoice_id=invoice.id, reason="cancelled")
        await uow.commit()
    assert (note.net, note.tax, note.total) == (invoice.net, invoice.tax, invoice.total)
    assert [(t.rate, t.tax) for t in note.tax_lines] == [(t.rate, t.tax) for t in invoice.tax_lines]
    body = await get(client, customer.headers, invoice.id)
    assert body["status"] == "credited"
    km = body["lines"][1]
    assert (km["quantity"], km["unit_price"]["amount"], km["tax_rate"]) == ("2", "12.345", "19")
    assert body["lines"][0]["unit_price"]["amount"] == "89.00"
    notes = await client.get(
        f"/billing/invoices/{invoice.id}/credit-notes", headers=customer.headers
    )
    [stored] = notes.json()
    assert [t["rate"] for t in stored["tax_lines"]] == ["7", "19"]
    assert stored["lines"][1]["unit_price"]["amount"] == "12.345"


async def test_refunds_are_whole_cents_and_my_export_has_my_billing(
    client, uow_factory, brand, customer, cashier
) -> None:
    from motorpool.domains import billing

    invoice = await issue(uow_factory, brand, customer.id, [line("10.00")])
    payment = (
        await pay(client, customer.headers, invoice.id, kind="card", card_number=GOOD_CARD)
    ).json()
    sub_cent = await client.post(
        f"/billing/payments/{payment['id']}/refunds",
        headers=cashier.headers,
        json={"amount": "1.005", "reason": "x"},
    )
    assert_problem(sub_cent, 422, "validation-error")
    await client.post(
        f"/billing/payments/{payment['id']}/refunds",
        headers=cashier.headers,
        json={"amount": "1.00", "reason": "x"},
    )
    async with uow_factory(tenant_id=brand.id) as uow:
        mine = await billing.personal_data(uow=uow, account_id=customer.id)
    assert [i["number"] for i in mine["invoices"]] == [invoice.number]
    assert [p["id"] for p in mine["payments"]] == [payment["id"]]
    assert [n["total"]["amount"] for n in mine["credit_notes"]] == ["1.00"]
