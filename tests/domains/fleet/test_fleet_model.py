"""Fleet rules without a database: transitions, what blocks a car, labels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from motorpool.domains.fleet import model
from motorpool.domains.fleet.model import FleetState

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
IN_SERVICE = [FleetState.ready, FleetState.cleaning, FleetState.charging, FleetState.maintenance]


@pytest.mark.parametrize("current", IN_SERVICE)
@pytest.mark.parametrize("wanted", [*IN_SERVICE, FleetState.retired])
def test_in_service_states_change_among_each_other_and_to_retired(current, wanted) -> None:
    if current == wanted:
        with pytest.raises(model.InvalidFleetTransition):
            model.check_transition(current, wanted)
    else:
        model.check_transition(current, wanted)


@pytest.mark.parametrize("wanted", list(FleetState))
def test_retired_is_final(wanted) -> None:
    with pytest.raises(model.InvalidFleetTransition, match="stays retired"):
        model.check_transition(FleetState.retired, wanted)


def test_maintenance_needs_a_future_end_and_only_it_takes_one() -> None:
    until = NOW + timedelta(days=2)
    assert model.block_end(FleetState.maintenance, until, NOW) == until
    for wrong in (None, NOW, NOW - timedelta(minutes=1), until.replace(tzinfo=None)):
        with pytest.raises(model.InvalidMaintenanceEnd):
            model.block_end(FleetState.maintenance, wrong, NOW)
    with pytest.raises(model.InvalidMaintenanceEnd):
        model.block_end(FleetState.cleaning, until, NOW)
    assert model.block_end(FleetState.retired, None, NOW) == model.FAR_FUTURE
    assert model.block_end(FleetState.charging, None, NOW) is None


def test_a_car_is_bookable_in_service_once_its_block_has_ended() -> None:
    assert model.is_bookable(FleetState.ready, None, NOW)
    assert model.is_bookable(FleetState.cleaning, NOW, NOW)
    assert not model.is_bookable(FleetState.ready, NOW + timedelta(seconds=1), NOW)
    assert not model.is_bookable(FleetState.maintenance, None, NOW)
    assert not model.is_bookable(FleetState.retired, None, NOW)


def test_severe_damage_keeps_the_reported_end_or_a_week() -> None:
    later = NOW + timedelta(days=3)
    assert model.severe_damage_until(later, NOW) == later
    assert model.severe_damage_until(None, NOW) == NOW + model.SEVERE_DAMAGE_MAINTENANCE
    assert model.severe_damage_until(NOW - timedelta(days=1), NOW) == NOW + timedelta(days=7)


def test_label_by_plate_or_vin_tail() -> None:
    assert model.car_label("B-MP 42", "Aurora", "4S", "WMP0000000000001X") == "B-MP 42 · Aurora 4S"
    assert (
        model.car_label(None, "Vela", "Electric", "WMPABCDEF12345678") == "Vela Electric · …345678"
    )
    assert len(model.car_label("P" * 200, "Aurora", "4S", "X" * 17)) == model.LABEL_LENGTH
