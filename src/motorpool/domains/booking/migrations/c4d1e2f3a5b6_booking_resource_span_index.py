"""booking: availability walks a centre's resources by label and probes each one

``free_resources`` now asks per resource (in label order, stopping at the limit) how many
lanes its live bookings take in the window, instead of reading every booking of the centre
in the window: a btree (centre_id, label, id) on resources gives the order, a GiST
(resource_id, occupied_from, occupied_until) over live bookings answers each probe with
leakproof comparisons (so it serves under row-level security).

Revision ID: c4d1e2f3a5b6
Revises: b2e5c0d1a7f3
Create Date: 2026-11-23 00:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c4d1e2f3a5b6"
down_revision: str | Sequence[str] | None = "b2e5c0d1a7f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_booking_resources_centre_label", "booking_resources", ["centre_id", "label", "id"]
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_booking_bookings_resource_span ON booking_bookings"
            " USING gist (resource_id, occupied_from, occupied_until)"
            " WHERE (status IN ('held', 'confirmed', 'started'))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_booking_bookings_resource_span")
    op.drop_index("ix_booking_resources_centre_label", table_name="booking_resources")
