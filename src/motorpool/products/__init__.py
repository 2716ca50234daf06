"""Products (rental, subscription, flex, carsharing, testdrive, servicing, courtesy).

Each product is a definition over the shared domains — adding one is a new file here and
an entry in :data:`PRODUCTS`; no domain changes.
"""

from motorpool.domains import pricing
from motorpool.domains.booking import BookingPolicy
from motorpool.products.carsharing import CARSHARING
from motorpool.products.definition import ProductDefinition
from motorpool.products.rental import RENTAL
from motorpool.products.servicing import COURTESY, SERVICING
from motorpool.products.subscription import FLEX, SUBSCRIPTION
from motorpool.products.testdrive import TESTDRIVE

PRODUCTS: tuple[ProductDefinition, ...] = (
    RENTAL,
    SUBSCRIPTION,
    FLEX,
    CARSHARING,
    TESTDRIVE,
    SERVICING,
    COURTESY,
)


def booking_policies() -> dict[str, BookingPolicy]:
    return {product.name: product.booking for product in PRODUCTS}


def rate_plans() -> pricing.RateBook:
    """Every product's rate plans, looked up by product and market."""
    return pricing.RateBook(plan for product in PRODUCTS for plan in product.rate_plans)


__all__ = ["PRODUCTS", "ProductDefinition", "booking_policies", "rate_plans"]
