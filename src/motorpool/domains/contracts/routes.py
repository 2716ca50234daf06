"""HTTP API of the contracts domain (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/contracts", tags=["contracts"])
