"""Notify rules: what a message is, when a reminder is due, how a failed send is retried.
No I/O.

A message is recorded once per (brand, event, kind) and then goes through
``pending → sending → sent``; a failed send goes back to ``pending`` later (with a growing
pause) until :data:`MAX_ATTEMPTS`, then stays ``failed``. A reminder may be ``cancelled``
(its booking was) or ``expired`` (its time passed before it could go out).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import StrEnum

from motorpool.platform.errors import NotFound


class MessageKind(StrEnum):
    booking_confirmed = "booking_confirmed"
    pickup_reminder = "pickup_reminder"
    appointment_booked = "appointment_booked"
    invoice_issued = "invoice_issued"


class MessageStatus(StrEnum):
    pending = "pending"
    sending = "sending"
    sent = "sent"
    failed = "failed"
    cancelled = "cancelled"
    expired = "expired"


LANGUAGES = ("en", "de")
DEFAULT_LANGUAGE = "en"
DEFAULT_REMINDER_LEAD = timedelta(hours=24)
QUIET_PRODUCTS = frozenset({"servicing", "courtesy"})
"""Bookings that belong to a workshop appointment: its own mail tells the customer."""
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
ERROR_LENGTH = 500
UNREACHABLE = ("erased", "disabled")
"""Account states we never write to."""


class MessageNotFound(NotFound):
    slug = "message-not-found"
    title = "No such message"


def language_of(locale: str | None) -> str:
    """The message language for a customer's locale (``de-AT`` → ``de``); English otherwise."""
    base = (locale or "").replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def reminder_due_at(starts_at: datetime, *, lead: timedelta, now: datetime) -> datetime | None:
    """When to remind of a pick-up at ``starts_at``: ``lead`` before it; ``None`` when that
    moment has already passed at confirmation (the confirmation itself is the reminder)."""
    due = starts_at - lead
    return due if due > now else None


def retry_after(attempts: int) -> timedelta | None:
    """The pause before the next try after ``attempts`` failed sends (1, 2, 4 … minutes, at
    most 6 hours); ``None`` once :data:`MAX_ATTEMPTS` are used up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY)


def smtp_message_id(message_id: uuid.UUID, domain: str) -> str:
    """The SMTP ``Message-ID`` of a message: derived from its id, so a resend after a crash
    carries the same one and a mail client or archive can drop the duplicate."""
    return f"<notify.{message_id}@{domain or 'motorpool.invalid'}>"


def short_error(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    return text[:ERROR_LENGTH]
