"""billing: invoice and credit-note lines keep their description in other languages

An invoice is printed in the customer's language (``?locale=de``); its lines now carry the
translations pricing made with them.

Revision ID: e8b2d4f6a013
Revises: 2ea2eaff7c01
Create Date: 2026-11-23 07:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e8b2d4f6a013"
down_revision: str | Sequence[str] | None = "2ea2eaff7c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("billing_invoice_lines", "billing_credit_note_lines")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("translations", sa.JSON(), nullable=False, server_default="{}")
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "translations")
