"""Test drive, the whole journey through the HTTP API: a customer picks a free 60-minute slot
on a dealer's demonstrator, books it (a confirmation mail arrives) and the centre's staff see
it — the centre's lead — in their bookings search; staff of nowhere else see it."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.products.journeys import at, dealership, monday, ok, pool_car

pytestmark = pytest.mark.postgres_only


async def test_book_a_test_drive_slot_and_the_centre_sees_it(
    client, uow_factory, brand, make_account, mailbox
) -> None:
    place = await dealership(uow_factory, brand, make_account)
    elsewhere = await dealership(uow_factory, brand, make_account)
    car = await pool_car(client, uow_factory, brand, place, "testdrive")
    day = monday()
    customer, staff = place.customer, place.staff

    slots = ok(
        await client.get(
            "/booking/slots",
            params={
                "product": "testdrive",
                "pool": "testdrive",
                "centre_id": str(place.centre.id),
                "day": day.isoformat(),
            },
        )
    )
    # 60-minute slots on the hour from 08:00 to 17:00 on the centre's clock, one car free
    assert [s["starts_at"][11:16] for s in slots["slots"]] == [f"{h:02}:00" for h in range(8, 18)]
    assert {s["free"] for s in slots["slots"]} == {1}
    chosen = slots["slots"][2]
    assert datetime.fromisoformat(chosen["starts_at"]) == at(day, "10:00")

    held = ok(
        await client.post(
            "/booking/holds",
            headers=customer.headers,
            json={
                "product": "testdrive",
                "centre_id": str(place.centre.id),
                "pool": "testdrive",
                "starts_at": chosen["starts_at"],
                "ends_at": chosen["ends_at"],
            },
        ),
        201,
    )
    assert held["resource_id"] == car["resource_id"]
    ok(await client.post(f"/booking/bookings/{held['id']}/confirm", headers=customer.headers))
    [mail] = await mailbox.wait_for(customer.email)
    assert held["reference"] in mail.text

    # the slot is gone for everyone else
    after = ok(
        await client.get(
            "/booking/slots",
            params={
                "product": "testdrive",
                "centre_id": str(place.centre.id),
                "day": day.isoformat(),
            },
        )
    )
    # 10:00-11:00 plus 15 minutes' buffer after: 09:00 and 11:00 would touch it, 12:00 not
    assert [s["free"] for s in after["slots"]][:5] == [1, 0, 0, 0, 1]

    # the centre's staff see the lead: who, which car, when
    leads = ok(
        await client.get(
            "/booking/bookings",
            headers=staff.headers,
            params={"centre_id": str(place.centre.id), "product": "testdrive"},
        )
    )
    assert [(b["id"], b["customer_id"], b["status"]) for b in leads["items"]] == [
        (held["id"], str(customer.id), "confirmed")
    ]
    other = ok(
        await client.get(
            "/booking/bookings",
            headers=elsewhere.staff.headers,
            params={"centre_id": str(elsewhere.centre.id), "product": "testdrive"},
        )
    )
    assert other["items"] == []
    # a customer's search shows only their own, whatever they ask for
    nosy = ok(
        await client.get(
            "/booking/bookings",
            headers=elsewhere.customer.headers,
            params={"centre_id": str(place.centre.id), "product": "testdrive"},
        )
    )
    assert nosy["items"] == []
