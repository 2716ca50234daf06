"""A centre's day: the rental hand-overs and returns due on one day of its own clock."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from motorpool.domains import dealers
from motorpool.domains.contracts.rentals import read_many
from motorpool.domains.contracts.schemas import TodaySheet
from motorpool.domains.contracts.tables import AgreementRow
from motorpool.platform.db import utcnow
from motorpool.platform.uow import UnitOfWork


async def today(*, uow: UnitOfWork, centre_id: uuid.UUID, day: date | None = None) -> TodaySheet:
    """The centre's hand-overs (agreements starting) and returns (ending) on its local
    ``day`` — today on the centre's clock if not given."""
    centre = await dealers.get_centre(uow=uow, centre_id=centre_id)
    zone = ZoneInfo(centre.time_zone)
    day = day or utcnow().astimezone(zone).date()
    first = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    last = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    rows = (
        (
            await uow.session.execute(
                select(AgreementRow)
                .where(
                    AgreementRow.centre_id == centre.id,
                    or_(
                        (AgreementRow.starts_at >= first) & (AgreementRow.starts_at < last),
                        (AgreementRow.ends_at >= first) & (AgreementRow.ends_at < last),
                    ),
                )
                .order_by(AgreementRow.starts_at, AgreementRow.id)
            )
        )
        .scalars()
        .all()
    )
    everything = await read_many(uow, rows)
    return TodaySheet(
        centre_id=centre.id,
        time_zone=centre.time_zone,
        day=day,
        handovers=[a for a in everything if first <= a.starts_at < last],
        returns=sorted(
            (a for a in everything if first <= a.ends_at < last), key=lambda a: a.ends_at
        ),
    )
