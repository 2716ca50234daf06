"""Per-client rate limits: a fixed window counted in memory (one process) or in Redis."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int


class RateLimiter(Protocol):
    async def hit(self, key: str) -> Verdict: ...


class MemoryRateLimiter:
    def __init__(self, per_minute: int, window_seconds: int = 60) -> None:
        self.limit = per_minute
        self.window = window_seconds
        self._counts: dict[tuple[str, int], int] = {}

    async def hit(self, key: str) -> Verdict:
        now = time.time()
        window = int(now // self.window)
        if len(self._counts) > 100_000:
            self._counts = {k: v for k, v in self._counts.items() if k[1] == window}
        count = self._counts.get((key, window), 0) + 1
        self._counts[(key, window)] = count
        reset = int(self.window - now % self.window) or 1
        return Verdict(count <= self.limit, self.limit, max(0, self.limit - count), reset)


class RedisRateLimiter:
    """Counts shared by every process of a deployment."""

    def __init__(self, redis: Redis, per_minute: int, window_seconds: int = 60) -> None:
        self.redis = redis
        self.limit = per_minute
        self.window = window_seconds

    async def hit(self, key: str) -> Verdict:
        now = time.time()
        window = int(now // self.window)
        redis_key = f"motorpool:rl:{key}:{window}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(redis_key)
            pipe.expire(redis_key, self.window + 1)
            count, _ = await pipe.execute()
        reset = int(self.window - now % self.window) or 1
        return Verdict(count <= self.limit, self.limit, max(0, self.limit - int(count)), reset)
