"""Helpers shared by the storefront and admin browser tests: days on Berlin's clock, the
API as a demo account (to set up or finish what the test is not about), axe-core."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from motorpool.demo.seed import DEMO_PASSWORD
from tests.e2e.conftest import AXE, Deployment

BERLIN = ZoneInfo("Europe/Berlin")
STAFF = "staff.berlin@demo.motorpool.dev"


def next_weekday(weekday: int, at_least: int = 1) -> date:
    """The first Monday (0) … Friday (4) at least ``at_least`` days after today in Berlin."""
    day = datetime.now(BERLIN).date() + timedelta(days=at_least)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def at(day: date, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day.isoformat()}T{clock}").replace(tzinfo=BERLIN)


class Api:
    """The deployment's API as one demo account."""

    def __init__(self, http: httpx.AsyncClient, token: str) -> None:
        self.http = http
        self.headers = {"Authorization": f"Bearer {token}"}

    async def get(self, path: str, **params: Any) -> Any:
        answer = await self.http.get(path, params=params, headers=self.headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    async def post(self, path: str, body: dict[str, Any] | None = None, status: int = 200) -> Any:
        answer = await self.http.post(path, json=body, headers=self.headers)
        assert answer.status_code == status, answer.text
        return answer.json()


async def api_as(http: httpx.AsyncClient, email: str) -> Api:
    answer = await http.post(
        "/identity/auth/login", json={"email": email, "password": DEMO_PASSWORD}
    )
    answer.raise_for_status()
    return Api(http, str(answer.json()["access_token"]))


async def centre_id(deployment: Deployment, code: str) -> str:
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        centres = (await http.get("/dealers/centres", params={"limit": 50})).json()["items"]
    return str(next(c["id"] for c in centres if c["code"] == code))


async def axe_violations(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """axe-core's serious and critical violations on the page as it is now."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (cd web && npm ci)")
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
