"""A brand never sees another brand's rows: ORM scoping everywhere, RLS on PostgreSQL."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from motorpool.domains.identity.tables import AccountRow
from motorpool.platform.db import TenantScopeError
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWorkFactory
from tests.conftest import Account, assert_problem, create_account


@pytest.fixture
async def two_customers(
    uow_factory: UnitOfWorkFactory,
    client: httpx.AsyncClient,
    other_client: httpx.AsyncClient,
    brand: Tenant,
    other_brand: Tenant,
) -> tuple[Account, Account]:
    mine = await create_account(uow_factory, client, brand)
    theirs = await create_account(uow_factory, other_client, other_brand)
    return mine, theirs


async def test_orm_queries_only_see_the_units_brand(
    uow_factory: UnitOfWorkFactory, brand: Tenant, two_customers
) -> None:
    mine, theirs = two_customers
    async with uow_factory(tenant_id=brand.id) as uow:
        emails = set((await uow.session.execute(select(AccountRow.email))).scalars())
        assert mine.email in emails
        assert theirs.email not in emails
        assert await uow.session.get(AccountRow, theirs.id) is None


async def test_brand_owned_query_without_a_brand_is_refused(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory(tenant_id=None) as uow:
        with pytest.raises(TenantScopeError):
            await uow.session.execute(select(AccountRow))


async def test_a_row_cannot_be_moved_to_another_brand(
    uow_factory: UnitOfWorkFactory, brand: Tenant, other_brand: Tenant, two_customers
) -> None:
    mine, _ = two_customers
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        row = (
            await uow.session.execute(select(AccountRow).where(AccountRow.id == mine.id))
        ).scalar_one()
        row.tenant_id = other_brand.id
        with pytest.raises(TenantScopeError):
            await uow.session.flush()


async def test_staff_never_see_another_brands_customers(
    client: httpx.AsyncClient, make_account, two_customers
) -> None:
    mine, theirs = two_customers
    staff = await make_account(role="dealer_staff")
    listed = (await client.get("/identity/accounts?limit=200", headers=staff.headers)).json()
    emails = {a["email"] for a in listed["items"]}
    assert mine.email in emails
    assert theirs.email not in emails
    assert_problem(
        await client.get(f"/identity/accounts/{theirs.id}", headers=staff.headers),
        404,
        "account-not-found",
    )
    searched = await client.get(f"/identity/accounts?q={theirs.email}", headers=staff.headers)
    assert searched.json()["total"] == 0


@pytest.mark.postgres_only
async def test_row_level_security_guards_raw_sql(
    uow_factory: UnitOfWorkFactory, brand: Tenant, other_brand: Tenant, two_customers
) -> None:
    mine, theirs = two_customers
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = (await uow.session.execute(text("SELECT email FROM identity_accounts"))).scalars()
        emails = set(rows)
    assert mine.email in emails
    assert theirs.email not in emails
    async with uow_factory(tenant_id=None) as uow:
        count = (await uow.session.execute(text("SELECT count(*) FROM identity_accounts"))).scalar()
    assert count == 0
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        with pytest.raises(DBAPIError, match="row-level security"):
            await uow.session.execute(
                text(
                    "INSERT INTO identity_accounts (id, tenant_id, email, password_hash, role,"
                    " status, locale, created_at, updated_at) VALUES (:id, :tenant,"
                    " 'x@example.com', '!', 'customer', 'active', 'en', now(), now())"
                ),
                {"id": uuid.uuid4(), "tenant": other_brand.id},
            )
