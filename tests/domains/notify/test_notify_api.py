"""Notify end to end: events of booking, workshop and billing become mails in the customer's
language on the real SMTP server; once per event (redelivered, or its handler run twice);
the pick-up reminder goes when due and not for a cancelled booking; who sees which
messages."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default
from email.utils import parseaddr
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from motorpool.domains import notify
from motorpool.platform.events import event_from_payload
from motorpool.platform.mail import FileMailer, SmtpMailer
from motorpool.platform.outbox import OutboxMessage, consume, subscriptions
from tests.conftest import assert_problem, free_port
from tests.domains.billing.factories import issue, line
from tests.domains.booking.factories import make_centre, make_resources
from tests.domains.notify.factories import (
    DiesAfterSending,
    ProcessDied,
    by_kind,
    confirmed_booking,
    dispatcher,
    make_customer,
    my_messages,
    wait_for_messages,
    wait_until_sent,
)
from tests.domains.workshop.factories import at, make_owner, make_workshop, workday

BERLIN = ZoneInfo("Europe/Berlin")
PICK_UP = "2027-02-01T09:00:00+01:00"  # a Monday, on the Berlin centre's clock
RETURN = "2027-02-03T17:00:00+01:00"
REMINDER_DUE = datetime(2027, 1, 31, 8, 0, tzinfo=UTC)  # 24 h before the pick-up


def after(moment: datetime, **delta: float):
    return lambda: moment + timedelta(**delta)


async def test_booking_confirmed_sends_one_english_mail(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_customer(client, make_account)
    made = await confirmed_booking(client, customer, car.id, PICK_UP, RETURN)
    messages = await wait_for_messages(client, customer, 2)
    [confirmation] = by_kind(messages, "booking_confirmed")
    [reminder] = by_kind(messages, "pickup_reminder")
    assert confirmation["about_id"] == made["id"]
    assert reminder["status"] == "pending"
    assert reminder["due_at"] == "2027-01-31T08:00:00Z"

    job = next(j for j in app.state.housekeeping.jobs if j.name == "notify-send")
    await app.state.housekeeping.run_once(job)  # the app's own job, as it runs every 3 s
    [mail] = await mailbox.wait_for(customer.email)
    assert mail.subject == "Your rental booking is confirmed"
    assert mail.language == "en"
    assert mail.text.startswith("Hello Anna Schmidt,")
    assert f"Booking: {made['reference']}" in mail.text
    assert "Pick-up: Monday, February 1, 2027 at 9:00\u202fAM" in mail.text
    assert "Return:  Wednesday, February 3, 2027 at 5:00\u202fPM" in mail.text
    assert "Test centre, Street 1, 10115 Berlin" in mail.text
    assert "(Europe/Berlin)" in mail.text
    assert "http://motorpool.test/portal" in mail.text

    await app.state.housekeeping.run_once(job)
    await asyncio.sleep(0.3)
    assert len(mailbox.to(customer.email)) == 1  # the reminder is not due for months
    sent = by_kind(await my_messages(client, customer), "booking_confirmed")
    assert sent[0]["status"] == "sent"
    assert sent[0]["sent_at"] is not None


async def test_german_customer_gets_german_text_and_dates(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_customer(client, make_account, locale="de", given_name="Jörg")
    made = await confirmed_booking(client, customer, car.id, PICK_UP, RETURN)
    await wait_for_messages(client, customer, 2)
    await dispatcher(app).send_due_for(brand.id)
    [mail] = await mailbox.wait_for(customer.email)
    assert f"Buchung:  {made['reference']}" in mail.text
    assert mail.subject == "Ihre Buchung (Miete) ist bestätigt"
    assert mail.language == "de"
    assert mail.text.startswith("Guten Tag Jörg Schmidt,")
    assert "Abholung: Montag, 1. Februar 2027 um 09:00 Uhr" in mail.text
    assert "Rückgabe: Mittwoch, 3. Februar 2027 um 17:00 Uhr" in mail.text
    assert "Ortszeit des Zentrums (Europe/Berlin)" in mail.text


async def test_a_centre_elsewhere_gives_times_on_its_own_clock(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_centre(uow_factory, brand, time_zone="America/New_York")
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_customer(client, make_account, locale="de")
    await confirmed_booking(
        client, customer, car.id, "2027-02-01T09:00:00-05:00", "2027-02-02T09:00:00-05:00"
    )
    await wait_for_messages(client, customer, 1)
    await dispatcher(app).send_due_for(brand.id)
    [mail] = await mailbox.wait_for(customer.email)
    assert "Abholung: Montag, 1. Februar 2027 um 09:00 Uhr" in mail.text
    assert "(America/New_York)" in mail.text


async def test_appointment_booked_mail_and_no_mail_for_its_bay_booking(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_workshop(uow_factory, brand, courtesy_cars=1)
    owner = await make_owner(uow_factory, brand, make_account)
    await client.patch("/identity/me", headers=owner.headers, json={"locale": "de"})
    day = workday()
    booked = await client.post(
        "/workshop/appointments",
        headers=owner.headers,
        json={
            "vehicle_id": str(owner.car.id),
            "centre_id": str(centre.id),
            "service_codes": ["inspection", "oil_service"],
            "starts_at": at(day, "09:00"),
            "wants_courtesy_car": True,
        },
    )
    assert booked.status_code == 201, booked.text
    [message] = await wait_for_messages(client, owner.account, 1)
    assert message["kind"] == "appointment_booked"
    assert message["about_id"] == booked.json()["id"]
    await dispatcher(app).send_due_for(brand.id)
    [mail] = await mailbox.wait_for(owner.account.email)
    assert mail.subject.startswith("Ihr Werkstatttermin am ")
    assert "Leistungen: Inspektion, Ölservice" in mail.text
    assert "Ein Ersatzfahrzeug ist für Sie reserviert." in mail.text
    assert "um 09:00 Uhr" in mail.text
    await asyncio.sleep(0.3)
    # the bay's and the courtesy car's BookingConfirmed were handled before the appointment's
    assert len(await my_messages(client, owner.account)) == 1
    assert len(mailbox.to(owner.account.email)) == 1


async def test_invoice_issued_mail_with_money_in_the_customers_format(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    customer = await make_customer(client, make_account, locale="de")
    invoice = await issue(uow_factory, brand, customer.id, [line("1037.45")])
    [message] = await wait_for_messages(client, customer, 1)
    assert message["kind"] == "invoice_issued"
    assert message["about_id"] == str(invoice.id)
    await dispatcher(app).send_due_for(brand.id)
    [mail] = await mailbox.wait_for(customer.email)
    assert mail.subject == f"Ihre Rechnung {invoice.number}"
    assert "Gesamtbetrag: 1.234,57\xa0€" in mail.text  # 1,037.45 + 19 % VAT

    english = await make_customer(client, make_account)
    await issue(uow_factory, brand, english.id, [line("1037.45")])
    await wait_for_messages(client, english, 1)
    await dispatcher(app).send_due_for(brand.id)
    [mail] = await mailbox.wait_for(english.email)
    assert "Total: €1,234.57" in mail.text


async def test_a_redelivered_event_sends_one_mail(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_customer(client, make_account)
    made = await confirmed_booking(client, customer, car.id, PICK_UP, RETURN)
    await wait_for_messages(client, customer, 2)
    async with uow_factory(tenant_id=brand.id) as uow:
        rows = (
            await uow.session.execute(
                select(OutboxMessage).where(
                    OutboxMessage.tenant_id == brand.id,
                    OutboxMessage.name == "booking.BookingConfirmed",
                )
            )
        ).scalars()
        [confirmed] = [r for r in rows if r.payload["booking_id"] == made["id"]]
        event = event_from_payload(confirmed.name, confirmed.payload)
    table = notify.event_handlers(base_url="http://motorpool.test")
    [sub] = [s for s in subscriptions([table]) if s.event_name == "booking.BookingConfirmed"]
    assert not await consume(sub, event, uow_factory)  # the relay delivers it again: inbox
    notifier = notify.Notifier(base_url="http://motorpool.test")
    for _ in range(2):  # the handler itself, run again past the inbox: the unique key
        async with uow_factory(tenant_id=brand.id, write=True) as uow:
            await notifier.booking_confirmed(event, uow=uow)  # type: ignore[arg-type]
            await uow.commit()
    assert len(await my_messages(client, customer)) == 2  # confirmation and reminder
    await dispatcher(app).send_due_for(brand.id)
    await dispatcher(app).send_due_for(brand.id)
    await mailbox.wait_for(customer.email)
    await asyncio.sleep(0.3)
    assert len(mailbox.to(customer.email)) == 1


async def test_reminder_goes_when_due_and_not_for_a_cancelled_booking(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_centre(uow_factory, brand)
    first_car, second_car = await make_resources(uow_factory, brand, centre.id, 2)
    keeps = await make_customer(client, make_account)
    cancels = await make_customer(client, make_account, locale="de")
    await confirmed_booking(client, keeps, first_car.id, PICK_UP, RETURN)
    gone = await confirmed_booking(client, cancels, second_car.id, PICK_UP, RETURN)
    await wait_for_messages(client, keeps, 2)
    await wait_for_messages(client, cancels, 2)
    cancelled = await client.post(f"/booking/bookings/{gone['id']}/cancel", headers=cancels.headers)
    assert cancelled.status_code == 200, cancelled.text
    await dispatcher(app).send_due_for(brand.id)  # now: the two confirmations
    await wait_until_sent(client, keeps, "booking_confirmed")
    await wait_until_sent(client, cancels, "booking_confirmed")

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while by_kind(await my_messages(client, cancels), "pickup_reminder"):
        assert loop.time() < deadline, "the cancellation did not reach notify"
        await asyncio.sleep(0.05)

    early = dispatcher(app, clock=after(REMINDER_DUE, minutes=-1))
    assert await early.send_due_for(brand.id) == 0
    due = dispatcher(app, clock=after(REMINDER_DUE, minutes=1))
    assert await due.send_due_for(brand.id) == 1
    mails = await mailbox.wait_for(keeps.email, 2)
    assert mails[1].subject == "Reminder: your rental starts Monday, February 1, 2027 at 9:00 AM"
    assert "Please bring your driving licence." in mails[1].text
    await asyncio.sleep(0.3)
    assert len(mailbox.to(cancels.email)) == 1  # the confirmation only
    assert await due.send_due_for(brand.id) == 0


async def test_a_reminder_moves_with_its_booking_and_expires_after_the_pick_up(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_customer(client, make_account)
    made = await confirmed_booking(client, customer, car.id, PICK_UP, RETURN)
    await wait_for_messages(client, customer, 2)
    await dispatcher(app).send_due_for(brand.id)
    await wait_until_sent(client, customer, "booking_confirmed")
    moved = await client.patch(
        f"/booking/bookings/{made['id']}",
        headers=customer.headers,
        json={"starts_at": "2027-02-08T09:00:00+01:00", "ends_at": "2027-02-09T09:00:00+01:00"},
    )
    assert moved.status_code == 200, moved.text
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while True:
        [reminder] = by_kind(await my_messages(client, customer), "pickup_reminder")
        if reminder["due_at"] == "2027-02-07T08:00:00Z":
            break
        assert loop.time() < deadline, reminder
        await asyncio.sleep(0.05)
    assert "Monday, February 8, 2027" in reminder["subject"]
    assert await dispatcher(app, clock=after(REMINDER_DUE, minutes=1)).send_due_for(brand.id) == 0
    # the dispatcher was down past the pick-up: the reminder expires instead of going out
    late = dispatcher(app, clock=lambda: datetime(2027, 2, 8, 9, 30, tzinfo=UTC))
    assert await late.send_due_for(brand.id) == 0
    assert by_kind(await my_messages(client, customer), "pickup_reminder") == []


async def test_who_sees_which_messages(
    client, uow_factory, brand, make_account, other_client
) -> None:
    customer = await make_customer(client, make_account)
    stranger = await make_customer(client, make_account)
    staff = await make_account(role="dealer_staff")
    await issue(uow_factory, brand, customer.id, [line("10.00")])
    await wait_for_messages(client, customer, 1)
    assert await my_messages(client, stranger) == []
    assert_problem(
        await client.get("/notify/admin/messages", headers=customer.headers), 403, "forbidden"
    )
    listed = await client.get(
        "/notify/admin/messages",
        headers=staff.headers,
        params={"customer_id": str(customer.id), "kind": "invoice_issued"},
    )
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert item["customer_id"] == str(customer.id)
    assert item["recipient"] == customer.email
    assert item["attempts"] == 0
    none = await client.get(
        "/notify/admin/messages",
        headers=staff.headers,
        params={"customer_id": str(stranger.id)},
    )
    assert none.json()["total"] == 0
    assert_problem(await other_client.get("/notify/admin/messages", headers=staff.headers), 401)
    assert_problem(await client.get("/notify/messages"), 401)


async def test_a_dispatcher_that_dies_after_claiming_is_taken_over(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    customer, _ = await reminder_pending(app, client, uow_factory, brand, make_account)
    crashed = dispatcher(app, clock=after(REMINDER_DUE, minutes=1))
    [claimed] = await crashed.claim(brand.id)  # ... and the process dies here
    assert claimed.kind == "pickup_reminder"
    [reminder] = by_kind(await my_messages(client, customer), "pickup_reminder")
    assert reminder["status"] == "sending"
    # another dispatcher while the claim holds: leaves it alone
    assert await dispatcher(app, clock=after(REMINDER_DUE, minutes=2)).send_due_for(brand.id) == 0
    # after the claim lapsed: sent, once
    later = dispatcher(app, clock=after(REMINDER_DUE, minutes=7))
    assert await later.send_due_for(brand.id) == 1
    mails = await mailbox.wait_for(customer.email, 2)
    assert mails[1].subject.startswith("Reminder:")
    assert await later.send_due_for(brand.id) == 0
    [reminder] = by_kind(await my_messages(client, customer), "pickup_reminder")
    assert reminder["status"] == "sent"
    await asyncio.sleep(0.3)
    assert len(mailbox.to(customer.email)) == 2


async def test_an_smtp_failure_is_retried_later_and_shown_to_staff(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    customer, staff = await reminder_pending(app, client, uow_factory, brand, make_account)
    nobody = SmtpMailer(f"smtp://127.0.0.1:{free_port()}", "shop@motorpool.test")
    refused = dispatcher(app, mailer=nobody, clock=after(REMINDER_DUE, minutes=1))
    assert await refused.send_due_for(brand.id) == 0  # nothing listens on that port
    listed = await client.get(
        "/notify/admin/messages",
        headers=staff.headers,
        params={"customer_id": str(customer.id), "kind": "pickup_reminder"},
    )
    [item] = listed.json()["items"]
    assert (item["status"], item["attempts"]) == ("pending", 1)
    assert "Connect" in item["last_error"]
    assert item["due_at"] == "2027-01-31T08:02:00Z"  # tried again a minute later
    assert await dispatcher(app, clock=after(REMINDER_DUE, minutes=1)).send_due_for(brand.id) == 0
    retried = dispatcher(app, clock=after(REMINDER_DUE, minutes=3))
    assert await retried.send_due_for(brand.id) == 1
    mails = await mailbox.wait_for(customer.email, 2)
    assert mails[1].subject.startswith("Reminder:")


async def test_a_crash_after_the_server_took_the_mail_resends_it_with_the_same_message_id(
    app, client, uow_factory, brand, make_account, tmp_path
) -> None:
    customer, _ = await reminder_pending(app, client, uow_factory, brand, make_account)
    sender = app.state.settings.mail_from
    dying = dispatcher(
        app, mailer=DiesAfterSending(tmp_path, sender), clock=after(REMINDER_DUE, minutes=1)
    )
    with pytest.raises(ProcessDied):
        await dying.send_due_for(brand.id)
    again = dispatcher(
        app, mailer=FileMailer(tmp_path, sender), clock=after(REMINDER_DUE, minutes=10)
    )
    assert await again.send_due_for(brand.id) == 1
    assert await again.send_due_for(brand.id) == 0
    copies = sorted(tmp_path.glob("*.eml"))
    assert len(copies) == 2  # the one case of two copies: sent, then died before the mark
    parsed = [message_from_bytes(p.read_bytes(), policy=default) for p in copies]
    [reminder] = by_kind(await my_messages(client, customer), "pickup_reminder")
    assert reminder["status"] == "sent"
    assert {m["Message-ID"] for m in parsed} == {
        f"<notify.{reminder['id']}@{sender_domain(sender)}>"
    }


def sender_domain(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2]


async def reminder_pending(app, client, uow_factory, brand, make_account):
    """A customer whose confirmation went out and whose pick-up reminder waits (due
    2027-01-31 08:00 UTC: the app's own job never sees it due), and a staff member."""
    centre = await make_centre(uow_factory, brand)
    [car] = await make_resources(uow_factory, brand, centre.id)
    customer = await make_customer(client, make_account)
    staff = await make_account(role="dealer_staff")
    await confirmed_booking(client, customer, car.id, PICK_UP, RETURN)
    await wait_for_messages(client, customer, 2)
    await dispatcher(app).send_due_for(brand.id)
    await wait_until_sent(client, customer, "booking_confirmed")
    return customer, staff


async def test_an_erased_customer_loses_address_and_texts_and_gets_no_reminder(
    app, client, uow_factory, brand, make_account, mailbox
) -> None:
    customer, staff = await reminder_pending(app, client, uow_factory, brand, make_account)
    erased = await client.post(
        "/identity/me/erase", headers=customer.headers, json={"password": customer.password}
    )
    assert erased.status_code == 204, erased.text
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while True:
        listed = await client.get(
            "/notify/admin/messages",
            headers=staff.headers,
            params={"customer_id": str(customer.id)},
        )
        items = listed.json()["items"]
        if all(m["recipient"] == "" for m in items):
            break
        assert loop.time() < deadline, items
        await asyncio.sleep(0.05)
    assert {(m["kind"], m["status"]) for m in items} == {
        ("booking_confirmed", "sent"),
        ("pickup_reminder", "cancelled"),
    }
    assert all(m["subject"] == m["body"] == "" for m in items)
    due = dispatcher(app, clock=after(REMINDER_DUE, minutes=1))
    assert await due.send_due_for(brand.id) == 0
    assert len(mailbox.to(customer.email)) == 1
