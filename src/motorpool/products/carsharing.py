"""Car sharing: minutes and hours, any time of day, no centre needed to be open."""

from datetime import timedelta
from decimal import Decimal

from motorpool.domains.booking import BookingPolicy
from motorpool.products.definition import ProductDefinition
from motorpool.products.prices import carsharing_plans

CARSHARING = ProductDefinition(
    name="carsharing",
    title="Car sharing",
    pool="carsharing",
    booking=BookingPolicy(
        name="carsharing",
        min_duration=timedelta(minutes=15),
        max_duration=timedelta(days=3),
        lead_time=timedelta(0),
        max_advance=timedelta(days=14),
        buffer_after=timedelta(minutes=10),
        opening_rule="none",
        hold_ttl=timedelta(minutes=15),
        free_cancellation_before=timedelta(minutes=15),
        late_cancellation_fee_percent=Decimal("100"),
    ),
    rate_plans=carsharing_plans(),
)
