"""The edge: what stands in front of every request (brand, token, rate limit, CORS, request id)."""

from motorpool.edge.gateway import EdgeGateway
from motorpool.edge.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter

__all__ = ["EdgeGateway", "MemoryRateLimiter", "RateLimiter", "RedisRateLimiter"]
