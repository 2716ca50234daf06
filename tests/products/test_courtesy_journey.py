"""Courtesy car during a workshop visit, the whole journey through the HTTP API: an owner
books an inspection and asks for a courtesy car — one of the centre's courtesy-pool fleet
cars is booked for the visit, free of charge — staff receive the car (the courtesy car is
handed over), finish the work, and take the courtesy car back."""

from __future__ import annotations

import pytest

from tests.domains.booking.factories import make_resources
from tests.domains.workshop.factories import at, make_owner, workday
from tests.products.journeys import dealership, ok, pool_car

pytestmark = pytest.mark.postgres_only


async def test_courtesy_car_for_a_workshop_visit(
    client, uow_factory, brand, make_account, mailbox
) -> None:
    from motorpool.domains import workshop

    place = await dealership(uow_factory, brand, make_account)
    await make_resources(
        uow_factory, brand, place.centre.id, pool="workshop", kind="capacity", capacity=2
    )
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        await workshop.ensure_service_catalogue(uow=uow)
        await uow.commit()
    courtesy = await pool_car(client, uow_factory, brand, place, "courtesy")
    owner = await make_owner(uow_factory, brand, make_account)
    day = workday()

    quote = ok(
        await client.post(
            "/pricing/quotes",
            json={
                "product": "courtesy",
                "market": "DE",
                "starts_at": at(day, "09:00"),
                "ends_at": at(day, "11:00"),
            },
        ),
        201,
    )
    assert quote["total"] == {"amount": "0.00", "currency": "EUR"}  # free, by its plan

    appointment = ok(
        await client.post(
            "/workshop/appointments",
            headers=owner.headers,
            json={
                "vehicle_id": str(owner.car.id),
                "centre_id": str(place.centre.id),
                "service_codes": ["inspection"],
                "starts_at": at(day, "09:00"),
                "wants_courtesy_car": True,
            },
        ),
        201,
    )
    car_booking = ok(
        await client.get(
            f"/booking/bookings/{appointment['courtesy_booking_id']}", headers=owner.headers
        )
    )
    assert car_booking["resource_id"] == courtesy["resource_id"]
    assert (car_booking["product"], car_booking["status"]) == ("courtesy", "confirmed")
    mails = await mailbox.wait_for(owner.account.email)
    assert len(mails) == 1  # "appointment booked", once

    staff = place.staff.headers
    path = f"/workshop/appointments/{appointment['id']}"
    assert ok(await client.post(f"{path}/check-in", headers=staff))["status"] == "in_progress"
    board = ok(
        await client.get("/fleet/board", headers=staff, params={"centre_id": str(place.centre.id)})
    )
    [on_board] = [c for c in board["cars"] if c["car_id"] == courtesy["id"]]
    assert on_board["current_booking"]["booking_id"] == car_booking["id"]
    assert ok(await client.post(f"{path}/finish", headers=staff))["status"] == "done"
    returned = ok(
        await client.post(f"/booking/bookings/{car_booking['id']}/complete", headers=staff)
    )
    assert returned["status"] == "completed"
    # nothing to pay for a courtesy car
    assert ok(await client.get("/billing/invoices", headers=owner.headers))["items"] == []
