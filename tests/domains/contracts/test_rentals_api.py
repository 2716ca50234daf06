"""Rental agreements through the HTTP API: opened from a confirmed booking at its quote,
hand-over and return by staff, the return settling extras onto one invoice, and what
customers, other customers and staff may do and see."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from motorpool.platform.outbox import OutboxMessage
from tests.conftest import assert_problem
from tests.domains.billing.factories import pdf_text
from tests.domains.booking.factories import make_centre, make_resources
from tests.domains.contracts.factories import at, confirmed_booking, monday, open_rental, quote_for


async def rental_setup(client, uow_factory, brand, make_account):
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    staff = await make_account(role="dealer_staff")
    day = monday()
    booked = await confirmed_booking(
        client,
        customer.headers,
        resource_id=car.id,
        starts_at=at(day),
        ends_at=at(day + timedelta(days=2)),
    )
    quote = await quote_for(client, customer.headers, booked)
    return centre, customer, staff, booked, quote


async def booking_status(client, headers, booking_id: str) -> str:
    answer = await client.get(f"/booking/bookings/{booking_id}", headers=headers)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["status"])


async def test_agreement_from_a_confirmed_booking(client, uow_factory, brand, make_account) -> None:
    _, customer, _, booked, quote = await rental_setup(client, uow_factory, brand, make_account)
    opened = await open_rental(client, customer.headers, booked, quote["id"])
    assert opened.status_code == 201, opened.text
    body = opened.json()
    assert body["status"] == "open"
    assert body["booking_id"] == booked.id
    assert body["quoted_total"] == quote["total"]
    assert body["included_km"] == quote["included_km"] == 500
    assert body["local_starts_at"].endswith("09:00:00+01:00") or body["local_starts_at"].endswith(
        "09:00:00+02:00"
    )
    accepted = await client.get(f"/pricing/quotes/{quote['id']}", headers=customer.headers)
    assert accepted.json()["accepted_booking_id"] == booked.id
    # one agreement per booking
    assert_problem(
        await open_rental(client, customer.headers, booked, quote["id"]), 409, "agreement-exists"
    )
    seen = await client.get(f"/contracts/rentals/{body['id']}", headers=customer.headers)
    assert seen.status_code == 200
    assert seen.json()["handover"] is None
    mine = await client.get("/contracts/rentals", headers=customer.headers)
    assert [a["id"] for a in mine.json()["items"]] == [body["id"]]


async def test_only_a_confirmed_booking_of_mine(client, uow_factory, brand, make_account) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_account()
    day = monday()
    held = await client.post(
        "/booking/holds",
        headers=customer.headers,
        json={
            "product": "rental",
            "resource_id": str(car.id),
            "starts_at": at(day).isoformat(),
            "ends_at": at(day + timedelta(days=1)).isoformat(),
        },
    )
    assert held.status_code == 201, held.text
    quote = await client.post(
        "/pricing/quotes",
        headers=customer.headers,
        json={
            "product": "rental",
            "market": "DE",
            "starts_at": at(day).isoformat(),
            "ends_at": at(day + timedelta(days=1)).isoformat(),
        },
    )
    body = {"booking_id": held.json()["id"], "quote_id": quote.json()["id"]}
    assert_problem(
        await client.post("/contracts/rentals", headers=customer.headers, json=body),
        409,
        "booking-not-confirmed",
    )
    await client.post(f"/booking/bookings/{body['booking_id']}/confirm", headers=customer.headers)
    stranger = await make_account()
    assert_problem(
        await client.post("/contracts/rentals", headers=stranger.headers, json=body),
        404,
        "contract-booking-not-found",
    )
    # the quote stayed unaccepted: the refused calls changed nothing
    again = await client.get(f"/pricing/quotes/{body['quote_id']}", headers=customer.headers)
    assert again.json()["accepted_booking_id"] is None


async def test_return_before_hand_over_is_refused(client, uow_factory, brand, make_account) -> None:
    _, customer, staff, booked, quote = await rental_setup(client, uow_factory, brand, make_account)
    agreement = (await open_rental(client, customer.headers, booked, quote["id"])).json()
    refused = await client.post(
        f"/contracts/rentals/{agreement['id']}/return",
        headers=staff.headers,
        json={"mileage_km": 10_100, "energy_percent": 80},
    )
    assert_problem(refused, 409, "not-handed-over")
    assert await booking_status(client, customer.headers, booked.id) == "confirmed"
    invoices = await client.get("/billing/invoices", headers=customer.headers)
    assert invoices.json()["items"] == []
    unchanged = await client.get(f"/contracts/rentals/{agreement['id']}", headers=customer.headers)
    assert unchanged.json()["status"] == "open"


async def test_return_with_extra_km_and_late_settles_onto_one_invoice(
    client, uow_factory, brand, make_account
) -> None:
    _, customer, staff, booked, quote = await rental_setup(client, uow_factory, brand, make_account)
    agreement = (await open_rental(client, customer.headers, booked, quote["id"])).json()
    handed = await client.post(
        f"/contracts/rentals/{agreement['id']}/handover",
        headers=staff.headers,
        json={
            "mileage_km": 10_000,
            "energy_percent": 90,
            "damage_notes": "scratch on the rear bumper",
            "photo_refs": ["photos/rear.jpg"],
            "at": booked.starts_at.isoformat(),
        },
    )
    assert handed.status_code == 200, handed.text
    assert handed.json()["status"] == "handed_over"
    assert handed.json()["handover"]["photo_refs"] == ["photos/rear.jpg"]
    assert await booking_status(client, customer.headers, booked.id) == "started"
    assert_problem(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/handover",
            headers=staff.headers,
            json={"mileage_km": 10_000, "energy_percent": 90},
        ),
        409,
        "already-handed-over",
    )
    # the odometer cannot go backwards
    assert_problem(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/return",
            headers=staff.headers,
            json={"mileage_km": 9_999, "energy_percent": 90},
        ),
        422,
        "implausible-reading",
    )
    returned_at = booked.ends_at + timedelta(hours=2, minutes=30)
    settled = await client.post(
        f"/contracts/rentals/{agreement['id']}/return",
        headers=staff.headers,
        json={"mileage_km": 10_650, "energy_percent": 60, "at": returned_at.isoformat()},
    )
    assert settled.status_code == 200, settled.text
    body = settled.json()
    assert body["driven_km"] == 650
    assert body["late_minutes"] == 150
    assert body["energy_shortfall_percent"] == 30
    extras = {line["code"]: line for line in body["extra_lines"]}
    assert set(extras) == {"extra_km", "late_return", "refuel_fee", "energy_shortfall"}
    assert Decimal(extras["extra_km"]["quantity"]) == 150  # 650 driven, 500 included
    assert extras["extra_km"]["amount"] == {"amount": "73.50", "currency": "EUR"}
    assert Decimal(extras["late_return"]["quantity"]) == 3  # per started hour
    assert Decimal(extras["energy_shortfall"]["quantity"]) == 30
    assert [line["code"] for line in body["quoted_lines"]] == [
        line["code"] for line in quote["lines"]
    ]
    assert body["agreement"]["status"] == "returned"
    assert body["agreement"]["returned"]["mileage_km"] == 10_650
    assert await booking_status(client, customer.headers, booked.id) == "completed"

    invoice = await client.get(f"/billing/invoices/{body['invoice_id']}", headers=customer.headers)
    assert invoice.status_code == 200, invoice.text
    issued = invoice.json()
    assert issued["source_type"] == "rental_agreement"
    assert issued["source_id"] == agreement["id"]
    assert len(issued["lines"]) == len(quote["lines"]) + 4
    assert issued["total"] == body["invoice_total"]
    extra_net = sum(Decimal(line["amount"]["amount"]) for line in body["extra_lines"])
    assert Decimal(issued["net"]["amount"]) == Decimal(quote["net"]["amount"]) + extra_net
    invoices = (await client.get("/billing/invoices", headers=customer.headers)).json()
    assert [i["id"] for i in invoices["items"]] == [body["invoice_id"]]
    assert_problem(
        await client.post(
            f"/contracts/rentals/{agreement['id']}/return",
            headers=staff.headers,
            json={"mileage_km": 10_700, "energy_percent": 60},
        ),
        409,
        "already-returned",
    )
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = await uow.session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.tenant_id == brand.id, OutboxMessage.name.like("contracts.%"))
            .order_by(OutboxMessage.occurred_at)
        )
        events = [(r.name, r.payload) for r in rows.scalars()]
    assert [name for name, _ in events] == [
        "contracts.AgreementOpened",
        "contracts.VehicleHandedOver",
        "contracts.VehicleReturned",
    ]
    assert events[2][1]["driven_km"] == 650
    assert events[2][1]["invoice_id"] == body["invoice_id"]


async def test_the_invoice_is_printed_in_the_customers_language(
    client, uow_factory, brand, make_account
) -> None:
    """Every line carries its German name from pricing on: the rental days and an extra
    from the quote, and the kilometres the return settled; ?locale=de prints them."""
    _, customer, staff, booked, _ = await rental_setup(client, uow_factory, brand, make_account)
    quote = await quote_for(client, customer.headers, booked, options=["child_seat"])
    assert {line["code"]: line["translations"] for line in quote["lines"]} == {
        "days": {"de": "Je angefangenen Tag"},
        "option:child_seat": {"de": "Kindersitz"},
    }
    agreement = (await open_rental(client, customer.headers, booked, quote["id"])).json()
    path = f"/contracts/rentals/{agreement['id']}"
    await client.post(
        f"{path}/handover", headers=staff.headers, json={"mileage_km": 100, "energy_percent": 90}
    )
    settled = await client.post(
        f"{path}/return",
        headers=staff.headers,
        json={"mileage_km": 700, "energy_percent": 90, "at": booked.ends_at.isoformat()},
    )
    assert settled.status_code == 200, settled.text
    invoice_id = settled.json()["invoice_id"]
    lines = (await client.get(f"/billing/invoices/{invoice_id}", headers=customer.headers)).json()[
        "lines"
    ]
    assert [line["translations"]["de"] for line in lines] == [
        "Je angefangenen Tag",
        "Kindersitz",
        "Kilometer über die 500 inklusiven hinaus",
    ]
    german = pdf_text(
        (
            await client.get(
                f"/billing/invoices/{invoice_id}.pdf?locale=de", headers=customer.headers
            )
        ).content
    )
    english = pdf_text(
        (await client.get(f"/billing/invoices/{invoice_id}.pdf", headers=customer.headers)).content
    )
    for name in ("Je angefangenen Tag", "Kindersitz", "Kilometer über die 500 inklusiven"):
        assert name in german
        assert name not in english
    assert "Kilometres beyond the 500 included" in english


async def test_roles_and_visibility(client, uow_factory, brand, make_account) -> None:
    centre, customer, staff, booked, quote = await rental_setup(
        client, uow_factory, brand, make_account
    )
    agreement = (await open_rental(client, customer.headers, booked, quote["id"])).json()
    path = f"/contracts/rentals/{agreement['id']}"
    reading = {"mileage_km": 10_000, "energy_percent": 90}
    assert_problem(
        await client.post(f"{path}/handover", headers=customer.headers, json=reading), 403
    )
    assert_problem(await client.post(f"{path}/return", headers=customer.headers, json=reading), 403)
    assert (await client.get(path, headers=customer.headers)).json()["status"] == "open"
    assert await booking_status(client, customer.headers, booked.id) == "confirmed"
    stranger = await make_account()
    assert_problem(await client.get(path, headers=stranger.headers), 404, "agreement-not-found")
    assert (await client.get(path, headers=staff.headers)).status_code == 200
    day = booked.starts_at.date()
    params = {"centre_id": str(centre.id), "day": day.isoformat()}
    assert_problem(
        await client.get("/contracts/admin/today", headers=customer.headers, params=params), 403
    )
    sheet = await client.get("/contracts/admin/today", headers=staff.headers, params=params)
    assert sheet.status_code == 200, sheet.text
    assert [a["id"] for a in sheet.json()["handovers"]] == [agreement["id"]]
    assert sheet.json()["returns"] == []
    two_days_later = {**params, "day": (day + timedelta(days=2)).isoformat()}
    later = await client.get("/contracts/admin/today", headers=staff.headers, params=two_days_later)
    assert [a["id"] for a in later.json()["returns"]] == [agreement["id"]]
    assert later.json()["handovers"] == []


async def test_opening_again_with_the_same_idempotency_key_replays(
    client, uow_factory, brand, make_account
) -> None:
    _, customer, _, booked, quote = await rental_setup(client, uow_factory, brand, make_account)
    headers = {**customer.headers, "Idempotency-Key": "open-rental-1"}
    body = {"booking_id": booked.id, "quote_id": quote["id"]}
    first = await client.post("/contracts/rentals", headers=headers, json=body)
    assert first.status_code == 201, first.text
    replay = await client.post("/contracts/rentals", headers=headers, json=body)
    assert replay.status_code == 201, replay.text
    assert replay.headers.get("idempotent-replayed") == "true"
    assert replay.json()["id"] == first.json()["id"]
    mine = (await client.get("/contracts/rentals", headers=customer.headers)).json()
    assert mine["total"] == 1


async def test_my_agreements_are_in_my_data_export(
    client, uow_factory, brand, make_account
) -> None:
    _, customer, _, booked, quote = await rental_setup(client, uow_factory, brand, make_account)
    opened = await open_rental(client, customer.headers, booked, quote["id"])
    assert opened.status_code == 201, opened.text
    export = await client.get("/identity/me/export", headers=customer.headers)
    assert export.status_code == 200, export.text
    mine = export.json()["domains"]["contracts"]
    assert [a["id"] for a in mine["rental_agreements"]] == [opened.json()["id"]]
    assert mine["subscriptions"] == []
    assert mine["trips"] == []
