"""Explicit wiring: which of this domain's reactions run on which event (none: pricing
reacts to nothing; others call its face)."""

from __future__ import annotations

from motorpool.platform.outbox import HandlerTable

HANDLERS: HandlerTable = {}
