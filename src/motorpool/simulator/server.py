"""The simulated connectivity backend's control API (display and commands)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from motorpool.simulator.cars import SimulatedCar


def control_app(cars: dict[str, SimulatedCar]) -> Starlette:
    async def display(request: Request) -> JSONResponse:
        car = cars.get(request.path_params["vin"])
        if car is None:
            return JSONResponse({"error": "not connected"}, status_code=404)
        if request.method == "POST":
            car.display = str((await request.json()).get("text", ""))[:64]
        return JSONResponse({"vin": car.vin, "display": car.display})

    async def commands(request: Request) -> JSONResponse:
        car = cars.get(request.path_params["vin"])
        if car is None:
            return JSONResponse({"error": "not connected"}, status_code=404)
        try:
            car.command(str((await request.json()).get("command")))
        except ValueError:
            return JSONResponse({"error": "unknown command"}, status_code=422)
        return JSONResponse({"vin": car.vin, "locked": car.locked}, status_code=202)

    return Starlette(
        routes=[
            Route("/cars/{vin}/display", display, methods=["GET", "POST"]),
            Route("/cars/{vin}/commands", commands, methods=["POST"]),
        ]
    )
