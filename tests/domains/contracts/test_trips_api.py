"""Car-sharing trips through the HTTP API: a trip books the shared car from now and unlocks
it in the (real, simulated) car; ending it locks the car and invoices the minutes with the
market's VAT. A car in maintenance or out of reach is refused and nothing is booked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from motorpool.domains import contracts
from motorpool.simulator.cars import SimulatedCar
from tests.conftest import Account, assert_problem
from tests.domains.booking.factories import make_centre
from tests.domains.vehicles.factories import make_car


@dataclass
class Shared:
    car_id: str
    resource_id: str
    vin: str
    sim: SimulatedCar | None


@dataclass
class Sharing:
    manager: Account
    backend: Account
    customer: Account
    centre_id: uuid.UUID


async def sharing(uow_factory, brand, make_account) -> Sharing:
    centre = await make_centre(uow_factory, brand)
    return Sharing(
        await make_account(role="fleet_manager"),
        await make_account(role="vehicle_backend"),
        await make_account(),
        centre.id,
    )


async def shared_car(
    client, uow_factory, brand, setup: Sharing, simulator, *, pool="carsharing", connected=True
) -> Shared:
    """A car registered, put into ``pool`` at the centre, connected to the simulator (locked)
    and reporting its telemetry once."""
    vehicle = await make_car(uow_factory, brand)
    added = await client.post(
        "/fleet/cars",
        headers=setup.manager.headers,
        json={"vehicle_id": str(vehicle.id), "centre_id": str(setup.centre_id), "pool": pool},
    )
    assert added.status_code == 201, added.text
    sim = None
    if connected:
        cars, _ = simulator
        sim = SimulatedCar(vin=vehicle.vin, locked=True)
        cars[vehicle.vin] = sim
        await report(client, setup, sim)
    return Shared(added.json()["id"], added.json()["resource_id"], vehicle.vin, sim)


async def report(client, setup: Sharing, sim: SimulatedCar) -> None:
    answer = await client.post(
        "/vehicles/telemetry",
        headers=setup.backend.headers,
        json={"reports": [sim.report(datetime.now(UTC))]},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["rejected"] == [], answer.text


async def start(client, headers, resource_id: str, **extra) -> object:
    return await client.post(
        "/contracts/trips",
        headers=headers,
        json={"resource_id": resource_id, "market": "DE", **extra},
    )


async def my_bookings(client, headers) -> list[dict]:
    answer = await client.get("/booking/bookings", headers=headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def test_a_trip_unlocks_the_car_and_its_end_locks_and_invoices_it(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator)
    assert car.sim is not None
    assert car.sim.locked
    started = await start(client, setup.customer.headers, car.resource_id, planned_minutes=90)
    assert started.status_code == 201, started.text
    trip = started.json()
    assert trip["status"] == "running"
    assert car.sim.locked is False  # the simulated car was unlocked over HTTP
    assert trip["start_mileage_km"] == 12_000.0
    booked = await client.get(
        f"/booking/bookings/{trip['booking_id']}", headers=setup.customer.headers
    )
    assert booked.json()["status"] == "started"
    assert booked.json()["product"] == "carsharing"
    # the customer drives 23.4 km; the car reports it
    car.sim.odometer_m += 23_400
    await report(client, setup, car.sim)
    ended = await client.post(f"/contracts/trips/{trip['id']}/end", headers=setup.customer.headers)
    assert ended.status_code == 200, ended.text
    done = ended.json()
    assert car.sim.locked is True
    assert done["status"] == "ended"
    assert done["driven_km"] == 23
    assert done["end_mileage_km"] == 12_023.4
    booked = await client.get(
        f"/booking/bookings/{trip['booking_id']}", headers=setup.customer.headers
    )
    assert booked.json()["status"] == "completed"
    invoice = await client.get(
        f"/billing/invoices/{done['invoice_id']}", headers=setup.customer.headers
    )
    assert invoice.status_code == 200, invoice.text
    bill = invoice.json()
    assert bill["source_type"] == "carsharing_trip"
    assert bill["source_id"] == trip["id"]
    assert bill["currency"] == "EUR"
    [line] = bill["lines"]  # a minute or so, within the 100 km included
    assert line["code"] == "minutes"
    assert Decimal(line["unit_price"]["amount"]) == Decimal("0.59")
    assert Decimal(line["tax_rate"]) == Decimal("19")
    assert [Decimal(t["rate"]) for t in bill["tax_lines"]] == [Decimal("19")]
    assert done["total"] == bill["total"]
    # ending twice is a conflict; the car stays locked
    again = await client.post(f"/contracts/trips/{trip['id']}/end", headers=setup.customer.headers)
    assert_problem(again, 409, "trip-already-ended")
    mine = await client.get("/contracts/trips", headers=setup.customer.headers)
    assert [t["id"] for t in mine.json()["items"]] == [trip["id"]]
    seen = await client.get(f"/contracts/trips/{trip['id']}", headers=setup.customer.headers)
    assert seen.json()["invoice_id"] == done["invoice_id"]


async def test_another_customers_trip_is_not_found(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator)
    trip = (await start(client, setup.customer.headers, car.resource_id)).json()
    stranger = await make_account()
    assert_problem(
        await client.get(f"/contracts/trips/{trip['id']}", headers=stranger.headers),
        404,
        "trip-not-found",
    )
    assert_problem(
        await client.post(f"/contracts/trips/{trip['id']}/end", headers=stranger.headers),
        404,
        "trip-not-found",
    )
    assert car.sim is not None
    assert car.sim.locked is False
    assert (await client.get("/contracts/trips", headers=stranger.headers)).json()["items"] == []


async def test_a_car_in_maintenance_is_refused_and_nothing_is_booked(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator)
    changed = await client.post(
        f"/fleet/cars/{car.car_id}/state",
        headers=setup.manager.headers,
        json={
            "state": "maintenance",
            "reason": "brakes",
            "until": (datetime.now(UTC) + timedelta(days=2)).isoformat(),
        },
    )
    assert changed.status_code == 200, changed.text
    refused = await start(client, setup.customer.headers, car.resource_id)
    assert_problem(refused, 409, "car-not-shareable")
    assert car.sim is not None
    assert car.sim.locked is True
    assert await my_bookings(client, setup.customer.headers) == []
    assert (await client.get("/contracts/trips", headers=setup.customer.headers)).json()[
        "items"
    ] == []


async def test_only_cars_of_the_sharing_pool(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    rental = await shared_car(client, uow_factory, brand, setup, simulator, pool="rental")
    refused = await start(client, setup.customer.headers, rental.resource_id)
    assert_problem(refused, 409, "car-not-shareable")
    assert await my_bookings(client, setup.customer.headers) == []
    unknown = await start(client, setup.customer.headers, str(uuid.uuid4()))
    assert_problem(unknown, 404)


async def test_an_unreachable_car_books_nothing(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator, connected=False)
    refused = await start(client, setup.customer.headers, car.resource_id)
    assert_problem(refused, 503, "vehicle-unreachable")
    assert await my_bookings(client, setup.customer.headers) == []
    assert (await client.get("/contracts/trips", headers=setup.customer.headers)).json()[
        "items"
    ] == []
    # once the car is connected the same car can be taken at once: nothing was left booked
    cars, _ = simulator
    cars[car.vin] = SimulatedCar(vin=car.vin, locked=True)
    started = await start(client, setup.customer.headers, car.resource_id)
    assert started.status_code == 201, started.text
    assert cars[car.vin].locked is False


async def test_a_running_trip_keeps_the_car_from_others(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator)
    first = await start(client, setup.customer.headers, car.resource_id)
    assert first.status_code == 201, first.text
    other = await make_account()
    taken = await start(client, other.headers, car.resource_id)
    assert_problem(taken, 409, "slot-taken")


async def test_a_retry_with_the_same_key_starts_one_trip(
    client, uow_factory, brand, make_account, simulator
) -> None:
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator)
    headers = {**setup.customer.headers, "Idempotency-Key": f"trip-{uuid.uuid4()}"}
    first = await start(client, headers, car.resource_id)
    second = await start(client, headers, car.resource_id)
    assert first.status_code == second.status_code == 201, second.text
    assert first.json()["id"] == second.json()["id"]
    assert second.headers.get("idempotent-replayed") == "true"
    assert len(await my_bookings(client, setup.customer.headers)) == 1


async def test_minutes_are_capped_per_hour_and_the_booking_ends_when_the_trip_does(
    app, client, uow_factory, brand, make_account, simulator
) -> None:
    """75 minutes in Germany: one hour at the 19 EUR cap and 15 minutes at 0.59 EUR, plus
    19 % VAT; the booking is shortened from the planned three hours to the real end."""
    setup = await sharing(uow_factory, brand, make_account)
    car = await shared_car(client, uow_factory, brand, setup, simulator)
    t0 = datetime.now(UTC).replace(microsecond=0)
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        trip = await contracts.start_trip(
            uow=uow,
            policies=app.state.booking_policies,
            connection=app.state.vehicle_connection,
            trip_in=contracts.TripCreate(
                resource_id=uuid.UUID(car.resource_id), market="DE", planned_minutes=180
            ),
            customer_id=setup.customer.id,
            now=t0,
        )
        await uow.commit()
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        done = await contracts.end_trip(
            uow=uow,
            rates=app.state.rate_plans,
            policies=app.state.booking_policies,
            connection=app.state.vehicle_connection,
            trip_id=trip.id,
            customer_id=setup.customer.id,
            now=t0 + timedelta(minutes=74, seconds=30),
        )
        await uow.commit()
    bill = (
        await client.get(f"/billing/invoices/{done.invoice_id}", headers=setup.customer.headers)
    ).json()
    lines = {line["code"]: line for line in bill["lines"]}
    assert set(lines) == {"capped_hours", "minutes"}
    assert Decimal(lines["capped_hours"]["net"]["amount"]) == Decimal("19.00")
    assert Decimal(lines["minutes"]["quantity"]) == 15
    assert Decimal(bill["net"]["amount"]) == Decimal("27.85")
    assert Decimal(bill["tax"]["amount"]) == Decimal("5.29")
    assert Decimal(bill["total"]["amount"]) == Decimal("33.14")
    booked = await client.get(
        f"/booking/bookings/{trip.booking_id}", headers=setup.customer.headers
    )
    body = booked.json()
    assert body["status"] == "completed"
    assert datetime.fromisoformat(body["ends_at"]) == t0 + timedelta(minutes=74, seconds=30)


def test_trip_rules() -> None:
    from zoneinfo import ZoneInfo

    from motorpool.domains.contracts import model

    now = datetime(2027, 3, 1, 9, 7, 30, tzinfo=UTC)
    assert model.trip_booking_start(now, None, ZoneInfo("Europe/Berlin")) == now
    # a 15-minute grid on the Berlin clock (10:07:30 local) starts at 10:15 local
    assert model.trip_booking_start(now, 15, ZoneInfo("Europe/Berlin")) == datetime(
        2027, 3, 1, 9, 15, tzinfo=UTC
    )
    minimum, maximum = timedelta(minutes=15), timedelta(days=3)
    assert model.trip_booking_end(now, now + timedelta(minutes=3), minimum, maximum) == (
        now + minimum
    )
    assert model.trip_booking_end(now, now + timedelta(days=5), minimum, maximum) == now + maximum
    assert model.trip_km(12_000_000, 12_023_999) == 23
    assert model.trip_km(None, 5) == 0
