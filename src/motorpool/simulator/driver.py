"""Drives simulated cars and reports their status to the platform in batches."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterable

import httpx
from rich.progress import Progress

from motorpool.platform.db import utcnow
from motorpool.simulator.cars import SimulatedCar


class Reporter:
    """Signs in as the brand's vehicle backend and posts telemetry batches."""

    def __init__(self, http: httpx.AsyncClient, email: str, password: str) -> None:
        self.http = http
        self.email = email
        self.password = password
        self.token: str | None = None

    async def _sign_in(self) -> None:
        answer = await self.http.post(
            "/identity/auth/login", json={"email": self.email, "password": self.password}
        )
        answer.raise_for_status()
        self.token = answer.json()["access_token"]

    async def send(self, cars: Iterable[SimulatedCar]) -> dict[str, object]:
        if self.token is None:
            await self._sign_in()
        at = utcnow()
        body = {"reports": [car.report(at) for car in cars]}
        answer = await self.http.post(
            "/vehicles/telemetry", json=body, headers={"Authorization": f"Bearer {self.token}"}
        )
        if answer.status_code == 401:  # the access token expired: sign in again
            await self._sign_in()
            answer = await self.http.post(
                "/vehicles/telemetry", json=body, headers={"Authorization": f"Bearer {self.token}"}
            )
        answer.raise_for_status()
        result: dict[str, object] = answer.json()
        return result


async def drive(
    cars: list[SimulatedCar],
    reporter: Reporter,
    *,
    ticks: int,
    interval: float,
    seed: int = 7,
    progress: Progress | None = None,
    pause: float | None = None,
) -> int:
    """Step every car by ``interval`` simulated seconds and report, ``ticks`` times (0: until
    cancelled), waiting ``pause`` real seconds in between (default: ``interval``)."""
    rng = random.Random(seed)  # noqa: S311 - a simulation, not a secret
    task = progress.add_task("Reporting", total=ticks or None) if progress else None
    sent = 0
    tick = 0
    while ticks == 0 or tick < ticks:
        for car in cars:
            car.step(interval, rng)
        result = await reporter.send(cars)
        sent += int(result.get("accepted_signals", 0))  # type: ignore[call-overload]
        tick += 1
        if progress is not None and task is not None:
            progress.update(task, advance=1, description=f"Reporting ({sent} signals)")
        if ticks == 0 or tick < ticks:
            await asyncio.sleep(interval if pause is None else pause)
    return sent
