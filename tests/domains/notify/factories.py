"""Notify test helpers: a customer with a name and a locale, a confirmed booking through
the booking API, waiting for the event relay to have recorded messages, a dispatcher on
the test SMTP server (with a clock of the test's choosing), and a mailer that dies."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import httpx
from fastapi import FastAPI

from motorpool.domains import notify
from motorpool.platform.db import utcnow
from motorpool.platform.mail import FileMailer, Mail, Mailer, SmtpMailer
from tests.conftest import Account, MakeAccount


async def make_customer(
    client: httpx.AsyncClient,
    make_account: MakeAccount,
    *,
    locale: str = "en",
    given_name: str = "Anna",
    family_name: str = "Schmidt",
) -> Account:
    account = await make_account()
    answer = await client.patch(
        "/identity/me",
        headers=account.headers,
        json={"locale": locale, "given_name": given_name, "family_name": family_name},
    )
    assert answer.status_code == 200, answer.text
    return account


async def confirmed_booking(
    client: httpx.AsyncClient,
    customer: Account,
    resource_id: object,
    starts_at: str,
    ends_at: str,
    product: str = "rental",
) -> dict:
    held = await client.post(
        "/booking/holds",
        headers=customer.headers,
        json={
            "product": product,
            "resource_id": str(resource_id),
            "starts_at": starts_at,
            "ends_at": ends_at,
        },
    )
    assert held.status_code == 201, held.text
    confirmed = await client.post(
        f"/booking/bookings/{held.json()['id']}/confirm", headers=customer.headers
    )
    assert confirmed.status_code == 200, confirmed.text
    return dict(confirmed.json())


async def my_messages(client: httpx.AsyncClient, customer: Account) -> list[dict]:
    answer = await client.get("/notify/messages", headers=customer.headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def wait_for_messages(
    client: httpx.AsyncClient, customer: Account, count: int, seconds: float = 10.0
) -> list[dict]:
    """The customer's messages once the relay has handled the events (at least ``count``)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        found = await my_messages(client, customer)
        if len(found) >= count:
            return found
        if loop.time() > deadline:
            raise AssertionError(f"expected {count} messages, got {found!r}")
        await asyncio.sleep(0.05)


def by_kind(messages: list[dict], kind: str) -> list[dict]:
    return [m for m in messages if m["kind"] == kind]


def smtp_mailer(app: FastAPI) -> SmtpMailer:
    settings = app.state.settings
    return SmtpMailer(settings.smtp_url, settings.mail_from)


def dispatcher(
    app: FastAPI,
    *,
    mailer: Mailer | None = None,
    clock: Callable[[], datetime] = utcnow,
    claim_seconds: float = 300.0,
) -> notify.Dispatcher:
    """A dispatcher like the app's housekeeping one, on the test SMTP server by default."""
    return notify.Dispatcher(
        app.state.uow_factory,
        mailer or smtp_mailer(app),
        sender=app.state.settings.mail_from,
        clock=clock,
        claim_seconds=claim_seconds,
    )


class ProcessDied(BaseException):
    """What a crash looks like to the code that was running: nothing after it runs."""


class DiesAfterSending:
    """The outside world at its worst: the mail server takes the mail, then the process dies
    before the dispatcher can mark it sent."""

    def __init__(self, directory: Path, sender: str) -> None:
        self.files = FileMailer(directory, sender)

    async def send(self, mail: Mail) -> None:
        await self.files.send(mail)
        raise ProcessDied()


async def wait_until_sent(
    client: httpx.AsyncClient, customer: Account, kind: str, seconds: float = 10.0
) -> dict:
    """The customer's message of ``kind`` once it is marked sent (by us or the app's job)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        found = by_kind(await my_messages(client, customer), kind)
        if found and all(m["status"] == "sent" for m in found):
            return found[0]
        if loop.time() > deadline:
            raise AssertionError(f"no sent {kind}: {found!r}")
        await asyncio.sleep(0.05)
