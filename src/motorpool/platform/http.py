"""What every domain router uses: the transactional route, the unit-of-work and principal
dependencies, role checks, and pagination."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Depends, Query, Request, Security
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Select, func, select
from sqlalchemy.exc import DBAPIError
from starlette.responses import Response

from motorpool.platform import idempotency
from motorpool.platform.auth import Principal, Role
from motorpool.platform.errors import (
    COMMON_ERROR_STATUSES,
    Forbidden,
    Problem,
    Unauthenticated,
    ValidationFailed,
    openapi_error_responses,
)
from motorpool.platform.uow import UnitOfWork

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SessionCheck = Callable[[UnitOfWork, Principal], Awaitable[bool]]


RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock


class ConcurrentUpdate(Problem):
    slug = "concurrent-update"
    title = "Changed at the same moment by someone else"
    status = 409
    description = (
        "Another request changed the same thing at the same moment and the database chose "
        "this one to give way. Nothing was changed; the same request may simply be retried."
    )


def _sqlstate(error: DBAPIError) -> str | None:
    orig = error.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code is None and orig is not None:
        code = getattr(getattr(orig, "__cause__", None), "sqlstate", None)
    return str(code) if code is not None else None


class TransactionalRoute(APIRoute):
    """Runs each request in one unit of work: commit on success, roll back on error.

    A POST with ``Idempotency-Key`` claims the key first and stores its answer in the same
    transaction as the change.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()
        write = bool(set(self.methods or ()) & WRITE_METHODS)
        idempotent = "POST" in (self.methods or ())

        async def handler(request: Request) -> Response:
            factory = request.app.state.uow_factory
            tenant = getattr(request.state, "tenant", None)
            tenant_id = tenant.id if tenant else None
            key = request.headers.get("idempotency-key") if idempotent else None
            claim: idempotency.Claim | None = None
            if key is not None:
                principal = getattr(request.state, "principal", None)
                body = await request.body()
                answer = await idempotency.begin(
                    factory,
                    tenant_id=tenant_id,
                    owner=principal.subject if principal else "anonymous",
                    key=key,
                    print_=idempotency.fingerprint(
                        request.method, request.url.path, request.url.query, body
                    ),
                )
                if isinstance(answer, Response):
                    return answer
                claim = answer
            uow = factory(tenant_id=tenant_id, write=write)
            request.state.uow = uow
            try:
                async with uow:
                    try:
                        response = await original(request)
                    except Problem as problem:
                        if problem.keeps_changes and write:
                            await uow.commit()
                        raise
                    if response.status_code >= 400:
                        await uow.rollback()
                    elif write:
                        if claim is not None:
                            await idempotency.complete(uow, claim, response)
                        await uow.commit()
            except DBAPIError as error:
                if claim is not None:
                    await idempotency.release(factory, claim)
                if _sqlstate(error) in RETRYABLE_SQLSTATES:
                    conflict = ConcurrentUpdate()
                    conflict.headers["Retry-After"] = "1"
                    raise conflict from error
                raise
            except BaseException:
                if claim is not None:
                    await idempotency.release(factory, claim)
                raise
            if claim is not None and response.status_code >= 400:
                await idempotency.release(factory, claim)
            return response

        return handler


def domain_router(*, prefix: str, tags: Sequence[str]) -> APIRouter:
    """The router every domain uses: transactional routes, problem+json answers documented."""
    return APIRouter(
        prefix=prefix,
        tags=list(tags),
        route_class=TransactionalRoute,
        responses=openapi_error_responses(*COMMON_ERROR_STATUSES),
    )


async def get_uow(request: Request) -> UnitOfWork:
    uow: UnitOfWork = request.state.uow
    return uow


Uow = Annotated[UnitOfWork, Depends(get_uow)]

bearer_scheme = HTTPBearer(auto_error=False, description="An access token of this brand")


async def current_principal(
    request: Request,
    uow: Uow,
    _credentials: HTTPAuthorizationCredentials | None = Security(bearer_scheme),
) -> Principal:
    """The verified caller (the edge checked the token); 401 if none or signed out."""
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:
        raise Unauthenticated("sign in first: this call needs a bearer token")
    check: SessionCheck | None = getattr(request.app.state, "session_check", None)
    if check is not None and not principal.external and not await check(uow, principal):
        raise Unauthenticated("the session has ended; sign in again")
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_role(*roles: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency allowing the given roles (a brand admin is always allowed)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden(f"needs one of the roles: {', '.join(r.value for r in roles)}")
        return principal

    return check


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list; ``total`` counts all matches."""

    model_config = ConfigDict(from_attributes=True)
    items: list[T]
    total: int
    limit: int
    offset: int


class PageParams(BaseModel):
    limit: int
    offset: int
    sort: str | None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=200, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
    sort: Annotated[
        str | None, Query(description="field to sort by; prefix with '-' for descending")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, offset=offset, sort=sort)


Paging = Annotated[PageParams, Depends(page_params)]


def sort_clause(sort: str | None, allowed: dict[str, Any], default: Any) -> Any:
    """Map ``?sort=name`` / ``?sort=-name`` onto a column; 422 for an unknown field."""
    if not sort:
        return default
    field, descending = (sort[1:], True) if sort.startswith("-") else (sort, False)
    column = allowed.get(field)
    if column is None:
        raise ValidationFailed(
            f"cannot sort by {field!r}; choose one of: {', '.join(sorted(allowed))}"
        )
    return column.desc() if descending else column.asc()


R = TypeVar("R")


async def page_of(
    uow: UnitOfWork,
    stmt: Select[Any],
    paging: PageParams,
    *,
    sortable: dict[str, Any],
    default: Any,
    tiebreak: Any,
    read: Callable[[Any], R],
) -> Page[R]:
    """Count the matches, sort by ``?sort=`` (or ``default``, then ``tiebreak`` for a stable
    order) and fetch one page, each row turned into its ``*Read`` by ``read``."""
    total = (
        await uow.session.execute(select(func.count()).select_from(stmt.subquery()))
    ).scalar_one()
    order = sort_clause(paging.sort, sortable, default)
    rows = await uow.session.execute(
        stmt.order_by(order, tiebreak).limit(paging.limit).offset(paging.offset)
    )
    return Page[R](
        items=[read(row) for row in rows.scalars()],
        total=total,
        limit=paging.limit,
        offset=paging.offset,
    )
