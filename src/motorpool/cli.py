"""The ``motorpool`` command: serve, demo, migrate, seed, manage users, run the event relay."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from motorpool.demo.seed import DEMO_PASSWORD
from motorpool.platform.settings import get_settings

app = typer.Typer(
    help="Motorpool — the shared domains behind a car brand's digital customer products.\n\n"
    "Configuration comes from MOTORPOOL_* environment variables (see the README); "
    "the default is an embedded SQLite file under ./var.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
db_app = typer.Typer(help="Database schema: upgrade, inspect, add revisions.", no_args_is_help=True)
seed_app = typer.Typer(help="Seed data.", no_args_is_help=True)
users_app = typer.Typer(help="Accounts of a brand.", no_args_is_help=True)
events_app = typer.Typer(help="The event outbox and bus.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(seed_app, name="seed")
app.add_typer(users_app, name="users")
app.add_typer(events_app, name="events")

console = Console()
T = TypeVar("T")


def _run(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine; a domain refusal becomes a clear message and exit code 1."""
    from motorpool.platform.errors import Problem

    try:
        return asyncio.run(make())  # type: ignore[arg-type]
    except Problem as problem:
        console.print(f"[red]{problem.title}[/]: {problem.detail or ''}".rstrip(": "))
        raise typer.Exit(1) from None


async def _upgrade() -> None:
    from motorpool.migrate import upgrade
    from motorpool.platform.db import create_engine

    settings = get_settings()
    if settings.is_sqlite:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.migration_database_url or settings.database_url)
    try:
        await upgrade(engine, app_role=settings.database_app_role)
    finally:
        await engine.dispose()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or update every table (platform and each domain) to the newest schema."""
    _run(_upgrade)
    console.print(f"[green]Schema up to date[/] on {_safe_url(get_settings().database_url)}")


@db_app.command("revision")
def db_revision(
    branch: Annotated[str, typer.Option(help="platform or a domain name, e.g. dealers")],
    message: Annotated[str, typer.Option("-m", "--message", help="what the revision changes")],
) -> None:
    """Autogenerate a migration for one branch from the difference to its tables."""
    from motorpool.migrate import revision
    from motorpool.platform.db import create_engine

    async def go() -> None:
        engine = create_engine(get_settings().database_url)
        try:
            await revision(engine, branch=branch, message=message)
        finally:
            await engine.dispose()

    _run(go)


@seed_app.command("demo")
def seed_demo() -> None:
    """Seed the demo brand (centres in several time zones, customers, staff). Idempotent."""
    from motorpool.demo.seed import seed

    _run(lambda: seed(console=console))


@users_app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="the admin's email")],
    brand: Annotated[str, typer.Option(help="brand slug")] = "demo",
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            help="8+ characters, not a common one",
        ),
    ] = "",
) -> None:
    """Create a brand administrator who can manage centres, staff and settings."""
    from motorpool.demo.seed import create_admin as make

    account_id = _run(lambda: make(brand=brand, email=email, password=password))
    console.print(f"[green]Brand admin created[/] {email} ({account_id}) at brand {brand!r}")


@events_app.command("relay")
def events_relay() -> None:
    """Run the outbox relay and the event consumers without serving HTTP (scaled mode)."""
    from motorpool.app import create_app

    async def go() -> None:
        web = create_app()
        runtime = web.state.events
        await runtime.start()
        console.print(f"Relaying events ({get_settings().events}); Ctrl+C stops.")
        try:
            await asyncio.Event().wait()
        finally:
            await runtime.stop()

    with contextlib.suppress(KeyboardInterrupt):
        _run(go)


@app.command()
def simulate(
    vins: Annotated[
        list[str] | None,
        typer.Option(
            "--vin", help="a car to simulate (repeat); default: the demo's owned and shared cars"
        ),
    ] = None,
    platform: Annotated[
        str, typer.Option(help="the platform's base URL")
    ] = "http://127.0.0.1:8000",
    email: Annotated[str, typer.Option(help="the brand's vehicle-backend account")] = (
        "connected-car@demo.motorpool.dev"
    ),
    password: Annotated[
        str, typer.Option(envvar="MOTORPOOL_SIMULATOR_PASSWORD", help="its password")
    ] = DEMO_PASSWORD,
    port: Annotated[int, typer.Option(help="port of the simulated backend's control API")] = 8765,
    ticks: Annotated[int, typer.Option(help="reports per car; 0 runs until Ctrl+C")] = 0,
    interval: Annotated[float, typer.Option(help="seconds between reports")] = 2.0,
) -> None:
    """Drive simulated cars: they report status over HTTP, show pairing codes, obey lock/unlock."""
    with contextlib.suppress(KeyboardInterrupt):
        _run(lambda: _simulate(vins, platform, email, password, port, ticks, interval))


async def _simulate(
    vins: list[str] | None,
    platform: str,
    email: str,
    password: str,
    port: int,
    ticks: int,
    interval: float,
) -> None:
    import httpx
    import uvicorn
    from rich.progress import Progress

    from motorpool.demo.seed import shared_car_vins
    from motorpool.demo.vehicles import DEMO_CARS
    from motorpool.simulator.cars import SimulatedCar
    from motorpool.simulator.driver import Reporter, drive
    from motorpool.simulator.server import control_app

    chosen = vins or [*(car.vin for car in DEMO_CARS), *shared_car_vins()]
    powertrains = {car.vin: car.powertrain for car in DEMO_CARS}
    cars = {vin: SimulatedCar(vin=vin, powertrain=powertrains.get(vin, "BEV")) for vin in chosen}
    server = uvicorn.Server(
        uvicorn.Config(control_app(cars), host="127.0.0.1", port=port, log_level="warning")
    )
    serving = asyncio.create_task(server.serve())
    console.print(f"Simulated backend control API on http://127.0.0.1:{port} ({len(cars)} cars)")
    try:
        async with httpx.AsyncClient(base_url=platform, timeout=10) as http:
            with Progress(console=console, transient=ticks == 0) as progress:
                sent = await drive(
                    list(cars.values()),
                    Reporter(http, email, password),
                    ticks=ticks,
                    interval=interval,
                    progress=progress,
                )
        console.print(f"[green]Sent {sent} signals[/]")
    finally:
        server.should_exit = True
        await serving


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="processes (PostgreSQL only)")] = 1,
    reload: Annotated[bool, typer.Option(help="restart on code changes")] = False,
) -> None:
    """Serve the platform's HTTP API (and the apps) with Uvicorn."""
    import uvicorn

    uvicorn.run(
        "motorpool.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers if not reload else 1,
        reload=reload,
        access_log=False,
        proxy_headers=True,
    )


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    simulate_cars: Annotated[
        bool, typer.Option(help="also drive the demo's simulated cars")
    ] = True,
) -> None:
    """Migrate, seed the demo brand and serve it — the whole platform in one process."""
    from motorpool.demo.seed import DEMO_ACCOUNTS

    _run(_upgrade)
    seed_demo()
    base = f"http://{host}:{port}"
    console.rule("[bold]Motorpool demo")
    console.print(f"API docs      {base}/docs")
    console.print(f"OpenAPI       {base}/openapi.json")
    console.print(f"Centres       {base}/dealers/centres")
    console.print(f"Health        {base}/healthz  ·  metrics {base}/metrics")
    console.print("Sign in at POST /identity/auth/login with one of:")
    for email, password, role in DEMO_ACCOUNTS:
        console.print(f"  {role:<14} {email:<32} {password}")
    console.print(f"Mail the platform sends is written to {get_settings().var_dir / 'mail'}")
    if not simulate_cars:
        serve(host=host, port=port, workers=1, reload=False)
        return
    console.print("Simulated cars report every 5 s (--no-simulate-cars to leave them parked)")
    with contextlib.suppress(KeyboardInterrupt):
        _run(lambda: _serve_with_simulator(host, port))


async def _serve_with_simulator(host: str, port: int) -> None:
    import uvicorn

    server = uvicorn.Server(
        uvicorn.Config(
            "motorpool.app:create_app", factory=True, host=host, port=port, access_log=False
        )
    )
    serving = asyncio.create_task(server.serve())
    while not server.started and not serving.done():  # noqa: ASYNC110 - no event to await
        await asyncio.sleep(0.1)
    simulating = asyncio.create_task(
        _simulate(
            None,
            f"http://{host}:{port}",
            "connected-car@demo.motorpool.dev",
            DEMO_PASSWORD,
            8765,
            0,
            5.0,
        )
    )
    try:
        await serving
    finally:
        simulating.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await simulating


def _safe_url(url: str) -> str:
    if "@" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def main() -> None:
    app()
