"""Outgoing mail behind one interface: SMTP in production and tests, files in the demo."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import urlparse

import aiosmtplib

from motorpool.platform.db import utcnow


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    language: str = "en"
    message_id: str | None = None
    """``<id@domain>``: the same for a resend, so a duplicate is recognisable."""


class Mailer(Protocol):
    async def send(self, mail: Mail) -> None: ...


def _message(sender: str, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    if mail.message_id:
        message["Message-ID"] = mail.message_id
    message.set_content(mail.text)
    message["Content-Language"] = mail.language  # after set_content, which drops Content-*
    return message


class SmtpMailer:
    def __init__(self, url: str, sender: str) -> None:
        parsed = urlparse(url)
        self.host = parsed.hostname or "127.0.0.1"
        self.port = parsed.port or 25
        self.username = parsed.username
        self.password = parsed.password
        self.use_tls = parsed.scheme == "smtps"
        self.sender = sender

    async def send(self, mail: Mail) -> None:
        await aiosmtplib.send(
            _message(self.sender, mail),
            hostname=self.host,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.use_tls,
            start_tls=False,
            timeout=10,
        )


class FileMailer:
    """Writes each message as an .eml file: the demo's inbox, readable without a server."""

    def __init__(self, directory: Path, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    async def send(self, mail: Mail) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%dT%H%M%S%f}-{mail.to.replace('@', '_at_')}.eml"
        data = _message(self.sender, mail).as_bytes()
        await asyncio.to_thread((self.directory / name).write_bytes, data)
