"""Rental, the whole journey through the HTTP API: search, quote, hold, confirm (an email
arrives), hand-over, return with extra kilometres, the invoice with German VAT, payment.

The figures are worked out here from the published DE rental plan (189.00 a weekday, 250 km
a day included, 0.49 an extra km, a child seat 12.00 a booking, 19 % VAT), not read back
from the system.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import assert_problem
from tests.products.journeys import at, dealership, monday, ok, pool_car

pytestmark = pytest.mark.postgres_only

CARD_OK = "4242 4242 4242 4242"
CARD_DECLINED = "4000 0000 0000 0002"


async def test_rental_from_search_to_paid_invoice(
    client, uow_factory, brand, make_account, mailbox
) -> None:
    place = await dealership(uow_factory, brand, make_account)
    car = await pool_car(client, uow_factory, brand, place, "rental")
    await pool_car(client, uow_factory, brand, place, "carsharing")  # not offered for rental
    customer, staff = place.customer, place.staff
    day = monday()
    starts, ends = at(day, "09:00"), at(day + timedelta(days=2), "09:00")  # Mon to Wed

    # search: the rental car is free, the car-sharing one is not offered
    found = ok(
        await client.get(
            "/booking/availability",
            params={
                "product": "rental",
                "pool": "rental",
                "centre_id": str(place.centre.id),
                "starts_at": starts.isoformat(),
                "ends_at": ends.isoformat(),
            },
        )
    )
    assert [r["id"] for r in found["resources"]] == [car["resource_id"]]

    # quote: every line, German VAT, a deposit beside the total
    quote = ok(
        await client.post(
            "/pricing/quotes",
            headers=customer.headers,
            json={
                "product": "rental",
                "market": "DE",
                "starts_at": starts.isoformat(),
                "ends_at": ends.isoformat(),
                "options": ["child_seat"],
            },
        ),
        201,
    )
    assert [(line["code"], line["quantity"]) for line in quote["lines"]] == [
        ("days", "2"),
        ("option:child_seat", "1"),
    ]
    assert quote["net"] == {"amount": "390.00", "currency": "EUR"}  # 2 x 189 + 12
    assert quote["total"] == {"amount": "464.10", "currency": "EUR"}  # + 19 % VAT 74.10
    assert quote["included_km"] == 500

    # hold (any free rental car at the centre) and confirm: the confirmation mail arrives
    held = ok(
        await client.post(
            "/booking/holds",
            headers={**customer.headers, "Idempotency-Key": "rental-journey-hold"},
            json={
                "product": "rental",
                "centre_id": str(place.centre.id),
                "pool": "rental",
                "starts_at": starts.isoformat(),
                "ends_at": ends.isoformat(),
            },
        ),
        201,
    )
    assert held["resource_id"] == car["resource_id"]
    confirmed = ok(
        await client.post(f"/booking/bookings/{held['id']}/confirm", headers=customer.headers)
    )
    assert confirmed["status"] == "confirmed"
    [mail] = await mailbox.wait_for(customer.email)
    assert held["reference"] in mail.text

    # the agreement keeps the quoted price
    agreement = ok(
        await client.post(
            "/contracts/rentals",
            headers=customer.headers,
            json={"booking_id": held["id"], "quote_id": quote["id"]},
        ),
        201,
    )
    assert agreement["quoted_total"] == quote["total"]

    # a return before the hand-over is refused and changes nothing
    assert_problem(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/return",
            headers=staff.headers,
            json={"mileage_km": 12_600, "energy_percent": 80, "at": ends.isoformat()},
        ),
        409,
        "not-handed-over",
    )
    # the customer may not hand the car over to themselves
    assert_problem(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/handover",
            headers=customer.headers,
            json={"mileage_km": 12_000, "energy_percent": 80},
        ),
        403,
    )
    ok(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/handover",
            headers=staff.headers,
            json={"mileage_km": 12_000, "energy_percent": 80, "at": starts.isoformat()},
        )
    )
    # back on time with 600 km driven: 100 over the 500 included
    settled = ok(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/return",
            headers=staff.headers,
            json={"mileage_km": 12_600, "energy_percent": 80, "at": ends.isoformat()},
        )
    )
    assert settled["driven_km"] == 600
    assert [(x["code"], x["quantity"]) for x in settled["extra_lines"]] == [("extra_km", "100")]

    invoice = ok(
        await client.get(f"/billing/invoices/{settled['invoice_id']}", headers=customer.headers)
    )
    assert invoice["net"] == {"amount": "439.00", "currency": "EUR"}  # 390 + 100 x 0.49
    assert [(t["rate"], t["tax"]["amount"]) for t in invoice["tax_lines"]] == [("19", "83.41")]
    assert invoice["total"] == {"amount": "522.41", "currency": "EUR"}
    assert invoice["status"] == "open"
    mine = ok(await client.get("/billing/invoices", headers=customer.headers))
    assert [i["id"] for i in mine["items"]] == [invoice["id"]]

    # a declined card changes nothing; a good one pays
    assert_problem(
        await client.post(
            f"/billing/invoices/{invoice['id']}/payments",
            headers=customer.headers,
            json={"kind": "card", "card_number": CARD_DECLINED},
        ),
        402,
        "payment-declined",
    )
    still = ok(await client.get(f"/billing/invoices/{invoice['id']}", headers=customer.headers))
    assert still["status"] == "open"
    assert still["paid"]["amount"] == "0.00"
    paid = ok(
        await client.post(
            f"/billing/invoices/{invoice['id']}/payments",
            headers=customer.headers,
            json={"kind": "card", "card_number": CARD_OK},
        ),
        201,
    )
    assert paid["amount"] == {"amount": "522.41", "currency": "EUR"}
    after = ok(await client.get(f"/billing/invoices/{invoice['id']}", headers=customer.headers))
    assert after["status"] == "paid"
    booking_now = ok(await client.get(f"/booking/bookings/{held['id']}", headers=customer.headers))
    assert booking_now["status"] == "completed"
    # the invoice mail followed the confirmation
    mails = await mailbox.wait_for(customer.email, count=2)
    assert invoice["number"] in mails[-1].text
