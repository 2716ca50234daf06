"""Facts the dealers domain publishes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from motorpool.platform.events import Event


@dataclass(frozen=True, kw_only=True)
class CentreOpened(Event):
    """A centre was added to the brand's network."""

    centre_id: uuid.UUID
    code: str
    centre_name: str
    country: str
    time_zone: str
    latitude: float
    longitude: float


@dataclass(frozen=True, kw_only=True)
class CentreDetailsChanged(Event):
    """Some of a centre's details (address, contact, time zone, offers...) changed."""

    centre_id: uuid.UUID
    fields: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class CentreHoursChanged(Event):
    """A centre's weekly opening hours were replaced."""

    centre_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class CentreClosureAdded(Event):
    centre_id: uuid.UUID
    closure_id: uuid.UUID
    day: date


@dataclass(frozen=True, kw_only=True)
class CentreClosureRemoved(Event):
    centre_id: uuid.UUID
    closure_id: uuid.UUID
    day: date
