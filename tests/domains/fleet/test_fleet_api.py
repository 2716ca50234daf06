"""The fleet through its HTTP API: a pool car is a bookable resource; maintenance and
retirement block its bookings and name the affected ones; damage; the centre's board;
who may do what; brands see only their own cars."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select

from motorpool.domains import fleet
from motorpool.platform.outbox import OutboxMessage
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import assert_problem, create_account
from tests.domains.fleet.factories import add_car, at, book, later_workday, make_fleet, workday
from tests.domains.vehicles.factories import make_car


async def fleet_events(uow_factory: UnitOfWorkFactory, brand: Tenant) -> list[tuple[str, dict]]:
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = await uow.session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.tenant_id == brand.id, OutboxMessage.name.like("fleet.%"))
            .order_by(OutboxMessage.occurred_at)
        )
        return [(r.name, r.payload) for r in rows.scalars()]


async def change(client: httpx.AsyncClient, headers, car_id, **body) -> httpx.Response:
    return await client.post(f"/fleet/cars/{car_id}/state", headers=headers, json=body)


async def test_adding_to_a_pool_makes_the_car_bookable(
    client, uow_factory, brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    vehicle = await make_car(uow_factory, brand)
    body = {"vehicle_id": str(vehicle.id), "centre_id": str(team.centre.id), "pool": "rental"}
    keyed = {**team.manager.headers, "Idempotency-Key": "add-1"}
    answer = await client.post("/fleet/cars", headers=keyed, json=body)
    assert answer.status_code == 201, answer.text
    car = answer.json()
    assert car["state"] == "ready"
    assert car["bookable"] is True
    assert car["vin"] == vehicle.vin
    assert car["label"].startswith("Aurora 4S")
    replay = await client.post("/fleet/cars", headers=keyed, json=body)
    assert replay.status_code == 201
    assert replay.json()["id"] == car["id"]

    resource = await client.get(
        f"/booking/resources/{car['resource_id']}", headers=team.staff.headers
    )
    assert resource.status_code == 200, resource.text
    assert resource.json() | {"id": None} == {
        "id": None,
        "kind": "unit",
        "capacity": 1,
        "centre_id": str(team.centre.id),
        "time_zone": "Europe/Berlin",
        "pool": "rental",
        "label": car["label"],
        "model": "Aurora",
        "powertrain": "BEV",
        "external_ref": vehicle.vin,
        "active": True,
    }
    booked = await book(client, team.customer, car["resource_id"], workday())
    assert booked.status_code == 200, booked.text
    assert booked.json()["status"] == "confirmed"

    async with uow_factory(tenant_id=brand.id) as uow:
        behind = await fleet.car_for_resource(uow=uow, resource_id=uuid.UUID(car["resource_id"]))
    assert behind.vehicle_id == vehicle.id

    # one pool at a time
    assert_problem(
        await client.post(
            "/fleet/cars", headers=team.manager.headers, json={**body, "pool": "carsharing"}
        ),
        409,
        "vehicle-already-in-pool",
    )
    listed = await client.get(
        "/fleet/cars", headers=team.staff.headers, params={"centre_id": str(team.centre.id)}
    )
    assert [c["id"] for c in listed.json()["items"]] == [car["id"]]
    assert (await fleet_events(uow_factory, brand))[0][0] == "fleet.FleetCarAdded"


async def test_maintenance_blocks_the_car_and_names_the_bookings_to_move(
    client, uow_factory, brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    car = await add_car(client, uow_factory, brand, team)
    other = await add_car(client, uow_factory, brand, team)
    day = workday()
    booked = (await book(client, team.customer, car["resource_id"], day)).json()
    untouched = (await book(client, team.customer, other["resource_id"], day)).json()
    until = datetime.fromisoformat(at(later_workday(day, 2), "18:00"))

    assert_problem(
        await change(client, team.staff.headers, car["id"], state="maintenance", reason="brakes"),
        422,
        "invalid-maintenance-end",
    )
    answer = await change(
        client,
        team.staff.headers,
        car["id"],
        state="maintenance",
        reason="brake discs",
        until=until.isoformat(),
    )
    assert answer.status_code == 200, answer.text
    moved = answer.json()
    assert moved["state"] == "maintenance"
    assert moved["bookable"] is False
    assert datetime.fromisoformat(moved["blocked_until"]) == until

    # a car in maintenance cannot be booked: booking refuses a hold in that time
    assert_problem(
        await book(client, team.customer, car["resource_id"], later_workday(day)),
        409,
        "slot-taken",
    )
    # after the maintenance it can
    assert (await book(client, team.customer, car["resource_id"], later_workday(day, 7))).is_success

    left = [
        p for n, p in await fleet_events(uow_factory, brand) if n == "fleet.FleetCarLeftService"
    ]
    assert len(left) == 1
    assert left[0]["car_id"] == car["id"]
    assert left[0]["resource_id"] == car["resource_id"]
    assert left[0]["affected_booking_ids"] == [booked["id"]]
    assert untouched["id"] not in left[0]["affected_booking_ids"]
    assert left[0]["state"] == "maintenance"
    assert datetime.fromisoformat(left[0]["until"]) == until

    history = (
        await client.get(f"/fleet/cars/{car['id']}/history", headers=team.staff.headers)
    ).json()
    assert [(h["from_state"], h["to_state"]) for h in history] == [
        (None, "ready"),
        ("ready", "maintenance"),
    ]
    assert history[1]["actor_id"] == str(team.staff.id)
    assert history[1]["affected_booking_ids"] == [booked["id"]]

    # back to ready early: the maintenance block ends now, the car is bookable again
    ready = await change(client, team.staff.headers, car["id"], state="ready", reason="done")
    assert ready.status_code == 200, ready.text
    assert ready.json()["state"] == "ready"
    assert ready.json()["bookable"] is True
    assert ready.json()["blocked_until"] is None
    again = await book(client, team.customer, car["resource_id"], later_workday(day))
    assert again.is_success, again.text
    assert again.json()["status"] == "confirmed"


async def test_retired_is_final_and_the_vehicle_may_serve_another_pool(
    client, uow_factory, brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    car = await add_car(client, uow_factory, brand, team)
    far = workday(200)
    booked = (await book(client, team.customer, car["resource_id"], workday())).json()
    retired = await change(client, team.manager.headers, car["id"], state="retired", reason="sold")
    assert retired.status_code == 200, retired.text
    assert retired.json()["state"] == "retired"
    assert retired.json()["bookable"] is False
    for state in ("ready", "maintenance", "retired"):
        body = {"state": state, "reason": "again"}
        if state == "maintenance":
            body["until"] = (datetime.now(UTC) + timedelta(days=1)).isoformat()
        assert_problem(
            await change(client, team.manager.headers, car["id"], **body),
            409,
            "invalid-fleet-transition",
        )
    assert_problem(await book(client, team.customer, car["resource_id"], far), 409, "slot-taken")
    left = [
        p for n, p in await fleet_events(uow_factory, brand) if n == "fleet.FleetCarLeftService"
    ]
    assert left[0]["affected_booking_ids"] == [booked["id"]]
    assert left[0]["until"] is None

    again = await add_car(
        client, uow_factory, brand, team, pool="subscription", vehicle_id=car["vehicle_id"]
    )
    assert again["id"] != car["id"]
    assert again["resource_id"] != car["resource_id"]
    retired_only = await client.get(
        "/fleet/cars", headers=team.staff.headers, params={"state": "retired"}
    )
    assert [c["id"] for c in retired_only.json()["items"]] == [car["id"]]


async def test_severe_damage_sends_the_car_to_maintenance(
    client, uow_factory, brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    car = await add_car(client, uow_factory, brand, team)
    day = workday()
    booked = (await book(client, team.customer, car["resource_id"], day)).json()
    now = datetime.now(UTC)

    def damage(severity: str, **extra) -> dict:
        return {
            "area": "front bumper",
            "description": "scratch on the left",
            "severity": severity,
            "photo_refs": ["s3://damage/1.jpg", "https://cdn.example/2.jpg"],
            "reported_at": now.isoformat(),
            **extra,
        }

    url = f"/fleet/cars/{car['id']}/damages"
    minor = await client.post(
        url,
        headers=team.staff.headers,
        json=damage("minor", reported_at=(now - timedelta(hours=1)).isoformat()),
    )
    assert minor.status_code == 201, minor.text
    assert minor.json()["photo_refs"] == ["s3://damage/1.jpg", "https://cdn.example/2.jpg"]
    assert minor.json()["reported_by"] == str(team.staff.id)
    still = (await client.get(f"/fleet/cars/{car['id']}", headers=team.staff.headers)).json()
    assert still["state"] == "ready"

    assert_problem(
        await client.post(
            url, headers=team.staff.headers, json=damage("minor", booking_id=str(uuid.uuid4()))
        ),
        404,
        "booking-not-found",
    )
    repair_until = datetime.fromisoformat(at(later_workday(day, 3), "12:00"))
    severe = await client.post(
        url,
        headers=team.staff.headers,
        json=damage(
            "severe",
            area="rear axle",
            booking_id=booked["id"],
            repair_until=repair_until.isoformat(),
        ),
    )
    assert severe.status_code == 201, severe.text
    assert severe.json()["booking_id"] == booked["id"]
    shown = (await client.get(f"/fleet/cars/{car['id']}", headers=team.staff.headers)).json()
    assert shown["state"] == "maintenance"
    assert shown["state_reason"] == "severe damage: rear axle"
    assert datetime.fromisoformat(shown["blocked_until"]) == repair_until
    assert_problem(await book(client, team.customer, car["resource_id"], day), 409, "slot-taken")

    listed = (await client.get(url, headers=team.staff.headers)).json()
    assert [d["severity"] for d in listed] == ["severe", "minor"]
    fixed = await client.post(f"{url}/{minor.json()['id']}/repaired", headers=team.staff.headers)
    assert fixed.status_code == 200
    assert fixed.json()["repaired_at"]
    still_open = (
        await client.get(url, headers=team.staff.headers, params={"open_only": True})
    ).json()
    assert [d["area"] for d in still_open] == ["rear axle"]
    names = [n for n, _ in await fleet_events(uow_factory, brand)]
    assert names[-4:] == [
        "fleet.DamageReported",
        "fleet.DamageReported",
        "fleet.FleetCarStateChanged",
        "fleet.FleetCarLeftService",
    ]


async def test_board_shows_state_damages_and_current_and_next_bookings(
    client, uow_factory, brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    first = await add_car(client, uow_factory, brand, team)
    second = await add_car(client, uow_factory, brand, team, pool="carsharing")
    gone = await add_car(client, uow_factory, brand, team)
    day, next_day = workday(), later_workday(workday())
    today_booking = (await book(client, team.customer, first["resource_id"], day)).json()
    tomorrow = (await book(client, team.customer, first["resource_id"], next_day)).json()
    await change(client, team.manager.headers, gone["id"], state="retired", reason="sold")
    await change(client, team.staff.headers, second["id"], state="cleaning", reason="valet")
    await client.post(
        f"/fleet/cars/{second['id']}/damages",
        headers=team.staff.headers,
        json={
            "area": "mirror",
            "description": "cracked",
            "severity": "moderate",
            "reported_at": datetime.now(UTC).isoformat(),
        },
    )

    answer = await client.get(
        "/fleet/board", headers=team.staff.headers, params={"centre_id": str(team.centre.id)}
    )
    assert answer.status_code == 200, answer.text
    board = {c["car_id"]: c for c in answer.json()["cars"]}
    assert set(board) == {first["id"], second["id"]}  # retired cars are off the board
    assert board[first["id"]]["current_booking"] is None
    assert board[first["id"]]["next_booking"]["booking_id"] == today_booking["id"]
    assert board[second["id"]]["state"] == "cleaning"
    assert board[second["id"]]["open_damages"] == 1
    assert board[second["id"]]["next_booking"] is None

    # at noon of the first booking's day: it runs now, the second is next
    noon = datetime.fromisoformat(at(day, "12:00"))
    async with uow_factory(tenant_id=brand.id) as uow:
        later = await fleet.fleet_board(uow=uow, centre_id=team.centre.id, now=noon)
    row = next(c for c in later.cars if str(c.car_id) == first["id"])
    assert row.current_booking is not None
    assert row.next_booking is not None
    assert str(row.current_booking.booking_id) == today_booking["id"]
    assert row.current_booking.status == "confirmed"
    assert row.current_booking.ends_at == datetime.fromisoformat(at(day, "15:00"))
    assert str(row.next_booking.booking_id) == tomorrow["id"]
    assert row.next_booking.starts_at == datetime.fromisoformat(at(next_day, "09:00"))

    # handed over, and not back after its end: still the current booking, started
    started = await client.post(
        f"/booking/bookings/{today_booking['id']}/start", headers=team.staff.headers
    )
    assert started.status_code == 200, started.text
    evening = datetime.fromisoformat(at(day, "20:00"))
    async with uow_factory(tenant_id=brand.id) as uow:
        overdue = await fleet.fleet_board(uow=uow, centre_id=team.centre.id, now=evening)
    row = next(c for c in overdue.cars if str(c.car_id) == first["id"])
    assert row.current_booking is not None
    assert str(row.current_booking.booking_id) == today_booking["id"]
    assert row.current_booking.status == "started"
    assert row.next_booking is not None
    assert str(row.next_booking.booking_id) == tomorrow["id"]


async def test_roles_customers_and_staff_without_the_role_change_nothing(
    client, uow_factory, brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    car = await add_car(client, uow_factory, brand, team)
    vehicle = await make_car(uow_factory, brand)
    body = {"vehicle_id": str(vehicle.id), "centre_id": str(team.centre.id), "pool": "rental"}
    for who in (team.customer, team.staff):  # adding to a pool is the fleet manager's
        problem = assert_problem(
            await client.post("/fleet/cars", headers=who.headers, json=body), 403, "forbidden"
        )
        assert "fleet_manager" in str(problem["detail"])
    customer = team.customer.headers
    until = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    denied = [
        await client.get("/fleet/cars", headers=customer),
        await client.get(f"/fleet/cars/{car['id']}", headers=customer),
        await client.get(
            "/fleet/board", headers=customer, params={"centre_id": str(team.centre.id)}
        ),
        await change(client, customer, car["id"], state="maintenance", reason="x", until=until),
        await client.post(
            f"/fleet/cars/{car['id']}/damages",
            headers=customer,
            json={
                "area": "roof",
                "description": "dent",
                "severity": "severe",
                "reported_at": datetime.now(UTC).isoformat(),
            },
        ),
        await client.get(f"/fleet/cars/{car['id']}/damages", headers=customer),
    ]
    for answer in denied:
        assert_problem(answer, 403, "forbidden")
    assert_problem(await client.get("/fleet/cars"), 401, "unauthenticated")

    listed = (await client.get("/fleet/cars", headers=team.manager.headers)).json()
    assert [c["id"] for c in listed["items"]] == [car["id"]]
    same = listed["items"][0]
    assert same["state"] == "ready"
    assert same["bookable"] is True
    assert (
        await client.get(f"/fleet/cars/{car['id']}/damages", headers=team.staff.headers)
    ).json() == []
    assert [n for n, _ in await fleet_events(uow_factory, brand)] == ["fleet.FleetCarAdded"]


async def test_another_brand_sees_nothing(
    client, other_client, app, uow_factory, brand, other_brand, make_account
) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    car = await add_car(client, uow_factory, brand, team)
    outsider = await create_account(uow_factory, other_client, other_brand, role="brand_admin")
    listed = await other_client.get("/fleet/cars", headers=outsider.headers)
    assert listed.status_code == 200
    assert listed.json()["total"] == 0
    assert_problem(
        await other_client.get(f"/fleet/cars/{car['id']}", headers=outsider.headers),
        404,
        "fleet-car-not-found",
    )
    assert_problem(
        await change(other_client, outsider.headers, car["id"], state="retired", reason="x"),
        404,
        "fleet-car-not-found",
    )
    assert_problem(
        await other_client.get(
            "/fleet/board", headers=outsider.headers, params={"centre_id": str(team.centre.id)}
        ),
        404,
    )
    # a token of this brand does not work at the other brand's host
    assert_problem(await other_client.get("/fleet/cars", headers=team.manager.headers), 401)
    mine = (await client.get(f"/fleet/cars/{car['id']}", headers=team.staff.headers)).json()
    assert mine["state"] == "ready"


async def test_seed_fleet_adds_each_vehicle_once(client, uow_factory, brand, make_account) -> None:
    team = await make_fleet(uow_factory, brand, make_account)
    ids = [(await make_car(uow_factory, brand)).id for _ in range(2)]
    for expected in (2, 0):
        async with uow_factory(tenant_id=brand.id, write=True) as uow:
            added = await fleet.seed_fleet(
                uow=uow, centre_id=team.centre.id, vehicle_ids=ids, pool=fleet.FleetPool.testdrive
            )
            await uow.commit()
        assert len(added) == expected
    listed = await client.get(
        "/fleet/cars", headers=team.staff.headers, params={"pool": "testdrive"}
    )
    assert sorted(c["vehicle_id"] for c in listed.json()["items"]) == sorted(map(str, ids))
