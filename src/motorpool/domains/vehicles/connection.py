"""The car's connectivity backend, behind one interface.

Production talks to the brand's connected-car backend; here the real local implementation
is the vehicle simulator (``motorpool simulate``), which shows pairing codes on the
simulated car's display and executes lock/unlock.
"""

from __future__ import annotations

from typing import Protocol

import httpx

from motorpool.domains.vehicles.model import CarUnreachable


class VehicleConnection(Protocol):
    async def show_pairing_code(self, vin: str, code: str) -> None:
        """Put the code on the car's display, where only someone in the car can read it."""

    async def send_command(self, vin: str, command: str) -> None:
        """Ask the car to lock or unlock."""


class HttpVehicleConnection:
    """Talks to a connectivity backend's HTTP control API (the simulator speaks it)."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    async def _post(self, path: str, body: dict[str, str]) -> None:
        try:
            async with httpx.AsyncClient(base_url=self.base_url, timeout=self.timeout) as http:
                answer = await http.post(path, json=body)
        except httpx.HTTPError as error:
            raise CarUnreachable("the connectivity backend does not answer") from error
        if answer.status_code == 404:
            raise CarUnreachable("the car is not connected")
        if answer.status_code >= 400:
            raise CarUnreachable(f"the connectivity backend answered {answer.status_code}")

    async def show_pairing_code(self, vin: str, code: str) -> None:
        await self._post(f"/cars/{vin}/display", {"text": code})

    async def send_command(self, vin: str, command: str) -> None:
        await self._post(f"/cars/{vin}/commands", {"command": command})
