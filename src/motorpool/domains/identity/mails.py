"""The identity domain's emails, in English and German."""

from __future__ import annotations

from motorpool.platform.mail import Mail

_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "verify": {
        "en": (
            "Confirm your email address",
            "Welcome to {brand}.\n\nConfirm your email address with this code:\n\n{token}\n\n"
            "or open {base}/portal/verify?token={token}\n\nThe link is valid for 48 hours.",
        ),
        "de": (
            "Bestätigen Sie Ihre E-Mail-Adresse",
            "Willkommen bei {brand}.\n\nBestätigen Sie Ihre E-Mail-Adresse mit diesem Code:\n\n"
            "{token}\n\noder öffnen Sie {base}/portal/verify?token={token}\n\n"
            "Der Link ist 48 Stunden gültig.",
        ),
    },
    "exists": {
        "en": (
            "You already have an account",
            "Someone tried to register at {brand} with this address, which already has an "
            "account. If it was you and you forgot your password, reset it at "
            "{base}/portal/reset. Otherwise you can ignore this message.",
        ),
        "de": (
            "Sie haben bereits ein Konto",
            "Jemand wollte sich bei {brand} mit dieser Adresse registrieren, zu der es bereits "
            "ein Konto gibt. Falls Sie das waren und Ihr Passwort vergessen haben, setzen Sie "
            "es unter {base}/portal/reset zurück. Andernfalls können Sie diese Nachricht "
            "ignorieren.",
        ),
    },
    "reset": {
        "en": (
            "Reset your password",
            "Reset your password at {brand} with this code:\n\n{token}\n\n"
            "or open {base}/portal/reset?token={token}\n\nThe link is valid for one hour. "
            "If you did not ask for it, ignore this message.",
        ),
        "de": (
            "Passwort zurücksetzen",
            "Setzen Sie Ihr Passwort bei {brand} mit diesem Code zurück:\n\n{token}\n\n"
            "oder öffnen Sie {base}/portal/reset?token={token}\n\nDer Link ist eine Stunde "
            "gültig. Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.",
        ),
    },
}


def compose(kind: str, *, to: str, locale: str, brand: str, base: str, token: str = "") -> Mail:
    language = locale if locale in _TEXTS[kind] else "en"
    subject, body = _TEXTS[kind][language]
    return Mail(
        to=to,
        subject=subject,
        text=body.format(brand=brand, base=base, token=token),
        language=language,
    )
