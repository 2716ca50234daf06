"""Fixtures shared by the billing tests: a customer of the brand and a fleet manager."""

from __future__ import annotations

import pytest

from tests.conftest import Account, MakeAccount


@pytest.fixture
async def customer(make_account: MakeAccount) -> Account:
    return await make_account()


@pytest.fixture
async def cashier(make_account: MakeAccount) -> Account:
    return await make_account(role="fleet_manager")
