"""Car sharing, the whole journey through the HTTP API: find a car in the GBFS feed, start a
trip (the simulated car unlocks), drive 130 km (the car reports it), end the trip (the car
locks) and pay the per-minute invoice.

The DE plan: 0.59 a started minute, 100 km included per trip, 0.35 an extra km, 19 % VAT.
A trip through the API lasts well under a minute here: one started minute (0.59) plus
30 extra km (10.50) is 11.09 net, 2.11 VAT, 13.20 in all.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from motorpool.simulator.cars import SimulatedCar
from tests.products.journeys import dealership, ok, pool_car

pytestmark = pytest.mark.postgres_only


async def test_find_start_drive_end_and_pay(
    client, uow_factory, brand, make_account, simulator
) -> None:
    place = await dealership(uow_factory, brand, make_account)
    backend = await make_account(role="vehicle_backend")
    car = await pool_car(client, uow_factory, brand, place, "carsharing")
    cars, _ = simulator
    sim = SimulatedCar(vin=car["vin"], locked=True)
    cars[car["vin"]] = sim

    async def report() -> None:
        answer = ok(
            await client.post(
                "/vehicles/telemetry",
                headers=backend.headers,
                json={"reports": [sim.report(datetime.now(UTC))]},
            )
        )
        assert answer["rejected"] == []

    await report()
    customer = place.customer

    # find it: the brand's GBFS feed lists it, free and working
    feed = ok(await client.get("/gbfs/vehicle_status.json"))
    [listed] = feed["data"]["vehicles"]
    assert (listed["is_reserved"], listed["is_disabled"]) == (False, False)

    trip = ok(
        await client.post(
            "/contracts/trips",
            headers={**customer.headers, "Idempotency-Key": "sharing-journey-start"},
            json={"resource_id": car["resource_id"], "market": "DE"},
        ),
        201,
    )
    assert sim.locked is False  # the car itself was told
    assert ok(await client.get("/gbfs/vehicle_status.json"))["data"]["vehicles"] == []

    sim.odometer_m += 130_000
    await report()
    ended = ok(await client.post(f"/contracts/trips/{trip['id']}/end", headers=customer.headers))
    assert sim.locked is True
    invoice = ok(
        await client.get(f"/billing/invoices/{ended['invoice_id']}", headers=customer.headers)
    )
    assert [(line["code"], line["quantity"]) for line in invoice["lines"]] == [
        ("minutes", "1"),
        ("extra_km", "30"),
    ]
    assert invoice["net"] == {"amount": "11.09", "currency": "EUR"}
    assert invoice["total"] == {"amount": "13.20", "currency": "EUR"}
    paid = ok(
        await client.post(
            f"/billing/invoices/{invoice['id']}/payments",
            headers=customer.headers,
            json={"kind": "card", "card_number": "4242 4242 4242 4242"},
        ),
        201,
    )
    assert paid["status"] == "succeeded"
    # free again in the feed
    [again] = ok(await client.get("/gbfs/vehicle_status.json"))["data"]["vehicles"]
    assert again["is_reserved"] is False
