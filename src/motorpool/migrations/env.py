"""Alembic runs this. It is given a live connection by :mod:`motorpool.migrate`."""

from __future__ import annotations

from typing import Any

from alembic import context

from motorpool.app import DOMAINS  # noqa: F401  (imports every domain's tables)
from motorpool.platform.db import Base

config = context.config
only_tables: set[str] | None = config.attributes.get("only_tables")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    only_on = getattr(getattr(obj, "_ddl_if", None), "dialect", None)
    if only_on is not None and only_on != context.get_bind().dialect.name:
        return False  # declared for another database only (`.ddl_if(dialect=...)`)
    if only_tables is None:
        return True
    table = obj if type_ == "table" else getattr(obj, "table", None)
    table_name = name if type_ == "table" else getattr(table, "name", None)
    return table_name in only_tables


def run() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
