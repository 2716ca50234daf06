"""Products (rental, subscription, flex, carsharing, testdrive, servicing, courtesy).

Each product is a definition over the shared domains — a :class:`ProductDefinition` at the
top level of a module in this package. Adding one is adding a file: every module here is
found and read at start-up (:func:`discover`), no list to edit, and no domain changes.
A deployment may also be given extra definitions: ``create_app(products=[...])``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from motorpool.domains import contracts, pricing
from motorpool.domains.booking import BookingPolicy
from motorpool.products.definition import ProductDefinition

_NOT_PRODUCTS = {"definition", "prices"}


def discover() -> tuple[ProductDefinition, ...]:
    """Every product defined in this package, in module order, each name once."""
    found: dict[str, ProductDefinition] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name in _NOT_PRODUCTS or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if isinstance(value, ProductDefinition):
                if value.name in found and found[value.name] is not value:
                    raise ValueError(f"two products are called {value.name!r}")
                found[value.name] = value
    return tuple(found.values())


PRODUCTS: tuple[ProductDefinition, ...] = discover()


def booking_policies(
    products: Iterable[ProductDefinition] = PRODUCTS,
) -> dict[str, BookingPolicy]:
    return {product.name: product.booking for product in products}


def rate_plans(products: Iterable[ProductDefinition] = PRODUCTS) -> pricing.RateBook:
    """Every product's rate plans, looked up by product and market."""
    return pricing.RateBook(plan for product in products for plan in product.rate_plans)


def subscription_terms(
    products: Iterable[ProductDefinition] = PRODUCTS,
) -> dict[str, contracts.SubscriptionTerms]:
    """The terms of every product sold as a subscription, by product name."""
    return {p.name: p.subscription for p in products if p.subscription is not None}


def by_name(products: Iterable[ProductDefinition] = PRODUCTS) -> dict[str, ProductDefinition]:
    return {product.name: product for product in products}


__all__ = [
    "PRODUCTS",
    "ProductDefinition",
    "booking_policies",
    "by_name",
    "discover",
    "rate_plans",
    "subscription_terms",
]
