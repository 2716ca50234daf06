"""What a product is: a name, the domains it uses and its policies — no domain code."""

from __future__ import annotations

from dataclasses import dataclass, replace

from motorpool.domains import contracts, pricing
from motorpool.domains.booking import BookingPolicy


@dataclass(frozen=True)
class ProductDefinition:
    name: str
    title: str
    pool: str  # which part of the fleet (or workshop) it books from
    booking: BookingPolicy
    rate_plans: tuple[pricing.RatePlan, ...] = ()  # one per market it is sold in
    subscription: contracts.SubscriptionTerms | None = None  # for products sold by the month

    def __post_init__(self) -> None:
        # The booking domain enforces the pool, so the policy carries the product's own.
        if self.booking.pool != self.pool:
            object.__setattr__(self, "booking", replace(self.booking, pool=self.pool))
