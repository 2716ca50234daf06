"""The message texts, one small Python module per language (``en``, ``de``).

Each module holds ``string.Template`` texts by message kind (a subject and a body) and the
few phrases the renderer fills in (greeting, when, product names). Why not Jinja2 or
gettext catalogues: the mails are plain text with a handful of placeholders and no logic,
Jinja2 is not a dependency of this project, and a ``.po``/``.mo`` pipeline would need a
compile step and package data for five texts. A language is one more module here; the
tests check every language has every kind and placeholder. Dates, times and money are
formatted by Babel in :mod:`motorpool.domains.notify.render`, not by the templates.
"""

from __future__ import annotations

from string import Template
from types import ModuleType

from motorpool.domains.notify.templates import de, en

LANGUAGES: dict[str, ModuleType] = {"en": en, "de": de}


def texts(language: str) -> ModuleType:
    return LANGUAGES.get(language, en)


def subject_and_body(language: str, kind: str) -> tuple[Template, Template]:
    subject, body = texts(language).TEXTS[kind]
    return Template(subject), Template(body)
