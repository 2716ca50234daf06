"""No route or dependency is a plain ``def``: FastAPI runs those in its thread pool, a thread
hop on every request (``get_uow`` being one cost every call ~0.1 ms; bench/booking.py)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from motorpool.app import selected_domains
from motorpool.apps import gbfs
from motorpool.apps import pages as app_pages
from motorpool.platform import routes as platform_routes
from motorpool.platform.settings import Settings


def _is_async(call: Any) -> bool:
    return inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(
        getattr(call, "__call__", None)  # noqa: B004 - classes used as dependencies
    )


def _sync_calls(dependant: Dependant, path: str) -> Iterator[str]:
    for sub in dependant.dependencies:
        if sub.call is not None and not _is_async(sub.call):
            yield f"{path}: dependency {getattr(sub.call, '__qualname__', sub.call)}"
        yield from _sync_calls(sub, path)


def test_every_route_and_dependency_is_async(tmp_path: Any) -> None:
    settings = Settings(env="test", database_url="sqlite+aiosqlite://", var_dir=tmp_path)
    routers: list[APIRouter] = [platform_routes.router, app_pages.router, gbfs.router]
    routers += [face.router for face in selected_domains(settings).values()]
    routes = [r for router in routers for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) > 100  # the walk found the API, not an empty list
    found = []
    for route in routes:
        if not _is_async(route.endpoint):
            found.append(f"{route.path}: endpoint {route.endpoint.__qualname__}")
        found += _sync_calls(route.dependant, route.path)
    assert not found, found
