"""Test drives: 60-minute slots on the hour, on a dealer's car, inside opening hours."""

from datetime import timedelta

from motorpool.domains.booking import BookingPolicy
from motorpool.products.definition import ProductDefinition
from motorpool.products.prices import free_plans

TESTDRIVE = ProductDefinition(
    name="testdrive",
    title="Test drive",
    pool="testdrive",
    booking=BookingPolicy(
        name="testdrive",
        slot_minutes=60,
        min_duration=timedelta(minutes=60),
        max_duration=timedelta(minutes=120),
        lead_time=timedelta(hours=2),
        max_advance=timedelta(days=60),
        buffer_after=timedelta(minutes=15),
        opening_rule="whole",
        hold_ttl=timedelta(minutes=10),
        free_cancellation_before=timedelta(hours=2),
    ),
    rate_plans=free_plans("testdrive"),
)
