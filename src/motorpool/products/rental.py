"""Rental: days, picked up and returned at a centre within its opening hours."""

from datetime import timedelta
from decimal import Decimal

from motorpool.domains.booking import BookingPolicy
from motorpool.products.definition import ProductDefinition
from motorpool.products.prices import rental_plans

RENTAL = ProductDefinition(
    name="rental",
    title="Rental",
    pool="rental",
    booking=BookingPolicy(
        name="rental",
        min_duration=timedelta(hours=4),
        max_duration=timedelta(days=28),
        lead_time=timedelta(hours=2),
        buffer_after=timedelta(hours=1),  # cleaning and charging between customers
        opening_rule="handover",
        hold_ttl=timedelta(minutes=15),
        free_cancellation_before=timedelta(hours=48),
        late_cancellation_fee_percent=Decimal("50"),
    ),
    rate_plans=rental_plans(),
)
