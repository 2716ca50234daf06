"""``Idempotency-Key`` for POSTs (draft-ietf-httpapi-idempotency-key-header).

* same key, same body → the first answer again (``Idempotent-Replayed: true``);
* same key, another body → 422 ``idempotency-key-reused``;
* same key while the first request still runs → 409 ``idempotency-key-in-progress``.

The key is claimed in its own short transaction so a concurrent retry sees it; the answer
is stored in the *same* transaction as the change it answers, so "changed but answer
lost" cannot happen. A failed request releases its claim and stores nothing. A claim left
by a crashed process expires after ``LOCK_SECONDS``; answers are kept for 24 hours.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, LargeBinary, String, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from starlette.responses import Response

from motorpool.platform.db import Base, utcnow
from motorpool.platform.errors import Problem
from motorpool.platform.uow import UnitOfWork, UnitOfWorkFactory

LOCK_SECONDS = 60
KEEP = timedelta(hours=24)
NO_BRAND = uuid.UUID(int=0)
REPLAYED_HEADERS = ("content-type", "location")


class IdempotencyKeyReused(Problem):
    slug = "idempotency-key-reused"
    title = "This Idempotency-Key was used with another request"
    status = 422
    description = "Use a new key for a different request; a retry must repeat the same body."


class IdempotencyKeyInProgress(Problem):
    slug = "idempotency-key-in-progress"
    title = "A request with this Idempotency-Key is still being processed"
    status = 409
    description = "Retry after a moment; the first request's answer will then be replayed."


class InvalidIdempotencyKey(Problem):
    slug = "invalid-idempotency-key"
    title = "The Idempotency-Key header is not valid"
    status = 400
    description = "Between 1 and 255 visible ASCII characters."


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    completed: Mapped[bool] = mapped_column(default=False)
    response_status: Mapped[int | None]
    response_headers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    locked_until: Mapped[datetime]


@dataclass(frozen=True)
class Claim:
    tenant_id: uuid.UUID
    owner: str
    key: str


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def validate_key(key: str) -> str:
    if not 1 <= len(key) <= 255 or not all(33 <= ord(c) <= 126 for c in key):
        raise InvalidIdempotencyKey()
    return key


async def begin(
    uow_factory: UnitOfWorkFactory,
    *,
    tenant_id: uuid.UUID | None,
    owner: str,
    key: str,
    print_: str,
) -> Claim | Response:
    """Claim the key, or answer with the stored response; raises 409/422 as above."""
    brand = tenant_id or NO_BRAND
    now = utcnow()
    claim = Claim(brand, owner, validate_key(key))
    async with uow_factory(tenant_id=None, write=True) as uow:
        uow.session.add(
            IdempotencyRecord(
                tenant_id=brand,
                owner=owner,
                key=key,
                fingerprint=print_,
                completed=False,
                created_at=now,
                locked_until=now + timedelta(seconds=LOCK_SECONDS),
            )
        )
        try:
            await uow.commit()
            return claim
        except IntegrityError:
            await uow.rollback()
    async with uow_factory(tenant_id=None, write=True) as uow:
        record = await uow.session.get(IdempotencyRecord, (brand, owner, key), with_for_update=True)
        if record is None:  # released meanwhile: try once more from the start
            return await begin(
                uow_factory, tenant_id=tenant_id, owner=owner, key=key, print_=print_
            )
        stale = record.created_at < now - KEEP or (
            not record.completed and record.locked_until < now
        )
        if stale:
            record.fingerprint = print_
            record.completed = False
            record.response_status = None
            record.response_headers = None
            record.response_body = None
            record.created_at = now
            record.locked_until = now + timedelta(seconds=LOCK_SECONDS)
            await uow.commit()
            return claim
        if record.fingerprint != print_:
            raise IdempotencyKeyReused()
        if not record.completed:
            raise IdempotencyKeyInProgress()
        headers = dict(record.response_headers or {})
        headers["idempotent-replayed"] = "true"
        return Response(
            content=record.response_body or b"",
            status_code=record.response_status or 200,
            headers=headers,
        )


async def complete(uow: UnitOfWork, claim: Claim, response: Response) -> None:
    """Store the answer in the request's own transaction (committed with the change)."""
    record = await uow.session.get(IdempotencyRecord, (claim.tenant_id, claim.owner, claim.key))
    if record is None:
        return
    record.completed = True
    record.response_status = response.status_code
    record.response_headers = {
        name: value for name, value in response.headers.items() if name in REPLAYED_HEADERS
    }
    record.response_body = bytes(response.body)


async def release(uow_factory: UnitOfWorkFactory, claim: Claim) -> None:
    """Forget a claim whose request failed, so a retry runs afresh."""
    async with uow_factory(tenant_id=None, write=True) as uow:
        await uow.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.tenant_id == claim.tenant_id,
                IdempotencyRecord.owner == claim.owner,
                IdempotencyRecord.key == claim.key,
                IdempotencyRecord.completed.is_(False),
            )
        )
        await uow.commit()


async def prune(uow: UnitOfWork) -> None:
    await uow.session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at < utcnow() - KEEP)
    )


__all__ = ["Claim", "begin", "complete", "fingerprint", "release"]
