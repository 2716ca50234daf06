"""Brands (tenants): who they are, the hosts they answer on, the origins that may embed them."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from motorpool.platform.db import Base, new_id, utcnow
from motorpool.platform.uow import UnitOfWork, UnitOfWorkFactory


class TenantRow(Base):
    __tablename__ = "tenants"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    default_locale: Mapped[str] = mapped_column(String(10), default="en")
    allowed_origins: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TenantHostRow(Base):
    __tablename__ = "tenant_hosts"

    host: Mapped[str] = mapped_column(String(253), primary_key=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))


@dataclass(frozen=True)
class Tenant:
    id: uuid.UUID
    slug: str
    name: str
    default_locale: str
    allowed_origins: tuple[str, ...]


def _to_tenant(row: TenantRow) -> Tenant:
    return Tenant(
        id=row.id,
        slug=row.slug,
        name=row.name,
        default_locale=row.default_locale,
        allowed_origins=tuple(row.allowed_origins or ()),
    )


async def ensure_tenant(
    uow: UnitOfWork,
    *,
    slug: str,
    name: str,
    hosts: list[str],
    allowed_origins: list[str] | None = None,
    default_locale: str = "en",
) -> Tenant:
    """Create the brand or bring it up to date; idempotent."""
    session = uow.session
    row = (
        await session.execute(select(TenantRow).where(TenantRow.slug == slug))
    ).scalar_one_or_none()
    if row is None:
        row = TenantRow(id=new_id(), slug=slug, name=name, allowed_origins=[], created_at=utcnow())
        session.add(row)
    row.name = name
    row.default_locale = default_locale
    row.allowed_origins = list(allowed_origins or [])
    await session.flush()
    for host in hosts:
        existing = await session.get(TenantHostRow, host.lower())
        if existing is None:
            session.add(TenantHostRow(host=host.lower(), tenant_id=row.id))
        else:
            existing.tenant_id = row.id
    await session.flush()
    return _to_tenant(row)


class TenantDirectory:
    """Looks brands up by host or slug, with a short in-process cache."""

    def __init__(self, uow_factory: UnitOfWorkFactory, ttl_seconds: float = 30.0) -> None:
        self._uow_factory = uow_factory
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, Tenant | None]] = {}

    def clear(self) -> None:
        self._cache.clear()

    async def by_host(self, host: str) -> Tenant | None:
        host = host.split(":", 1)[0].lower() if not host.startswith("[") else host.lower()
        return await self._cached(f"host:{host}", self._load_by_host, host)

    async def by_slug(self, slug: str) -> Tenant | None:
        return await self._cached(f"slug:{slug}", self._load_by_slug, slug)

    async def _cached(self, key: str, loader, arg: str) -> Tenant | None:  # type: ignore[no-untyped-def]
        hit = self._cache.get(key)
        now = time.monotonic()
        if hit and hit[0] > now:
            return hit[1]
        tenant = await loader(arg)
        self._cache[key] = (now + self._ttl, tenant)
        return tenant

    async def _load_by_host(self, host: str) -> Tenant | None:
        async with self._uow_factory(tenant_id=None) as uow:
            stmt = select(TenantRow).join(TenantHostRow).where(TenantHostRow.host == host)
            row = (await uow.session.execute(stmt)).scalar_one_or_none()
            return _to_tenant(row) if row else None

    async def _load_by_slug(self, slug: str) -> Tenant | None:
        async with self._uow_factory(tenant_id=None) as uow:
            stmt = select(TenantRow).where(TenantRow.slug == slug)
            row = (await uow.session.execute(stmt)).scalar_one_or_none()
            return _to_tenant(row) if row else None

    async def all(self) -> list[Tenant]:
        async with self._uow_factory(tenant_id=None) as uow:
            rows = (await uow.session.execute(select(TenantRow).order_by(TenantRow.slug))).scalars()
            return [_to_tenant(r) for r in rows]


async def brand_name(uow: UnitOfWork) -> str:
    """The display name of the unit of work's brand."""
    row = await uow.session.get(TenantRow, uow.brand)
    return row.name if row else "Motorpool"


async def find_tenant(uow: UnitOfWork, slug: str) -> Tenant | None:
    row = (
        await uow.session.execute(select(TenantRow).where(TenantRow.slug == slug))
    ).scalar_one_or_none()
    return _to_tenant(row) if row else None
