"""Hot statements on PostgreSQL: compiled once, run by the driver on the unit of work's own
connection.

SQLAlchemy spends about as much CPU on each execution (events, parameter processing, result
objects, the ORM's identity map) as asyncpg and PostgreSQL together spend on a short
statement. For the few statements on a hot path (placing a hold, checking a session,
writing the outbox) that matters: :class:`PgStatement` compiles a Core statement once for
asyncpg and executes it on the connection the unit of work already holds — same
transaction, same ``motorpool.tenant_id`` setting, so row-level security still applies —
through asyncpg's own prepared-statement cache. On SQLite (the embedded topology, one
writer) the same statement simply runs through the session.

Parameters must already be what the driver takes: aware datetimes (a naive one is refused),
``uuid.UUID``, ``Decimal`` (JSON as text on PostgreSQL). The driver's errors come out as
SQLAlchemy's (``IntegrityError``, ``OperationalError`` …), as from the session. Write hot
statements with an explicit ``tenant_id`` condition, as the ORM would add one: row-level
security is the second guard, not the only one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

import asyncpg
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

if TYPE_CHECKING:
    from motorpool.platform.uow import UnitOfWork

_DIALECT = asyncpg_dialect()


class PgStatement:
    """A Core statement compiled for asyncpg once; run with named parameters."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        compiled = cast(SQLCompiler, cast(ClauseElement, statement).compile(dialect=_DIALECT))
        self.sql = str(compiled)
        self.names: Sequence[str] = tuple(compiled.positiontup or ())
        # values written into the statement itself (``where(x == 5)``) travel as parameters
        self.literals = {
            name: bind.effective_value
            for name in self.names
            if not (bind := compiled.binds[name]).required
        }

    def arguments(self, parameters: Mapping[str, Any]) -> list[Any]:
        values = []
        for name in self.names:
            value = parameters[name] if name in parameters else self.literals[name]
            if isinstance(value, datetime) and value.tzinfo is None:
                raise ValueError(f"{name}: a naive datetime where an instant is needed")
            values.append(value)
        return values

    async def fetch_row(self, uow: UnitOfWork, **parameters: Any) -> Mapping[str, Any] | None:
        """The first row (by column name), or None."""
        if uow.dialect != "postgresql":
            row = (await uow.session.execute(self.statement, parameters)).first()
            return None if row is None else dict(row._mapping)
        connection = await driver_connection(uow)
        arguments = self.arguments(parameters)
        try:
            record: Mapping[str, Any] | None = await connection.fetchrow(self.sql, *arguments)
        except asyncpg.PostgresError as error:
            raise database_error(self.sql, arguments, error) from error
        return record

    async def fetch_value(self, uow: UnitOfWork, **parameters: Any) -> Any:
        """The first column of the first row, or None."""
        if uow.dialect != "postgresql":
            return (await uow.session.execute(self.statement, parameters)).scalar()
        connection = await driver_connection(uow)
        arguments = self.arguments(parameters)
        try:
            return await connection.fetchval(self.sql, *arguments)
        except asyncpg.PostgresError as error:
            raise database_error(self.sql, arguments, error) from error

    async def execute_many(self, uow: UnitOfWork, rows: Sequence[Mapping[str, Any]]) -> None:
        """Once per row, pipelined."""
        if uow.dialect != "postgresql":
            await uow.session.execute(self.statement, list(rows))
            return
        connection = await driver_connection(uow)
        arguments = [self.arguments(row) for row in rows]
        try:
            await connection.executemany(self.sql, arguments)
        except asyncpg.PostgresError as error:
            raise database_error(self.sql, arguments, error) from error


def database_error(sql: str, arguments: Any, error: asyncpg.PostgresError) -> DBAPIError:
    """The driver's error as SQLAlchemy would have raised it, so the handlers that turn a
    deadlock into a retryable 409 or a unique violation into a domain problem see it the
    same way whichever path ran the statement. ``.orig`` keeps the driver's error (and its
    ``sqlstate``)."""
    state = str(getattr(error, "sqlstate", "") or "")
    kind: type[DBAPIError] = DBAPIError
    if state.startswith("23"):
        kind = IntegrityError
    elif state.startswith(("40", "55", "57", "08", "53")):
        kind = OperationalError  # serialisation, deadlock, lock, shutdown, connection, resources
    elif state.startswith("42"):
        kind = ProgrammingError
    return kind(sql, arguments, error)


async def driver_connection(uow: UnitOfWork) -> asyncpg.Connection:
    """The asyncpg connection under the unit of work's session, its transaction begun (so the
    brand's setting for row-level security is made) and the session's pending changes
    flushed (a raw statement must see what the ORM was asked to write before it)."""
    if uow.dialect != "postgresql":
        raise RuntimeError("PgStatement runs on PostgreSQL only")
    session = uow.session
    if session.new or session.dirty or session.deleted:
        await session.flush()
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver: asyncpg.Connection = raw.driver_connection
    return driver
