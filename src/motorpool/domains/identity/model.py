"""Identity rules: named checks that raise problems with stable types. No I/O."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from motorpool.platform.errors import Forbidden, NotFound, Problem, TooManyRequests, Unauthenticated

MIN_PASSWORD = 8
MAX_PASSWORD = 128
VERIFICATION_TTL = timedelta(hours=48)
RESET_TTL = timedelta(hours=1)


class InvalidCredentials(Unauthenticated):
    slug = "invalid-credentials"
    title = "The email or the password is wrong"
    status = 401
    description = "The same answer whether or not the email has an account."
    keeps_changes = True  # the failure is counted towards the lockout


class EmailNotVerified(Forbidden):
    slug = "email-not-verified"
    title = "Confirm your email address first"
    status = 403


class AccountLocked(TooManyRequests):
    slug = "sign-in-locked"
    title = "Too many failed sign-ins; try again later"
    status = 429


class WeakPassword(Problem):
    slug = "weak-password"
    title = "Choose another password"
    status = 422
    description = "8 to 128 characters, not a commonly used or breached password, not the email."


class InvalidOneTimeToken(Problem):
    slug = "invalid-token"
    title = "The link is invalid or has expired"
    status = 400


class RefreshTokenInvalid(Unauthenticated):
    slug = "invalid-refresh-token"
    title = "The refresh token is invalid, expired or already used"
    status = 401
    description = "Reusing a rotated refresh token ends the whole session, as theft is assumed."


class RefreshTokenReused(RefreshTokenInvalid):
    keeps_changes = True  # the grant's revocation must stand


class AccountNotFound(NotFound):
    slug = "account-not-found"
    title = "No such account"


class EmailTaken(Problem):
    slug = "email-taken"
    title = "This email already has an account at this brand"
    status = 409


class AccountErased(Problem):
    slug = "account-erased"
    title = "This account has been erased"
    status = 410


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password_policy(password: str, *, email: str) -> None:
    """Length 8-128; not among ~30,000 common (breached) passwords; not the email."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise WeakPassword(f"use {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    lowered = password.lower()
    if lowered in _common_passwords():
        raise WeakPassword("this password is common and appears in breach lists")
    local = normalise_email(email).split("@", 1)[0]
    if lowered in (normalise_email(email), local):
        raise WeakPassword("the password must not be your email address")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class ThrottleState:
    failures: int
    window_started_at: datetime
    locked_until: datetime | None


def check_not_locked(state: ThrottleState | None, now: datetime) -> None:
    if state and state.locked_until and state.locked_until > now:
        raise AccountLocked(int((state.locked_until - now).total_seconds()) + 1)


def after_failure(
    state: ThrottleState | None, now: datetime, *, allowed: int, lock_seconds: int
) -> ThrottleState:
    """Count a failed sign-in; lock after ``allowed`` failures within the lock window."""
    window = timedelta(seconds=lock_seconds)
    if state is None or state.window_started_at < now - window:
        state = ThrottleState(0, now, None)
    failures = state.failures + 1
    locked = now + window if failures >= allowed else None
    return ThrottleState(failures, state.window_started_at, locked)


def check_can_sign_in(status: str) -> None:
    if status == "erased" or status == "disabled":
        raise InvalidCredentials()
    if status == "unverified":
        raise EmailNotVerified("open the link in the email we sent you")
