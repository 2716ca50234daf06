"""Notify rules without a database: languages, when a reminder is due, retries, the
Message-ID, and every language having every text with the same placeholders."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from motorpool.domains.notify import model, templates
from motorpool.domains.notify.model import MessageKind
from motorpool.domains.notify.render import Facts, compose, money, when

START = datetime(2027, 3, 28, 8, 30, tzinfo=UTC)  # the day Berlin moves to summer time


@pytest.mark.parametrize(
    ("locale", "language"),
    [("de", "de"), ("de-AT", "de"), ("de_CH", "de"), ("en", "en"), ("fr", "en"), (None, "en")],
)
def test_language_of_a_locale(locale, language) -> None:
    assert model.language_of(locale) == language


def test_reminder_is_due_a_lead_before_the_start_unless_that_has_passed() -> None:
    lead = timedelta(hours=24)
    assert model.reminder_due_at(START, lead=lead, now=START - timedelta(days=3)) == (START - lead)
    assert model.reminder_due_at(START, lead=lead, now=START - timedelta(hours=2)) is None
    assert model.reminder_due_at(START, lead=lead, now=START - lead) is None


def test_retries_pause_longer_each_time_then_give_up() -> None:
    pauses = [model.retry_after(n) for n in range(1, model.MAX_ATTEMPTS + 1)]
    assert pauses[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert all(p is not None and p <= model.LONGEST_RETRY for p in pauses[:-1])
    assert pauses[-1] is None


def test_message_id_is_derived_from_the_message() -> None:
    message_id = uuid.uuid4()
    assert model.smtp_message_id(message_id, "brand.example") == (
        f"<notify.{message_id}@brand.example>"
    )
    assert model.smtp_message_id(message_id, "") == model.smtp_message_id(message_id, "")


def test_every_language_has_every_text_with_the_same_placeholders() -> None:
    def names(text: str) -> set[str]:
        return set(re.findall(r"\$(\w+)", text))

    english = templates.LANGUAGES["en"]
    for language, texts in templates.LANGUAGES.items():
        assert set(texts.TEXTS) == {k.value for k in MessageKind}, language
        assert set(texts.PRODUCTS) == set(english.PRODUCTS), language
        for kind, (subject, body) in texts.TEXTS.items():
            en_subject, en_body = english.TEXTS[kind]
            assert names(subject + body) == names(en_subject + en_body), (language, kind)


def test_times_on_the_centres_clock_across_a_dst_change() -> None:
    assert when(START, language="de", time_zone="Europe/Berlin") == (
        "Sonntag, 28. März 2027 um 10:30 Uhr"  # CEST, UTC+2 since 01:00 UTC
    )
    assert when(START - timedelta(hours=8), language="de", time_zone="Europe/Berlin") == (
        "Sonntag, 28. März 2027 um 01:30 Uhr"  # 00:30 UTC: still CET, UTC+1
    )
    assert when(START, language="en", time_zone="America/New_York") == (
        "Sunday, March 28, 2027 at 4:30\u202fAM"
    )


def test_money_in_the_languages_way() -> None:
    assert money(Decimal("1234.56"), "EUR", language="de") == "1.234,56\xa0€"
    assert money(Decimal("1234.56"), "EUR", language="en") == "€1,234.56"
    assert money(Decimal("1234.5"), "CHF", language="de") == "1.234,50\xa0CHF"


def test_compose_falls_back_to_english_and_greets_without_a_name() -> None:
    facts = Facts(brand="Brand", who=None, link="https://x/portal", number="2027-000001")
    facts = Facts(**{**facts.__dict__, "total": Decimal("10"), "currency": "EUR"})
    subject, body = compose(MessageKind.invoice_issued, "fr", facts)
    assert subject == "Your invoice 2027-000001"
    assert body.startswith("Hello,\n")
    assert "Total: €10.00" in body
    assert body.rstrip().endswith("Your Brand team")
    _, german = compose(MessageKind.invoice_issued, "de", facts)
    assert german.startswith("Guten Tag,\n")
    assert german.rstrip().endswith("Ihr Brand-Team")
