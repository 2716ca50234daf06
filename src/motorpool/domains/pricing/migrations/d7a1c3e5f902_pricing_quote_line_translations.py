"""pricing: quote lines keep their description in the platform's other languages

Revision ID: d7a1c3e5f902
Revises: 4e43ce9e6f85
Create Date: 2026-11-23 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7a1c3e5f902"
down_revision: str | Sequence[str] | None = "4e43ce9e6f85"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "pricing_quote_lines",
        sa.Column("translations", sa.JSON(), nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    op.drop_column("pricing_quote_lines", "translations")
