"""HTTP API of the fleet domain (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/fleet", tags=["fleet"])
