"""Contracts test factories: days inside the products' booking windows, a customer's
confirmed booking made through the booking API, and a quote for it through the pricing API."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

BERLIN = ZoneInfo("Europe/Berlin")


def monday(weeks_ahead: int = 2) -> date:
    """A Monday at least ``weeks_ahead`` weeks from now (the test centres open Monday to
    Saturday, 8 to 18; every product's lead time is shorter than a week)."""
    day = datetime.now(UTC).date() + timedelta(weeks=weeks_ahead)
    return day - timedelta(days=day.weekday())


def at(day: date, clock: str = "09:00", zone: ZoneInfo = BERLIN) -> datetime:
    return datetime.fromisoformat(f"{day.isoformat()}T{clock}").replace(tzinfo=zone)


@dataclass
class Booked:
    id: str
    resource_id: str
    starts_at: datetime
    ends_at: datetime


async def confirmed_booking(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    *,
    resource_id: uuid.UUID | str,
    starts_at: datetime,
    ends_at: datetime,
    product: str = "rental",
) -> Booked:
    held = await client.post(
        "/booking/holds",
        headers=headers,
        json={
            "product": product,
            "resource_id": str(resource_id),
            "starts_at": starts_at.isoformat(),
            "ends_at": ends_at.isoformat(),
        },
    )
    assert held.status_code == 201, held.text
    booking_id = held.json()["id"]
    confirmed = await client.post(f"/booking/bookings/{booking_id}/confirm", headers=headers)
    assert confirmed.status_code == 200, confirmed.text
    return Booked(booking_id, str(resource_id), starts_at, ends_at)


async def quote_for(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    booked: Booked,
    *,
    product: str = "rental",
    market: str = "DE",
    options: list[str] | None = None,
) -> dict:
    answer = await client.post(
        "/pricing/quotes",
        headers=headers,
        json={
            "product": product,
            "market": market,
            "starts_at": booked.starts_at.isoformat(),
            "ends_at": booked.ends_at.isoformat(),
            **({"options": options} if options else {}),
        },
    )
    assert answer.status_code == 201, answer.text
    quote: dict = answer.json()
    return quote


async def open_rental(
    client: httpx.AsyncClient, headers: dict[str, str], booked: Booked, quote_id: str
) -> httpx.Response:
    return await client.post(
        "/contracts/rentals",
        headers=headers,
        json={"booking_id": booked.id, "quote_id": quote_id},
    )
