"""What a product is: a name, the domains it uses and its policies — no domain code."""

from __future__ import annotations

from dataclasses import dataclass

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
