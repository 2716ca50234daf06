"""What a price line is called, in English (its ``description``) and in the other languages
the platform speaks (its ``translations``): invoices are printed in the customer's language,
long after the price was made, so every line carries its names with it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from babel.dates import format_date

# each text by language; ``{…}`` are filled in per line
LINE_TEXTS: Mapping[str, Mapping[str, str]] = {
    "capped_days": {"en": "Days at the day cap", "de": "Tage zum Tageshöchstpreis"},
    "capped_hours": {"en": "Hours at the hour cap", "de": "Stunden zum Stundenhöchstpreis"},
    "minutes": {"en": "Per started minute", "de": "Je angefangene Minute"},
    "hours": {"en": "Per started hour", "de": "Je angefangene Stunde"},
    "days": {"en": "Per started day", "de": "Je angefangenen Tag"},
    "weekend_days": {
        "en": "Per started day beginning on a weekend",
        "de": "Je angefangenen Tag mit Beginn am Wochenende",
    },
    "months": {"en": "Per started month", "de": "Je angefangenen Monat"},
    "long_duration_discount": {
        "en": "Long-duration discount ({share} from {units} {unit}s)",
        "de": "Langzeitrabatt ({share} ab {units} {unit_de})",
    },
    "extra_km": {
        "en": "Kilometres beyond the {km} included",
        "de": "Kilometer über die {km} inklusiven hinaus",
    },
    "late_return": {
        "en": "Late return, per started hour",
        "de": "Verspätete Rückgabe, je angefangene Stunde",
    },
    "refuel_fee": {"en": "Refuel or recharge service", "de": "Tank- oder Ladeservice"},
    "energy_shortfall": {
        "en": "Energy missing, per percent",
        "de": "Fehlende Energie, je Prozent",
    },
    "subscription": {"en": "Subscription {start} to {end}", "de": "Abo vom {start} bis {end}"},
    "voucher_percent": {"en": "Voucher {code} ({share})", "de": "Gutschein {code} ({share})"},
    "voucher": {"en": "Voucher {code}", "de": "Gutschein {code}"},
}
LANGUAGES = ("de",)  # besides English, which is the description itself
UNITS_DE = {"minute": "Minuten", "hour": "Stunden", "day": "Tagen", "month": "Monaten"}


def line_text(key: str, **values: Any) -> tuple[str, dict[str, str]]:
    """The English description and the translations of one kind of line.

    A ``date`` value is written the language's way (2026-12-01 / 01.12.2026)."""
    texts = LINE_TEXTS[key]

    def fill(language: str) -> str:
        shown = {
            name: (
                (value.isoformat() if language == "en" else format_date(value, locale=language))
                if isinstance(value, date)
                else value
            )
            for name, value in values.items()
        }
        return texts[language].format(**shown)

    return fill("en"), {language: fill(language) for language in LANGUAGES}
