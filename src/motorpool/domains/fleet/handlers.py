"""Explicit wiring: which of this domain's reactions run on which event (none yet: the
fleet publishes facts; moving affected bookings is for the products that own them)."""

from __future__ import annotations

from motorpool.platform.outbox import HandlerTable

HANDLERS: HandlerTable = {}
