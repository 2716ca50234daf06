"""What the identity domain takes and gives."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from motorpool.domains import dealers
from motorpool.platform.auth import Role
from motorpool.platform.http import Page

Locale = Literal["en", "de"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Password = Annotated[str, Field(min_length=1, max_length=1024)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CustomerCreate(Strict):
    email: EmailStr
    password: Password
    given_name: Name | None = None
    family_name: Name | None = None
    locale: Locale = "en"


class RegistrationAccepted(BaseModel):
    status: Literal["verification_sent"] = "verification_sent"
    detail: str = "If the address can be used, we have sent a link to confirm it."


class EmailVerification(Strict):
    token: Annotated[str, Field(min_length=10, max_length=200)]


class Credentials(Strict):
    email: EmailStr
    password: Password


class RefreshRequest(Strict):
    refresh_token: Annotated[str, Field(min_length=10, max_length=200)]


class TokenRead(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


class PasswordResetRequest(Strict):
    email: EmailStr


class PasswordResetConfirm(Strict):
    token: Annotated[str, Field(min_length=10, max_length=200)]
    new_password: Password


class Address(Strict):
    street: Annotated[str, StringConstraints(max_length=200)] | None = None
    postal_code: Annotated[str, StringConstraints(max_length=20)] | None = None
    city: Annotated[str, StringConstraints(max_length=100)] | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None


class ProfileRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    email: str
    role: Role
    status: str
    given_name: str | None
    family_name: str | None
    phone: str | None
    address: Address
    locale: Locale
    favourite_centre_id: uuid.UUID | None
    email_verified_at: datetime | None
    created_at: datetime


class ProfileUpdate(Strict):
    given_name: Name | None = None
    family_name: Name | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()\-]{4,30}$")] | None = None
    address: Address | None = None
    locale: Locale | None = None
    favourite_centre_id: uuid.UUID | None = None


class ConsentUpdate(Strict):
    purpose: Literal["marketing_email", "marketing_sms", "vehicle_data_sharing"]
    granted: bool


class ConsentRead(BaseModel):
    purpose: str
    granted: bool
    changed_at: datetime


class Erasure(Strict):
    password: Password


class AccountCreate(Strict):
    email: EmailStr
    password: Password
    role: Role
    given_name: Name | None = None
    family_name: Name | None = None
    locale: Locale = "en"


AccountPage = Page[ProfileRead]


class PersonalDataExport(BaseModel):
    """Everything this brand holds on the caller, by domain."""

    exported_at: datetime
    brand: str
    domains: dict[str, Any]


class FavouriteCentreRead(BaseModel):
    """My favourite centre and, on its own clock, whether it is open and when it next opens."""

    centre: dealers.CentreRead
    open_now: bool
    local_time: datetime
    next_opening: datetime | None
