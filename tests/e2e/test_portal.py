"""The owner portal in a real browser: sign in, live status, workshop booking, German,
a component embedded from another origin, accessibility, and the README screenshot."""

from __future__ import annotations

import json
import os
import re

import httpx
import pytest
from playwright.async_api import expect

from motorpool.demo.vehicles import DEMO_CARS
from tests.e2e.conftest import (
    ANNA,
    AXE,
    JAMES,
    ROOT,
    SPARE_CAR,
    Deployment,
    login_token,
    sign_in,
)

JAMES_CAR = next(c for c in DEMO_CARS if c.owner == JAMES)
ANNA_BEV = next(c for c in DEMO_CARS if c.owner == ANNA and c.powertrain == "BEV")
HAVE_AXE = AXE.exists()
GERMAN_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


async def test_an_owner_signs_in_and_sees_the_car_status_change_live(page, deployment, report):
    await report(JAMES_CAR.vin, odometer_m=12_000_000, charge_percent=80.0, locked=True)
    await sign_in(page, deployment, JAMES)
    car = page.locator(f"mp-garage article[data-vin='{JAMES_CAR.vin}']")
    await expect(car.get_by_role("heading")).to_have_text("Vela Electric")
    await expect(car.locator("[data-signal=mileage]")).to_have_text("12,000 km")
    await expect(car.locator("[data-signal=locked]")).to_have_text("Locked")
    await expect(car.locator("[data-signal=charge]")).to_contain_text("80 %")
    await page.locator("mp-garage").evaluate("g => { g.pollSeconds = 1; }")
    # the car drives off: the connected-car backend reports, the portal follows by itself
    await report(JAMES_CAR.vin, odometer_m=12_345_600, charge_percent=64.0, locked=False)
    await expect(car.locator("[data-signal=mileage]")).to_have_text("12,346 km", timeout=8000)
    await expect(car.locator("[data-signal=locked]")).to_have_text("Unlocked")
    await expect(car.locator("[data-signal=charge]")).to_contain_text("64 %")
    await expect(car.locator("[data-signal=range]")).to_have_text("288 km")
    await expect(car.locator("[data-signal=age]")).to_contain_text("second")
    summary = car.get_by_role("status").filter(has_text="Vela Electric:")
    await expect(summary).to_contain_text("Unlocked")
    assert page.errors == []


async def test_an_owner_books_a_workshop_appointment_and_sees_it_listed(page, deployment):
    await sign_in(page, deployment, JAMES)
    await page.locator("mp-centre-picker").get_by_label(re.compile("Centre London")).check()
    # choosing a centre makes it the favourite on the profile
    await expect(page.locator("mp-profile")).to_contain_text("Motorpool Centre London")
    await expect(page.locator("mp-availability-calendar table")).to_be_visible()
    booking = page.locator("mp-workshop-booking")
    await booking.get_by_label("Inspection").check()
    await booking.get_by_role("button", name="Show free times").click()
    first_slot = booking.get_by_role("radio").first
    await first_slot.check()
    slot_time = (await first_slot.evaluate("radio => radio.parentElement.textContent")).strip()
    await booking.get_by_role("button", name="Book appointment").click()
    await expect(booking.get_by_role("status")).to_contain_text("Booked for")
    listed = booking.locator("[data-appointment]")
    await expect(listed).to_have_count(1)
    await expect(listed).to_contain_text("Inspection")
    await expect(listed).to_contain_text("Booked")
    await expect(listed).to_contain_text(slot_time)
    # still there after a reload: the session survives in this tab and the list is the API's
    await page.reload()
    await expect(page.locator("mp-workshop-booking [data-appointment]")).to_have_count(1)
    assert page.errors == []


async def test_the_german_profile_switches_the_portal_to_german(page, deployment, report):
    await report(ANNA_BEV.vin, odometer_m=12_345_600, locked=True)
    await sign_in(page, deployment, ANNA)
    await expect(page.locator("html")).to_have_attribute("lang", "de")
    await expect(page.locator("mp-garage h2")).to_have_text("Meine Garage")
    car = page.locator(f"mp-garage article[data-vin='{ANNA_BEV.vin}']")
    await expect(car.locator("dt").first).to_have_text("Ladestand")
    await expect(car.locator("[data-signal=mileage]")).to_have_text("12.346 km")
    await expect(car.locator("[data-signal=locked]")).to_have_text("Verriegelt")
    booking = page.locator("mp-workshop-booking")
    await expect(booking.get_by_role("heading", level=2)).to_have_text("Werkstatttermin buchen")
    await expect(booking.get_by_label("Inspektion")).to_be_visible()
    day_text = await booking.locator("#day-text").inner_text()
    assert day_text.split(",")[0] in GERMAN_WEEKDAYS, day_text
    # the shipped platform bundle formats money and dates the German way
    formatted = await page.evaluate(
        """async () => {
          const ui = await import('/ui/platform.js');
          return [ui.formatMoney('1234.56', 'EUR', 'de'),
                  ui.formatDate('2026-03-29T10:00:00Z', 'de', {timeZone: 'Europe/Berlin'}),
                  ui.formatMoney('1234.56', 'EUR', 'en')];
        }"""
    )
    assert formatted == ["1.234,56\u00a0€", "29.03.2026", "€1,234.56"]
    # and switching back to English is one choice away
    await page.locator("mp-locale-switch").get_by_label("Sprache").select_option("en")
    await expect(page.locator("mp-garage h2")).to_have_text("My garage")
    await expect(car.locator("[data-signal=mileage]")).to_have_text("12,346 km")
    assert page.errors == []


def embedding_page(deployment: Deployment, vin: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's page</title>
<script type="module" src="{deployment.url}/ui/vehicles.js"></script></head>
<body><main><h1>Your car, on a partner's site</h1>
<mp-vehicle-status base-url="{deployment.url}" vin="{vin}" poll-seconds="1"></mp-vehicle-status>
</main>
<script>
  document.querySelector("mp-vehicle-status").token =
    new URLSearchParams(location.hash.slice(1)).get("token");
</script></body></html>"""


async def test_a_component_embedded_in_a_page_from_another_origin(page, deployment, report):
    await report(JAMES_CAR.vin, odometer_m=15_000_000, locked=True)
    (deployment.embed_dir / "embed.html").write_text(embedding_page(deployment, JAMES_CAR.vin))
    token = await login_token(deployment, JAMES)
    calls: list[tuple[str, str | None]] = []  # (url, Access-Control-Allow-Origin)
    page.on(
        "response",
        lambda r: (
            calls.append((r.url, r.headers.get("access-control-allow-origin")))
            if "/vehicles/garage" in r.url
            else None
        ),
    )
    await page.goto(f"{deployment.embed_url}/embed.html#token={token}")
    status = page.locator("mp-vehicle-status")
    await expect(status.locator("[data-signal=mileage]")).to_have_text("15,000 km")
    await report(JAMES_CAR.vin, odometer_m=15_100_000, locked=False)
    await expect(status.locator("[data-signal=mileage]")).to_have_text("15,100 km", timeout=8000)
    assert calls, "the component called the deployment's API"
    assert all(url.startswith(deployment.url) for url, _ in calls)
    assert {allowed for _, allowed in calls} == {deployment.embed_url}
    assert page.errors == []


async def test_an_origin_the_brand_does_not_allow_cannot_read_the_api(page, deployment):
    """The negative of the embed: the same page from an origin not on the brand's list."""
    token = await login_token(deployment, JAMES)
    await page.goto(f"{deployment.url}/healthz")  # any page of the deployment: same origin
    same = await page.evaluate(
        "async t => (await fetch('/vehicles/garage', {headers: {Authorization: 'Bearer ' + t}}))"
        ".status",
        token,
    )
    assert same == 200
    await page.goto("about:blank")
    await page.set_content("<p>elsewhere</p>")
    blocked = await page.evaluate(
        """async ([url, t]) => {
          try { await fetch(url + '/vehicles/garage', {headers: {Authorization: 'Bearer ' + t}});
                return 'read'; } catch (e) { return 'blocked'; } }""",
        [deployment.url, token],
    )
    assert blocked == "blocked"


async def axe_violations(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    if not HAVE_AXE:
        pytest.skip("axe-core is not installed (cd web && npm ci)")
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


async def test_the_portal_has_no_serious_accessibility_violations(page, deployment, report):
    await page.goto(f"{deployment.url}/portal")
    await page.locator("#sign-in").get_by_label("Email").wait_for()
    signed_out = await axe_violations(page)
    assert signed_out == [], json.dumps(signed_out, indent=1)[:3000]
    await report(JAMES_CAR.vin, odometer_m=12_500_000)
    await sign_in(page, deployment, JAMES)
    await page.locator("mp-centre-picker").get_by_label(re.compile("Centre London")).check()
    await expect(page.locator("mp-availability-calendar table")).to_be_visible()
    await page.locator("mp-workshop-booking").get_by_label("Inspection").check()
    await page.locator("mp-workshop-booking").get_by_role("button", name="Show free times").click()
    await page.locator("mp-workshop-booking").get_by_role("radio").first.wait_for()
    signed_in = await axe_violations(page)
    assert signed_in == [], json.dumps(signed_in, indent=1)[:3000]


async def test_the_readme_screenshot_of_the_portal(page, deployment, report, tmp_path):
    """Saved to docs/screenshots/portal.png when missing or when MOTORPOOL_SCREENSHOTS=1
    (make screenshots), so an ordinary test run leaves the working tree alone."""
    await report(JAMES_CAR.vin, odometer_m=23_456_700, charge_percent=72.5, locked=True)
    await sign_in(page, deployment, JAMES)
    await page.locator("mp-centre-picker").get_by_label(re.compile("Centre London")).check()
    await expect(page.locator("mp-garage [data-signal=mileage]")).to_have_text("23,457 km")
    await expect(page.locator("mp-availability-calendar table")).to_be_visible()
    target = ROOT / "docs" / "screenshots" / "portal.png"
    if os.environ.get("MOTORPOOL_SCREENSHOTS") != "1" and target.exists():
        target = tmp_path / "portal.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    png = await page.screenshot(path=str(target), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


async def test_only_the_latest_answer_reaches_a_component(page, deployment):
    """The base element's `latest`: a reply overtaken by a newer request on the same channel
    (picking one car, then another) is dropped, its failure too; the newest one lands."""
    await page.goto(f"{deployment.url}/portal")
    outcome = await page.evaluate(
        """async () => {
            const { MpElement } = await import('/ui/platform.js');
            customElements.define('mp-latest-probe', class extends MpElement {});
            const probe = document.createElement('mp-latest-probe');
            let answerFirst, failFirst;
            const first = probe.latest('car', () => new Promise((r) => (answerFirst = r)));
            const second = probe.latest('car', async () => 'second car');
            const failing = probe.latest('other', () => new Promise((_, f) => (failFirst = f)));
            const other = probe.latest('other', async () => 'other channel');
            answerFirst('first car');  // arrives last, as a slow reply would
            failFirst(new Error('late failure'));
            const results = [await first, await second, await failing, await other];
            let thrown = null;
            try { await probe.latest('car', async () => { throw new Error('now'); }); }
            catch (error) { thrown = error.message; }
            return { results, thrown };
        }"""
    )
    assert outcome["results"] == [
        {"stale": True},
        {"answer": "second car"},
        {"stale": True},
        {"answer": "other channel"},
    ]
    assert outcome["thrown"] == "now"  # the latest request's failure is not swallowed


async def test_an_owner_adds_a_car_with_the_code_on_its_display_and_locks_it(page, deployment):
    """Pairing in the portal: the VIN makes the (simulated) car show a code, the code adds
    the car; then the owner locks and unlocks it remotely and sees the car confirm."""
    await sign_in(page, deployment, JAMES)
    garage = page.locator("mp-garage")
    await garage.get_by_label("Vehicle identification number (VIN)").fill(SPARE_CAR.vin)
    await garage.get_by_role("button", name="Show a code in the car").click()
    code_field = garage.get_by_label("Code from the car's display")
    await expect(code_field).to_be_focused()
    async with httpx.AsyncClient(base_url=deployment.cars_url) as cars:
        shown = (await cars.get(f"/cars/{SPARE_CAR.vin}/display")).json()["display"]
    assert re.fullmatch(r"\d{6}", shown), shown
    await code_field.fill(shown)
    await garage.get_by_role("button", name="Add to my garage").click()
    await expect(garage.locator("[data-added]")).to_contain_text("is now in your garage")
    car = garage.locator(f"article[data-vin='{SPARE_CAR.vin}']")
    try:
        await expect(car).to_be_visible()
        await car.locator("mp-vehicle-status").evaluate("s => { s.pollSeconds = 1; }")
        await car.get_by_role("button", name="Unlock", exact=True).click()
        await expect(car.locator("[data-sent]")).to_contain_text("the car unlocks")
        await expect(car.locator("[data-signal=locked]")).to_have_text("Unlocked", timeout=10_000)
        await car.get_by_role("button", name="Lock", exact=True).click()
        await expect(car.locator("[data-signal=locked]")).to_have_text("Locked", timeout=10_000)
        assert page.errors == []
    finally:  # the demo's spare car goes back to nobody's garage for the other tests
        token = await login_token(deployment, JAMES)
        async with httpx.AsyncClient(base_url=deployment.url) as http:
            headers = {"Authorization": f"Bearer {token}"}
            mine = (await http.get("/vehicles/garage", headers=headers)).json()
            for owned in mine:
                if owned["vehicle"]["vin"] == SPARE_CAR.vin:
                    gone = await http.delete(
                        f"/vehicles/garage/{owned['vehicle']['id']}", headers=headers
                    )
                    assert gone.status_code == 204, gone.text


async def test_a_wrong_vin_or_code_is_refused_in_the_portal(page, deployment):
    await sign_in(page, deployment, JAMES)
    garage = page.locator("mp-garage")
    await garage.get_by_label("Vehicle identification number (VIN)").fill("WMP0000A0PS1000XX")
    vin = garage.get_by_label("Vehicle identification number (VIN)")
    await garage.get_by_role("button", name="Show a code in the car").click()
    await expect(garage.locator("#pair-start-error")).to_be_visible()  # tied to the VIN field
    await expect(vin).to_have_attribute("aria-invalid", "true")
    await expect(garage.get_by_label("Code from the car's display")).to_have_count(0)
    await vin.fill(SPARE_CAR.vin)
    await garage.get_by_role("button", name="Show a code in the car").click()
    await expect(garage.locator("#pair-start-error")).to_have_count(0)
    await garage.get_by_label("Code from the car's display").fill("000000")
    await garage.get_by_role("button", name="Add to my garage").click()
    await expect(garage.locator("#pair-confirm-error")).to_contain_text("code")
    await expect(garage.locator(f"article[data-vin='{SPARE_CAR.vin}']")).to_have_count(0)
