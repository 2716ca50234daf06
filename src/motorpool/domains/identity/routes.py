"""The identity HTTP API: thin — validate, call one use case, answer."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request, status

from motorpool.domains.identity import service
from motorpool.domains.identity.schemas import (
    AccountCreate,
    AccountPage,
    ConsentRead,
    ConsentUpdate,
    Credentials,
    CustomerCreate,
    EmailVerification,
    Erasure,
    FavouriteCentreRead,
    PasswordResetConfirm,
    PasswordResetRequest,
    PersonalDataExport,
    ProfileRead,
    ProfileUpdate,
    RefreshRequest,
    RegistrationAccepted,
    TokenRead,
)
from motorpool.platform.auth import Principal, Role, TokenService
from motorpool.platform.db import utcnow
from motorpool.platform.errors import openapi_error_responses
from motorpool.platform.http import CurrentPrincipal, Paging, Uow, domain_router, require_role
from motorpool.platform.settings import Settings

router = domain_router(prefix="/identity", tags=["identity"])


async def _tokens(request: Request) -> TokenService:
    tokens: TokenService = request.app.state.tokens
    return tokens


async def _policy(request: Request) -> service.SignInPolicy:
    settings: Settings = request.app.state.settings
    return service.SignInPolicy(
        failures_before_lockout=settings.login_failures_before_lockout,
        lockout_seconds=settings.lockout_seconds,
        refresh_ttl=timedelta(seconds=settings.refresh_token_ttl_seconds),
    )


Tokens = Annotated[TokenService, Depends(_tokens)]
Policy = Annotated[service.SignInPolicy, Depends(_policy)]
Staff = Annotated[Principal, Depends(require_role(Role.dealer_staff, Role.fleet_manager))]
Admin = Annotated[Principal, Depends(require_role(Role.brand_admin))]


@router.post(
    "/customers",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Register a customer (a confirmation email follows)",
)
async def register(body: CustomerCreate, uow: Uow) -> RegistrationAccepted:
    return await service.register(uow=uow, customer_in=body)


@router.post("/auth/verify-email", status_code=204, summary="Confirm an email address")
async def verify_email(body: EmailVerification, uow: Uow) -> None:
    await service.verify_email(uow=uow, token=body.token)


@router.post(
    "/auth/login",
    summary="Sign in with email and password",
    responses=openapi_error_responses(401, 403, 429),
)
async def login(
    body: Credentials,
    uow: Uow,
    tokens: Tokens,
    policy: Policy,
    user_agent: Annotated[str | None, Header()] = None,
) -> TokenRead:
    return await service.sign_in(
        uow=uow,
        tokens=tokens,
        email=body.email,
        password=body.password,
        policy=policy,
        user_agent=(user_agent or "")[:300] or None,
    )


@router.post("/auth/refresh", summary="Rotate a refresh token for new tokens")
async def refresh(body: RefreshRequest, uow: Uow, tokens: Tokens, policy: Policy) -> TokenRead:
    return await service.refresh(
        uow=uow, tokens=tokens, refresh_token=body.refresh_token, policy=policy
    )


@router.post("/auth/logout", status_code=204, summary="End this session on the server")
async def logout(principal: CurrentPrincipal, uow: Uow) -> None:
    await service.sign_out(uow=uow, principal=principal)


@router.post(
    "/auth/password-reset",
    status_code=202,
    summary="Ask for a password reset link (same answer for every address)",
)
async def password_reset(body: PasswordResetRequest, uow: Uow) -> dict[str, str]:
    await service.request_password_reset(uow=uow, email=body.email)
    return {"status": "sent_if_known"}


@router.post("/auth/password-reset/confirm", status_code=204, summary="Set a new password")
async def password_reset_confirm(body: PasswordResetConfirm, uow: Uow) -> None:
    await service.reset_password(uow=uow, token=body.token, new_password=body.new_password)


@router.get("/me", summary="My profile")
async def me(principal: CurrentPrincipal, uow: Uow) -> ProfileRead:
    return await service.get_profile(uow=uow, account_id=principal.account_id)


@router.patch("/me", summary="Change my profile, locale or favourite centre")
async def update_me(body: ProfileUpdate, principal: CurrentPrincipal, uow: Uow) -> ProfileRead:
    return await service.update_profile(uow=uow, account_id=principal.account_id, changes=body)


@router.get("/me/favourite-centre", summary="My favourite centre, open now or when it next opens")
async def my_favourite_centre(principal: CurrentPrincipal, uow: Uow) -> FavouriteCentreRead | None:
    return await service.favourite_centre(uow=uow, account_id=principal.account_id)


@router.get("/me/consents", summary="My consents")
async def my_consents(principal: CurrentPrincipal, uow: Uow) -> list[ConsentRead]:
    return await service.consents(uow=uow, account_id=principal.account_id)


@router.put("/me/consents", summary="Grant or withdraw one consent")
async def set_consent(body: ConsentUpdate, principal: CurrentPrincipal, uow: Uow) -> ConsentRead:
    return await service.set_consent(uow=uow, account_id=principal.account_id, consent=body)


@router.get("/me/export", summary="GDPR: everything this brand holds on me, as JSON")
async def export(principal: CurrentPrincipal, uow: Uow, request: Request) -> PersonalDataExport:
    exporters: dict[str, Any] = request.app.state.personal_data_exporters
    domains: dict[str, Any] = {}
    for name, exporter in exporters.items():
        domains[name] = await exporter(uow=uow, account_id=principal.account_id)
    brand = request.state.tenant.slug
    return PersonalDataExport(exported_at=utcnow(), brand=brand, domains=domains)


@router.post("/me/erase", status_code=204, summary="GDPR: erase my account and personal data")
async def erase(body: Erasure, principal: CurrentPrincipal, uow: Uow) -> None:
    await service.erase(uow=uow, account_id=principal.account_id, password=body.password)


@router.get("/accounts", summary="Accounts of this brand (staff)")
async def accounts(
    _staff: Staff,
    uow: Uow,
    paging: Paging,
    role: Annotated[Role | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=100, description="email or name contains")] = None,
) -> AccountPage:
    return await service.list_accounts(uow=uow, paging=paging, role=role, q=q)


@router.get("/accounts/{account_id}", summary="One account (staff)")
async def account(account_id: uuid.UUID, _staff: Staff, uow: Uow) -> ProfileRead:
    return await service.get_profile(uow=uow, account_id=account_id)


@router.post(
    "/accounts",
    status_code=201,
    summary="Create a customer or staff account (brand admin)",
    responses=openapi_error_responses(409),
)
async def create_account(body: AccountCreate, _admin: Admin, uow: Uow) -> ProfileRead:
    return await service.create_account(uow=uow, account_in=body)
