"""The mobility storefront (/drive) in a real browser: a customer books a rental from the
search to the confirmation, and after the return (recorded by staff through the API) sees
and pays the invoice; the German profile gets German texts and money; accessibility; the
README screenshot."""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta

import httpx
from playwright.async_api import expect

from motorpool.demo.seed import DEMO_PASSWORD
from tests.e2e.conftest import ANNA, JAMES, ROOT
from tests.e2e.mobility import STAFF, api_as, axe_violations, centre_id, next_weekday

BERLIN_CENTRE = re.compile("Zentrum Berlin")


async def open_drive(page, deployment, email: str | None = None) -> None:  # type: ignore[no-untyped-def]
    await page.goto(f"{deployment.url}/drive")
    if email:
        form = page.locator("#sign-in")
        await form.locator("input[name=email]").fill(email)
        await form.locator("input[name=password]").fill(DEMO_PASSWORD)
        await form.locator("button[type=submit]").click()
        await expect(page.locator("body")).to_have_attribute("data-signed-in", "true")


async def search_berlin(  # type: ignore[no-untyped-def]
    page, day, until, labels=("From", "Until", "Search"), clocks=("10:00", "10:00")
):
    """Choose the Berlin centre, search [day 10:00, until 10:00) (or the given clock times)
    and take the first car."""
    await page.locator("mp-centre-picker").get_by_label(BERLIN_CENTRE).check()
    search = page.locator("mp-vehicle-search")
    await search.get_by_label(labels[0]).fill(f"{day.isoformat()}T{clocks[0]}")
    await search.get_by_label(labels[1]).fill(f"{until.isoformat()}T{clocks[1]}")
    await search.get_by_role("button", name=labels[2]).click()
    await search.locator("[data-resource] input").first.check()
    return search


async def booked_and_listed(  # type: ignore[no-untyped-def]
    page, search, product, status="Confirmed", announced="Booked. Your reference:"
):
    """The booking the search announced, found in my bookings as ``product`` (``status``)."""
    booked = search.locator("[data-booked]")
    await expect(booked).to_contain_text(announced)
    reference = (await booked.inner_text()).rsplit(" ", 1)[-1].rstrip(".")
    listed = page.locator(f"mp-booking-list [data-booking='{reference}']")
    await expect(listed).to_contain_text(product)
    if status is not None:
        await expect(listed.locator("[data-status]")).to_have_text(status)
    return reference, listed


async def test_a_customer_books_a_rental_and_pays_the_invoice_after_the_return(page, deployment):
    monday = next_weekday(0)
    await open_drive(page, deployment, JAMES)
    search = await search_berlin(page, monday, monday + timedelta(days=2))

    # the quote: every line, VAT and total (euros in English formats), the deposit
    quote = page.locator("mp-quote")
    await quote.get_by_label("Child seat").check()
    await expect(quote.locator("[data-line='option:child_seat']")).to_contain_text("€12.00")
    await expect(quote.locator("[data-line=days]")).to_contain_text("€378.00")
    await expect(quote.locator("[data-vat]")).to_have_text("€74.10")
    await expect(quote.locator("[data-total]")).to_have_text("€464.10")
    await expect(quote.locator("[data-deposit]")).to_have_text("€1,500.00")
    await quote.get_by_role("button", name="Book for €464.10").click()

    # the confirmation, and the booking in my list
    reference, listed = await booked_and_listed(page, search, "Rental")

    # staff hand the car over and take it back 600 km later (through the API)
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        staff = await api_as(http, STAFF)
        sheet = await staff.get(
            "/contracts/admin/today",
            centre_id=await centre_id(deployment, "BER1"),
            day=monday.isoformat(),
        )
        [agreement] = [a for a in sheet["handovers"] if a["booking_reference"] == reference]
        assert agreement["quoted_total"] == {"amount": "464.10", "currency": "EUR"}
        path = f"/contracts/rentals/{agreement['id']}"
        await staff.post(f"{path}/handover", {"mileage_km": 12_000, "energy_percent": 80})
        settled = await staff.post(
            f"{path}/return",
            {"mileage_km": 12_600, "energy_percent": 80, "at": agreement["ends_at"]},
        )

    # the invoice: 390 + 100 extra km x 0.49, with 19 % VAT; a test card pays it
    await page.reload()
    invoice = page.locator(f"mp-invoice-list [data-invoice='{settled['invoice_number']}']")
    await expect(invoice.locator("[data-total]")).to_have_text("€522.41")
    await expect(invoice.locator("[data-due]")).to_have_text("€522.41")
    pdf = await page.locator("mp-invoice-list").evaluate(
        "async (list, number) => { const b = await list.pdf(list._items.find("
        "i => i.number === number)); return [b.type, b.size]; }",
        settled["invoice_number"],
    )
    assert pdf[0] == "application/pdf"
    assert pdf[1] > 1000
    await expect(invoice.get_by_role("link", name=re.compile("PDF of invoice"))).to_be_visible()
    await invoice.get_by_label("Card number").fill("4000 0000 0000 0002")  # declined
    await invoice.get_by_role("button", name="Pay €522.41").click()
    await expect(page.locator("mp-invoice-list [role=alert]")).to_be_visible()
    await invoice.get_by_label("Card number").fill("4242 4242 4242 4242")
    await invoice.get_by_role("button", name="Pay €522.41").click()
    await expect(invoice).to_have_attribute("data-status", "paid")
    await expect(listed.locator("[data-status]")).to_have_text("Completed")
    assert page.errors == []


async def test_a_customer_subscribes_to_a_car_and_gets_the_first_month_invoiced(page, deployment):
    """Subscription through /drive: a month-long car search, the monthly quote, and on
    booking a subscription (through contracts) whose car booking is listed as confirmed
    and whose first month (1,490 € + 19 % VAT) is invoiced at once."""
    monday = next_weekday(0, at_least=29)
    await open_drive(page, deployment, JAMES)
    search = page.locator("mp-vehicle-search")
    await search.get_by_label("Subscription").check()
    await search_berlin(page, monday, monday + timedelta(days=30))
    quote = page.locator("mp-quote")
    await expect(quote.locator("[data-line=months]")).to_contain_text("€1,490.00")
    await quote.get_by_role("button", name=re.compile("^Book for")).click()

    await booked_and_listed(page, search, "Subscription")
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        james = await api_as(http, JAMES)
        mine = await james.get("/contracts/subscriptions")
        [subscription] = [s for s in mine["items"] if s["starts_on"] == monday.isoformat()]
        assert (subscription["product"], subscription["status"]) == ("subscription", "active")
        [period] = subscription["periods"]
        invoice = await james.get(f"/billing/invoices/{period['invoice_id']}")
        assert invoice["total"] == {"amount": "1773.10", "currency": "EUR"}
    # the list shows it (the page reloads the list after booking)
    listed = page.locator(f"mp-invoice-list [data-invoice='{invoice['number']}']")
    await expect(listed.locator("[data-total]")).to_have_text("€1,773.10")
    assert page.errors == []


async def test_a_customer_books_a_test_drive_and_the_centre_sees_it(page, deployment):
    """Test drive through /drive: an hour on the centre's grid, no price to pay; the
    booking is listed as confirmed and the centre's staff find it among test drives."""
    tuesday = next_weekday(1, at_least=3)
    await open_drive(page, deployment, JAMES)
    search = page.locator("mp-vehicle-search")
    await search.get_by_label("Test drive").check()
    await search_berlin(page, tuesday, tuesday, clocks=("10:00", "11:00"))
    await page.locator("mp-quote").get_by_role("button", name=re.compile("^Book")).click()

    reference, _ = await booked_and_listed(page, search, "Test drive")
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        staff = await api_as(http, STAFF)
        leads = await staff.get(
            "/booking/bookings",
            product="testdrive",
            centre_id=await centre_id(deployment, "BER1"),
            limit=200,
        )
        [lead] = [b for b in leads["items"] if b["reference"] == reference]
        assert lead["local_starts_at"].startswith(f"{tuesday.isoformat()}T10:00")
    assert page.errors == []


async def test_a_customer_starts_a_car_sharing_trip_and_the_car_unlocks(page, deployment):
    """Car sharing through /drive: a shared car found at the centre, the per-minute quote,
    and on booking a trip that starts at once — which only happens if the simulated
    connectivity backend unlocked the car; ending it locks the car and invoices the
    minutes."""
    day = next_weekday(2, at_least=1)
    await open_drive(page, deployment, ANNA)
    search = page.locator("mp-vehicle-search")
    await search.get_by_label("Carsharing").check()
    await search_berlin(page, day, day, ("Von", "Bis", "Suchen"), ("10:00", "11:00"))
    await page.locator("mp-quote").get_by_role("button", name=re.compile("buchen$")).click()

    reference, _ = await booked_and_listed(
        page, search, "Carsharing", status=None, announced="Gebucht. Ihre Buchungsnummer:"
    )
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        anna = await api_as(http, ANNA)
        [trip] = [
            t for t in (await anna.get("/contracts/trips"))["items"] if t["status"] == "running"
        ]
        assert trip["booking_reference"] == reference
        ended = await anna.post(f"/contracts/trips/{trip['id']}/end")
        assert ended["status"] == "ended"
        assert ended["invoice_id"]
    assert page.errors == []


async def test_the_german_profile_gets_german_texts_and_money(page, deployment):
    monday = next_weekday(0, at_least=8)
    await open_drive(page, deployment, ANNA)
    await expect(page.locator("html")).to_have_attribute("lang", "de")
    search = page.locator("mp-vehicle-search")
    await expect(search.get_by_role("heading", level=2)).to_have_text("Fahrzeug finden")
    await expect(search.get_by_label("Miete")).to_be_checked()
    await search_berlin(page, monday, monday + timedelta(days=2), ("Von", "Bis", "Suchen"))
    quote = page.locator("mp-quote")
    await quote.get_by_label("Kindersitz").check()
    await expect(quote.locator("[data-total]")).to_have_text("464,10\u00a0€")
    await expect(quote.locator("[data-deposit]")).to_have_text("1.500,00\u00a0€")
    await expect(quote.locator("tfoot")).to_contain_text("MwSt. 19 %")
    await expect(quote.get_by_role("button", name="Für 464,10\u00a0€ buchen")).to_be_visible()
    await expect(page.locator("mp-booking-list h2")).to_have_text("Meine Buchungen")
    await expect(page.locator("mp-invoice-list h2")).to_have_text("Meine Rechnungen")
    # the other products are a choice away, named in German
    await search.get_by_label("Probefahrt").check()
    await expect(quote).to_contain_text("Wählen Sie ein Fahrzeug")
    assert page.errors == []


async def test_the_storefront_has_no_serious_accessibility_violations(page, deployment):
    monday = next_weekday(0, at_least=15)
    await open_drive(page, deployment)
    await expect(page.locator("mp-centre-picker").get_by_label(BERLIN_CENTRE)).to_be_visible()
    signed_out = await axe_violations(page)
    assert signed_out == [], json.dumps(signed_out, indent=1)[:3000]
    await open_drive(page, deployment, JAMES)
    await search_berlin(page, monday, monday + timedelta(days=3))
    await expect(page.locator("mp-quote [data-total]")).to_be_visible()
    await expect(page.locator("mp-booking-list h2")).to_be_visible()
    signed_in = await axe_violations(page)
    assert signed_in == [], json.dumps(signed_in, indent=1)[:3000]


async def test_the_readme_screenshot_of_the_storefront(page, deployment, tmp_path):
    """Saved to docs/screenshots/storefront.png when missing or when MOTORPOOL_SCREENSHOTS=1
    (make screenshots), so an ordinary test run leaves the working tree alone."""
    monday = next_weekday(0, at_least=22)
    await open_drive(page, deployment, JAMES)
    await search_berlin(page, monday, monday + timedelta(days=4))
    await page.locator("mp-quote").get_by_label("Full cover, no excess").check()
    await expect(page.locator("mp-quote [data-line='option:insurance_full']")).to_be_visible()
    await expect(page.locator("mp-invoice-list h2")).to_be_visible()
    target = ROOT / "docs" / "screenshots" / "storefront.png"
    if os.environ.get("MOTORPOOL_SCREENSHOTS") != "1" and target.exists():
        target = tmp_path / "storefront.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    png = await page.screenshot(path=str(target), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
