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

Parameters must already be what the driver takes: aware datetimes, ``uuid.UUID``, ``Decimal``
(JSON as text on PostgreSQL). Write hot statements with an explicit ``tenant_id`` condition,
as the ORM would add one: row-level security is the second guard, not the only one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

if TYPE_CHECKING:
    import asyncpg

    from motorpool.platform.uow import UnitOfWork

_DIALECT = asyncpg_dialect()


class PgStatement:
    """A Core statement compiled for asyncpg once; run with named parameters."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        compiled = cast(SQLCompiler, cast(ClauseElement, statement).compile(dialect=_DIALECT))
        self.sql = str(compiled)
        self.names: Sequence[str] = tuple(compiled.positiontup or ())

    def arguments(self, parameters: Mapping[str, Any]) -> list[Any]:
        return [parameters[name] for name in self.names]

    async def fetch_row(self, uow: UnitOfWork, **parameters: Any) -> Mapping[str, Any] | None:
        """The first row (by column name), or None."""
        if uow.dialect != "postgresql":
            row = (await uow.session.execute(self.statement, parameters)).first()
            return None if row is None else dict(row._mapping)
        connection = await driver_connection(uow)
        record: Mapping[str, Any] | None = await connection.fetchrow(
            self.sql, *self.arguments(parameters)
        )
        return record

    async def fetch_value(self, uow: UnitOfWork, **parameters: Any) -> Any:
        """The first column of the first row, or None."""
        if uow.dialect != "postgresql":
            return (await uow.session.execute(self.statement, parameters)).scalar()
        connection = await driver_connection(uow)
        return await connection.fetchval(self.sql, *self.arguments(parameters))

    async def execute_many(self, uow: UnitOfWork, rows: Sequence[Mapping[str, Any]]) -> None:
        """Once per row, pipelined."""
        if uow.dialect != "postgresql":
            await uow.session.execute(self.statement, list(rows))
            return
        connection = await driver_connection(uow)
        await connection.executemany(self.sql, [self.arguments(row) for row in rows])


async def driver_connection(uow: UnitOfWork) -> asyncpg.Connection:
    """The asyncpg connection under the unit of work's session, its transaction begun (so the
    brand's setting for row-level security is made)."""
    if uow.dialect != "postgresql":
        raise RuntimeError("PgStatement runs on PostgreSQL only")
    connection = await uow.session.connection()
    raw = await connection.get_raw_connection()
    driver: asyncpg.Connection = raw.driver_connection
    return driver
