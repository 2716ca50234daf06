"""Subscription: months on one car, handed over at a centre."""

from datetime import timedelta
from decimal import Decimal

from motorpool.domains.booking import BookingPolicy
from motorpool.domains.contracts import SubscriptionTerms
from motorpool.products.definition import ProductDefinition
from motorpool.products.prices import flex_plans, subscription_plans

SUBSCRIPTION = ProductDefinition(
    name="subscription",
    title="Subscription",
    pool="subscription",
    booking=BookingPolicy(
        name="subscription",
        min_duration=timedelta(days=28),
        max_duration=timedelta(days=3 * 366),
        lead_time=timedelta(days=2),
        buffer_after=timedelta(hours=4),
        opening_rule="handover",
        hold_ttl=timedelta(minutes=30),
        free_cancellation_before=timedelta(days=7),
        late_cancellation_fee_percent=Decimal("10"),
    ),
    rate_plans=subscription_plans(),
    subscription=SubscriptionTerms(minimum_term_months=6, swaps_per_period=0),
)

# Flex is a subscription whose car may be swapped: each swap books through booking too.
FLEX = ProductDefinition(
    name="flex",
    title="Flex",
    pool="subscription",
    booking=BookingPolicy(
        name="flex",
        min_duration=timedelta(days=1),
        max_duration=timedelta(days=366),
        lead_time=timedelta(days=1),
        buffer_after=timedelta(hours=4),
        opening_rule="handover",
        hold_ttl=timedelta(minutes=30),
        free_cancellation_before=timedelta(days=2),
    ),
    rate_plans=flex_plans(),
    subscription=SubscriptionTerms(minimum_term_months=1, swaps_per_period=2),
)
