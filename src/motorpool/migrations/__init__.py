"""Alembic environment: one branch for the platform and one per domain."""
