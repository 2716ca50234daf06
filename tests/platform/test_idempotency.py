"""A retried POST with the same Idempotency-Key acts once (draft-ietf-httpapi-idempotency-key)."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import func, select

from motorpool.platform import idempotency
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import assert_problem


def staff_body(email: str, password: str = "staff-password-2026") -> dict[str, str]:
    return {"email": email, "password": password, "role": "dealer_staff"}


async def count_accounts(uow_factory: UnitOfWorkFactory, brand: Tenant, email: str) -> int:
    from motorpool.domains.identity.tables import AccountRow  # test reads the table directly

    async with uow_factory(tenant_id=brand.id) as uow:
        stmt = select(func.count()).select_from(AccountRow).where(AccountRow.email == email)
        return int((await uow.session.execute(stmt)).scalar_one())


async def test_same_key_same_body_creates_one_row_and_replays(
    client: httpx.AsyncClient, admin_headers, uow_factory, brand
) -> None:
    email = f"idem-{uuid.uuid4().hex[:6]}@example.com"
    headers = {**admin_headers, "Idempotency-Key": uuid.uuid4().hex}
    first = await client.post("/identity/accounts", headers=headers, json=staff_body(email))
    second = await client.post("/identity/accounts", headers=headers, json=staff_body(email))
    assert first.status_code == second.status_code == 201, second.text
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert await count_accounts(uow_factory, brand, email) == 1
    # without the key the same request is a new attempt, and the rule against it shows
    again = await client.post("/identity/accounts", headers=admin_headers, json=staff_body(email))
    assert_problem(again, 409, "email-taken")


async def test_same_key_other_body_is_422(client: httpx.AsyncClient, admin_headers) -> None:
    headers = {**admin_headers, "Idempotency-Key": uuid.uuid4().hex}
    first = await client.post(
        "/identity/accounts", headers=headers, json=staff_body("a1@example.com")
    )
    assert first.status_code == 201
    other = await client.post(
        "/identity/accounts", headers=headers, json=staff_body("a2@example.com")
    )
    assert_problem(other, 422, "idempotency-key-reused")


async def test_a_failed_request_stores_nothing(
    client: httpx.AsyncClient, admin_headers, uow_factory, brand
) -> None:
    headers = {**admin_headers, "Idempotency-Key": uuid.uuid4().hex}
    email = f"fail-{uuid.uuid4().hex[:6]}@example.com"
    weak = await client.post(
        "/identity/accounts", headers=headers, json=staff_body(email, "password1")
    )
    assert_problem(weak, 422, "weak-password")
    assert await count_accounts(uow_factory, brand, email) == 0
    fixed = await client.post("/identity/accounts", headers=headers, json=staff_body(email))
    assert fixed.status_code == 201, fixed.text
    assert await count_accounts(uow_factory, brand, email) == 1


async def test_same_key_still_in_progress_is_409(
    client: httpx.AsyncClient, make_account, uow_factory, brand
) -> None:
    admin = await make_account(role="brand_admin")
    key = uuid.uuid4().hex
    body = staff_body(f"busy-{uuid.uuid4().hex[:6]}@example.com")
    request = client.build_request("POST", "/identity/accounts", json=body)
    claim = await idempotency.begin(
        uow_factory,
        tenant_id=brand.id,
        owner=str(admin.id),
        key=key,
        print_=idempotency.fingerprint("POST", "/identity/accounts", "", request.content),
    )
    assert isinstance(claim, idempotency.Claim)
    busy = await client.post(
        "/identity/accounts", headers={**admin.headers, "Idempotency-Key": key}, json=body
    )
    assert_problem(busy, 409, "idempotency-key-in-progress")
    await idempotency.release(uow_factory, claim)
    done = await client.post(
        "/identity/accounts", headers={**admin.headers, "Idempotency-Key": key}, json=body
    )
    assert done.status_code == 201


async def test_invalid_key_is_400(client: httpx.AsyncClient, admin_headers) -> None:
    headers = {**admin_headers, "Idempotency-Key": "x" * 300}
    answer = await client.post(
        "/identity/accounts", headers=headers, json=staff_body("k@example.com")
    )
    assert_problem(answer, 400, "invalid-idempotency-key")
