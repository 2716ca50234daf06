"""Prepare the browser tests' deployment (run in its own process, configured by MOTORPOOL_*
variables): migrate a fresh database, seed the demo brand, and let the embedding test page's
origin call the API (the edge answers CORS only for a brand's allowed origins)."""

from __future__ import annotations

import asyncio
import sys

from rich.console import Console

from motorpool.demo.seed import seed
from motorpool.migrate import upgrade
from motorpool.platform.db import create_engine
from motorpool.platform.settings import get_settings
from motorpool.platform.tenancy import ensure_tenant
from motorpool.platform.uow import UnitOfWorkFactory


async def main(extra_origins: list[str]) -> None:
    engine = create_engine(get_settings().database_url)
    try:
        await upgrade(engine)
        tenant = await seed(Console(quiet=True))
        async with UnitOfWorkFactory(engine)(tenant_id=None, write=True) as uow:
            await ensure_tenant(
                uow,
                slug=tenant.slug,
                name=tenant.name,
                hosts=[],
                allowed_origins=[*tenant.allowed_origins, *extra_origins],
            )
            await uow.commit()
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
