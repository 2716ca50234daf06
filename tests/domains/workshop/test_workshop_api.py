"""Workshop appointments through the HTTP API: booking a bay in a free slot, a double-booked
slot leaving nothing behind, the courtesy car, rescheduling, cancelling, who sees what."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select

from motorpool.domains import workshop
from motorpool.platform.outbox import OutboxMessage
from tests.conftest import assert_problem
from tests.domains.workshop.factories import Owner, at, make_owner, make_workshop, workday


async def book(client: httpx.AsyncClient, owner: Owner, centre_id, **body) -> httpx.Response:
    return await client.post(
        "/workshop/appointments",
        headers=owner.headers,
        json={
            "vehicle_id": str(owner.car.id),
            "centre_id": str(centre_id),
            "service_codes": ["inspection"],
            **body,
        },
    )


async def bookings_of(client: httpx.AsyncClient, owner: Owner) -> list[dict]:
    answer = await client.get("/booking/bookings", headers=owner.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def appointments_of(client: httpx.AsyncClient, owner: Owner) -> list[dict]:
    answer = await client.get("/workshop/appointments", headers=owner.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def test_service_types_and_their_durations(
    client, uow_factory, brand, make_account, admin_headers
) -> None:
    await make_workshop(uow_factory, brand)
    again = await client.post("/workshop/service-types/standard", headers=admin_headers)
    assert again.status_code == 200, again.text  # idempotent: nothing is added twice
    types = (await client.get("/workshop/service-types")).json()
    assert [t["code"] for t in types] == [
        "inspection",
        "oil_service",
        "tyre_change",
        "brake_check",
        "software_update",
        "repair",
    ]
    assert types[0]["name_de"] == "Inspektion"
    assert types[0]["minutes_by_model_line"]["Aurora"] == 150
    fleet = await make_account(role="fleet_manager")
    changed = await client.put(
        "/workshop/service-types/software_update/durations/Aurora",
        headers=fleet.headers,
        json={"minutes": 50},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["minutes_by_model_line"] == {"Aurora": 50}
    customer = await make_account()
    assert_problem(
        await client.put(
            "/workshop/service-types/repair/durations/Aurora",
            headers=customer.headers,
            json={"minutes": 10},
        ),
        403,
    )
    assert_problem(
        await client.put(
            "/workshop/service-types/polish/durations/Aurora",
            headers=fleet.headers,
            json={"minutes": 10},
        ),
        404,
        "service-type-not-found",
    )


async def test_book_in_a_free_slot_and_see_it_listed(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_workshop(uow_factory, brand)
    owner = await make_owner(uow_factory, brand, make_account)
    day = workday()
    query = {
        "centre_id": str(centre.id),
        "day": day.isoformat(),
        "vehicle_id": str(owner.car.id),
        "services": ["inspection", "software_update"],
    }
    slots = await client.get("/workshop/slots", params=query, headers=owner.headers)
    assert slots.status_code == 200, slots.text
    plan = slots.json()
    # inspection takes 150 minutes on an Aurora, the update 30: three hours
    assert plan["duration_minutes"] == 180
    starts = [s["starts_at"] for s in plan["slots"]]
    assert starts[0] == at(day, "08:00")
    assert starts[-1] == at(day, "15:00")  # the last one that ends by 18:00
    assert len(starts) == 15

    answer = await book(
        client,
        owner,
        centre.id,
        service_codes=["inspection", "software_update"],
        starts_at=at(day, "09:00"),
        note="squeaky brakes",
    )
    assert answer.status_code == 201, answer.text
    made = answer.json()
    assert made["status"] == "booked"
    assert made["local_starts_at"] == at(day, "09:00")
    assert made["local_ends_at"] == at(day, "12:00")
    assert made["duration_minutes"] == 180
    assert made["vin"] == owner.car.vin
    assert made["model_line"] == "Aurora"
    assert made["courtesy_booking_id"] is None
    assert [a["id"] for a in await appointments_of(client, owner)] == [made["id"]]
    bay = await client.get(f"/booking/bookings/{made['booking_id']}", headers=owner.headers)
    assert bay.json()["status"] == "confirmed"
    assert bay.json()["product"] == "servicing"
    one = await client.get(f"/workshop/appointments/{made['id']}", headers=owner.headers)
    assert one.json()["note"] == "squeaky brakes"

    after = (await client.get("/workshop/slots", params=query, headers=owner.headers)).json()
    left = [s["starts_at"] for s in after["slots"]]
    # the one bay is busy 09:00-12:00: a three-hour job fits only from 12:00 on
    assert left == [at(day, "12:00"), at(day, "12:30"), at(day, "13:00"), *left[3:]]
    assert at(day, "08:00") not in left


async def test_a_double_booked_slot_is_refused_and_leaves_nothing(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_workshop(uow_factory, brand, bays=1)
    first = await make_owner(uow_factory, brand, make_account)
    second = await make_owner(uow_factory, brand, make_account)
    day = workday()
    assert (await book(client, first, centre.id, starts_at=at(day, "10:00"))).status_code == 201
    same = await book(client, second, centre.id, starts_at=at(day, "10:00"))
    assert_problem(same, 409, "slot-taken")
    overlapping = await book(client, second, centre.id, starts_at=at(day, "11:30"))
    assert_problem(overlapping, 409, "slot-taken")
    assert await appointments_of(client, second) == []
    assert await bookings_of(client, second) == []
    # the bay is free again from 12:30, when the first inspection (150 minutes) ends
    later = await book(client, second, centre.id, starts_at=at(day, "12:30"))
    assert later.status_code == 201, later.text


async def test_two_bays_take_two_at_once(client, uow_factory, brand, make_account) -> None:
    centre = await make_workshop(uow_factory, brand, bays=2)
    owners = [await make_owner(uow_factory, brand, make_account) for _ in range(3)]
    day = workday()
    for owner in owners[:2]:
        answer = await book(client, owner, centre.id, starts_at=at(day, "08:00"))
        assert answer.status_code == 201, answer.text
    assert_problem(await book(client, owners[2], centre.id, starts_at=at(day, "08:00")), 409)


async def test_courtesy_car_held_and_released_on_cancel(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_workshop(uow_factory, brand, bays=2, courtesy_cars=1)
    first = await make_owner(uow_factory, brand, make_account)
    second = await make_owner(uow_factory, brand, make_account)
    day = workday()
    made = await book(client, first, centre.id, starts_at=at(day, "09:00"), wants_courtesy_car=True)
    assert made.status_code == 201, made.text
    appointment = made.json()
    car = await client.get(
        f"/booking/bookings/{appointment['courtesy_booking_id']}", headers=first.headers
    )
    assert car.json()["status"] == "confirmed"
    assert car.json()["product"] == "courtesy"
    assert car.json()["local_starts_at"] == at(day, "09:00")
    assert car.json()["local_ends_at"] == at(day, "11:30")

    # a bay is free, the only courtesy car is not: nothing is booked for the second owner
    refused = await book(
        client, second, centre.id, starts_at=at(day, "10:00"), wants_courtesy_car=True
    )
    assert_problem(refused, 409, "courtesy-car-unavailable")
    assert await bookings_of(client, second) == []
    assert await appointments_of(client, second) == []

    cancelled = await client.post(
        f"/workshop/appointments/{appointment['id']}/cancel", headers=first.headers
    )
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    statuses = {b["product"]: b["status"] for b in await bookings_of(client, first)}
    assert statuses == {"servicing": "cancelled", "courtesy": "cancelled"}
    assert_problem(
        await client.post(
            f"/workshop/appointments/{appointment['id']}/cancel", headers=first.headers
        ),
        409,
        "invalid-appointment-transition",
    )
    now_free = await book(
        client, second, centre.id, starts_at=at(day, "10:00"), wants_courtesy_car=True
    )
    assert now_free.status_code == 201, now_free.text


async def test_reschedule_into_a_taken_slot_keeps_the_original(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_workshop(uow_factory, brand, bays=1, courtesy_cars=1)
    first = await make_owner(uow_factory, brand, make_account)
    second = await make_owner(uow_factory, brand, make_account)
    day = workday()
    mine = (
        await book(client, first, centre.id, starts_at=at(day, "08:00"), wants_courtesy_car=True)
    ).json()
    assert (await book(client, second, centre.id, starts_at=at(day, "13:00"))).status_code == 201

    clash = await client.patch(
        f"/workshop/appointments/{mine['id']}",
        headers=first.headers,
        json={"starts_at": at(day, "12:00")},
    )
    assert_problem(clash, 409, "slot-taken")
    kept = (await client.get(f"/workshop/appointments/{mine['id']}", headers=first.headers)).json()
    assert kept["local_starts_at"] == at(day, "08:00")
    assert kept["status"] == "booked"
    bay = (
        await client.get(f"/booking/bookings/{mine['booking_id']}", headers=first.headers)
    ).json()
    assert bay["local_starts_at"] == at(day, "08:00")

    next_day = day + timedelta(days=1)
    moved = await client.patch(
        f"/workshop/appointments/{mine['id']}",
        headers=first.headers,
        json={"starts_at": at(next_day, "14:00")},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["status"] == "rescheduled"
    assert moved.json()["local_ends_at"] == at(next_day, "16:30")
    for booking_id in (mine["booking_id"], moved.json()["courtesy_booking_id"]):
        found = (await client.get(f"/booking/bookings/{booking_id}", headers=first.headers)).json()
        assert found["local_starts_at"] == at(next_day, "14:00")
        assert found["status"] == "confirmed"


async def test_another_owners_car_and_appointment_are_not_found(
    client, uow_factory, brand, make_account
) -> None:
    centre = await make_workshop(uow_factory, brand)
    owner = await make_owner(uow_factory, brand, make_account)
    stranger = await make_owner(uow_factory, brand, make_account)
    day = workday()
    borrowed = await client.post(
        "/workshop/appointments",
        headers=stranger.headers,
        json={
            "vehicle_id": str(owner.car.id),
            "centre_id": str(centre.id),
            "service_codes": ["inspection"],
            "starts_at": at(day, "09:00"),
        },
    )
    assert_problem(borrowed, 404, "vehicle-not-found")
    assert await bookings_of(client, stranger) == []
    slots = await client.get(
        "/workshop/slots",
        headers=stranger.headers,
        params={
            "centre_id": str(centre.id),
            "day": day.isoformat(),
            "vehicle_id": str(owner.car.id),
            "services": ["inspection"],
        },
    )
    assert_problem(slots, 404, "vehicle-not-found")
    made = (await book(client, owner, centre.id, starts_at=at(day, "09:00"))).json()
    path = f"/workshop/appointments/{made['id']}"
    assert_problem(await client.get(path, headers=stranger.headers), 404, "appointment-not-found")
    assert_problem(await client.post(f"{path}/cancel", headers=stranger.headers), 404)
    assert_problem(
        await client.patch(path, headers=stranger.headers, json={"starts_at": at(day, "14:00")}),
        404,
    )
    assert_problem(await client.get(path), 401)


async def test_staff_day_sheet(client, uow_factory, brand, make_account) -> None:
    centre = await make_workshop(uow_factory, brand, bays=3)
    other_centre = await make_workshop(uow_factory, brand, bays=1)
    owners = [await make_owner(uow_factory, brand, make_account) for _ in range(3)]
    day = workday()
    late = (await book(client, owners[0], centre.id, starts_at=at(day, "14:00"))).json()
    early = (await book(client, owners[1], centre.id, starts_at=at(day, "08:30"))).json()
    gone = (await book(client, owners[2], centre.id, starts_at=at(day, "10:00"))).json()
    await client.post(f"/workshop/appointments/{gone['id']}/cancel", headers=owners[2].headers)
    await book(client, owners[2], centre.id, starts_at=at(day + timedelta(days=1), "09:00"))
    await book(client, owners[2], other_centre.id, starts_at=at(day, "09:00"))

    staff = await make_account(role="dealer_staff")
    params = {"centre_id": str(centre.id), "day": day.isoformat()}
    sheet = await client.get("/workshop/day-sheet", params=params, headers=staff.headers)
    assert sheet.status_code == 200, sheet.text
    body = sheet.json()
    assert body["time_zone"] == "Europe/Berlin"
    assert [a["id"] for a in body["appointments"]] == [early["id"], late["id"]]
    assert body["appointments"][0]["vin"] == owners[1].car.vin
    assert_problem(
        await client.get("/workshop/day-sheet", params=params, headers=owners[0].headers), 403
    )
    # staff may cancel for the owner
    cancelled = await client.post(
        f"/workshop/appointments/{late['id']}/cancel", headers=staff.headers
    )
    assert cancelled.json()["status"] == "cancelled"


async def test_refusals(client, uow_factory, brand, make_account) -> None:
    no_workshop = await make_workshop(uow_factory, brand, offers_workshop=False)
    centre = await make_workshop(uow_factory, brand)
    owner = await make_owner(uow_factory, brand, make_account)
    day = workday()
    assert_problem(
        await book(client, owner, no_workshop.id, starts_at=at(day, "09:00")),
        422,
        "workshop-not-offered",
    )
    assert_problem(
        await book(client, owner, centre.id, starts_at=at(day, "09:00"), service_codes=["polish"]),
        422,
        "unknown-service-type",
    )
    assert_problem(
        await book(client, owner, centre.id, starts_at=at(day, "09:10")),
        422,
        "booking-policy-violation",  # slots start every 30 minutes
    )
    assert_problem(
        await book(client, owner, centre.id, starts_at=at(day, "17:00")),
        422,
        "booking-policy-violation",  # would end after closing
    )
    assert_problem(
        await book(client, owner, centre.id, starts_at=f"{day.isoformat()}T09:00:00"), 422
    )
    assert await bookings_of(client, owner) == []


async def test_idempotency_key_books_once(client, uow_factory, brand, make_account) -> None:
    centre = await make_workshop(uow_factory, brand)
    owner = await make_owner(uow_factory, brand, make_account)
    body = {
        "vehicle_id": str(owner.car.id),
        "centre_id": str(centre.id),
        "service_codes": ["tyre_change"],
        "starts_at": at(workday(), "09:00"),
    }
    headers = {**owner.headers, "Idempotency-Key": "ws-1"}
    first = await client.post("/workshop/appointments", headers=headers, json=body)
    retry = await client.post("/workshop/appointments", headers=headers, json=body)
    assert first.status_code == retry.status_code == 201, retry.text
    assert first.json()["id"] == retry.json()["id"]
    assert first.json()["duration_minutes"] == 60  # 45 minutes on the 30-minute grid
    assert len(await appointments_of(client, owner)) == 1


async def test_another_brand_sees_nothing(
    client, other_client, uow_factory, brand, make_account
) -> None:
    centre = await make_workshop(uow_factory, brand)
    owner = await make_owner(uow_factory, brand, make_account)
    made = (await book(client, owner, centre.id, starts_at=at(workday(), "09:00"))).json()
    answer = await other_client.get(f"/workshop/appointments/{made['id']}", headers=owner.headers)
    assert answer.status_code == 401


async def test_facts_are_recorded_and_exported(client, uow_factory, brand, make_account) -> None:
    centre = await make_workshop(uow_factory, brand, bays=1, courtesy_cars=1)
    owner = await make_owner(uow_factory, brand, make_account)
    day = workday()
    made = (
        await book(client, owner, centre.id, starts_at=at(day, "09:00"), wants_courtesy_car=True)
    ).json()
    path = f"/workshop/appointments/{made['id']}"
    moved = await client.patch(path, headers=owner.headers, json={"starts_at": at(day, "13:00")})
    assert moved.status_code == 200, moved.text
    assert (await client.post(f"{path}/cancel", headers=owner.headers)).status_code == 200
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = (
            await uow.session.execute(
                select(OutboxMessage)
                .where(OutboxMessage.tenant_id == brand.id, OutboxMessage.name.like("workshop.%"))
                .order_by(OutboxMessage.occurred_at)
            )
        ).scalars()
        events = [(r.name, r.payload) for r in rows]
        exported = await workshop.personal_data(uow=uow, account_id=owner.account.id)
    assert [name for name, _ in events] == [
        "workshop.AppointmentBooked",
        "workshop.AppointmentRescheduled",
        "workshop.AppointmentCancelled",
    ]
    booked = events[0][1]
    assert booked["appointment_id"] == made["id"]
    assert booked["service_codes"] == ["inspection"]
    assert booked["courtesy_booking_id"] == made["courtesy_booking_id"]
    assert events[1][1]["previous_starts_at"] == booked["starts_at"]
    assert [a["status"] for a in exported["appointments"]] == ["cancelled"]


async def test_staff_check_in_and_finish(client, uow_factory, brand, make_account) -> None:
    """Staff receive the car (bay and courtesy car start), finish the work (the bay is free
    again, the courtesy car stays out); owners may do neither, and no step can be skipped."""
    centre = await make_workshop(uow_factory, brand, bays=1, courtesy_cars=1)
    owner = await make_owner(uow_factory, brand, make_account)
    staff = await make_account(role="dealer_staff")
    made = await book(
        client, owner, centre.id, starts_at=at(workday(), "09:00"), wants_courtesy_car=True
    )
    assert made.status_code == 201, made.text
    appointment = made.json()
    path = f"/workshop/appointments/{appointment['id']}"

    assert_problem(await client.post(f"{path}/check-in", headers=owner.headers), 403)
    assert_problem(
        await client.post(f"{path}/finish", headers=staff.headers),
        409,
        "invalid-appointment-transition",
    )
    checked_in = await client.post(f"{path}/check-in", headers=staff.headers)
    assert checked_in.status_code == 200, checked_in.text
    assert checked_in.json()["status"] == "in_progress"
    statuses = {b["product"]: b["status"] for b in await bookings_of(client, owner)}
    assert statuses == {"servicing": "started", "courtesy": "started"}
    assert_problem(
        await client.post(f"{path}/cancel", headers=owner.headers),
        409,
        "invalid-appointment-transition",
    )

    finished = await client.post(f"{path}/finish", headers=staff.headers)
    assert finished.status_code == 200, finished.text
    assert finished.json()["status"] == "done"
    statuses = {b["product"]: b["status"] for b in await bookings_of(client, owner)}
    assert statuses == {"servicing": "completed", "courtesy": "started"}
    mine = await appointments_of(client, owner)
    assert [a["status"] for a in mine] == ["done"]
