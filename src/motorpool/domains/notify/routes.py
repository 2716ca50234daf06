"""HTTP API of the notify domain (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/notify", tags=["notify"])
