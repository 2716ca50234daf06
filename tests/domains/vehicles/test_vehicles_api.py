"""My garage, pairing with the code the car shows, live status, ingestion rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from motorpool.simulator.cars import SimulatedCar
from tests.conftest import assert_problem
from tests.domains.vehicles.factories import make_car, random_vin


def report(vin: str, at: datetime, **signals: object) -> dict[str, object]:
    return {"vin": vin, "observed_at": at.isoformat(), "signals": signals}


async def test_wrong_vin_is_a_clear_error(client, make_account) -> None:
    fleet = await make_account(role="fleet_manager")
    owner = await make_account()
    vin = random_vin()
    bad = vin[:8] + ("1" if vin[8] != "1" else "2") + vin[9:]
    answer = await client.post("/vehicles/garage/pairing", headers=owner.headers, json={"vin": bad})
    body = assert_problem(answer, 422, "invalid-vin")
    assert "check digit" in body["detail"]
    short = await client.post(
        "/vehicles/garage/pairing", headers=owner.headers, json={"vin": "WMP123"}
    )
    assert_problem(short, 422, "invalid-vin")
    assert fleet.headers


async def test_pairing_with_the_code_the_car_shows_and_a_sale(
    client, uow_factory, brand, make_account, simulator
) -> None:
    cars, _ = simulator
    car = await make_car(uow_factory, brand)
    cars[car.vin] = SimulatedCar(vin=car.vin)
    first, second = await make_account(), await make_account()
    started = await client.post(
        "/vehicles/garage/pairing", headers=first.headers, json={"vin": car.vin}
    )
    assert started.status_code == 202, started.text
    code = cars[car.vin].display  # what the owner reads off the car's screen
    assert len(code) == 6
    wrong = "000000" if code != "000000" else "111111"
    assert_problem(
        await client.post(
            "/vehicles/garage", headers=first.headers, json={"vin": car.vin, "code": wrong}
        ),
        422,
        "wrong-pairing-code",
    )
    paired = await client.post(
        "/vehicles/garage", headers=first.headers, json={"vin": car.vin, "code": code}
    )
    assert paired.status_code == 201, paired.text
    garage = (await client.get("/vehicles/garage", headers=first.headers)).json()
    assert [c["vehicle"]["vin"] for c in garage] == [car.vin]
    assert garage[0]["model"]["power_ps"] == 598
    # the car is sold: the new owner pairs, the old one loses access at once
    await client.post("/vehicles/garage/pairing", headers=second.headers, json={"vin": car.vin})
    code2 = cars[car.vin].display
    taken = await client.post(
        "/vehicles/garage", headers=second.headers, json={"vin": car.vin, "code": code2}
    )
    assert taken.status_code == 201
    assert (await client.get("/vehicles/garage", headers=first.headers)).json() == []
    assert_problem(
        await client.get(f"/vehicles/garage/{car.id}/status", headers=first.headers),
        404,
        "vehicle-not-found",
    )


async def test_pairing_codes_run_out_after_five_wrong_tries(
    client, uow_factory, brand, make_account, simulator
) -> None:
    cars, _ = simulator
    car = await make_car(uow_factory, brand)
    cars[car.vin] = SimulatedCar(vin=car.vin)
    owner = await make_account()
    await client.post("/vehicles/garage/pairing", headers=owner.headers, json={"vin": car.vin})
    code = cars[car.vin].display
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        await client.post(
            "/vehicles/garage", headers=owner.headers, json={"vin": car.vin, "code": wrong}
        )
    late = await client.post(
        "/vehicles/garage", headers=owner.headers, json={"vin": car.vin, "code": code}
    )
    assert_problem(late, 422, "wrong-pairing-code")


async def test_unreachable_car_is_503(client, uow_factory, brand, make_account) -> None:
    car = await make_car(uow_factory, brand)  # not connected to the simulator
    owner = await make_account()
    answer = await client.post(
        "/vehicles/garage/pairing", headers=owner.headers, json={"vin": car.vin}
    )
    assert_problem(answer, 503, "vehicle-unreachable")


async def test_batch_keeps_good_items_and_names_bad_ones(
    client, uow_factory, brand, make_account
) -> None:
    owner = await make_account()
    backend = await make_account(role="vehicle_backend")
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    other = await make_car(uow_factory, brand)
    now = datetime.now(UTC)
    batch = {
        "reports": [
            report(
                car.vin,
                now,
                **{
                    "Vehicle.TraveledDistance": 1_234_000,
                    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current": 140,  # out of range
                    "Vehicle.Warp.Factor": 9,  # not a VSS signal
                    "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked": True,
                },
            ),
            report(other.vin, now, **{"Vehicle.Speed": 88.5}),
            report(random_vin(), now, **{"Vehicle.Speed": 10}),  # unknown car
        ]
    }
    assert_problem(await client.post("/vehicles/telemetry", headers=owner.headers, json=batch), 403)
    answer = await client.post("/vehicles/telemetry", headers=backend.headers, json=batch)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["accepted_signals"] == 3
    assert result["accepted_reports"] == 2
    reasons = {(r["report"], r["signal"]): r["reason"] for r in result["rejected"]}
    assert (
        "out of range" in reasons[(0, "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current")]
    )
    assert "unknown signal" in reasons[(0, "Vehicle.Warp.Factor")]
    assert reasons[(2, None)] == "unknown vehicle"
    status = (await client.get(f"/vehicles/garage/{car.id}/status", headers=owner.headers)).json()
    assert status["signals"]["Vehicle.TraveledDistance"]["value"] == 1_234_000
    assert status["signals"]["Vehicle.Cabin.Door.Row1.DriverSide.IsLocked"]["value"] is True
    assert "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current" not in status["signals"]
    assert status["age_seconds"] >= 0


async def test_stale_reports_never_overwrite_newer_state(
    client, uow_factory, brand, make_account
) -> None:
    owner = await make_account()
    backend = await make_account(role="vehicle_backend")
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    now = datetime.now(UTC)
    newer = report(car.vin, now, **{"Vehicle.TraveledDistance": 2_000})
    older = report(car.vin, now - timedelta(minutes=5), **{"Vehicle.TraveledDistance": 1_000})
    await client.post("/vehicles/telemetry", headers=backend.headers, json={"reports": [newer]})
    late = await client.post(
        "/vehicles/telemetry", headers=backend.headers, json={"reports": [older]}
    )
    assert late.json()["stale_signals"] == 1
    status = (await client.get(f"/vehicles/garage/{car.id}/status", headers=owner.headers)).json()
    assert status["signals"]["Vehicle.TraveledDistance"]["value"] == 2_000
    history = (
        await client.get(
            f"/vehicles/garage/{car.id}/history",
            headers=owner.headers,
            params={"signal": "Vehicle.TraveledDistance"},
        )
    ).json()
    assert [p["value"] for p in history] == [1_000, 2_000]


async def test_owners_never_read_each_others_cars(
    client, other_client, uow_factory, brand, make_account
) -> None:
    owner, stranger = await make_account(), await make_account()
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    assert_problem(
        await client.get(f"/vehicles/garage/{car.id}/status", headers=stranger.headers), 404
    )
    assert (await client.get("/vehicles/garage", headers=stranger.headers)).json() == []
    assert_problem(
        await other_client.get(f"/vehicles/garage/{car.id}/status", headers=owner.headers), 401
    )


async def test_service_due_is_derived_once(client, uow_factory, brand, make_account, app) -> None:
    from sqlalchemy import select

    from motorpool.platform.outbox import OutboxMessage

    owner = await make_account()
    backend = await make_account(role="vehicle_backend")
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    now = datetime.now(UTC)
    for minutes, km in ((3, 120.0), (2, -5.0), (1, -6.0)):
        await client.post(
            "/vehicles/telemetry",
            headers=backend.headers,
            json={
                "reports": [
                    report(
                        car.vin,
                        now - timedelta(minutes=minutes),
                        **{"Vehicle.Service.DistanceToService": km},
                    )
                ]
            },
        )
    status = (await client.get(f"/vehicles/garage/{car.id}/status", headers=owner.headers)).json()
    assert status["service_due"] is True
    async with uow_factory(tenant_id=None) as uow:
        names = (
            (
                await uow.session.execute(
                    select(OutboxMessage.payload).where(
                        OutboxMessage.name == "vehicles.ServiceBecameDue",
                        OutboxMessage.tenant_id == brand.id,
                    )
                )
            )
            .scalars()
            .all()
        )
    assert [p["vehicle_id"] for p in names] == [str(car.id)]


async def test_remote_lock_reaches_the_car(
    client, uow_factory, brand, make_account, simulator
) -> None:
    cars, _ = simulator
    owner = await make_account()
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    cars[car.vin] = SimulatedCar(vin=car.vin, locked=True)
    answer = await client.post(
        f"/vehicles/garage/{car.id}/commands", headers=owner.headers, json={"command": "unlock"}
    )
    assert answer.status_code == 202, answer.text
    assert cars[car.vin].locked is False


async def test_simulator_reports_and_the_owner_sees_the_car_move(
    app, client, uow_factory, brand, make_account
) -> None:
    from motorpool.simulator.driver import Reporter, drive

    owner = await make_account()
    backend = await make_account(role="vehicle_backend")
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    simulated = SimulatedCar(vin=car.vin, locked=False)
    reporter = Reporter(client, backend.email, backend.password)
    await drive([simulated], reporter, ticks=1, interval=60, pause=0)
    first = (await client.get(f"/vehicles/garage/{car.id}/status", headers=owner.headers)).json()
    await drive([simulated], reporter, ticks=3, interval=60, seed=11, pause=0)
    later = (await client.get(f"/vehicles/garage/{car.id}/status", headers=owner.headers)).json()
    distance = "Vehicle.TraveledDistance"
    assert later["signals"][distance]["value"] > first["signals"][distance]["value"]
    assert later["as_of"] > first["as_of"]


async def test_gdpr_export_and_erasure_reach_my_cars(
    client, uow_factory, brand, make_account
) -> None:
    import asyncio

    from motorpool.domains import vehicles

    owner = await make_account()
    car = await make_car(uow_factory, brand, owner_id=owner.id)
    export = (await client.get("/identity/me/export", headers=owner.headers)).json()
    assert [o["vin"] for o in export["domains"]["vehicles"]["ownerships"]] == [car.vin]
    assert export["domains"]["booking"] == {"bookings": []}
    erased = await client.post(
        "/identity/me/erase", headers=owner.headers, json={"password": owner.password}
    )
    assert erased.status_code == 204
    for _ in range(100):  # the CustomerErased event reaches the vehicles domain after commit
        async with uow_factory(tenant_id=brand.id) as uow:
            if not await vehicles.garage(uow=uow, owner_id=owner.id):
                break
        await asyncio.sleep(0.05)
    async with uow_factory(tenant_id=brand.id) as uow:
        assert await vehicles.garage(uow=uow, owner_id=owner.id) == []


async def test_a_fleets_statuses_in_one_call(client, uow_factory, brand, make_account) -> None:
    """Operators' views (GBFS) read many cars at once; unknown ids are left out."""
    import uuid as _uuid

    from motorpool.domains import vehicles

    owner = await make_account()
    first = await make_car(uow_factory, brand, owner_id=owner.id)
    second = await make_car(uow_factory, brand)
    async with uow_factory(tenant_id=brand.id) as uow:
        found = await vehicles.statuses(
            uow=uow, vehicle_ids=[first.id, second.id, _uuid.uuid4(), first.id]
        )
    assert set(found) == {first.id, second.id}
    vehicle, status = found[second.id]
    assert vehicle.vin == second.vin
    assert status.vin == second.vin
    assert status.as_of is None  # it never reported
