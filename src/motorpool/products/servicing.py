"""Servicing: a workshop appointment in one of a centre's bays, and the courtesy car."""

from datetime import timedelta

from motorpool.domains.booking import BookingPolicy
from motorpool.products.definition import ProductDefinition
from motorpool.products.prices import free_plans

SERVICING = ProductDefinition(
    name="servicing",
    title="Workshop appointment",
    pool="workshop",
    booking=BookingPolicy(
        name="servicing",
        slot_minutes=30,
        min_duration=timedelta(minutes=30),
        max_duration=timedelta(hours=9),
        lead_time=timedelta(hours=12),
        max_advance=timedelta(days=120),
        opening_rule="whole",
        hold_ttl=timedelta(minutes=15),
        free_cancellation_before=timedelta(hours=24),
    ),
    rate_plans=free_plans("servicing"),
)

COURTESY = ProductDefinition(
    name="courtesy",
    title="Courtesy car",
    pool="courtesy",
    booking=BookingPolicy(
        name="courtesy",
        min_duration=timedelta(hours=1),
        max_duration=timedelta(days=10),
        lead_time=timedelta(hours=12),
        buffer_after=timedelta(minutes=30),
        opening_rule="handover",
        hold_ttl=timedelta(minutes=15),
        free_cancellation_before=timedelta(hours=24),
    ),
    rate_plans=free_plans("courtesy"),
)
