"""The brand's car sharing as a public GBFS v3.0 feed at ``/gbfs/`` (read-only, no token).

The edge resolves the brand from the Host, so each brand publishes its own system. The
feed is composed from the domains' faces and holds no data of its own: fleet (the cars of
the car-sharing pool and their state), vehicles (each car's latest location, range, charge
or fuel and report time; the catalogue for vehicle types), booking (a live booking covering
now reserves a car; a started one is an active rental, which GBFS says must not appear)
and dealers (the centres where station-based cars stand). Field names and required fields
follow GBFS v3.0 (MobilityData/gbfs, gbfs.md and its JSON schemas).

A car with a ``home_zone`` is free-floating; one without is station-based at its centre.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from motorpool.domains import booking, dealers, fleet, vehicles
from motorpool.platform.http import PageParams, Uow, domain_router
from motorpool.platform.tenancy import Tenant
from motorpool.platform.uow import UnitOfWork

VERSION = "3.0"
POOL = "carsharing"
LANGUAGES = ("en", "de")  # the languages the platform speaks
STATUS_TTL = 60  # seconds: vehicle and station status
INFO_TTL = 3600  # seconds: system, vehicle types, stations
FEEDS = (
    "system_information",
    "vehicle_types",
    "vehicle_status",
    "station_information",
    "station_status",
)
PROPULSION = {"BEV": "electric", "PHEV": "plug_in_hybrid", "ICE": "combustion"}
# When no car of a type has reported both its range and its energy level, the full range
# is estimated from the catalogue: about 20 kWh or 8 litres per 100 km.
METRES_PER_KWH = 5_000
METRES_PER_LITRE = 12_500

BATTERY_RANGE = "Vehicle.Powertrain.TractionBattery.Range"
RANGE = "Vehicle.Powertrain.Range"
CHARGE = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"
FUEL = "Vehicle.Powertrain.FuelSystem.RelativeLevel"
LATITUDE = "Vehicle.CurrentLocation.Latitude"
LONGITUDE = "Vehicle.CurrentLocation.Longitude"

router = domain_router(prefix="/gbfs", tags=["gbfs"])


# ----------------------------------------------------------------- composing the faces


@dataclass(frozen=True)
class SharedCar:
    car: fleet.FleetCarRead
    vehicle: vehicles.VehicleRead
    status: vehicles.VehicleStatus
    reserved: bool
    in_rental: bool

    @property
    def disabled(self) -> bool:
        return not self.car.bookable

    @property
    def station_based(self) -> bool:
        return self.car.home_zone is None


async def _all(fetch: Callable[[PageParams], Awaitable[Any]]) -> list[Any]:
    """Every item of a paged face call."""
    found: list[Any] = []
    while True:
        page = await fetch(PageParams(limit=200, offset=len(found), sort=None))
        found.extend(page.items)
        if not page.items or len(found) >= page.total:
            return found


def _covers(item: booking.BookingRead, now: datetime) -> bool:
    live = item.status in (booking.Status.held, booking.Status.confirmed, booking.Status.started)
    unlapsed = item.hold_expires_at is None or item.hold_expires_at > now
    return live and unlapsed and item.starts_at <= now < item.ends_at


async def shared_cars(uow: UnitOfWork, now: datetime) -> list[SharedCar]:
    """The brand's car-sharing cars in service (not retired), each with its latest status
    and whether a booking reserves it or an active rental has it now."""
    cars = [
        c
        for c in await _all(lambda paging: fleet.list_cars(uow=uow, paging=paging, pool=POOL))
        if c.state != fleet.FleetState.retired
    ]
    if not cars:
        return []
    bookings = await _all(
        lambda paging: booking.list_bookings(
            uow=uow, paging=paging, resource_ids=[c.resource_id for c in cars], ends_after=now
        )
    )
    covering = {b.resource_id: b for b in bookings if _covers(b, now)}
    known = await vehicles.statuses(uow=uow, vehicle_ids=[c.vehicle_id for c in cars], now=now)
    shared = []
    for car in cars:
        if car.vehicle_id not in known:
            continue
        vehicle, status = known[car.vehicle_id]
        current = covering.get(car.resource_id)
        shared.append(
            SharedCar(
                car=car,
                vehicle=vehicle,
                status=status,
                reserved=current is not None and current.status != booking.Status.started,
                in_rental=current is not None and current.status == booking.Status.started,
            )
        )
    return shared


async def _centres(uow: UnitOfWork, ids: Sequence[uuid.UUID]) -> list[dealers.CentreRead]:
    return [await dealers.get_centre(uow=uow, centre_id=i) for i in dict.fromkeys(ids)]


# ----------------------------------------------------------------- GBFS values


def rfc3339(at: datetime) -> str:
    return at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def localized(text: str) -> list[dict[str, str]]:
    return [{"text": text, "language": language} for language in LANGUAGES]


def opaque_id(brand: uuid.UUID, car_id: uuid.UUID) -> str:
    """A stable id that does not reveal the car's id, plate or VIN."""
    return hashlib.sha256(f"gbfs:{brand}:{car_id}".encode()).hexdigest()[:20]


def _signal(status: vehicles.VehicleStatus, name: str) -> float | None:
    found = status.signals.get(name)
    if found is None or isinstance(found.value, bool):
        return None
    return float(found.value)


def current_range(shared: SharedCar) -> float | None:
    status = shared.status
    if shared.vehicle.powertrain == "BEV":
        return _signal(status, BATTERY_RANGE) or _signal(status, RANGE)
    return _signal(status, RANGE)


def fuel_fraction(shared: SharedCar) -> float | None:
    """Charge (electric) or fuel, from 0 to 1."""
    first, second = (CHARGE, FUEL) if shared.vehicle.powertrain != "ICE" else (FUEL, CHARGE)
    percent = _signal(shared.status, first)
    if percent is None:
        percent = _signal(shared.status, second)
    return None if percent is None else round(min(max(percent / 100, 0.0), 1.0), 3)


def max_range(model: vehicles.ModelRead, shared: Sequence[SharedCar]) -> float:
    """The type's full range in metres: from what its cars report (range at their energy
    level), else estimated from the catalogue's battery or tank."""
    reported = []
    for car in shared:
        metres, fraction = current_range(car), fuel_fraction(car)
        if metres is not None and fraction:
            reported.append(metres / fraction)
    if reported:
        return round(max(reported))
    if model.battery_kwh is not None:
        return float(model.battery_kwh * METRES_PER_KWH)
    if model.tank_litres is not None:
        return float(model.tank_litres * METRES_PER_LITRE)
    return 0.0


# ----------------------------------------------------------------- the files


def _file(data: dict[str, Any], ttl: int, now: datetime) -> JSONResponse:
    body = {"last_updated": rfc3339(now), "ttl": ttl, "version": VERSION, "data": data}
    return JSONResponse(body, headers={"Cache-Control": f"public, max-age={ttl}"})


def _brand(request: Request) -> Tenant:
    brand: Tenant = request.state.tenant  # the edge resolved it from the Host
    return brand


def _feed_url(request: Request, feed: str) -> str:
    return str(request.url_for(f"gbfs_{feed}"))


@router.get("/gbfs.json", name="gbfs_gbfs", summary="GBFS auto-discovery: the feeds published")
async def discovery(request: Request) -> JSONResponse:
    feeds = [{"name": feed, "url": _feed_url(request, feed)} for feed in FEEDS]
    return _file({"feeds": feeds}, INFO_TTL, datetime.now(UTC))


@router.get(
    "/system_information.json",
    name="gbfs_system_information",
    summary="GBFS: the brand's car-sharing system",
)
async def system_information(request: Request, uow: Uow) -> JSONResponse:
    now = datetime.now(UTC)
    brand = _brand(request)
    cars = await _all(lambda paging: fleet.list_cars(uow=uow, paging=paging, pool=POOL))
    zones = Counter(c.time_zone for c in await _centres(uow, [car.centre_id for car in cars]))
    _, contact = parseaddr(request.app.state.settings.mail_from)
    data = {
        "system_id": brand.slug,
        "languages": list(LANGUAGES),
        "name": localized(brand.name),
        "opening_hours": "24/7",  # car sharing: any time of day, no centre needs to be open
        "feed_contact_email": contact,
        "timezone": zones.most_common(1)[0][0] if zones else "Etc/UTC",
    }
    return _file(data, INFO_TTL, now)


@router.get(
    "/vehicle_types.json", name="gbfs_vehicle_types", summary="GBFS: the shared cars' models"
)
async def vehicle_types(uow: Uow) -> JSONResponse:
    now = datetime.now(UTC)
    shared = await shared_cars(uow, now)
    models = {m.id: m for m in await vehicles.list_models(uow=uow)}
    kinds = []
    for model_id in dict.fromkeys(s.vehicle.model_id for s in shared):
        model = models[model_id]
        of_type = [s for s in shared if s.vehicle.model_id == model_id]
        kinds.append(
            {
                "vehicle_type_id": str(model_id),
                "form_factor": "car",
                "propulsion_type": PROPULSION[model.powertrain],
                "max_range_meters": max_range(model, of_type),
                "name": localized(f"{model.model_line} {model.variant}"),
                "model": localized(model.model_line),
                "rider_capacity": model.seats,
                "return_constraint": (
                    "roundtrip_station" if of_type[0].station_based else "free_floating"
                ),
            }
        )
    return _file({"vehicle_types": kinds}, INFO_TTL, now)


def _vehicle(brand: uuid.UUID, shared: SharedCar, centre: dealers.CentreRead) -> dict[str, Any]:
    latitude, longitude = _signal(shared.status, LATITUDE), _signal(shared.status, LONGITUDE)
    if latitude is None or longitude is None:  # never reported: it stands at its centre
        latitude, longitude = centre.latitude, centre.longitude
    item: dict[str, Any] = {
        "vehicle_id": opaque_id(brand, shared.car.id),
        "lat": latitude,
        "lon": longitude,
        "is_reserved": shared.reserved,
        "is_disabled": shared.disabled,
        "vehicle_type_id": str(shared.vehicle.model_id),
        "current_range_meters": max(0.0, current_range(shared) or 0.0),
    }
    if shared.status.as_of is not None:
        item["last_reported"] = rfc3339(shared.status.as_of)
    fraction = fuel_fraction(shared)
    if fraction is not None:
        item["current_fuel_percent"] = fraction
    if shared.station_based:
        item["station_id"] = str(shared.car.centre_id)
        item["home_station_id"] = str(shared.car.centre_id)
    return item


@router.get(
    "/vehicle_status.json",
    name="gbfs_vehicle_status",
    summary="GBFS: the shared cars not in an active rental",
)
async def vehicle_status(request: Request, uow: Uow) -> JSONResponse:
    now = datetime.now(UTC)
    shared = [s for s in await shared_cars(uow, now) if not s.in_rental]
    centres = {c.id: c for c in await _centres(uow, [s.car.centre_id for s in shared])}
    brand = _brand(request).id
    items = [_vehicle(brand, s, centres[s.car.centre_id]) for s in shared]
    return _file({"vehicles": items}, STATUS_TTL, now)


@router.get(
    "/station_information.json",
    name="gbfs_station_information",
    summary="GBFS: the centres where station-based shared cars stand",
)
async def station_information(uow: Uow) -> JSONResponse:
    now = datetime.now(UTC)
    cars = await _all(lambda paging: fleet.list_cars(uow=uow, paging=paging, pool=POOL))
    stationed = [c.centre_id for c in cars if c.home_zone is None]
    stations = [
        {
            "station_id": str(centre.id),
            "name": localized(centre.name),
            "short_name": localized(centre.code),
            "lat": centre.latitude,
            "lon": centre.longitude,
            "address": f"{centre.street}, {centre.postal_code} {centre.city}",
            "post_code": centre.postal_code,
            "station_opening_hours": "24/7",
        }
        for centre in await _centres(uow, stationed)
    ]
    return _file({"stations": stations}, INFO_TTL, now)


@router.get(
    "/station_status.json",
    name="gbfs_station_status",
    summary="GBFS: how many shared cars each centre has available now",
)
async def station_status(uow: Uow) -> JSONResponse:
    now = datetime.now(UTC)
    by_centre: dict[uuid.UUID, list[SharedCar]] = {}
    for shared in await shared_cars(uow, now):
        if shared.station_based:
            by_centre.setdefault(shared.car.centre_id, []).append(shared)
    stations = []
    for centre_id, there in by_centre.items():
        standing = [s for s in there if not s.in_rental]
        available = [s for s in standing if not s.reserved and not s.disabled]
        kinds = Counter(str(s.vehicle.model_id) for s in available)
        reports = [s.status.as_of for s in there if s.status.as_of is not None]
        stations.append(
            {
                "station_id": str(centre_id),
                "num_vehicles_available": len(available),
                "vehicle_types_available": [
                    {"vehicle_type_id": kind, "count": count} for kind, count in kinds.items()
                ],
                "num_vehicles_disabled": sum(1 for s in standing if s.disabled),
                "is_installed": True,
                "is_renting": True,
                "is_returning": True,
                "last_reported": rfc3339(max(reports, default=now)),
            }
        )
    return _file({"stations": stations}, STATUS_TTL, now)
