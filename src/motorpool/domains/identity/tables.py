"""The identity domain's tables."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, TenantOwned, new_id, utcnow


class AccountRow(TenantOwned, Base):
    """A customer or a staff member of one brand."""

    __tablename__ = "identity_accounts"
    __table_args__ = (UniqueConstraint("tenant_id", "email"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="customer")
    status: Mapped[str] = mapped_column(String(20), default="unverified")
    given_name: Mapped[str | None] = mapped_column(String(100))
    family_name: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    locale: Mapped[str] = mapped_column(String(10), default="en")
    favourite_centre_id: Mapped[uuid.UUID | None]
    email_verified_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class OneTimeTokenRow(TenantOwned, Base):
    """An email verification or password reset token, stored only as its hash."""

    __tablename__ = "identity_one_time_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_accounts.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class GrantRow(TenantOwned, Base):
    """A signed-in session: every refresh token of one sign-in belongs to one grant."""

    __tablename__ = "identity_grants"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_accounts.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(40))
    user_agent: Mapped[str | None] = mapped_column(String(300))


class RefreshTokenRow(TenantOwned, Base):
    __tablename__ = "identity_refresh_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    grant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_grants.id", ondelete="CASCADE"), index=True
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    rotated_at: Mapped[datetime | None]


class LoginThrottleRow(TenantOwned, Base):
    """Failed sign-ins per email (known or not), for lockout without enumeration."""

    __tablename__ = "identity_login_throttle"
    __table_args__ = (UniqueConstraint("tenant_id", "email"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320))
    failures: Mapped[int] = mapped_column(default=0)
    window_started_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None]


class ConsentRow(TenantOwned, Base):
    __tablename__ = "identity_consents"
    __table_args__ = (
        UniqueConstraint("tenant_id", "account_id", "purpose"),
        Index("ix_identity_consents_account", "account_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_accounts.id", ondelete="CASCADE")
    )
    purpose: Mapped[str] = mapped_column(String(40))
    granted: Mapped[bool]
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    details: Mapped[dict[str, str] | None] = mapped_column(JSON)
