"""Simulated cars and how their state moves."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class SimulatedCar:
    vin: str
    powertrain: str = "BEV"
    latitude: float = 48.8346
    longitude: float = 9.1522
    odometer_m: int = 12_000_000
    charge_percent: float = 80.0
    fuel_percent: int = 70
    range_per_percent_m: int = 4_500
    locked: bool = True
    charging: bool = False
    speed_kmh: float = 0.0
    distance_to_service_km: float = 8_000.0
    seconds_to_service: int = 200 * 24 * 3600
    tyre_kpa: list[int] = field(default_factory=lambda: [250, 250, 270, 270])
    display: str = ""
    heading: float = 0.0

    def step(self, seconds: float, rng: random.Random) -> None:
        """Advance the car: drive a bit, or charge, or stand."""
        if self.charging:
            self.speed_kmh = 0.0
            self.charge_percent = min(100.0, self.charge_percent + seconds / 36)
            if self.charge_percent >= 95:
                self.charging = False
        elif not self.locked or rng.random() < 0.3:
            self.speed_kmh = max(0.0, min(180.0, self.speed_kmh + rng.uniform(-15, 20)))
            metres = self.speed_kmh / 3.6 * seconds
            self.odometer_m += int(metres)
            self.distance_to_service_km -= metres / 1000
            self.heading += rng.uniform(-0.4, 0.4)
            self.latitude += math.cos(self.heading) * metres / 111_000
            self.longitude += (
                math.sin(self.heading)
                * metres
                / (111_000 * max(0.2, math.cos(math.radians(self.latitude))))
            )
            if self.powertrain == "BEV":
                self.charge_percent = max(
                    0.0, self.charge_percent - metres / self.range_per_percent_m
                )
                if self.charge_percent < 20 and rng.random() < 0.5:
                    self.charging = True
            else:
                self.fuel_percent = max(
                    0, self.fuel_percent - (1 if rng.random() < metres / 8000 else 0)
                )
        else:
            self.speed_kmh = 0.0
        self.seconds_to_service -= int(seconds)

    def command(self, command: str) -> None:
        if command == "lock":
            self.locked = True
            self.speed_kmh = 0.0
        elif command == "unlock":
            self.locked = False
        else:
            raise ValueError(command)

    def signals(self) -> dict[str, Any]:
        """The car's state as COVESA VSS signals."""
        found: dict[str, Any] = {
            "Vehicle.Speed": round(self.speed_kmh, 1),
            "Vehicle.TraveledDistance": self.odometer_m,
            "Vehicle.CurrentLocation.Latitude": round(self.latitude, 6),
            "Vehicle.CurrentLocation.Longitude": round(self.longitude, 6),
            "Vehicle.Service.DistanceToService": round(self.distance_to_service_km, 1),
            "Vehicle.Service.TimeToService": self.seconds_to_service,
            "Vehicle.Body.Trunk.Rear.IsLocked": self.locked,
        }
        for row in (1, 2):
            for side in ("DriverSide", "PassengerSide"):
                found[f"Vehicle.Cabin.Door.Row{row}.{side}.IsLocked"] = self.locked
        for (row, side), kpa in zip(
            ((1, "Left"), (1, "Right"), (2, "Left"), (2, "Right")), self.tyre_kpa, strict=True
        ):
            found[f"Vehicle.Chassis.Axle.Row{row}.Wheel.{side}.Tire.Pressure"] = kpa
        if self.powertrain == "BEV":
            soc = round(self.charge_percent, 1)
            found["Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"] = soc
            found["Vehicle.Powertrain.TractionBattery.Charging.IsCharging"] = self.charging
            found["Vehicle.Powertrain.TractionBattery.Range"] = int(soc * self.range_per_percent_m)
            found["Vehicle.Powertrain.Range"] = int(soc * self.range_per_percent_m)
        else:
            found["Vehicle.Powertrain.FuelSystem.RelativeLevel"] = self.fuel_percent
            found["Vehicle.Powertrain.Range"] = self.fuel_percent * 7_000
        return found

    def report(self, at: datetime) -> dict[str, Any]:
        return {"vin": self.vin, "observed_at": at.isoformat(), "signals": self.signals()}
