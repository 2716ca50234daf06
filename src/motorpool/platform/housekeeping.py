"""Periodic jobs of a process (sweeping lapsed holds, pruning old idempotency keys)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import structlog

from motorpool.platform.tenancy import TenantDirectory
from motorpool.platform.uow import UnitOfWork, UnitOfWorkFactory

log = structlog.get_logger("motorpool.housekeeping")

BrandJob = Callable[[UnitOfWork], Awaitable[object]]


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    per_brand: BrandJob


class Housekeeping:
    """Runs each job for every brand, in its own unit of work, every so often."""

    def __init__(self, uow_factory: UnitOfWorkFactory, jobs: Sequence[Job]) -> None:
        self.uow_factory = uow_factory
        self.jobs = list(jobs)
        self.tenants = TenantDirectory(uow_factory, ttl_seconds=0)
        self._tasks: list[asyncio.Task[None]] = []

    async def run_once(self, job: Job) -> int:
        """Run the job for every brand; a brand whose run fails is logged and rolled back
        without holding back the others. Answers how many brands failed."""
        failed = 0
        for tenant in await self.tenants.all():
            try:
                async with self.uow_factory(tenant_id=tenant.id, write=True) as uow:
                    await job.per_brand(uow)
                    await uow.commit()
            except asyncio.CancelledError:
                raise
            except Exception:
                failed += 1
                log.exception(
                    "housekeeping job failed for a brand", job=job.name, brand=tenant.slug
                )
        return failed

    async def _loop(self, job: Job) -> None:
        while True:
            await asyncio.sleep(job.every_seconds)
            try:
                await self.run_once(job)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("housekeeping job failed", job=job.name)

    async def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop(j), name=j.name) for j in self.jobs]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
