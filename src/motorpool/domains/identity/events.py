"""Facts the identity domain publishes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class CustomerRegistered(Event):
    account_id: uuid.UUID
    locale: str


@dataclass(frozen=True, kw_only=True)
class EmailVerificationRequested(Event):
    """Carries the one-time token to the mail that delivers it; the row keeps only its hash."""

    account_id: uuid.UUID
    email: str
    locale: str
    token: str


@dataclass(frozen=True, kw_only=True)
class RegistrationRepeated(Event):
    """Someone registered an email that already has an account: tell its owner, not the caller."""

    account_id: uuid.UUID
    email: str
    locale: str


@dataclass(frozen=True, kw_only=True)
class EmailVerified(Event):
    account_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class PasswordResetRequested(Event):
    account_id: uuid.UUID
    email: str
    locale: str
    token: str


@dataclass(frozen=True, kw_only=True)
class PasswordChanged(Event):
    account_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class ProfileChanged(Event):
    account_id: uuid.UUID
    fields: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class FavouriteCentreChosen(Event):
    account_id: uuid.UUID
    centre_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class AccountCreatedByStaff(Event):
    account_id: uuid.UUID
    role: str


@dataclass(frozen=True, kw_only=True)
class CustomerErased(Event):
    """Every domain holding this customer's personal data erases it on this fact."""

    account_id: uuid.UUID
