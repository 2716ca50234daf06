"""The migrations create exactly what the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from motorpool.app import DOMAINS
from motorpool.migrate import tables_of, upgrade
from motorpool.platform.db import Base, create_engine


def _for_this_database(connection: Connection):  # type: ignore[no-untyped-def]
    """Leave out schema objects declared for another database only (``.ddl_if(dialect=)``)."""

    def include(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
        only = getattr(getattr(obj, "_ddl_if", None), "dialect", None)
        return only is None or only == connection.dialect.name

    return include


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(
        connection,
        opts={"compare_type": True, "include_object": _for_this_database(connection)},
    )
    return list(compare_metadata(context, Base.metadata))


async def test_models_and_migrations_agree(database_urls: tuple[str, str]) -> None:
    engine = create_engine(database_urls[0])
    try:
        await upgrade(engine)  # a second upgrade is a no-op
        async with engine.connect() as connection:
            diff = await connection.run_sync(_diff)
    finally:
        await engine.dispose()
    assert diff == [], diff


def test_every_table_belongs_to_one_branch() -> None:
    owners: dict[str, str] = {}
    for branch in ["platform", *DOMAINS]:
        for table in tables_of(branch):
            assert table not in owners, f"{table} in {owners[table]} and {branch}"
            owners[table] = branch
    assert set(owners) == set(Base.metadata.tables)
