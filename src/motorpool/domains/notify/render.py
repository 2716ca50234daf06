"""Rendering a message in the customer's language: the language's template filled with
values formatted by Babel — instants on the centre's clock in the locale's date and time
patterns (``Montag, 1. März 2027 um 10:30 Uhr``), money in the locale's way
(``1.234,56 €``). No I/O: the handlers gather the facts, this turns them into text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from string import Template
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.numbers import format_currency

from motorpool.domains.notify import templates
from motorpool.domains.notify.model import MessageKind


@dataclass(frozen=True)
class Facts:
    """What a message says, before it is put into words of one language."""

    brand: str
    who: str | None
    link: str
    time_zone: str = "UTC"
    centre: str | None = None
    product: str = ""
    reference: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    services: tuple[tuple[str, str], ...] = ()  # (English, German) names
    courtesy_car: bool = False
    number: str = ""
    total: Decimal | None = None
    currency: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def when(at: datetime, *, language: str, time_zone: str) -> str:
    """An instant on the centre's clock, in the language's words."""
    local = at.astimezone(ZoneInfo(time_zone))
    return Template(templates.texts(language).WHEN).substitute(
        date=format_date(local.date(), "full", locale=language),
        time=format_time(local.time(), "short", locale=language),
    )


def money(amount: Decimal, currency: str, *, language: str) -> str:
    return format_currency(amount, currency, locale=language)


def _values(kind: MessageKind, language: str, facts: Facts) -> dict[str, str]:
    words = templates.texts(language)
    zone = facts.time_zone
    greeting = (
        Template(words.GREETING).substitute(who=facts.who)
        if facts.who
        else words.GREETING_ANONYMOUS
    )
    values = {
        "greeting": greeting,
        "signature": Template(words.SIGNATURE).substitute(brand=facts.brand),
        "brand": facts.brand,
        "link": facts.link,
        "zone": zone,
        "centre": facts.centre or words.UNKNOWN_CENTRE,
        "product": words.PRODUCTS.get(facts.product, facts.product),
        "number": facts.number,
        "reference": facts.reference,
        "services": ", ".join(de if language == "de" else en for en, de in facts.services),
        "courtesy": words.COURTESY_CAR if facts.courtesy_car else "",
        "starts": "",
        "ends": "",
        "date": "",
        "total": "",
    }
    if facts.starts_at is not None:
        values["starts"] = when(facts.starts_at, language=language, time_zone=zone)
        local = facts.starts_at.astimezone(ZoneInfo(zone)).date()
        values["date"] = format_date(local, "long", locale=language)
    if facts.ends_at is not None:
        values["ends"] = when(facts.ends_at, language=language, time_zone=zone)
    if facts.total is not None:
        values["total"] = money(facts.total, facts.currency, language=language)
    values.update(facts.extra)
    return values


def compose(kind: MessageKind, language: str, facts: Facts) -> tuple[str, str]:
    """(subject, body) of a message of ``kind`` in ``language`` (English if we lack it)."""
    language = language if language in templates.LANGUAGES else "en"
    subject, body = templates.subject_and_body(language, kind.value)
    values = _values(kind, language, facts)
    # one line of plain spaces: Babel's no-break spaces would make a header of encoded
    # words, which mail readers may unfold with a doubled space
    return " ".join(subject.substitute(values).split()), body.substitute(values)
