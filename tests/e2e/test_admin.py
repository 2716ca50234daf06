"""The staff dashboard (/admin) in a real browser: a member of staff signs in, picks the
centre, sees the day's hand-overs and returns, hands a car over and takes it back on the
board (the invoice is issued); accessibility; the README screenshot."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from typing import Any

import httpx
from playwright.async_api import expect

from motorpool.demo.seed import DEMO_PASSWORD
from tests.e2e.conftest import JAMES, ROOT, Deployment
from tests.e2e.mobility import STAFF, Api, api_as, at, axe_violations, centre_id, next_weekday

BERLIN_CENTRE = re.compile("Zentrum Berlin")


async def rental_booked(customer: Api, centre: str, day: date, market: str = "DE") -> Any:
    """A customer's confirmed rental at the centre, 10:00-16:00 on ``day``, with its agreement."""
    starts, ends = at(day, "10:00").isoformat(), at(day, "16:00").isoformat()
    quote = await customer.post(
        "/pricing/quotes",
        {"product": "rental", "market": market, "starts_at": starts, "ends_at": ends},
        201,
    )
    held = await customer.post(
        "/booking/holds",
        {
            "product": "rental",
            "centre_id": centre,
            "pool": "rental",
            "starts_at": starts,
            "ends_at": ends,
        },
        201,
    )
    await customer.post(f"/booking/bookings/{held['id']}/confirm")
    return await customer.post(
        "/contracts/rentals", {"booking_id": held["id"], "quote_id": quote["id"]}, 201
    )


async def open_admin(page, deployment: Deployment, day: date) -> None:  # type: ignore[no-untyped-def]
    await page.goto(f"{deployment.url}/admin")
    form = page.locator("#sign-in")
    await form.get_by_label("Email").fill(STAFF)
    await form.get_by_label("Password").fill(DEMO_PASSWORD)
    await form.get_by_role("button", name="Sign in").click()
    await expect(page.locator("body")).to_have_attribute("data-signed-in", "true")
    await page.locator("mp-centre-picker").get_by_label(BERLIN_CENTRE).check()
    await page.locator("mp-handover").get_by_label("Day").fill(day.isoformat())


async def test_a_staff_member_hands_a_car_over_and_takes_it_back(page, deployment):
    day = next_weekday(1)  # a Tuesday
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        customer = await api_as(http, JAMES)
        agreement = await rental_booked(customer, await centre_id(deployment, "BER1"), day)
    reference = agreement["booking_reference"]
    await open_admin(page, deployment, day)

    sheet = page.locator("mp-handover")
    handover = sheet.get_by_role("form", name=f"Hand over {reference}")
    await handover.get_by_label("Mileage (km)").fill("12000")
    await handover.get_by_label("Charge or fuel (%)").fill("90")
    await handover.get_by_label("Damage notes").fill("Scratch on the rear bumper")
    await handover.get_by_role("button", name="Hand over").click()
    await expect(sheet.get_by_role("status")).to_have_text(f"{reference} is handed over.")
    returning = sheet.locator(f"[data-agreement='{reference}'][data-kind=return]")
    await expect(returning).to_have_attribute("data-status", "handed_over")
    await expect(returning).to_contain_text("12,000 km, 90 %")

    # the car is out: the board shows its booking; then it comes back 180 km later
    await expect(page.locator("mp-fleet-board")).to_contain_text(reference)
    back = sheet.get_by_role("form", name=f"Take back {reference}")
    await back.get_by_label("Mileage (km)").fill("12180")
    await back.get_by_label("Charge or fuel (%)").fill("90")
    await back.get_by_role("button", name="Take back").click()
    # 1 day 189.00 + 19 % VAT = 224.91; 180 km are within the 250 included
    await expect(sheet.get_by_role("status")).to_contain_text(f"{reference}: 180 km driven")
    await expect(sheet.get_by_role("status")).to_contain_text("€224.91")
    await expect(returning).to_have_attribute("data-status", "returned")
    assert page.errors == []


async def test_staff_send_a_car_to_maintenance_and_back_on_the_board(page, deployment):
    """Maintenance until a time on the centre's clock blocks the car (the board says until
    when; the car cannot be booked); back to ready lifts it."""
    await open_admin(page, deployment, next_weekday(3))
    board = page.locator("mp-fleet-board")
    row = board.locator("tbody tr").filter(has=page.get_by_role("cell", name="Subscription")).last
    label = (await row.get_by_role("rowheader").inner_text()).split("\n")[0]
    vin = await row.get_attribute("data-car")

    await row.get_by_text("Change state").click()
    await row.get_by_label("New state").select_option("maintenance")
    until = row.get_by_label(re.compile("In maintenance until"))
    await expect(until).to_have_value(re.compile(r"T18:00$"))  # tomorrow, end of the day
    await row.get_by_label("Reason").fill("Brake pads")
    await row.get_by_role("button", name="Save").click()
    await expect(board.locator("[data-changed]")).to_have_text(f"{label}: Maintenance.")
    row = board.locator(f"tr[data-car='{vin}']")
    await expect(row.locator("[data-state]")).to_have_text("Maintenance")
    await expect(row).to_contain_text("blocked until")
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        staff = await api_as(http, STAFF)
        [car] = [c for c in (await staff.get("/fleet/cars", limit=200))["items"] if c["vin"] == vin]
        assert car["state"] == "maintenance"
        assert car["bookable"] is False

    await row.get_by_text("Change state").click()
    await row.get_by_label("New state").select_option("ready")
    await expect(row.get_by_label(re.compile("In maintenance until"))).to_have_count(0)
    await row.get_by_label("Reason").fill("New brake pads fitted")
    await row.get_by_role("button", name="Save").click()
    await expect(row.locator("[data-state]")).to_have_text("Ready")
    await expect(row).not_to_contain_text("blocked until")
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        staff = await api_as(http, STAFF)
        [car] = [c for c in (await staff.get("/fleet/cars", limit=200))["items"] if c["vin"] == vin]
        assert car["bookable"] is True
    assert page.errors == []


async def test_the_dashboard_in_german_and_without_serious_accessibility_violations(
    page, deployment
):
    day = next_weekday(2)  # a Wednesday
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        customer = await api_as(http, JAMES)
        await rental_booked(customer, await centre_id(deployment, "BER1"), day)
    await page.goto(f"{deployment.url}/admin")
    await page.locator("#sign-in").get_by_label("Email").wait_for()
    signed_out = await axe_violations(page)
    assert signed_out == [], json.dumps(signed_out, indent=1)[:3000]
    await open_admin(page, deployment, day)
    await expect(page.locator("mp-handover [data-agreement]").first).to_be_visible()
    await expect(page.locator("mp-fleet-board tbody tr").first).to_be_visible()
    signed_in = await axe_violations(page)
    assert signed_in == [], json.dumps(signed_in, indent=1)[:3000]

    await page.locator("mp-locale-switch").get_by_label("Language").select_option("de")
    await expect(page.locator("mp-fleet-board h2")).to_have_text("Flottenübersicht")
    await expect(page.locator("mp-handover h2")).to_have_text("Übergaben und Rücknahmen")
    await expect(
        page.locator("mp-handover").get_by_label("Kilometerstand (km)").first
    ).to_be_visible()
    await expect(page.locator("mp-fleet-board")).to_contain_text("Bereit")


async def test_the_readme_screenshot_of_the_admin_dashboard(page, deployment, tmp_path):
    """Saved to docs/screenshots/admin.png when missing or when MOTORPOOL_SCREENSHOTS=1."""
    day = next_weekday(3)  # a Thursday
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        customer = await api_as(http, JAMES)
        await rental_booked(customer, await centre_id(deployment, "BER1"), day)
    await open_admin(page, deployment, day)
    await expect(page.locator("mp-handover [data-agreement]").first).to_be_visible()
    await expect(page.locator("mp-fleet-board tbody tr").first).to_be_visible()
    await page.locator("mp-handover").evaluate("h => h.shadowRoot.activeElement?.blur()")
    target = ROOT / "docs" / "screenshots" / "admin.png"
    if os.environ.get("MOTORPOOL_SCREENSHOTS") != "1" and target.exists():
        target = tmp_path / "admin.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    png = await page.screenshot(path=str(target), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
