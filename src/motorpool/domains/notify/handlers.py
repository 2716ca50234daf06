"""Explicit wiring: which of this domain's reactions run on which event.

Each handler runs in the event consumer's unit of work, once per event (the inbox), and
only *records* the message, rendered in the customer's language: the
:class:`~motorpool.domains.notify.dispatch.Dispatcher` sends it after that commit. A
handler never raises for missing data (an erased customer, a deleted centre): a handler
that fails is retried by the relay forever, so it writes nothing instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from motorpool.domains import billing, booking, dealers, identity, workshop
from motorpool.domains.notify import service
from motorpool.domains.notify.model import (
    DEFAULT_REMINDER_LEAD,
    QUIET_PRODUCTS,
    UNREACHABLE,
    MessageKind,
    language_of,
    reminder_due_at,
)
from motorpool.domains.notify.render import Facts, compose
from motorpool.platform.db import utcnow
from motorpool.platform.errors import NotFound
from motorpool.platform.outbox import HandlerTable
from motorpool.platform.tenancy import brand_name
from motorpool.platform.uow import UnitOfWork


@dataclass(frozen=True)
class Contact:
    email: str
    who: str | None
    language: str


async def contact_of(uow: UnitOfWork, account_id: uuid.UUID) -> Contact | None:
    """Where and in which language to write to a customer; None if we must not (no such
    account, erased or disabled, no address)."""
    try:
        profile = await identity.get_profile(uow=uow, account_id=account_id)
    except NotFound:
        return None
    if profile.status in UNREACHABLE or not profile.email:
        return None
    who = " ".join(p for p in (profile.given_name, profile.family_name) if p) or None
    return Contact(profile.email, who, language_of(profile.locale))


async def _centre(uow: UnitOfWork, centre_id: uuid.UUID) -> tuple[str | None, str]:
    """The centre's name and address line, and its time zone (UTC if it is gone)."""
    try:
        centre = await dealers.get_centre(uow=uow, centre_id=centre_id)
    except NotFound:
        return None, "UTC"
    return f"{centre.name}, {centre.street}, {centre.postal_code} {centre.city}", centre.time_zone


class Notifier:
    """The notify domain's reactions, configured once per deployment."""

    def __init__(
        self,
        *,
        base_url: str,
        reminder_lead: timedelta = DEFAULT_REMINDER_LEAD,
        quiet_products: Iterable[str] = QUIET_PRODUCTS,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.link = f"{base_url.rstrip('/')}/portal"
        self.reminder_lead = reminder_lead
        self.quiet_products = frozenset(quiet_products)
        self.clock = clock

    async def _record(
        self,
        uow: UnitOfWork,
        *,
        event_id: uuid.UUID,
        kind: MessageKind,
        customer_id: uuid.UUID,
        about_id: uuid.UUID | None,
        contact: Contact,
        facts: Facts,
        due_at: datetime | None = None,
        expires_at: datetime | None = None,
    ) -> bool:
        subject, body = compose(kind, contact.language, facts)
        return await service.record_message(
            uow=uow,
            event_id=event_id,
            kind=kind,
            customer_id=customer_id,
            about_id=about_id,
            recipient=contact.email,
            language=contact.language,
            subject=subject,
            body=body,
            due_at=due_at,
            expires_at=expires_at,
        )

    async def _booking_facts(
        self, uow: UnitOfWork, event: booking.BookingConfirmed | booking.BookingModified
    ) -> tuple[Contact, Facts] | None:
        if event.customer_id is None or event.product in self.quiet_products:
            return None
        contact = await contact_of(uow, event.customer_id)
        if contact is None:
            return None
        centre, zone = await _centre(uow, event.centre_id)
        try:
            reference = (await booking.get_booking(uow=uow, booking_id=event.booking_id)).reference
        except NotFound:
            reference = ""
        facts = Facts(
            brand=await brand_name(uow),
            who=contact.who,
            link=self.link,
            time_zone=zone,
            centre=centre,
            product=event.product,
            reference=reference,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
        )
        return contact, facts

    async def _remind(
        self,
        uow: UnitOfWork,
        event: booking.BookingConfirmed | booking.BookingModified,
        contact: Contact,
        facts: Facts,
    ) -> None:
        due = reminder_due_at(event.starts_at, lead=self.reminder_lead, now=self.clock())
        if due is None or event.customer_id is None:
            return
        await self._record(
            uow,
            event_id=event.event_id,
            kind=MessageKind.pickup_reminder,
            customer_id=event.customer_id,
            about_id=event.booking_id,
            contact=contact,
            facts=facts,
            due_at=due,
            expires_at=event.starts_at,
        )

    async def booking_confirmed(self, event: booking.BookingConfirmed, *, uow: UnitOfWork) -> None:
        found = await self._booking_facts(uow, event)
        if found is None or event.customer_id is None:
            return
        contact, facts = found
        await self._record(
            uow,
            event_id=event.event_id,
            kind=MessageKind.booking_confirmed,
            customer_id=event.customer_id,
            about_id=event.booking_id,
            contact=contact,
            facts=facts,
        )
        await self._remind(uow, event, contact, facts)

    async def booking_modified(self, event: booking.BookingModified, *, uow: UnitOfWork) -> None:
        """A moved booking moves its reminder: the old one is cancelled, a new one (keyed by
        this event) recorded if the booking is confirmed and the new time leaves room."""
        await service.cancel_reminders(uow=uow, about_id=event.booking_id)
        try:
            now = await booking.get_booking(uow=uow, booking_id=event.booking_id)
        except NotFound:
            return
        if now.status != booking.Status.confirmed:
            return
        found = await self._booking_facts(uow, event)
        if found is not None:
            await self._remind(uow, event, *found)

    async def booking_cancelled(self, event: booking.BookingCancelled, *, uow: UnitOfWork) -> None:
        await service.cancel_reminders(uow=uow, about_id=event.booking_id)

    async def appointment_booked(
        self, event: workshop.AppointmentBooked, *, uow: UnitOfWork
    ) -> None:
        contact = await contact_of(uow, event.customer_id)
        if contact is None:
            return
        centre, zone = await _centre(uow, event.centre_id)
        names = {s.code: (s.name_en, s.name_de) for s in await workshop.service_types(uow=uow)}
        facts = Facts(
            brand=await brand_name(uow),
            who=contact.who,
            link=self.link,
            time_zone=zone,
            centre=centre,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            services=tuple(names.get(code, (code, code)) for code in event.service_codes),
            courtesy_car=event.courtesy_booking_id is not None,
        )
        await self._record(
            uow,
            event_id=event.event_id,
            kind=MessageKind.appointment_booked,
            customer_id=event.customer_id,
            about_id=event.appointment_id,
            contact=contact,
            facts=facts,
        )

    async def invoice_issued(self, event: billing.InvoiceIssued, *, uow: UnitOfWork) -> None:
        contact = await contact_of(uow, event.customer_id)
        if contact is None:
            return
        try:
            total: Decimal | None = Decimal(event.total)
        except InvalidOperation:
            total = None
        facts = Facts(
            brand=await brand_name(uow),
            who=contact.who,
            link=self.link,
            number=event.number,
            total=total,
            currency=event.currency,
        )
        await self._record(
            uow,
            event_id=event.event_id,
            kind=MessageKind.invoice_issued,
            customer_id=event.customer_id,
            about_id=event.invoice_id,
            contact=contact,
            facts=facts,
        )

    async def customer_erased(self, event: identity.CustomerErased, *, uow: UnitOfWork) -> None:
        await service.forget_customer(uow=uow, account_id=event.account_id)


def event_handlers(
    *,
    base_url: str,
    reminder_lead: timedelta = DEFAULT_REMINDER_LEAD,
    quiet_products: Iterable[str] = QUIET_PRODUCTS,
) -> HandlerTable:
    """The notify domain's table: booking confirmed (and its reminder, moved with the
    booking, cancelled with it), appointment booked, invoice issued, customer erased."""
    notifier = Notifier(
        base_url=base_url, reminder_lead=reminder_lead, quiet_products=quiet_products
    )
    return {
        booking.BookingConfirmed: [notifier.booking_confirmed],
        booking.BookingModified: [notifier.booking_modified],
        booking.BookingCancelled: [notifier.booking_cancelled],
        workshop.AppointmentBooked: [notifier.appointment_booked],
        billing.InvoiceIssued: [notifier.invoice_issued],
        identity.CustomerErased: [notifier.customer_erased],
    }
