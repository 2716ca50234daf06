"""The app shells' pages and the built component bundles.

``/ui/<name>.js`` serves the ES module bundles built from each domain's ``web/`` folder
(``web/build.mjs``; committed, so a ``pip install`` needs no Node.js). They are public and
carry ``Access-Control-Allow-Origin: *`` so another origin can embed a component; the API
calls those components make are answered by the edge's per-brand CORS. Each app is one HTML
page composing components (``/portal``; the storefront and admin dashboard follow).
"""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send

HERE = Path(__file__).parent
BUNDLES = HERE / "static" / "ui"
APPS = ("portal", "storefront", "admin")

router = APIRouter(include_in_schema=False)


def _page(app: str, request: Request) -> HTMLResponse:
    tenant = getattr(request.state, "tenant", None)
    brand = html.escape(tenant.name if tenant is not None else "Motorpool")
    text = (HERE / app / "index.html").read_text(encoding="utf-8").replace("{{brand}}", brand)
    return HTMLResponse(text, headers={"Cache-Control": "no-cache"})


@router.get("/portal")
async def portal(request: Request) -> HTMLResponse:
    """The owner portal: my garage, my cars' live status, workshop booking, my profile."""
    return _page("portal", request)


@router.get("/drive")
async def storefront(request: Request) -> HTMLResponse:
    """The mobility storefront: search, quote and book a car; my bookings and invoices."""
    return _page("storefront", request)


@router.get("/admin")
async def admin(request: Request) -> HTMLResponse:
    """The staff dashboard: a centre's hand-overs and returns of the day, its fleet board."""
    return _page("admin", request)


@router.get("/apps/shell.css")
async def shell_css() -> FileResponse:
    return FileResponse(
        HERE / "shell.css", media_type="text/css", headers={"Cache-Control": "no-cache"}
    )


class Bundles:
    """The built bundles, readable from any origin (ES modules load in CORS mode)."""

    def __init__(self, directory: Path = BUNDLES) -> None:
        self.files = StaticFiles(directory=directory, check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"access-control-allow-origin", b"*"))
                headers.append((b"cache-control", b"no-cache"))
                message = {**message, "headers": headers}
            await send(message)

        await self.files(scope, receive, send_with_cors)
