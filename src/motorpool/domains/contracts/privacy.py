"""This domain's part of a GDPR export: my rental agreements (with their hand-over and return
records), subscriptions (with periods and swaps) and car-sharing trips."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from motorpool.domains.contracts import rentals, subscriptions, trips
from motorpool.domains.contracts.tables import AgreementRow, SubscriptionRow, TripRow
from motorpool.platform.uow import UnitOfWork


async def personal_data(*, uow: UnitOfWork, account_id: uuid.UUID) -> dict[str, object]:
    agreement_ids = (
        await uow.session.execute(
            select(AgreementRow.id)
            .where(AgreementRow.customer_id == account_id)
            .order_by(AgreementRow.starts_at)
        )
    ).scalars()
    subscription_ids = (
        await uow.session.execute(
            select(SubscriptionRow.id)
            .where(SubscriptionRow.customer_id == account_id)
            .order_by(SubscriptionRow.starts_on)
        )
    ).scalars()
    trip_rows = (
        await uow.session.execute(
            select(TripRow).where(TripRow.customer_id == account_id).order_by(TripRow.started_at)
        )
    ).scalars()
    return {
        "rental_agreements": [
            (await rentals.get_agreement(uow=uow, agreement_id=i)).model_dump(mode="json")
            for i in list(agreement_ids)
        ],
        "subscriptions": [
            (await subscriptions.get_subscription(uow=uow, subscription_id=i)).model_dump(
                mode="json"
            )
            for i in list(subscription_ids)
        ],
        "trips": [trips.read(row).model_dump(mode="json") for row in trip_rows],
    }
