"""Workshop rules without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from motorpool.domains.workshop import model


def test_length_is_the_sum_rounded_up_to_the_grid() -> None:
    assert model.appointment_length([150, 30], 30) == timedelta(hours=3)
    assert model.appointment_length([45], 30) == timedelta(hours=1)
    assert model.appointment_length([45, 45], 30) == timedelta(hours=1, minutes=30)
    assert model.appointment_length([20], None) == timedelta(minutes=30)


def test_services_are_known_and_counted_once() -> None:
    known = ["inspection", "repair"]
    assert model.check_services(["repair", "inspection", "repair"], known) == [
        "repair",
        "inspection",
    ]
    with pytest.raises(model.UnknownServiceType, match="polish"):
        model.check_services(["polish", "repair"], known)
    with pytest.raises(model.UnknownServiceType):
        model.check_services([], known)


def test_courtesy_car_covers_at_least_the_products_minimum() -> None:
    start = datetime(2027, 3, 1, 9, tzinfo=UTC)
    assert model.courtesy_interval(start, start + timedelta(minutes=30), timedelta(hours=1)) == (
        start,
        start + timedelta(hours=1),
    )
    assert model.courtesy_interval(start, start + timedelta(hours=3), timedelta(hours=1)) == (
        start,
        start + timedelta(hours=3),
    )


def test_lifecycle() -> None:
    model.check_transition("booked", model.AppointmentStatus.rescheduled)
    model.check_transition("rescheduled", model.AppointmentStatus.rescheduled)
    model.check_transition("in_progress", model.AppointmentStatus.done)
    for current in ("cancelled", "done", "in_progress"):
        with pytest.raises(model.InvalidAppointmentTransition):
            model.check_transition(current, model.AppointmentStatus.cancelled)


def test_centre_must_offer_workshop() -> None:
    model.check_offers_workshop(True)
    with pytest.raises(model.WorkshopNotOffered):
        model.check_offers_workshop(False)


def test_standard_catalogue_has_the_six_types() -> None:
    assert [s.code for s in model.STANDARD_SERVICES] == [
        "inspection",
        "oil_service",
        "tyre_change",
        "brake_check",
        "software_update",
        "repair",
    ]
