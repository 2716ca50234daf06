"""Explicit wiring: which of this domain's reactions run on which event (none yet)."""

from __future__ import annotations

from motorpool.platform.outbox import HandlerTable

HANDLERS: HandlerTable = {}
