"""PostgreSQL row-level security: the database's own guard behind the ORM's tenant scoping.

Each brand-owned table gets ``FORCE ROW LEVEL SECURITY`` and a policy comparing
``tenant_id`` with the transaction-local setting ``motorpool.tenant_id``, which every unit
of work sets when its transaction begins. The application connects as a role that does not
own the tables (owners, superusers and ``BYPASSRLS`` roles skip policies), so even a raw SQL
statement cannot read or write another brand's rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from motorpool.platform.db import SESSION_ALL_TENANTS, SESSION_TENANT

POLICY = "tenant_isolation"
_MATCH = (
    "(tenant_id = NULLIF(current_setting('motorpool.tenant_id', true), '')::uuid"
    " OR current_setting('motorpool.all_tenants', true) = 'on')"
)


def isolate_statements(table: str) -> list[str]:
    """SQL that puts ``table`` under tenant isolation (PostgreSQL only)."""
    return [
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
        f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
        f'CREATE POLICY {POLICY} ON "{table}" USING {_MATCH} WITH CHECK {_MATCH}',
    ]


def isolate(op: Any, *tables: str) -> None:
    """For migrations: ``isolate(op, "dealers_centres", ...)``; does nothing on SQLite."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        for statement in isolate_statements(table):
            op.execute(statement)


def grant_statements(role: str) -> list[str]:
    quoted = '"' + role.replace('"', '""') + '"'
    return [
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
    ]


_SET_TENANT = (
    "SELECT set_config('motorpool.tenant_id', $1, true),"
    " set_config('motorpool.all_tenants', $2, true)"
)


@event.listens_for(Session, "after_begin")
def _set_tenant(session: Session, transaction: SessionTransaction, connection: Any) -> None:
    if connection.dialect.name != "postgresql" or transaction.nested:
        return  # a SAVEPOINT stays in the transaction whose setting is already made
    tenant_id = session.info.get(SESSION_TENANT)
    parameters = (
        str(tenant_id) if tenant_id else "",
        "on" if session.info.get(SESSION_ALL_TENANTS) else "off",
    )
    # Straight on the DB-API cursor (asyncpg's adapter, which begins the transaction first):
    # every transaction runs this, and SQLAlchemy's statement machinery around it cost more
    # than the round trip itself.
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(_SET_TENANT, parameters)
    finally:
        cursor.close()
