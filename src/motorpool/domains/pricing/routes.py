"""HTTP API of the pricing domain (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/pricing", tags=["pricing"])
