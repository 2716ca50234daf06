"""Configuration from ``MOTORPOOL_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a deployment can set. Each field is read from ``MOTORPOOL_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="MOTORPOOL_", env_file=".env", extra="ignore")

    env: Literal["development", "production", "test"] = Field(
        "development", description="development allows the X-Motorpool-Tenant header"
    )
    database_url: str = Field(
        "sqlite+aiosqlite:///./var/motorpool.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    database_pool_size: int = 10
    database_app_role: str | None = Field(
        None,
        description="PostgreSQL role the app connects as; `db upgrade` grants it DML. "
        "It must not own the tables, so row-level security applies to it",
    )
    migration_database_url: str | None = Field(
        None, description="URL of the table owner for `db upgrade` (default: database_url)"
    )
    events: Literal["inprocess", "nats"] = Field(
        "inprocess", description="where the outbox relay delivers events"
    )
    nats_url: str = "nats://127.0.0.1:4222"
    nats_stream: str = "MOTORPOOL"
    redis_url: str | None = Field(None, description="shared rate-limit counters when set")
    base_url: str = Field("http://127.0.0.1:8000", description="public URL, used as token issuer")
    var_dir: Path = Path("./var")
    jwt_private_key_file: Path | None = Field(
        None, description="PEM of the deployment's EC P-256 signing key; made under var/ if unset"
    )
    access_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 30 * 24 * 3600
    oidc_issuer: str | None = Field(None, description="accept tokens of this external OIDC issuer")
    oidc_jwks_url: str | None = None
    oidc_audience: str | None = None
    oidc_role_claim: str = "motorpool_role"
    rate_limit_per_minute: int = Field(600, description="requests per client and minute")
    login_failures_before_lockout: int = 5
    lockout_seconds: int = 900
    max_body_bytes: int = 1_000_000
    smtp_url: str | None = Field(
        None, description="smtp://host:port; unset writes mail to var/mail"
    )
    mail_from: str = "Motorpool <no-reply@motorpool.local>"
    vehicle_connection_url: str = Field(
        "http://127.0.0.1:8765", description="the connected-car backend (the simulator here)"
    )
    log_json: bool = True
    log_level: str = "INFO"
    domains: str = Field("*", description="comma-separated domains this deployment serves")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
