"""The demo brand's model catalogue and cars."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from motorpool.domains.vehicles import ModelCreate, with_check_digit

MODELS = [
    ModelCreate(
        code="AUR-4S",
        model_line="Aurora",
        variant="4S",
        body="Sport Sedan",
        powertrain="BEV",
        power_kw=440,
        acceleration_0_100_s=Decimal("3.7"),
        top_speed_kmh=250,
        battery_kwh=Decimal("97.0"),
        seats=4,
    ),
    ModelCreate(
        code="AUR-T",
        model_line="Aurora",
        variant="Turbo",
        body="Sport Sedan",
        powertrain="BEV",
        power_kw=650,
        acceleration_0_100_s=Decimal("2.7"),
        top_speed_kmh=260,
        battery_kwh=Decimal("97.0"),
        seats=4,
    ),
    ModelCreate(
        code="VEL-E",
        model_line="Vela",
        variant="Electric",
        body="SUV",
        powertrain="BEV",
        power_kw=300,
        acceleration_0_100_s=Decimal("5.2"),
        top_speed_kmh=220,
        battery_kwh=Decimal("100.0"),
        seats=5,
    ),
    ModelCreate(
        code="TRN-EH",
        model_line="Tern",
        variant="E-Hybrid",
        body="SUV",
        powertrain="PHEV",
        power_kw=346,
        acceleration_0_100_s=Decimal("4.9"),
        top_speed_kmh=254,
        battery_kwh=Decimal("25.9"),
        tank_litres=75,
        seats=5,
    ),
    ModelCreate(
        code="CGT-S",
        model_line="Corsa GT",
        variant="S",
        body="Coupé",
        powertrain="ICE",
        power_kw=353,
        acceleration_0_100_s=Decimal("3.5"),
        top_speed_kmh=308,
        tank_litres=64,
        seats=2,
    ),
]


@dataclass(frozen=True)
class DemoCar:
    vin: str
    model_code: str
    plate: str
    colour: str
    owner: str | None
    powertrain: str


DEMO_CARS = [
    DemoCar(
        with_check_digit("WMP0000A0PS100001"),
        "AUR-4S",
        "S-MP 101E",
        "Frozen Blue",
        "anna.schmidt@example.com",
        "BEV",
    ),
    DemoCar(
        with_check_digit("WMP0000A0PS100002"),
        "CGT-S",
        "S-MP 911",
        "Guards Red",
        "anna.schmidt@example.com",
        "ICE",
    ),
    DemoCar(
        with_check_digit("WMP0000A0PS100003"),
        "VEL-E",
        "LD26 MPL",
        "Chalk",
        "james.miller@example.com",
        "BEV",
    ),
    DemoCar(with_check_digit("WMP0000A0PS100004"), "TRN-EH", "B-MP 204", "Jet Black", None, "PHEV"),
    DemoCar(with_check_digit("WMP0000A0PS100005"), "AUR-T", "M-MP 650E", "Provence", None, "BEV"),
]
