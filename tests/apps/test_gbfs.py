"""The public GBFS v3.0 feed at /gbfs/: this brand's car-sharing cars only, reserved and
disabled cars flagged, cars in an active rental left out, and every file carrying the
fields GBFS v3.0 requires (taken from MobilityData's gbfs.md and JSON schemas for v3.0)."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from motorpool.apps.gbfs import opaque_id
from motorpool.domains import booking
from motorpool.simulator.cars import SimulatedCar
from tests.conftest import create_account
from tests.domains.booking.factories import make_centre
from tests.domains.vehicles.factories import make_car

# ----------------------------------------------------------------- what GBFS v3.0 requires

COMMON = ("last_updated", "ttl", "version", "data")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
MOTORIZED = {
    "electric",
    "electric_assist",
    "combustion",
    "combustion_diesel",
    "hybrid",
    "plug_in_hybrid",
    "hydrogen_fuel_cell",
}
FEED_NAMES = {
    "gbfs",
    "gbfs_versions",
    "system_information",
    "vehicle_types",
    "station_information",
    "station_status",
    "vehicle_status",
    "system_alerts",
    "system_regions",
    "system_pricing_plans",
    "geofencing_zones",
}


def missing(item: dict[str, Any], *fields: str) -> list[str]:
    return [f for f in fields if f not in item or item[f] is None]


def check_localized(values: Any) -> None:
    assert isinstance(values, list)
    assert values
    for value in values:
        assert not missing(value, "text", "language"), value
        assert LANGUAGE.match(value["language"]), value


def check_common(answer: Any) -> dict[str, Any]:
    """Every file: last_updated (RFC3339), ttl, version "3.0", data; cached for ttl."""
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    assert not missing(body, *COMMON), body
    assert body["version"] == "3.0"
    assert isinstance(body["ttl"], int)
    assert body["ttl"] >= 0
    assert isinstance(body["last_updated"], str)
    stamp = datetime.fromisoformat(body["last_updated"])
    assert stamp.tzinfo is not None
    assert abs(datetime.now(UTC) - stamp) < timedelta(minutes=5)
    assert f"max-age={body['ttl']}" in answer.headers["cache-control"]
    return dict(body["data"])


def check_discovery(data: dict[str, Any]) -> None:
    names = []
    for feed in data["feeds"]:
        assert not missing(feed, "name", "url"), feed
        assert feed["name"] in FEED_NAMES
        names.append(feed["name"])
    assert "system_information" in names
    assert "vehicle_status" in names or "station_status" in names
    assert "station_information" not in names or "station_status" in names


def check_system_information(data: dict[str, Any]) -> None:
    required = ("system_id", "languages", "name", "opening_hours", "feed_contact_email")
    assert not missing(data, *required, "timezone"), data
    assert all(LANGUAGE.match(lang) for lang in data["languages"])
    check_localized(data["name"])
    assert "@" in data["feed_contact_email"]


def check_vehicle_types(data: dict[str, Any]) -> None:
    for kind in data["vehicle_types"]:
        assert not missing(kind, "vehicle_type_id", "form_factor", "propulsion_type"), kind
        if kind["propulsion_type"] in MOTORIZED:
            assert not missing(kind, "max_range_meters"), kind
            assert kind["max_range_meters"] >= 0
        if "name" in kind:
            check_localized(kind["name"])


def check_vehicle_status(data: dict[str, Any], types: dict[str, dict[str, Any]]) -> None:
    for vehicle in data["vehicles"]:
        assert not missing(vehicle, "vehicle_id", "is_reserved", "is_disabled"), vehicle
        assert isinstance(vehicle["is_reserved"], bool)
        assert isinstance(vehicle["is_disabled"], bool)
        assert not missing(vehicle, "lat", "lon") or not missing(vehicle, "station_id")
        if "lat" in vehicle:
            assert -90 <= vehicle["lat"] <= 90
            assert -180 <= vehicle["lon"] <= 180
        # vehicle_types.json is published, so each vehicle names its type; a motor needs range
        assert vehicle["vehicle_type_id"] in types
        if types[vehicle["vehicle_type_id"]]["propulsion_type"] in MOTORIZED:
            assert vehicle["current_range_meters"] >= 0
        if "current_fuel_percent" in vehicle:
            assert 0 <= vehicle["current_fuel_percent"] <= 1
        if "last_reported" in vehicle:
            assert datetime.fromisoformat(vehicle["last_reported"]).tzinfo is not None


def check_station_information(data: dict[str, Any]) -> None:
    for station in data["stations"]:
        assert not missing(station, "station_id", "name", "lat", "lon"), station
        check_localized(station["name"])


def check_station_status(data: dict[str, Any]) -> None:
    required = ("station_id", "num_vehicles_available", "is_installed", "is_renting")
    for station in data["stations"]:
        assert not missing(station, *required, "is_returning", "last_reported"), station
        assert station["num_vehicles_available"] >= 0


async def whole_feed(client) -> dict[str, dict[str, Any]]:
    """Every file the auto-discovery lists, fetched without a token and checked."""
    discovery = check_common(await client.get("/gbfs/gbfs.json"))
    check_discovery(discovery)
    files = {"gbfs": discovery}
    for feed in discovery["feeds"]:
        path = feed["url"].split(".test", 1)[1]
        assert path.startswith("/gbfs/")
        files[feed["name"]] = check_common(await client.get(path))
    check_system_information(files["system_information"])
    check_vehicle_types(files["vehicle_types"])
    types = {t["vehicle_type_id"]: t for t in files["vehicle_types"]["vehicle_types"]}
    check_vehicle_status(files["vehicle_status"], types)
    check_station_information(files["station_information"])
    check_station_status(files["station_status"])
    return files


# ----------------------------------------------------------------- a brand's shared cars


async def pool_car(client, uow_factory, brand, manager, centre_id, pool, **extra) -> dict:
    vehicle = await make_car(uow_factory, brand)
    answer = await client.post(
        "/fleet/cars",
        headers=manager.headers,
        json={"vehicle_id": str(vehicle.id), "centre_id": str(centre_id), "pool": pool, **extra},
    )
    assert answer.status_code == 201, answer.text
    return {**answer.json(), "vin": vehicle.vin}


async def test_the_feed_shows_this_brands_shared_cars_as_they_are(
    app, client, other_client, uow_factory, brand, other_brand, make_account, simulator
) -> None:
    centre = await make_centre(uow_factory, brand)
    manager = await make_account(role="fleet_manager")
    backend = await make_account(role="vehicle_backend")
    customer = await make_account()
    free = await pool_car(client, uow_factory, brand, manager, centre.id, "carsharing")
    reserved = await pool_car(client, uow_factory, brand, manager, centre.id, "carsharing")
    broken = await pool_car(client, uow_factory, brand, manager, centre.id, "carsharing")
    driving = await pool_car(client, uow_factory, brand, manager, centre.id, "carsharing")
    floating = await pool_car(
        client, uow_factory, brand, manager, centre.id, "carsharing", home_zone="Mitte"
    )
    rental = await pool_car(client, uow_factory, brand, manager, centre.id, "rental")
    # the free car and the floating one report where they stand, their range and charge
    cars, _ = simulator
    now = datetime.now(UTC)
    parked = SimulatedCar(vin=free["vin"], latitude=52.52, longitude=13.405, charge_percent=64)
    roaming = SimulatedCar(vin=floating["vin"], latitude=52.53, longitude=13.38)
    telemetry = await client.post(
        "/vehicles/telemetry",
        headers=backend.headers,
        json={"reports": [parked.report(now), roaming.report(now)]},
    )
    assert telemetry.status_code == 200, telemetry.text
    # a booking covering now reserves one car; another is in maintenance; one is on a trip
    policy = app.state.booking_policies["carsharing"]
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        since = now - timedelta(minutes=5)
        held = await booking.hold(
            uow=uow,
            policy=policy,
            hold_in=booking.HoldCreate(
                product="carsharing",
                resource_id=uuid.UUID(reserved["resource_id"]),
                starts_at=since,
                ends_at=since + timedelta(hours=1),
            ),
            customer_id=customer.id,
            now=since,
        )
        await booking.confirm(uow=uow, booking_id=held.id, now=since)
        await uow.commit()
    maintenance = await client.post(
        f"/fleet/cars/{broken['id']}/state",
        headers=manager.headers,
        json={
            "state": "maintenance",
            "reason": "tyres",
            "until": (now + timedelta(days=1)).isoformat(),
        },
    )
    assert maintenance.status_code == 200, maintenance.text
    cars[driving["vin"]] = SimulatedCar(vin=driving["vin"])
    trip = await client.post(
        "/contracts/trips",
        headers=customer.headers,
        json={"resource_id": driving["resource_id"], "market": "DE"},
    )
    assert trip.status_code == 201, trip.text
    # another brand shares a car too
    other_centre = await make_centre(uow_factory, other_brand)
    other_manager = await create_account(
        uow_factory, other_client, other_brand, role="fleet_manager"
    )
    theirs = await pool_car(
        other_client, uow_factory, other_brand, other_manager, other_centre.id, "carsharing"
    )

    feed = await whole_feed(client)  # no token: the feed is public

    info = feed["system_information"]
    assert info["system_id"] == brand.slug
    assert info["timezone"] == "Europe/Berlin"
    assert {n["text"] for n in info["name"]} == {brand.name}
    listed = {v["vehicle_id"]: v for v in feed["vehicle_status"]["vehicles"]}
    ours = {
        key: opaque_id(brand.id, uuid.UUID(car["id"]))
        for key, car in (
            ("free", free),
            ("reserved", reserved),
            ("broken", broken),
            ("driving", driving),
            ("floating", floating),
            ("rental", rental),
        )
    }
    # the shared cars that are not in an active rental; no rental car, no other brand's
    assert set(listed) == {ours["free"], ours["reserved"], ours["broken"], ours["floating"]}
    assert opaque_id(other_brand.id, uuid.UUID(theirs["id"])) not in listed
    assert all(free["vin"] not in v and free["id"] not in v for v in listed)  # opaque ids
    assert listed[ours["free"]]["is_reserved"] is False
    assert listed[ours["free"]]["is_disabled"] is False
    assert listed[ours["reserved"]]["is_reserved"] is True
    assert listed[ours["broken"]]["is_disabled"] is True
    assert listed[ours["reserved"]]["is_disabled"] is False
    parked_there = listed[ours["free"]]
    assert (parked_there["lat"], parked_there["lon"]) == (52.52, 13.405)
    assert parked_there["current_fuel_percent"] == 0.64
    assert parked_there["current_range_meters"] == 64 * 4_500
    assert parked_there["station_id"] == str(centre.id)
    assert "station_id" not in listed[ours["floating"]]
    assert "last_reported" in parked_there
    assert {t["propulsion_type"] for t in feed["vehicle_types"]["vehicle_types"]} == {"electric"}
    assert {t["form_factor"] for t in feed["vehicle_types"]["vehicle_types"]} == {"car"}
    [station] = feed["station_information"]["stations"]
    assert station["station_id"] == str(centre.id)
    assert (station["lat"], station["lon"]) == (centre.latitude, centre.longitude)
    [status] = feed["station_status"]["stations"]
    assert status["num_vehicles_available"] == 1  # free; reserved, broken and driving are not
    assert status["num_vehicles_disabled"] == 1

    # the other brand's feed, at its own host, shows only its own car
    their_feed = await whole_feed(other_client)
    assert [v["vehicle_id"] for v in their_feed["vehicle_status"]["vehicles"]] == [
        opaque_id(other_brand.id, uuid.UUID(theirs["id"]))
    ]
    assert their_feed["system_information"]["system_id"] == other_brand.slug


async def test_an_empty_system_is_still_a_valid_feed(client) -> None:
    feed = await whole_feed(client)
    assert feed["vehicle_status"]["vehicles"] == []
    assert feed["station_status"]["stations"] == []
    assert feed["system_information"]["timezone"] == "Etc/UTC"
