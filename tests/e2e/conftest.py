"""Browser tests: the real app under uvicorn on a loopback port (SQLite, demo data), driven by
Playwright for Python through Debian's Chromium — one browser for the whole session.

Fixtures:
  deployment   the running app (url, embed origin) seeded with the demo brand
  browser      headless /usr/bin/chromium (skips when it is not installed: `make browser`)
  page         a fresh context and page per test, console errors collected in page.errors
  report       async (vin, **changes) -> posts a status report for a simulated demo car as the
               brand's connected-car backend (the simulator's Reporter)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from motorpool.demo.seed import DEMO_PASSWORD, shared_car_vins
from motorpool.demo.vehicles import DEMO_CARS
from motorpool.simulator.cars import SimulatedCar
from motorpool.simulator.driver import Reporter

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HAVE_CHROMIUM = Path(CHROMIUM).exists()
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
JAMES = "james.miller@example.com"  # demo customer, English, owns a Vela Electric
ANNA = "anna.schmidt@example.com"  # demo customer, German, owns an Aurora 4S and a Corsa GT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Deployment:
    url: str
    embed_url: str  # another origin (other port) serving tests/e2e's embedding page
    embed_dir: Path
    cars_url: str  # the simulated connectivity backend's control API


# Berlin's shared cars, and the demo's unowned Aurora that a test adds to a garage
SPARE_CAR = next(c for c in DEMO_CARS if c.owner is None and c.powertrain == "BEV")
SIMULATED_CARS = [*shared_car_vins("BER1"), SPARE_CAR.vin]


def wait_until_answering(url: str, process: subprocess.Popen[bytes], base: Path) -> None:
    """Until ``url`` answers at all (any status), or fail with the log if it never does."""
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError((base / "server.log").read_text())
        time.sleep(0.2)


@pytest.fixture(scope="session")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    base = tmp_path_factory.mktemp("e2e")
    port, embed_port, cars_port = free_port(), free_port(), free_port()
    url, embed_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{embed_port}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MOTORPOOL_")},
        "MOTORPOOL_ENV": "test",
        "MOTORPOOL_DATABASE_URL": f"sqlite+aiosqlite:///{base / 'motorpool.db'}",
        "MOTORPOOL_VAR_DIR": str(base / "var"),
        "MOTORPOOL_BASE_URL": url,
        "MOTORPOOL_RATE_LIMIT_PER_MINUTE": "100000",
        "MOTORPOOL_LOG_LEVEL": "WARNING",
        # the simulated connectivity backend, started below for Berlin's shared cars
        "MOTORPOOL_VEHICLE_CONNECTION_URL": f"http://127.0.0.1:{cars_port}",
    }
    subprocess.run(
        [sys.executable, "-m", "tests.e2e.prepare", embed_url],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=180,
    )
    log = (base / "server.log").open("wb")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "--factory", "motorpool.app:create_app"),
            *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    embed_dir = base / "embed"
    embed_dir.mkdir()
    embed = ThreadingHTTPServer(
        ("127.0.0.1", embed_port),
        partial(SimpleHTTPRequestHandler, directory=str(embed_dir)),
    )
    threading.Thread(target=embed.serve_forever, daemon=True).start()
    try:
        wait_until_answering(f"{url}/healthz", server, base)
        # Berlin's car-sharing cars and the spare car answer the platform (codes, unlock and
        # lock) and report every two seconds; the owners' cars are left to the tests that
        # report for them
        cars = subprocess.Popen(
            [
                *(sys.executable, "-m", "motorpool", "simulate", "--platform", url),
                *("--port", str(cars_port), "--interval", "2"),
                *(arg for vin in SIMULATED_CARS for arg in ("--vin", vin)),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_until_answering(f"http://127.0.0.1:{cars_port}/cars/-/display", cars, base)
        yield Deployment(url, embed_url, embed_dir, f"http://127.0.0.1:{cars_port}")
    finally:
        embed.shutdown()
        if "cars" in locals():
            cars.terminate()
            cars.wait(timeout=20)
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[object]:
    if not HAVE_CHROMIUM:
        pytest.skip("Chromium is not installed (make browser installs it)")
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        chromium = await p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser, deployment: Deployment) -> AsyncIterator[object]:  # type: ignore[no-untyped-def]
    context = await browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", timezone_id="Europe/Berlin"
    )
    context.set_default_timeout(10_000)
    page = await context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    await context.close()


async def sign_in(page, deployment: Deployment, email: str) -> None:  # type: ignore[no-untyped-def]
    await page.goto(f"{deployment.url}/portal")
    form = page.locator("#sign-in")
    await form.get_by_label("Email").fill(email)
    await form.get_by_label("Password").fill(DEMO_PASSWORD)
    await form.get_by_role("button", name="Sign in").click()
    await page.locator("mp-garage article").first.wait_for()


Report = Callable[..., Awaitable[dict[str, object]]]


@pytest.fixture
async def report(deployment: Deployment) -> AsyncIterator[Report]:
    """Reports as the brand's connected-car backend, the way the simulator does."""
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        reporter = Reporter(http, "connected-car@demo.motorpool.dev", DEMO_PASSWORD)

        async def send(vin: str, **changes: object) -> dict[str, object]:
            car = SimulatedCar(vin=vin)
            for key, value in changes.items():
                setattr(car, key, value)
            return await reporter.send([car])

        yield send


async def login_token(deployment: Deployment, email: str) -> str:
    async with httpx.AsyncClient(base_url=deployment.url) as http:
        answer = await http.post(
            "/identity/auth/login", json={"email": email, "password": DEMO_PASSWORD}
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])
