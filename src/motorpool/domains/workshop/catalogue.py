"""The brand's service catalogue: service types, their default minutes and the minutes
they take per model line."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from motorpool.domains.workshop import model
from motorpool.domains.workshop.schemas import ServiceTypeRead
from motorpool.domains.workshop.tables import ServiceDurationRow, ServiceTypeRow
from motorpool.platform.db import new_id, utcnow
from motorpool.platform.uow import UnitOfWork


async def ensure_service_catalogue(*, uow: UnitOfWork) -> list[ServiceTypeRead]:
    """Add the standard service types the brand lacks; what it changed stays (idempotent)."""
    known = {row.code: row for row in (await uow.session.execute(select(ServiceTypeRow))).scalars()}
    added = []
    for position, spec in enumerate(model.STANDARD_SERVICES):
        if spec.code in known:
            continue
        row = ServiceTypeRow(
            id=new_id(),
            code=spec.code,
            name_en=spec.name_en,
            name_de=spec.name_de,
            default_minutes=spec.default_minutes,
            position=position,
            created_at=utcnow(),
        )
        uow.session.add(row)
        added.append((row, spec))
    await uow.session.flush()  # the types first: their durations refer to them
    for row, spec in added:
        for line, minutes in spec.per_model_line.items():
            uow.session.add(
                ServiceDurationRow(
                    id=new_id(), service_type_id=row.id, model_line=line, minutes=minutes
                )
            )
    await uow.session.flush()
    return await service_types(uow=uow)


async def service_types(*, uow: UnitOfWork) -> list[ServiceTypeRead]:
    rows = (
        await uow.session.execute(
            select(ServiceTypeRow).order_by(ServiceTypeRow.position, ServiceTypeRow.code)
        )
    ).scalars()
    types = list(rows)
    per_line: dict[str, dict[str, int]] = defaultdict(dict)
    by_id = {t.id: t.code for t in types}
    durations = await uow.session.execute(
        select(ServiceDurationRow).order_by(ServiceDurationRow.model_line)
    )
    for duration in durations.scalars():
        if duration.service_type_id in by_id:
            per_line[by_id[duration.service_type_id]][duration.model_line] = duration.minutes
    return [
        ServiceTypeRead(
            code=t.code,
            name_en=t.name_en,
            name_de=t.name_de,
            default_minutes=t.default_minutes,
            minutes_by_model_line=per_line[t.code],
        )
        for t in types
    ]


async def set_duration(
    *, uow: UnitOfWork, code: str, model_line: str, minutes: int
) -> ServiceTypeRead:
    """How long ``code`` takes on ``model_line`` from now on (appointments keep theirs)."""
    service = (
        await uow.session.execute(select(ServiceTypeRow).where(ServiceTypeRow.code == code))
    ).scalar_one_or_none()
    if service is None:
        raise model.ServiceTypeNotFound()
    row = (
        await uow.session.execute(
            select(ServiceDurationRow).where(
                ServiceDurationRow.service_type_id == service.id,
                ServiceDurationRow.model_line == model_line,
            )
        )
    ).scalar_one_or_none()
    if row is None:
        uow.session.add(
            ServiceDurationRow(
                id=new_id(), service_type_id=service.id, model_line=model_line, minutes=minutes
            )
        )
    else:
        row.minutes = minutes
    await uow.session.flush()
    [found] = [t for t in await service_types(uow=uow) if t.code == code]
    return found


async def minutes_for(
    *, uow: UnitOfWork, codes: list[str], model_line: str
) -> tuple[list[str], list[int]]:
    """The codes (checked against the brand's catalogue, each once) and each one's minutes
    on the model line — its default where the line has none."""
    types = {t.code: t for t in await service_types(uow=uow)}
    wanted = model.check_services(codes, types)
    return wanted, [
        types[code].minutes_by_model_line.get(model_line, types[code].default_minutes)
        for code in wanted
    ]
