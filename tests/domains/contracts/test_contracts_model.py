"""The contract rules on their own: minimum term, monthly periods, swaps left, settlement
readings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from motorpool.domains.contracts import model


def test_months_clamp_to_the_end_of_shorter_months() -> None:
    assert model.add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert model.add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert model.add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)


def test_periods_count_from_the_anchor_so_they_do_not_drift() -> None:
    anchor = date(2027, 1, 31)
    assert model.period(anchor, 0) == (date(2027, 1, 31), date(2027, 2, 28))
    assert model.period(anchor, 1) == (date(2027, 2, 28), date(2027, 3, 31))
    assert model.period(anchor, 2) == (date(2027, 3, 31), date(2027, 4, 30))


def test_a_period_renews_on_the_day_the_last_one_ends() -> None:
    assert not model.is_due(date(2027, 3, 1), date(2027, 2, 28))
    assert model.is_due(date(2027, 3, 1), date(2027, 3, 1))


def test_minimum_term_lengthened_by_pauses_and_forced_only_with_a_reason() -> None:
    term = model.minimum_term_ends_on(date(2027, 1, 15), 3, paused_days=10)
    assert term == date(2027, 4, 25)
    model.check_minimum_term(term, term, forced_reason=None)
    with pytest.raises(model.MinimumTerm):
        model.check_minimum_term(term - timedelta(days=1), term, forced_reason=None)
    with pytest.raises(model.MinimumTerm):
        model.check_minimum_term(term - timedelta(days=1), term, forced_reason="")
    model.check_minimum_term(term - timedelta(days=1), term, forced_reason="car written off")


def test_swaps_left_this_period() -> None:
    assert model.swaps_left(2, 0) == 2
    assert model.swaps_left(2, 2) == 0
    model.check_swap_allowed(2, 1)
    with pytest.raises(model.SwapAllowanceExhausted):
        model.check_swap_allowed(2, 2)
    with pytest.raises(model.SwapAllowanceExhausted):
        model.check_swap_allowed(0, 0)  # a plain subscription allows none


def test_return_readings() -> None:
    assert model.driven_km(10_000, 10_650) == 650
    with pytest.raises(model.ImplausibleReading):
        model.driven_km(10_000, 9_999)
    end = datetime(2027, 3, 3, 8, tzinfo=UTC)
    assert model.late_by(end, end - timedelta(hours=1)) == timedelta(0)
    assert model.late_by(end, end + timedelta(minutes=90)) == timedelta(minutes=90)
    assert model.energy_shortfall(90, 60) == 30
    assert model.energy_shortfall(60, 90) == 0


def test_hand_over_and_return_order() -> None:
    with pytest.raises(model.NotHandedOver):
        model.check_can_return(model.AgreementStatus.open)
    with pytest.raises(model.AlreadyReturned):
        model.check_can_return(model.AgreementStatus.returned)
    with pytest.raises(model.AlreadyHandedOver):
        model.check_can_hand_over(model.AgreementStatus.handed_over)
    model.check_can_return(model.AgreementStatus.handed_over)


def test_subscription_transitions() -> None:
    model.check_transition("active", model.SubscriptionStatus.paused)
    model.check_transition("paused", model.SubscriptionStatus.active)
    model.check_transition("paused", model.SubscriptionStatus.ended)
    with pytest.raises(model.InvalidSubscriptionTransition):
        model.check_transition("ended", model.SubscriptionStatus.active)
    with pytest.raises(model.InvalidSubscriptionTransition):
        model.check_transition("active", model.SubscriptionStatus.active)
