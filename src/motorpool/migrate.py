"""Schema migrations on SQLite and PostgreSQL: ``motorpool db upgrade``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from motorpool.app import DOMAINS
from motorpool.platform.rls import grant_statements

PACKAGE = Path(__file__).parent


def version_locations() -> dict[str, Path]:
    locations = {"platform": PACKAGE / "platform" / "migrations"}
    for name in DOMAINS:
        locations[name] = PACKAGE / "domains" / name / "migrations"
    return locations


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(PACKAGE / "migrations"))
    config.set_main_option(
        "version_locations", " ".join(str(p) for p in version_locations().values())
    )
    config.set_main_option("path_separator", "space")
    return config


def _run(connection: Connection, action: str, **kwargs: Any) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    config.attributes.update(kwargs.pop("attributes", {}))
    getattr(command, action)(config, **kwargs)


async def upgrade(
    engine: AsyncEngine, revision: str = "heads", *, app_role: str | None = None
) -> None:
    """Bring every branch (platform and each domain) to its head; grant ``app_role`` DML."""
    async with engine.begin() as connection:
        await connection.run_sync(_run, "upgrade", revision=revision)
        if app_role and connection.dialect.name == "postgresql":
            for statement in grant_statements(app_role):
                await connection.exec_driver_sql(statement)


async def current(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(_run, "current", verbose=False)


async def revision(engine: AsyncEngine, *, branch: str, message: str) -> None:
    """Autogenerate a revision on ``branch`` holding only that branch's tables."""
    location = version_locations()[branch]
    first = not any(p.name != "__init__.py" for p in location.glob("*.py"))
    async with engine.begin() as connection:
        await connection.run_sync(
            _run,
            "revision",
            message=message,
            autogenerate=True,
            head="base" if first else f"{branch}@head",
            branch_label=branch if first else None,
            version_path=str(location),
            attributes={"only_tables": tables_of(branch)},
        )


def tables_of(branch: str) -> set[str]:
    """The tables a branch owns: those mapped by classes in its package."""
    from motorpool.platform.db import Base

    prefix = "motorpool.platform." if branch == "platform" else f"motorpool.domains.{branch}."
    return {
        str(getattr(mapper.local_table, "name", ""))
        for mapper in Base.registry.mappers
        if mapper.class_.__module__.startswith(prefix)
    }
