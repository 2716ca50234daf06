"""Token checks: the deployment's own signing key, JWKS, and external OpenID Connect issuers.

The platform signs and verifies access tokens (ES256 JWTs) with a key the deployment owns
and publishes its public half as a JWKS. Tokens from an external OpenID Connect provider
are accepted when ``MOTORPOOL_OIDC_ISSUER`` and ``MOTORPOOL_OIDC_JWKS_URL`` are set.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from motorpool.platform.db import utcnow
from motorpool.platform.errors import Unauthenticated

AUDIENCE = "motorpool"
ALGORITHM = "ES256"
LEEWAY_SECONDS = 30
VERIFIED_TOKENS_KEPT = 10_000


class Role(StrEnum):
    customer = "customer"
    dealer_staff = "dealer_staff"
    fleet_manager = "fleet_manager"
    brand_admin = "brand_admin"
    vehicle_backend = "vehicle_backend"  # the connected-car backend reporting status


STAFF_ROLES = frozenset({Role.dealer_staff, Role.fleet_manager, Role.brand_admin})


@dataclass(frozen=True)
class Principal:
    """Who is calling: an account of this brand, or a subject of an external issuer."""

    subject: str
    tenant_id: uuid.UUID
    role: Role
    session_id: uuid.UUID | None = None
    external: bool = False
    email: str | None = None

    @property
    def account_id(self) -> uuid.UUID:
        """The built-in identity's account id (external subjects have none)."""
        if self.external:
            raise Unauthenticated("this call needs an account of this brand")
        return uuid.UUID(self.subject)

    def has_role(self, *roles: Role) -> bool:
        return self.role == Role.brand_admin or self.role in roles


def load_or_create_key(path: Path) -> ec.EllipticCurvePrivateKey:
    """Load the deployment's P-256 key, creating it (mode 0600) on first start."""
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError(f"{path} is not an EC private key")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return key


def _thumbprint(public_jwk: dict[str, Any]) -> str:
    """RFC 7638 key id."""
    import base64
    import hashlib

    members = {k: public_jwk[k] for k in ("crv", "kty", "x", "y")}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode()


class TokenService:
    """Issues and verifies this deployment's access tokens."""

    def __init__(self, key: ec.EllipticCurvePrivateKey, *, issuer: str, ttl_seconds: int) -> None:
        self._key = key
        self._public_key = key.public_key()
        self.issuer = issuer
        self.ttl = timedelta(seconds=ttl_seconds)
        # verified tokens until they expire: a signature check costs more than the rest of
        # the edge together, and a client sends the same token with every call
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        public = ECAlgorithm.to_jwk(key.public_key(), as_dict=True)
        self.kid = _thumbprint(public)
        self.public_jwk = {**public, "kid": self.kid, "use": "sig", "alg": ALGORITHM}

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.public_jwk]}

    def issue(
        self,
        *,
        account_id: uuid.UUID,
        tenant_id: uuid.UUID,
        role: Role,
        session_id: uuid.UUID,
        email: str | None = None,
        now: datetime | None = None,
    ) -> tuple[str, datetime]:
        now = now or utcnow()
        expires = now + self.ttl
        claims = {
            "iss": self.issuer,
            "aud": AUDIENCE,
            "sub": str(account_id),
            "tid": str(tenant_id),
            "role": role.value,
            "sid": str(session_id),
            "iat": int(now.timestamp()),
            "nbf": int(now.timestamp()),
            "exp": int(expires.timestamp()),
            "jti": uuid.uuid4().hex,
        }
        if email:
            claims["email"] = email
        token = jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"kid": self.kid})
        return token, expires

    def verify(self, token: str) -> Principal:
        known = self._verified.get(token)
        if known is not None:
            principal, expires = known
            if time.time() < expires + LEEWAY_SECONDS:
                self._verified.move_to_end(token)
                return principal
            del self._verified[token]
            raise Unauthenticated("the token has expired")
        principal, expires = self._decode(token)
        self._verified[token] = (principal, expires)
        if len(self._verified) > VERIFIED_TOKENS_KEPT:
            self._verified.popitem(last=False)
        return principal

    def _decode(self, token: str) -> tuple[Principal, float]:
        try:
            claims = jwt.decode(
                token,
                self._public_key,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "nbf", "iat", "sub", "aud", "iss", "tid", "sid"]},
            )
            principal = Principal(
                subject=str(uuid.UUID(claims["sub"])),
                tenant_id=uuid.UUID(claims["tid"]),
                role=Role(claims.get("role", "customer")),
                session_id=uuid.UUID(claims["sid"]),
                email=claims.get("email"),
            )
            return principal, float(claims["exp"])
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("the token has expired") from exc
        except (jwt.PyJWTError, ValueError, KeyError) as exc:
            raise Unauthenticated("the token is not valid") from exc


class ExternalIssuer:
    """Accepts tokens of an external OpenID Connect provider by its JWKS URL."""

    def __init__(
        self, *, issuer: str, jwks_url: str, audience: str | None, role_claim: str
    ) -> None:
        self.issuer = issuer
        self.audience = audience
        self.role_claim = role_claim
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=300, timeout=5)

    async def verify(self, token: str, tenant_id: uuid.UUID) -> Principal:
        try:
            key = await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)
            claims = jwt.decode(
                token,
                key.key,
                algorithms=["RS256", "ES256", "PS256", "EdDSA"],
                audience=self.audience,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={
                    "require": ["exp", "iat", "sub", "iss"],
                    "verify_aud": self.audience is not None,
                },
            )
            role = claims.get(self.role_claim, Role.customer.value)
            return Principal(
                subject=f"{self.issuer}|{claims['sub']}",
                tenant_id=tenant_id,
                role=Role(role) if role in Role.__members__ else Role.customer,
                external=True,
                email=claims.get("email"),
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("the token has expired") from exc
        except (jwt.PyJWTError, ValueError, KeyError) as exc:
            raise Unauthenticated("the token is not valid") from exc


def unverified_issuer(token: str) -> str | None:
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    issuer = claims.get("iss")
    return issuer if isinstance(issuer, str) else None
