"""The command line: helpful --help, and migrate + seed on a fresh SQLite file, twice."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload]
        [sys.executable, "-m", "motorpool", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        **kwargs,
    )


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["MOTORPOOL_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    env["MOTORPOOL_VAR_DIR"] = str(tmp_path / "var")
    env["COLUMNS"] = "120"
    return env


def test_help_lists_the_commands(cli_env: dict[str, str]) -> None:
    result = run(["--help"], cli_env)
    assert result.returncode == 0
    for command in ("serve", "demo", "db", "seed", "users", "events"):
        assert command in result.stdout
    sub = run(["users", "create-admin", "--help"], cli_env)
    assert "--email" in sub.stdout
    assert "--brand" in sub.stdout


def test_upgrade_seed_twice_and_create_admin(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert run(["db", "upgrade"], cli_env).returncode == 0
    for _ in range(2):
        seeded = run(["seed", "demo"], cli_env)
        assert seeded.returncode == 0, seeded.stderr
    with sqlite3.connect(tmp_path / "cli.db") as db:
        centres = db.execute(
            "select count(*), count(distinct time_zone) from dealers_centres"
        ).fetchone()
        accounts = db.execute("select count(*) from identity_accounts").fetchone()[0]
        brands = db.execute("select slug from tenants").fetchall()
        pools = dict(db.execute("select pool, count(*) from fleet_cars group by pool").fetchall())
        unlinked = db.execute(
            "select count(*) from booking_resources r where r.pool != 'workshop'"
            " and not exists (select 1 from fleet_cars f where f.resource_id = r.id)"
        ).fetchone()[0]
    assert centres[0] == 12
    assert centres[1] >= 8
    assert accounts == 7
    assert brands == [("demo",)]
    # mobility cars are fleet cars (a vehicle in a pool), each once after seeding twice
    assert set(pools) == {"courtesy", "rental", "subscription", "carsharing", "testdrive"}
    assert unlinked == 0
    created = run(
        ["users", "create-admin", "--email", "boss@example.com", "--brand", "demo"],
        cli_env,
        input="a-strong-admin-passphrase\na-strong-admin-passphrase\n",
    )
    assert created.returncode == 0, created.stderr + created.stdout
    assert "Brand admin created" in created.stdout
    weak = run(
        ["users", "create-admin", "--email", "weak@example.com", "--brand", "demo"],
        cli_env,
        input="password\npassword\n",
    )
    assert weak.returncode != 0
    assert "Traceback" not in weak.stderr
