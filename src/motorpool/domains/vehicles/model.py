"""Vehicle rules: VIN check digit, COVESA VSS signals and their ranges, service due,
pairing codes. No I/O."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from motorpool.platform.errors import Conflict, NotFound, Problem

PAIRING_TTL = timedelta(minutes=10)
PAIRING_ATTEMPTS = 5

# ISO 3779 letters and their values for the check digit (I, O and Q are not used).
_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


class InvalidVin(Problem):
    slug = "invalid-vin"
    title = "This is not a valid VIN"
    status = 422
    description = "17 characters A-Z (no I, O, Q) and 0-9, with a matching check digit (9th)."


class VehicleNotFound(NotFound):
    slug = "vehicle-not-found"
    title = "No such vehicle"


class ModelNotFound(NotFound):
    slug = "vehicle-model-not-found"
    title = "No such model in the catalogue"


class VinTaken(Conflict):
    slug = "vin-taken"
    title = "A vehicle with this VIN is already registered"


class WrongPairingCode(Problem):
    slug = "wrong-pairing-code"
    title = "The code does not match the one the car shows"
    status = 422
    description = "Ask for a new code if it expired or after five wrong tries."
    keeps_changes = True  # the failed try is counted


class UnknownSignal(Problem):
    slug = "unknown-signal"
    title = "Unknown vehicle signal"
    status = 422


class CarUnreachable(Problem):
    slug = "vehicle-unreachable"
    title = "The car cannot be reached right now"
    status = 503


def check_digit(vin: str) -> str:
    total = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def normalise_vin(vin: str) -> str:
    """Upper-case, validated VIN; a clear problem otherwise."""
    value = vin.strip().upper()
    if len(value) != 17:
        raise InvalidVin(f"a VIN has 17 characters, this one {len(value)}")
    bad = sorted({c for c in value if c not in _VALUES})
    if bad:
        raise InvalidVin(f"characters not allowed in a VIN: {''.join(bad)}")
    if value[8] != check_digit(value):
        raise InvalidVin(f"the check digit (9th character) should be {check_digit(value)}")
    return value


def with_check_digit(vin17: str) -> str:
    """Put the right check digit into a 17-character VIN (demo and tests)."""
    return vin17[:8] + check_digit(vin17[:8] + "0" + vin17[9:]) + vin17[9:]


def new_pairing_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def hash_code(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def code_matches(code: str, salt: str, expected: str) -> bool:
    return hmac.compare_digest(hash_code(code.strip(), salt), expected)


# ------------------------------------------------------------------------ signals (VSS)


@dataclass(frozen=True)
class Signal:
    kind: type
    low: float | None = None
    high: float | None = None
    unit: str = ""


_DOORS = [
    f"Vehicle.Cabin.Door.Row{r}.{s}.IsLocked"
    for r in (1, 2)
    for s in ("DriverSide", "PassengerSide")
]
_TYRES = [
    f"Vehicle.Chassis.Axle.Row{r}.Wheel.{s}.Tire.Pressure"
    for r in (1, 2)
    for s in ("Left", "Right")
]

SIGNALS: dict[str, Signal] = {
    "Vehicle.Speed": Signal(float, 0, 400, "km/h"),
    "Vehicle.TraveledDistance": Signal(int, 0, 4_000_000_000, "m"),
    "Vehicle.CurrentLocation.Latitude": Signal(float, -90, 90, "degrees"),
    "Vehicle.CurrentLocation.Longitude": Signal(float, -180, 180, "degrees"),
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current": Signal(float, 0, 100, "percent"),
    "Vehicle.Powertrain.TractionBattery.Range": Signal(int, 0, 2_000_000, "m"),
    "Vehicle.Powertrain.TractionBattery.Charging.IsCharging": Signal(bool),
    "Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit": Signal(int, 0, 100, "percent"),
    "Vehicle.Powertrain.FuelSystem.RelativeLevel": Signal(int, 0, 100, "percent"),
    "Vehicle.Powertrain.Range": Signal(int, 0, 3_000_000, "m"),
    "Vehicle.Body.Trunk.Rear.IsLocked": Signal(bool),
    "Vehicle.Service.IsServiceDue": Signal(bool),
    "Vehicle.Service.DistanceToService": Signal(float, -100_000, 100_000, "km"),
    "Vehicle.Service.TimeToService": Signal(int, -(10**9), 10**9, "s"),
    **{name: Signal(bool) for name in _DOORS},
    **{name: Signal(int, 0, 1000, "kPa") for name in _TYRES},
}
DOOR_LOCKS = tuple(_DOORS)


def check_signal(name: str, value: Any) -> float | bool:
    """The value as stored (number or bool); ValueError with a reason otherwise."""
    spec = SIGNALS.get(name)
    if spec is None:
        raise ValueError("unknown signal (COVESA VSS names, e.g. Vehicle.Speed)")
    if spec.kind is bool:
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a number")
    if spec.kind is int and float(value) != int(value):
        raise ValueError("expected a whole number")
    if (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high):
        raise ValueError(f"out of range {spec.low}..{spec.high} {spec.unit}".rstrip())
    return float(value)


def service_due(signals: dict[str, Any]) -> bool:
    """Derived: the car says so, or the distance or time to service has run out."""
    if signals.get("Vehicle.Service.IsServiceDue") is True:
        return True
    distance = signals.get("Vehicle.Service.DistanceToService")
    seconds = signals.get("Vehicle.Service.TimeToService")
    return (distance is not None and distance <= 0) or (seconds is not None and seconds <= 0)


def power_ps(kw: int) -> int:
    return round(kw * 1.35962)
