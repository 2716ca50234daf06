"""What a product is: a name, the domains it uses and its policies — no domain code."""

from __future__ import annotations

from dataclasses import dataclass

from motorpool.domains.booking import BookingPolicy


@dataclass(frozen=True)
class ProductDefinition:
    name: str
    title: str
    pool: str  # which part of the fleet (or workshop) it books from
    booking: BookingPolicy
