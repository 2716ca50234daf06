"""Centres, opening hours and closures over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from motorpool.platform.outbox import OutboxMessage
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import MakeAccount, assert_problem, create_account

CENTRES = "/dealers/centres"


def centre(code: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": code,
        "name": f"Motorpool {code}",
        "street": "Kurfürstendamm 100",
        "postal_code": "10711",
        "city": "Berlin",
        "country": "DE",
        "latitude": 52.5005,
        "longitude": 13.2909,
        "time_zone": "Europe/Berlin",
        "phone": "+49 30 1234567",
        "email": "berlin@example.com",
        "offers_pickup": True,
        "offers_workshop": True,
    }
    body.update(overrides)
    return body


async def create(
    client: httpx.AsyncClient, headers: dict[str, str], code: str, **overrides: Any
) -> dict[str, Any]:
    answer = await client.post(CENTRES, headers=headers, json=centre(code, **overrides))
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_admin_creates_reads_and_updates_a_centre(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    created = await create(client, admin_headers, "ber1")
    assert created["code"] == "BER1"
    assert created["time_zone"] == "Europe/Berlin"
    assert created["offers_test_drives"] is False
    read = await client.get(f"{CENTRES}/{created['id']}")  # public
    assert read.status_code == 200
    assert read.json() == created

    changed = await client.patch(
        f"{CENTRES}/{created['id']}",
        headers=admin_headers,
        json={"name": "Motorpool Zentrum Berlin", "offers_test_drives": True, "phone": None},
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["name"] == "Motorpool Zentrum Berlin"
    assert body["offers_test_drives"] is True
    assert body["phone"] is None
    assert body["city"] == "Berlin"
    assert (await client.get(f"{CENTRES}/{created['id']}")).json() == body


async def test_only_brand_admins_add_or_change_centres(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    customer_headers: dict[str, str],
    make_account: MakeAccount,
) -> None:
    assert_problem(await client.post(CENTRES, json=centre("X1")), 401, "unauthenticated")
    answer = await client.post(CENTRES, headers=customer_headers, json=centre("X1"))
    assert_problem(answer, 403, "forbidden")
    staff = await make_account(role="dealer_staff")
    assert_problem(await client.post(CENTRES, headers=staff.headers, json=centre("X1")), 403)
    made = await create(client, admin_headers, "X1")
    patch = await client.patch(
        f"{CENTRES}/{made['id']}", headers=customer_headers, json={"name": "Mine now"}
    )
    assert_problem(patch, 403, "forbidden")
    # Dealer staff keep the hours and closures; customers do not.
    hours = {"intervals": [{"weekday": 0, "opens": "08:00", "closes": "18:00"}]}
    url = f"{CENTRES}/{made['id']}"
    assert_problem(await client.put(f"{url}/opening-hours", json=hours), 401)
    assert_problem(
        await client.put(f"{url}/opening-hours", headers=customer_headers, json=hours), 403
    )
    assert (
        await client.put(f"{url}/opening-hours", headers=staff.headers, json=hours)
    ).status_code == 200
    closure = {"day": "2026-12-24"}
    assert_problem(
        await client.post(f"{url}/closures", headers=customer_headers, json=closure), 403
    )
    assert (
        await client.post(f"{url}/closures", headers=staff.headers, json=closure)
    ).status_code == 201


async def test_invalid_centres_are_refused_with_problems(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    unknown = await client.post(CENTRES, headers=admin_headers, json=centre("BAD1", shoe_size=42))
    problem = assert_problem(unknown, 422, "validation-error")
    assert any("shoe_size" in e["loc"] for e in problem["errors"])
    for field, value in [
        ("latitude", 91),
        ("longitude", -180.5),
        ("country", "de"),
        ("country", "DEU"),
        ("email", "not-an-address"),
        ("code", "no spaces"),
        ("name", ""),
    ]:
        answer = await client.post(
            CENTRES, headers=admin_headers, json={**centre("BAD1"), field: value}
        )
        problem = assert_problem(answer, 422, "validation-error")
        assert any(field in e["loc"] for e in problem["errors"]), (field, problem)
    missing = centre("BAD1")
    del missing["time_zone"]
    assert_problem(await client.post(CENTRES, headers=admin_headers, json=missing), 422)
    zone = await client.post(
        CENTRES, headers=admin_headers, json=centre("BAD1", time_zone="Mars/Olympus")
    )
    assert "Mars/Olympus" in str(assert_problem(zone, 422, "unknown-time-zone")["detail"])
    assert (await client.get(CENTRES)).json()["total"] == 0

    made = await create(client, admin_headers, "OK1")
    url = f"{CENTRES}/{made['id']}"
    for body in ({"time_zone": "Berlin"},):
        assert_problem(
            await client.patch(url, headers=admin_headers, json=body), 422, "unknown-time-zone"
        )
    for body in ({"name": None}, {"latitude": None}, {"colour": "red"}):
        assert_problem(
            await client.patch(url, headers=admin_headers, json=body), 422, "validation-error"
        )
    assert (await client.get(url)).json() == made
    assert_problem(await client.get(f"{CENTRES}/not-a-uuid"), 422, "validation-error")
    assert_problem(await client.get(f"{CENTRES}/{uuid.uuid4()}"), 404, "centre-not-found")
    assert_problem(
        await client.patch(f"{CENTRES}/{uuid.uuid4()}", headers=admin_headers, json={}),
        404,
        "centre-not-found",
    )


async def test_a_code_is_unique_within_the_brand(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    other_client: httpx.AsyncClient,
    app: FastAPI,
    other_brand: Tenant,
) -> None:
    await create(client, admin_headers, "BER1")
    second = await create(client, admin_headers, "BER2")
    again = await client.post(CENTRES, headers=admin_headers, json=centre("ber1"))
    assert_problem(again, 409, "centre-code-taken")
    renamed = await client.patch(
        f"{CENTRES}/{second['id']}", headers=admin_headers, json={"code": "BER1"}
    )
    assert_problem(renamed, 409, "centre-code-taken")
    # Another brand may use the same code.
    other_admin = await create_account(
        app.state.uow_factory, other_client, other_brand, role="brand_admin"
    )
    await create(other_client, other_admin.headers, "BER1")


async def _network(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, str]:
    specs = [
        ("BER1", "Motorpool Berlin", "Berlin", "DE", 52.5005, 13.2909, "Europe/Berlin", True),
        ("POT1", "Motorpool Potsdam", "Potsdam", "DE", 52.3906, 13.0645, "Europe/Berlin", False),
        ("HAM1", "Motorpool Hamburg", "Hamburg", "DE", 53.5480, 10.0450, "Europe/Berlin", True),
        ("MUC1", "Motorpool München", "München", "DE", 48.1590, 11.5850, "Europe/Berlin", False),
        ("VIE1", "Motorpool Wien", "Wien", "AT", 48.1710, 16.3540, "Europe/Vienna", True),
        ("TYO1", "Motorpool Tokyo", "Tokyo", "JP", 35.6580, 139.7016, "Asia/Tokyo", True),
    ]
    ids = {}
    for code, name, city, country, lat, lon, zone, drives in specs:
        made = await create(
            client,
            headers,
            code,
            name=name,
            city=city,
            country=country,
            latitude=lat,
            longitude=lon,
            time_zone=zone,
            offers_test_drives=drives,
        )
        ids[code] = made["id"]
    return ids


async def test_list_pages_sorts_and_filters(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    await _network(client, admin_headers)
    everything = (await client.get(CENTRES)).json()
    assert everything["total"] == 6
    assert [c["name"] for c in everything["items"]] == sorted(
        c["name"] for c in everything["items"]
    )
    page = (await client.get(CENTRES, params={"sort": "code", "limit": 2, "offset": 2})).json()
    assert [c["code"] for c in page["items"]] == ["MUC1", "POT1"]
    assert (page["total"], page["limit"], page["offset"]) == (6, 2, 2)
    by_city = (await client.get(CENTRES, params={"sort": "-city"})).json()
    assert [c["city"] for c in by_city["items"]] == [
        "Wien", "Tokyo", "Potsdam", "München", "Hamburg", "Berlin",
    ]  # fmt: skip
    by_country = (await client.get(CENTRES, params={"sort": "country"})).json()
    assert [c["country"] for c in by_country["items"]][:1] == ["AT"]

    german = (await client.get(CENTRES, params={"country": "DE", "sort": "code"})).json()
    assert [c["code"] for c in german["items"]] == ["BER1", "HAM1", "MUC1", "POT1"]
    drives = (await client.get(CENTRES, params={"offers": "test_drives", "sort": "code"})).json()
    assert [c["code"] for c in drives["items"]] == ["BER1", "HAM1", "TYO1", "VIE1"]
    assert drives["total"] == 4
    found = (await client.get(CENTRES, params={"q": "münch"})).json()
    assert [c["code"] for c in found["items"]] == ["MUC1"]
    assert (await client.get(CENTRES, params={"q": "tyo1"})).json()["total"] == 1
    assert (await client.get(CENTRES, params={"q": "%"})).json()["total"] == 0

    assert_problem(await client.get(CENTRES, params={"sort": "latitude"}), 422, "validation-error")
    assert_problem(await client.get(CENTRES, params={"offers": "coffee"}), 422)
    assert_problem(await client.get(CENTRES, params={"limit": 0}), 422)


async def test_nearest_centres_come_nearest_first(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    await _network(client, admin_headers)
    alexanderplatz = {"latitude": 52.5219, "longitude": 13.4132}
    answer = await client.get(f"{CENTRES}/nearest", params={**alexanderplatz, "limit": 3})
    assert answer.status_code == 200, answer.text
    nearest = answer.json()
    assert [c["code"] for c in nearest] == ["BER1", "POT1", "HAM1"]
    assert nearest[0]["distance_km"] < nearest[1]["distance_km"] < nearest[2]["distance_km"]
    assert 8 < nearest[0]["distance_km"] < 10
    assert 250 < nearest[2]["distance_km"] < 260
    drives = await client.get(
        f"{CENTRES}/nearest", params={**alexanderplatz, "limit": 3, "offers": "test_drives"}
    )
    assert [c["code"] for c in drives.json()] == ["BER1", "HAM1", "VIE1"]
    everyone = await client.get(f"{CENTRES}/nearest", params={**alexanderplatz, "limit": 50})
    assert [c["code"] for c in everyone.json()] == ["BER1", "POT1", "HAM1", "MUC1", "VIE1", "TYO1"]
    sydney = await client.get(
        f"{CENTRES}/nearest", params={"latitude": -33.87, "longitude": 151.21, "limit": 1}
    )
    assert [c["code"] for c in sydney.json()] == ["TYO1"]
    assert_problem(
        await client.get(f"{CENTRES}/nearest", params={"latitude": 100, "longitude": 0}), 422
    )
    assert_problem(await client.get(f"{CENTRES}/nearest", params={"latitude": 52}), 422)


EVERY_DAY_8_TO_18 = {
    "intervals": [{"weekday": d, "opens": "08:00", "closes": "18:00"} for d in range(7)]
}


async def test_opening_status_follows_the_centres_clock_over_a_dst_change(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    made = await create(client, admin_headers, "BER1")
    url = f"{CENTRES}/{made['id']}"
    put = await client.put(f"{url}/opening-hours", headers=admin_headers, json=EVERY_DAY_8_TO_18)
    assert put.status_code == 200, put.text
    assert put.json()["time_zone"] == "Europe/Berlin"
    assert put.json()["intervals"][0] == {"weekday": 0, "opens": "08:00:00", "closes": "18:00:00"}

    async def status(at: str) -> dict[str, Any]:
        answer = await client.get(f"{url}/opening-status", params={"at": at})
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body

    # Sunday 2026-03-29, the first day of summer time: 06:30 UTC is 08:30 CEST.
    sunday = await status("2026-03-29T06:30:00Z")
    assert sunday["open"] is True
    assert sunday["local_time"] == "2026-03-29T08:30:00+02:00"
    assert sunday["time_zone"] == "Europe/Berlin"
    assert sunday["centre_id"] == made["id"]
    assert sunday["next_opening"] == "2026-03-30T08:00:00+02:00"
    # The day before, 06:30 UTC is 07:30 CET: not yet open.
    saturday = await status("2026-03-28T06:30:00Z")
    assert saturday["open"] is False
    assert saturday["local_time"] == "2026-03-28T07:30:00+01:00"
    assert saturday["next_opening"] == "2026-03-28T08:00:00+01:00"
    # An offset given in another zone means the same instant.
    assert (await status("2026-03-29T01:30:00-05:00"))["open"] is True

    # A closure on Monday 30th: on Sunday evening the next opening is Tuesday.
    closure = await client.post(
        f"{url}/closures", headers=admin_headers, json={"day": "2026-03-30", "reason": "Inventory"}
    )
    assert closure.status_code == 201, closure.text
    assert closure.json()["day"] == "2026-03-30"
    evening = await status("2026-03-29T16:30:00Z")
    assert evening["open"] is False
    assert evening["local_time"] == "2026-03-29T18:30:00+02:00"
    assert evening["next_opening"] == "2026-03-31T08:00:00+02:00"
    assert (await status("2026-03-30T10:00:00Z"))["open"] is False
    hours = (await client.get(f"{url}/opening-hours")).json()
    assert [(c["day"], c["reason"]) for c in hours["closures"]] == [("2026-03-30", "Inventory")]
    assert len(hours["intervals"]) == 7

    again = await client.post(f"{url}/closures", headers=admin_headers, json={"day": "2026-03-30"})
    assert_problem(again, 409, "closure-exists")
    gone = await client.delete(f"{url}/closures/{closure.json()['id']}", headers=admin_headers)
    assert gone.status_code == 204
    assert (await status("2026-03-29T16:30:00Z"))["next_opening"] == "2026-03-30T08:00:00+02:00"
    assert_problem(
        await client.delete(f"{url}/closures/{closure.json()['id']}", headers=admin_headers),
        404,
        "closure-not-found",
    )

    # Lunch breaks are several intervals a day; overlapping ones are refused.
    lunch = {
        "intervals": [
            {"weekday": 0, "opens": "13:00", "closes": "18:00"},
            {"weekday": 0, "opens": "08:00", "closes": "12:00"},
        ]
    }
    put = await client.put(f"{url}/opening-hours", headers=admin_headers, json=lunch)
    assert [i["opens"] for i in put.json()["intervals"]] == ["08:00:00", "13:00:00"]
    assert (await status("2026-03-30T10:30:00Z"))["open"] is False  # 12:30 CEST
    overlap = {
        "intervals": [
            {"weekday": 0, "opens": "08:00", "closes": "13:00"},
            {"weekday": 0, "opens": "12:00", "closes": "18:00"},
        ]
    }
    answer = await client.put(f"{url}/opening-hours", headers=admin_headers, json=overlap)
    assert_problem(answer, 422, "invalid-opening-hours")
    backwards = {"intervals": [{"weekday": 1, "opens": "18:00", "closes": "08:00"}]}
    answer = await client.put(f"{url}/opening-hours", headers=admin_headers, json=backwards)
    assert_problem(answer, 422, "invalid-opening-hours")
    for bad in (
        {"intervals": [{"weekday": 7, "opens": "08:00", "closes": "18:00"}]},
        {"intervals": [{"weekday": 1, "opens": "08:00+02:00", "closes": "18:00"}]},
        {"intervals": [], "extra": True},
    ):
        answer = await client.put(f"{url}/opening-hours", headers=admin_headers, json=bad)
        assert_problem(answer, 422, "validation-error")
    assert len((await client.get(f"{url}/opening-hours")).json()["intervals"]) == 2
    # An instant without an offset is ambiguous, so it is refused.
    naive = await client.get(f"{url}/opening-status", params={"at": "2026-03-29T06:30:00"})
    assert_problem(naive, 422, "validation-error")
    # Without `at`, the status is for now.
    now = await client.get(f"{url}/opening-status")
    assert now.status_code == 200
    assert now.json()["local_time"].endswith(("+01:00", "+02:00"))


async def test_opening_status_in_los_angeles_on_the_fall_back_day(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    made = await create(
        client,
        admin_headers,
        "LAX1",
        city="Los Angeles",
        country="US",
        latitude=34.05,
        longitude=-118.25,
        time_zone="America/Los_Angeles",
    )
    url = f"{CENTRES}/{made['id']}"
    await client.put(f"{url}/opening-hours", headers=admin_headers, json=EVERY_DAY_8_TO_18)
    # Sunday 2026-11-01: 15:30 UTC is 07:30 PST (a day earlier it was 08:30 PDT).
    answer = await client.get(f"{url}/opening-status", params={"at": "2026-11-01T15:30:00Z"})
    body = answer.json()
    assert body["open"] is False
    assert body["local_time"] == "2026-11-01T07:30:00-08:00"
    assert body["next_opening"] == "2026-11-01T08:00:00-08:00"
    before = await client.get(f"{url}/opening-status", params={"at": "2026-10-31T15:30:00Z"})
    assert before.json()["open"] is True


async def test_a_brand_never_sees_another_brands_centres(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    other_client: httpx.AsyncClient,
    app: FastAPI,
    other_brand: Tenant,
) -> None:
    ids = await _network(client, admin_headers)
    berlin = ids["BER1"]
    assert (await other_client.get(CENTRES)).json()["total"] == 0
    assert (await other_client.get(CENTRES, params={"q": "Berlin"})).json()["items"] == []
    assert_problem(await other_client.get(f"{CENTRES}/{berlin}"), 404, "centre-not-found")
    for path in ("opening-hours", "opening-status"):
        assert_problem(await other_client.get(f"{CENTRES}/{berlin}/{path}"), 404)
    nearest = await other_client.get(
        f"{CENTRES}/nearest", params={"latitude": 52.52, "longitude": 13.41, "limit": 50}
    )
    assert nearest.json() == []
    other_admin = await create_account(
        app.state.uow_factory, other_client, other_brand, role="brand_admin"
    )
    headers = other_admin.headers
    assert_problem(
        await other_client.patch(f"{CENTRES}/{berlin}", headers=headers, json={"name": "Hijack"}),
        404,
    )
    assert_problem(
        await other_client.put(
            f"{CENTRES}/{berlin}/opening-hours", headers=headers, json=EVERY_DAY_8_TO_18
        ),
        404,
    )
    assert_problem(
        await other_client.post(
            f"{CENTRES}/{berlin}/closures", headers=headers, json={"day": "2026-12-24"}
        ),
        404,
    )
    # The other brand's own centre is all it sees; the first brand's list is unchanged.
    await create(other_client, headers, "BER1")
    assert (await other_client.get(CENTRES)).json()["total"] == 1
    assert (await client.get(CENTRES)).json()["total"] == 6
    # A token of one brand is not accepted at another brand's address.
    assert_problem(await other_client.post(CENTRES, headers=admin_headers, json=centre("Z1")), 401)


async def test_changes_are_recorded_as_events(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    uow_factory: UnitOfWorkFactory,
    brand: Tenant,
) -> None:
    made = await create(client, admin_headers, "EVT1")
    url = f"{CENTRES}/{made['id']}"
    await client.patch(url, headers=admin_headers, json={"name": "Renamed", "city": "Berlin"})
    await client.put(f"{url}/opening-hours", headers=admin_headers, json=EVERY_DAY_8_TO_18)
    closure = await client.post(
        f"{url}/closures", headers=admin_headers, json={"day": "2027-01-01"}
    )
    await client.delete(f"{url}/closures/{closure.json()['id']}", headers=admin_headers)
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = (
            await uow.session.execute(
                select(OutboxMessage)
                .where(OutboxMessage.tenant_id == brand.id, OutboxMessage.name.like("dealers.%"))
                .order_by(OutboxMessage.occurred_at)
            )
        ).scalars()
        events = [(r.name, r.payload) for r in rows]
    assert [name for name, _ in events] == [
        "dealers.CentreOpened",
        "dealers.CentreDetailsChanged",
        "dealers.CentreHoursChanged",
        "dealers.CentreClosureAdded",
        "dealers.CentreClosureRemoved",
    ]
    assert events[0][1]["centre_id"] == made["id"]
    assert events[0][1]["time_zone"] == "Europe/Berlin"
    assert events[1][1]["fields"] == ["name"]  # the city did not change
    assert events[3][1]["day"] == "2027-01-01"


async def test_a_retried_create_with_an_idempotency_key_makes_one_centre(
    client: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    headers = {**admin_headers, "Idempotency-Key": uuid.uuid4().hex}
    first = await client.post(CENTRES, headers=headers, json=centre("IDEM1"))
    second = await client.post(CENTRES, headers=headers, json=centre("IDEM1"))
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert (await client.get(CENTRES)).json()["total"] == 1
    changed = await client.post(CENTRES, headers=headers, json=centre("IDEM2"))
    assert_problem(changed, 422)
