"""Domain events: facts, past tense, frozen, ids and primitives only.

A domain declares its events as subclasses of :class:`Event` in its ``events.py``. Each
has a stable ``name`` (``<domain>.<ClassName>``) used as the outbox row's name and as the
NATS subject, and serialises to JSON through Pydantic.
"""

from __future__ import annotations

import inspect
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from pydantic import TypeAdapter

from motorpool.platform.db import utcnow

_EVENT_TYPES: dict[str, type[Event]] = {}
_ADAPTERS: dict[type[Event], TypeAdapter[Any]] = {}


@dataclass(frozen=True, kw_only=True)
class Event:
    """Base of every event. ``tenant_id`` is the brand the fact happened in."""

    name: ClassVar[str] = ""

    tenant_id: uuid.UUID
    event_id: uuid.UUID = field(default_factory=uuid.uuid4)
    occurred_at: datetime = field(default_factory=utcnow)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in inspect.get_annotations(cls):
            raise TypeError(f"{cls.__name__}: an event field may not be called 'name'")
        if "name" not in cls.__dict__:
            parts = cls.__module__.split(".")
            domain = parts[parts.index("domains") + 1] if "domains" in parts else parts[-1]
            cls.name = f"{domain}.{cls.__name__}"
        _EVENT_TYPES[cls.name] = cls


def _adapter(cls: type[Event]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


def event_to_payload(event: Event) -> dict[str, Any]:
    payload: dict[str, Any] = _adapter(type(event)).dump_python(event, mode="json")
    return payload


def event_to_json(event: Event) -> str:
    """The payload as JSON text, straight from Pydantic's serialiser."""
    return _adapter(type(event)).dump_json(event).decode()


def event_from_payload(name: str, payload: dict[str, Any]) -> Event:
    cls = _EVENT_TYPES.get(name)
    if cls is None:
        raise KeyError(f"unknown event {name!r}")
    event: Event = _adapter(cls).validate_python(payload)
    return event


def event_type(name: str) -> type[Event]:
    return _EVENT_TYPES[name]
