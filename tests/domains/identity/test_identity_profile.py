"""Profile, consents, staff roles, GDPR export and erasure."""

from __future__ import annotations

import uuid

import httpx

from tests.conftest import assert_problem


async def test_profile_update_and_unknown_fields(client: httpx.AsyncClient, make_account) -> None:
    account = await make_account()
    changed = await client.patch(
        "/identity/me",
        headers=account.headers,
        json={
            "given_name": "Anna",
            "family_name": "Schmidt",
            "phone": "+49 30 1234567",
            "locale": "de",
            "address": {
                "street": "Hauptstraße 1",
                "postal_code": "10115",
                "city": "Berlin",
                "country": "DE",
            },
        },
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["locale"] == "de"
    assert body["address"]["city"] == "Berlin"
    unknown = await client.patch("/identity/me", headers=account.headers, json={"shoe_size": 42})
    problem = assert_problem(unknown, 422, "validation-error")
    assert any("shoe_size" in e["loc"] for e in problem["errors"])


async def test_favourite_centre_must_be_a_centre_of_this_brand(
    client: httpx.AsyncClient, make_account
) -> None:
    account = await make_account()
    answer = await client.patch(
        "/identity/me", headers=account.headers, json={"favourite_centre_id": str(uuid.uuid4())}
    )
    assert_problem(answer, 404)


async def test_consents_are_kept(client: httpx.AsyncClient, make_account) -> None:
    account = await make_account()
    put = await client.put(
        "/identity/me/consents",
        headers=account.headers,
        json={"purpose": "marketing_email", "granted": True},
    )
    assert put.status_code == 200
    listed = await client.get("/identity/me/consents", headers=account.headers)
    assert [c["purpose"] for c in listed.json()] == ["marketing_email"]


async def test_roles_guard_staff_routes(client: httpx.AsyncClient, make_account) -> None:
    customer = await make_account()
    admin = await make_account(role="brand_admin")
    staff = await make_account(role="dealer_staff")
    assert_problem(await client.get("/identity/accounts"), 401, "unauthenticated")
    assert_problem(
        await client.get("/identity/accounts", headers=customer.headers), 403, "forbidden"
    )
    listed = await client.get("/identity/accounts?sort=email&limit=2", headers=staff.headers)
    assert listed.status_code == 200
    page = listed.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert [i["email"] for i in page["items"]] == sorted(i["email"] for i in page["items"])
    assert_problem(
        await client.get("/identity/accounts?sort=password_hash", headers=staff.headers), 422
    )
    new_staff = {
        "email": "new.staff@example.com",
        "password": "staff-password-2026",
        "role": "fleet_manager",
    }
    assert_problem(
        await client.post("/identity/accounts", headers=staff.headers, json=new_staff), 403
    )
    created = await client.post("/identity/accounts", headers=admin.headers, json=new_staff)
    assert created.status_code == 201, created.text
    assert created.json()["role"] == "fleet_manager"
    taken = await client.post("/identity/accounts", headers=admin.headers, json=new_staff)
    assert_problem(taken, 409, "email-taken")


async def test_gdpr_export_and_erasure(client: httpx.AsyncClient, make_account) -> None:
    account = await make_account()
    await client.patch("/identity/me", headers=account.headers, json={"family_name": "Doe"})
    export = await client.get("/identity/me/export", headers=account.headers)
    assert export.status_code == 200
    data = export.json()
    profile = data["domains"]["identity"]["profile"]
    assert profile["email"] == account.email
    assert profile["family_name"] == "Doe"
    assert data["domains"]["identity"]["sessions"]
    # every domain holding personal data answers, even with nothing for this customer yet
    holders = {"identity", "vehicles", "booking", "workshop", "billing", "contracts", "notify"}
    assert holders <= set(data["domains"])
    wrong = await client.post(
        "/identity/me/erase", headers=account.headers, json={"password": "not-my-password"}
    )
    assert_problem(wrong, 401)
    erased = await client.post(
        "/identity/me/erase", headers=account.headers, json={"password": account.password}
    )
    assert erased.status_code == 204, erased.text
    assert_problem(await client.get("/identity/me", headers=account.headers), 401)
    login = await client.post(
        "/identity/auth/login", json={"email": account.email, "password": account.password}
    )
    assert_problem(login, 401, "invalid-credentials")


async def test_favourite_centre_with_its_next_opening(
    client: httpx.AsyncClient, make_account, uow_factory, brand
) -> None:
    from tests.domains.booking.factories import make_centre

    account = await make_account()
    assert (
        await client.get("/identity/me/favourite-centre", headers=account.headers)
    ).json() is None
    centre = await make_centre(uow_factory, brand, time_zone="Asia/Tokyo")
    chosen = await client.patch(
        "/identity/me", headers=account.headers, json={"favourite_centre_id": str(centre.id)}
    )
    assert chosen.status_code == 200, chosen.text
    favourite = (await client.get("/identity/me/favourite-centre", headers=account.headers)).json()
    assert favourite["centre"]["id"] == str(centre.id)
    assert favourite["local_time"].endswith("+09:00")
    assert favourite["next_opening"].endswith("+09:00")
    assert isinstance(favourite["open_now"], bool)
