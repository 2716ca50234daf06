"""Identity use cases: keyword-only, on a unit of work, never committing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, func, or_, select, update

from motorpool.domains import dealers
from motorpool.domains.identity import model
from motorpool.domains.identity.events import (
    AccountCreatedByStaff,
    CustomerErased,
    CustomerRegistered,
    EmailVerificationRequested,
    EmailVerified,
    FavouriteCentreChosen,
    PasswordChanged,
    PasswordResetRequested,
    ProfileChanged,
    RegistrationRepeated,
)
from motorpool.domains.identity.passwords import hash_password, needs_rehash, verify_password
from motorpool.domains.identity.schemas import (
    AccountCreate,
    AccountPage,
    Address,
    ConsentRead,
    ConsentUpdate,
    CustomerCreate,
    FavouriteCentreRead,
    ProfileRead,
    ProfileUpdate,
    RegistrationAccepted,
    TokenRead,
)
from motorpool.domains.identity.tables import (
    AccountRow,
    ConsentRow,
    GrantRow,
    LoginThrottleRow,
    OneTimeTokenRow,
    RefreshTokenRow,
)
from motorpool.platform.auth import Principal, Role, TokenService
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.http import PageParams, page_of
from motorpool.platform.prepared import PgStatement
from motorpool.platform.uow import UnitOfWork

VERIFY = "verify_email"
RESET = "reset_password"


@dataclass(frozen=True)
class SignInPolicy:
    failures_before_lockout: int = 5
    lockout_seconds: int = 900
    refresh_ttl: timedelta = timedelta(days=30)


def _profile(row: AccountRow) -> ProfileRead:
    return ProfileRead(
        id=row.id,
        email=row.email,
        role=Role(row.role),
        status=row.status,
        given_name=row.given_name,
        family_name=row.family_name,
        phone=row.phone,
        address=Address(
            street=row.street, postal_code=row.postal_code, city=row.city, country=row.country
        ),
        locale=row.locale,
        favourite_centre_id=row.favourite_centre_id,
        email_verified_at=row.email_verified_at,
        created_at=row.created_at,
    )


async def _account_by_email(uow: UnitOfWork, email: str) -> AccountRow | None:
    stmt = select(AccountRow).where(AccountRow.email == model.normalise_email(email))
    return (await uow.session.execute(stmt)).scalar_one_or_none()


async def _account(uow: UnitOfWork, account_id: uuid.UUID) -> AccountRow:
    row = (
        await uow.session.execute(select(AccountRow).where(AccountRow.id == account_id))
    ).scalar_one_or_none()
    if row is None:
        raise model.AccountNotFound()
    return row


def _one_time_token(uow: UnitOfWork, account: AccountRow, purpose: str, ttl: timedelta) -> str:
    secret = model.new_secret()
    uow.session.add(
        OneTimeTokenRow(
            token_hash=model.hash_secret(secret),
            purpose=purpose,
            account_id=account.id,
            expires_at=utcnow() + ttl,
        )
    )
    return secret


async def _redeem(uow: UnitOfWork, secret: str, purpose: str) -> AccountRow:
    now = utcnow()
    row = await uow.session.get(OneTimeTokenRow, model.hash_secret(secret))
    if row is None or row.purpose != purpose or row.used_at or row.expires_at < now:
        raise model.InvalidOneTimeToken()
    row.used_at = now
    return await _account(uow, row.account_id)


async def register(*, uow: UnitOfWork, customer_in: CustomerCreate) -> RegistrationAccepted:
    """Register a customer; the answer is the same whether or not the email is taken."""
    email = model.normalise_email(customer_in.email)
    model.check_password_policy(customer_in.password, email=email)
    existing = await _account_by_email(uow, email)
    if existing is not None:
        if existing.status != "erased":
            uow.record(
                RegistrationRepeated(
                    tenant_id=uow.brand, account_id=existing.id, email=email, locale=existing.locale
                )
            )
        return RegistrationAccepted()
    account = AccountRow(
        id=new_id(),
        email=email,
        password_hash=await hash_password(customer_in.password),
        role=Role.customer.value,
        status="unverified",
        given_name=customer_in.given_name,
        family_name=customer_in.family_name,
        locale=customer_in.locale,
        created_at=utcnow(),
        updated_at=utcnow(),
    )
    uow.session.add(account)
    await uow.session.flush()
    token = _one_time_token(uow, account, VERIFY, model.VERIFICATION_TTL)
    uow.record(
        CustomerRegistered(tenant_id=uow.brand, account_id=account.id, locale=account.locale),
        EmailVerificationRequested(
            tenant_id=uow.brand,
            account_id=account.id,
            email=email,
            locale=account.locale,
            token=token,
        ),
    )
    return RegistrationAccepted()


async def verify_email(*, uow: UnitOfWork, token: str) -> None:
    account = await _redeem(uow, token, VERIFY)
    if account.status == "unverified":
        account.status = "active"
        account.email_verified_at = utcnow()
        uow.record(EmailVerified(tenant_id=uow.brand, account_id=account.id))


async def _throttle(uow: UnitOfWork, email: str) -> LoginThrottleRow | None:
    stmt = select(LoginThrottleRow).where(LoginThrottleRow.email == email)
    return (await uow.session.execute(stmt)).scalar_one_or_none()


def _state(row: LoginThrottleRow | None) -> model.ThrottleState | None:
    if row is None:
        return None
    return model.ThrottleState(row.failures, row.window_started_at, row.locked_until)


async def _issue(
    uow: UnitOfWork,
    tokens: TokenService,
    account: AccountRow,
    grant_id: uuid.UUID,
    policy: SignInPolicy,
) -> TokenRead:
    access, expires = tokens.issue(
        account_id=account.id,
        tenant_id=uow.brand,
        role=Role(account.role),
        session_id=grant_id,
        email=account.email,
    )
    refresh = model.new_secret()
    now = utcnow()
    uow.session.add(
        RefreshTokenRow(
            token_hash=model.hash_secret(refresh),
            grant_id=grant_id,
            issued_at=now,
            expires_at=now + policy.refresh_ttl,
        )
    )
    return TokenRead(
        access_token=access,
        expires_in=int((expires - now).total_seconds()),
        refresh_token=refresh,
        refresh_expires_in=int(policy.refresh_ttl.total_seconds()),
    )


async def sign_in(
    *,
    uow: UnitOfWork,
    tokens: TokenService,
    email: str,
    password: str,
    policy: SignInPolicy,
    user_agent: str | None = None,
) -> TokenRead:
    """Password sign-in. Unknown email and wrong password look alike (answer and timing)."""
    email = model.normalise_email(email)
    now = utcnow()
    throttle = await _throttle(uow, email)
    model.check_not_locked(_state(throttle), now)
    account = await _account_by_email(uow, email)
    ok = await verify_password(account.password_hash if account else None, password)
    if not ok or account is None:
        state = model.after_failure(
            _state(throttle),
            now,
            allowed=policy.failures_before_lockout,
            lock_seconds=policy.lockout_seconds,
        )
        if throttle is None:
            throttle = LoginThrottleRow(id=new_id(), email=email)
            uow.session.add(throttle)
        throttle.failures = state.failures
        throttle.window_started_at = state.window_started_at
        throttle.locked_until = state.locked_until
        raise model.InvalidCredentials()
    model.check_can_sign_in(account.status)
    if throttle is not None:
        await uow.session.delete(throttle)
    if needs_rehash(account.password_hash):
        account.password_hash = await hash_password(password)
    grant = GrantRow(id=new_id(), account_id=account.id, created_at=now, user_agent=user_agent)
    uow.session.add(grant)
    await uow.session.flush()
    return await _issue(uow, tokens, account, grant.id, policy)


async def refresh(
    *, uow: UnitOfWork, tokens: TokenService, refresh_token: str, policy: SignInPolicy
) -> TokenRead:
    """Rotate a refresh token. Presenting a rotated one again revokes the whole grant."""
    now = utcnow()
    row = await uow.session.get(RefreshTokenRow, model.hash_secret(refresh_token))
    if row is None:
        raise model.RefreshTokenInvalid()
    grant = await uow.session.get(GrantRow, row.grant_id)
    if grant is None or grant.revoked_at is not None or row.expires_at < now:
        raise model.RefreshTokenInvalid()
    if row.rotated_at is not None:
        grant.revoked_at = now
        grant.revoked_reason = "refresh_token_reused"
        raise model.RefreshTokenReused("this refresh token was already used; sign in again")
    account = await _account(uow, grant.account_id)
    if account.status not in ("active",):
        raise model.RefreshTokenInvalid()
    row.rotated_at = now
    return await _issue(uow, tokens, account, grant.id, policy)


async def sign_out(*, uow: UnitOfWork, principal: Principal) -> None:
    if principal.session_id is None:
        return
    grant = await uow.session.get(GrantRow, principal.session_id)
    if grant is not None and grant.revoked_at is None:
        grant.revoked_at = utcnow()
        grant.revoked_reason = "signed_out"


async def _revoke_all(uow: UnitOfWork, account_id: uuid.UUID, reason: str) -> None:
    await uow.session.execute(
        update(GrantRow)
        .where(GrantRow.account_id == account_id, GrantRow.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )


_SESSION_ACTIVE = PgStatement(
    select(GrantRow.revoked_at.is_(None)).where(
        GrantRow.id == bindparam("session_id", type_=GrantRow.id.type),
        GrantRow.tenant_id == bindparam("tenant_id", type_=GrantRow.tenant_id.type),
    )
)


async def session_is_active(uow: UnitOfWork, principal: Principal) -> bool:
    """Whether the caller's session still stands (sign-out takes effect on the server).
    Asked on every authenticated request, so it runs as a prepared statement."""
    if principal.session_id is None or uow.tenant_id is None:
        return False
    active = await _SESSION_ACTIVE.fetch_value(
        uow, session_id=principal.session_id, tenant_id=uow.tenant_id
    )
    return bool(active)  # SQLite answers 1 or 0


async def request_password_reset(*, uow: UnitOfWork, email: str) -> None:
    """Send a reset link if the email has an account; the caller learns nothing either way."""
    account = await _account_by_email(uow, email)
    if account is None or account.status in ("erased", "disabled"):
        await verify_password(None, "equalise-timing")
        return
    token = _one_time_token(uow, account, RESET, model.RESET_TTL)
    uow.record(
        PasswordResetRequested(
            tenant_id=uow.brand,
            account_id=account.id,
            email=account.email,
            locale=account.locale,
            token=token,
        )
    )


async def reset_password(*, uow: UnitOfWork, token: str, new_password: str) -> None:
    account = await _redeem(uow, token, RESET)
    model.check_password_policy(new_password, email=account.email)
    account.password_hash = await hash_password(new_password)
    account.updated_at = utcnow()
    if account.status == "unverified":  # the reset link proved the address
        account.status = "active"
        account.email_verified_at = utcnow()
    await _revoke_all(uow, account.id, "password_reset")
    uow.record(PasswordChanged(tenant_id=uow.brand, account_id=account.id))


async def get_profile(*, uow: UnitOfWork, account_id: uuid.UUID) -> ProfileRead:
    return _profile(await _account(uow, account_id))


async def update_profile(
    *, uow: UnitOfWork, account_id: uuid.UUID, changes: ProfileUpdate
) -> ProfileRead:
    account = await _account(uow, account_id)
    given = changes.model_dump(exclude_unset=True)
    address = given.pop("address", None)
    for field, value in given.items():
        if field == "favourite_centre_id" and value is not None:
            await dealers.get_centre(uow=uow, centre_id=value)  # 404 if not this brand's
        setattr(account, field, value)
    if address is not None:
        for field, value in address.items():
            setattr(account, field, value)
    changed = tuple(sorted([*given, *(address or {})]))
    if changed:
        account.updated_at = utcnow()
        uow.record(ProfileChanged(tenant_id=uow.brand, account_id=account.id, fields=changed))
    if "favourite_centre_id" in given:
        uow.record(
            FavouriteCentreChosen(
                tenant_id=uow.brand, account_id=account.id, centre_id=given["favourite_centre_id"]
            )
        )
    return _profile(account)


async def set_consent(
    *, uow: UnitOfWork, account_id: uuid.UUID, consent: ConsentUpdate
) -> ConsentRead:
    stmt = select(ConsentRow).where(
        ConsentRow.account_id == account_id, ConsentRow.purpose == consent.purpose
    )
    row = (await uow.session.execute(stmt)).scalar_one_or_none()
    if row is None:
        row = ConsentRow(id=new_id(), account_id=account_id, purpose=consent.purpose)
        uow.session.add(row)
    row.granted = consent.granted
    row.changed_at = utcnow()
    return ConsentRead(purpose=row.purpose, granted=row.granted, changed_at=row.changed_at)


async def consents(*, uow: UnitOfWork, account_id: uuid.UUID) -> list[ConsentRead]:
    stmt = (
        select(ConsentRow).where(ConsentRow.account_id == account_id).order_by(ConsentRow.purpose)
    )
    return [
        ConsentRead(purpose=r.purpose, granted=r.granted, changed_at=r.changed_at)
        for r in (await uow.session.execute(stmt)).scalars()
    ]


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    """This domain's part of a GDPR export."""
    account = await _account(uow, account_id)
    grants = (
        await uow.session.execute(
            select(GrantRow).where(GrantRow.account_id == account_id).order_by(GrantRow.created_at)
        )
    ).scalars()
    return {
        "profile": _profile(account).model_dump(mode="json"),
        "consents": [
            c.model_dump(mode="json") for c in await consents(uow=uow, account_id=account_id)
        ],
        "sessions": [
            {
                "created_at": g.created_at.isoformat(),
                "revoked_at": g.revoked_at.isoformat() if g.revoked_at else None,
                "user_agent": g.user_agent,
            }
            for g in grants
        ],
    }


async def erase(*, uow: UnitOfWork, account_id: uuid.UUID, password: str) -> None:
    """GDPR erasure: the account is anonymised, every session ends, other domains are told."""
    account = await _account(uow, account_id)
    if not await verify_password(account.password_hash, password):
        raise model.InvalidCredentials("confirm erasure with your current password")
    account.email = f"erased+{account.id.hex}@invalid"
    account.password_hash = "!"
    account.status = "erased"
    for field in ("given_name", "family_name", "phone", "street", "postal_code", "city", "country"):
        setattr(account, field, None)
    account.favourite_centre_id = None
    account.updated_at = utcnow()
    await uow.session.execute(
        update(ConsentRow)
        .where(ConsentRow.account_id == account_id)
        .values(granted=False, changed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    await _revoke_all(uow, account_id, "erased")
    uow.record(CustomerErased(tenant_id=uow.brand, account_id=account_id))


async def create_account(
    *, uow: UnitOfWork, account_in: AccountCreate, verified: bool = True
) -> ProfileRead:
    email = model.normalise_email(account_in.email)
    model.check_password_policy(account_in.password, email=email)
    if await _account_by_email(uow, email) is not None:
        raise model.EmailTaken()
    now = utcnow()
    account = AccountRow(
        id=new_id(),
        email=email,
        password_hash=await hash_password(account_in.password),
        role=account_in.role.value,
        status="active" if verified else "unverified",
        given_name=account_in.given_name,
        family_name=account_in.family_name,
        locale=account_in.locale,
        email_verified_at=now if verified else None,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(account)
    await uow.session.flush()
    uow.record(AccountCreatedByStaff(tenant_id=uow.brand, account_id=account.id, role=account.role))
    return _profile(account)


async def list_accounts(
    *, uow: UnitOfWork, paging: PageParams, role: Role | None = None, q: str | None = None
) -> AccountPage:
    stmt = select(AccountRow).where(AccountRow.status != "erased")
    if role is not None:
        stmt = stmt.where(AccountRow.role == role.value)
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(
                AccountRow.email.like(like),
                func.lower(AccountRow.family_name).like(like),
                func.lower(AccountRow.given_name).like(like),
            )
        )
    return await page_of(
        uow,
        stmt,
        paging,
        sortable={
            "email": AccountRow.email,
            "created_at": AccountRow.created_at,
            "family_name": AccountRow.family_name,
        },
        default=AccountRow.created_at.desc(),
        tiebreak=AccountRow.id,
        read=_profile,
    )


async def favourite_centre(*, uow: UnitOfWork, account_id: uuid.UUID) -> FavouriteCentreRead | None:
    account = await _account(uow, account_id)
    if account.favourite_centre_id is None:
        return None
    centre = await dealers.get_centre(uow=uow, centre_id=account.favourite_centre_id)
    opening = await dealers.opening_status(uow=uow, centre_id=centre.id)
    return FavouriteCentreRead(
        centre=centre,
        open_now=opening.open,
        local_time=opening.local_time,
        next_opening=opening.next_opening,
    )
