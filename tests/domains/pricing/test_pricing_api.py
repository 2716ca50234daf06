"""Pricing through the HTTP API and its face: rate plans, quotes for anyone, who sees a
quote, vouchers, accepting a quote (and an expired one changing nothing), settling."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import func, select

from motorpool.domains import pricing
from motorpool.domains.pricing.tables import QuoteRow, VoucherRow
from motorpool.platform.outbox import OutboxMessage
from tests.conftest import assert_problem
from tests.domains.pricing.factories import D, make_quote, make_voucher, rates


def later(days: int = 10, hour: int = 10) -> datetime:
    """A Wednesday ``days`` or more ahead, ``hour`` o'clock UTC."""
    day = datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    day += timedelta(days=days)
    while day.weekday() != 2:
        day += timedelta(days=1)
    return day


def body(**changes: object) -> dict[str, object]:
    start = later()
    values: dict[str, object] = {
        "product": "rental",
        "market": "DE",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(days=2)).isoformat(),
    }
    values.update(changes)
    return values


async def outbox_count(uow_factory, brand, name: str) -> int:
    async with uow_factory(tenant_id=brand.id) as uow:
        return (
            await uow.session.execute(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.tenant_id == brand.id, OutboxMessage.name == name)
            )
        ).scalar_one()


async def test_rate_plans_are_public_and_filtered(client: httpx.AsyncClient) -> None:
    answer = await client.get("/pricing/rate-plans", params={"product": "rental", "market": "ch"})
    assert answer.status_code == 200, answer.text
    [plan] = answer.json()
    assert plan["currency"] == "CHF"
    assert plan["tax_rate"] == "8.1"
    assert plan["unit"] == "day"
    assert plan["unit_price"] == {"amount": "209.00", "currency": "CHF"}
    assert plan["extra_km_price"] == {"amount": "0.55", "currency": "CHF"}
    assert {o["code"] for o in plan["options"]} == {"extra_driver", "insurance_full", "child_seat"}
    everything = (await client.get("/pricing/rate-plans")).json()
    assert len(everything) == len(rates())
    assert (await client.get("/pricing/rate-plans", params={"market": "ZZ"})).json() == []


async def test_an_anonymous_quote_lists_every_line_and_adds_up(client: httpx.AsyncClient) -> None:
    answer = await client.post("/pricing/quotes", json=body(options=["extra_driver", "child_seat"]))
    assert answer.status_code == 201, answer.text
    quote = answer.json()
    assert quote["status"] == "open"
    assert quote["customer_id"] is None
    assert quote["currency"] == "EUR"
    assert [(x["code"], x["quantity"], x["amount"]["amount"]) for x in quote["lines"]] == [
        ("days", "2", "378.00"),
        ("option:extra_driver", "2", "30.00"),
        ("option:child_seat", "1", "12.00"),
    ]
    assert quote["lines"][0]["unit_price"] == {"amount": "189.00", "currency": "EUR"}
    assert quote["net"] == {"amount": "420.00", "currency": "EUR"}
    assert quote["taxes"] == [
        {
            "rate": "19",
            "base": {"amount": "420.00", "currency": "EUR"},
            "amount": {"amount": "79.80", "currency": "EUR"},
        }
    ]
    assert quote["total"] == {"amount": "499.80", "currency": "EUR"}
    assert quote["deposit"] == {"amount": "1500.00", "currency": "EUR"}
    assert quote["included_km"] == 500
    assert quote["extra_km_price"] == {"amount": "0.49", "currency": "EUR"}
    expires = datetime.fromisoformat(quote["expires_at"])
    assert timedelta(minutes=29) < expires - datetime.now(UTC) <= timedelta(minutes=30)
    again = await client.get(f"/pricing/quotes/{quote['id']}")
    assert again.status_code == 200
    assert again.json() == quote


async def test_quotes_in_other_markets_use_their_currency_and_vat(client) -> None:
    gb = (await client.post("/pricing/quotes", json=body(market="GB"))).json()
    assert (gb["currency"], gb["net"]["amount"], gb["total"]["amount"]) == (
        "GBP",
        "330.00",
        "396.00",
    )
    us = (await client.post("/pricing/quotes", json=body(market="US"))).json()
    assert (us["currency"], us["total"]["amount"], us["taxes"][0]["rate"]) == ("USD", "398.00", "0")
    start = later()
    drive = (
        await client.post(
            "/pricing/quotes",
            json=body(
                product="testdrive",
                market="AT",
                ends_at=(start + timedelta(hours=1)).isoformat(),
            ),
        )
    ).json()
    assert drive["total"] == {"amount": "0.00", "currency": "EUR"}
    assert [x["code"] for x in drive["lines"]] == ["hours"]


async def test_a_bad_quote_request_is_a_problem_and_stores_nothing(
    client, uow_factory, brand
) -> None:
    start = later()
    cases = [
        (body(product="boat"), "no-rate-plan"),
        (body(market="FR"), "no-rate-plan"),
        (body(market="XX"), "no-rate-plan"),
        (body(options=["roof_box"]), "unknown-option"),
        (body(ends_at=start.isoformat()), "invalid-period"),
        (body(voucher="NOPE-123"), "voucher-not-valid"),
        (body(starts_at="2027-03-01T10:00:00"), "validation-error"),
        (body(unit_price="1"), "validation-error"),
    ]
    for request, slug in cases:
        assert_problem(await client.post("/pricing/quotes", json=request), 422, slug)
    assert await quote_rows(uow_factory, brand) == 0


async def quote_rows(uow_factory, brand) -> int:
    async with uow_factory(tenant_id=brand.id) as uow:
        return (await uow.session.execute(select(func.count()).select_from(QuoteRow))).scalar_one()


async def test_a_customers_quote_is_theirs_and_staffs_to_see(
    client, make_account, uow_factory, brand
) -> None:
    alice, bob = await make_account(), await make_account()
    staff = await make_account(role="dealer_staff")
    made = await client.post("/pricing/quotes", json=body(), headers=alice.headers)
    assert made.status_code == 201, made.text
    quote = made.json()
    assert quote["customer_id"] == str(alice.id)
    path = f"/pricing/quotes/{quote['id']}"
    assert (await client.get(path, headers=alice.headers)).status_code == 200
    assert (await client.get(path, headers=staff.headers)).status_code == 200
    assert_problem(await client.get(path, headers=bob.headers), 404, "quote-not-found")
    assert_problem(await client.get(path), 404, "quote-not-found")
    assert_problem(await client.get(f"/pricing/quotes/{uuid.uuid4()}"), 404, "quote-not-found")
    # a signed-in member of staff quoting is not a customer
    by_staff = (await client.post("/pricing/quotes", json=body(), headers=staff.headers)).json()
    assert by_staff["customer_id"] is None


async def test_another_brand_never_sees_a_quote(client, other_client) -> None:
    quote = (await client.post("/pricing/quotes", json=body())).json()
    assert_problem(await other_client.get(f"/pricing/quotes/{quote['id']}"), 404, "quote-not-found")


async def test_a_retried_quote_with_the_same_key_is_the_same_quote(
    client, uow_factory, brand
) -> None:
    headers = {"Idempotency-Key": f"quote-{uuid.uuid4()}"}
    first = await client.post("/pricing/quotes", json=body(), headers=headers)
    again = await client.post("/pricing/quotes", json=body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert await quote_rows(uow_factory, brand) == 1
    other = await client.post("/pricing/quotes", json=body(market="AT"), headers=headers)
    assert_problem(other, 422, "idempotency-key-reused")


async def test_vouchers_are_made_by_staff_and_take_off_the_price(
    client, make_account, uow_factory, brand
) -> None:
    fleet = await make_account(role="fleet_manager")
    customer = await make_account()
    now = datetime.now(UTC)
    voucher = {
        "code": "welcome25",
        "kind": "fixed",
        "value": "25",
        "currency": "EUR",
        "valid_from": (now - timedelta(hours=1)).isoformat(),
        "valid_until": (now + timedelta(days=7)).isoformat(),
        "max_uses": 100,
        "products": ["rental"],
    }
    assert_problem(
        await client.post("/pricing/vouchers", json=voucher, headers=customer.headers), 403
    )
    assert_problem(await client.post("/pricing/vouchers", json=voucher), 401)
    made = await client.post("/pricing/vouchers", json=voucher, headers=fleet.headers)
    assert made.status_code == 201, made.text
    assert (made.json()["code"], made.json()["value"], made.json()["uses"]) == (
        "WELCOME25",
        "25",
        0,
    )
    twice = await client.post("/pricing/vouchers", json=voucher, headers=fleet.headers)
    assert_problem(twice, 409, "voucher-exists")
    nonsense = {**voucher, "code": "HALF", "kind": "percent", "value": "50"}  # has a currency
    assert_problem(
        await client.post("/pricing/vouchers", json=nonsense, headers=fleet.headers),
        422,
        "invalid-voucher",
    )

    quote = (await client.post("/pricing/quotes", json=body(voucher="Welcome25"))).json()
    assert quote["lines"][-1]["code"] == "voucher"
    assert quote["lines"][-1]["amount"] == {"amount": "-25.00", "currency": "EUR"}
    assert quote["net"]["amount"] == "353.00"  # 2 days at 189, less 25
    assert quote["total"]["amount"] == "420.07"  # 353 + 19 %
    # not for subscriptions, not in francs
    assert_problem(
        await client.post("/pricing/quotes", json=body(voucher="WELCOME25", market="CH")),
        422,
        "voucher-not-valid",
    )
    assert_problem(
        await client.post(
            "/pricing/quotes",
            json=body(
                voucher="WELCOME25",
                product="subscription",
                ends_at=(later() + timedelta(days=60)).isoformat(),
            ),
        ),
        422,
        "voucher-not-valid",
    )


async def test_a_voucher_is_only_good_at_its_own_brand(
    client, other_client, uow_factory, brand
) -> None:
    await make_voucher(uow_factory, brand, "OURS10")
    ours = (await client.post("/pricing/quotes", json=body(voucher="OURS10"))).json()
    assert ours["lines"][-1]["amount"]["amount"] == "-37.80"
    assert_problem(
        await other_client.post("/pricing/quotes", json=body(voucher="OURS10")),
        422,
        "voucher-not-valid",
    )


async def test_an_expired_voucher_is_refused(client, uow_factory, brand) -> None:
    now = datetime.now(UTC)
    await make_voucher(
        uow_factory,
        brand,
        "OLD10",
        valid_from=now - timedelta(days=30),
        valid_until=now - timedelta(days=1),
    )
    answer = await client.post("/pricing/quotes", json=body(voucher="OLD10"))
    problem = assert_problem(answer, 422, "voucher-not-valid")
    assert "not valid at this time" in str(problem["detail"])


async def test_accepting_locks_the_price_for_one_booking_and_uses_the_voucher(
    client, make_account, uow_factory, brand
) -> None:
    staff = await make_account(role="dealer_staff")
    await make_voucher(uow_factory, brand, "ONCE", max_uses=1)
    quote = (await client.post("/pricing/quotes", json=body(voucher="ONCE"))).json()
    second = (await client.post("/pricing/quotes", json=body(voucher="ONCE"))).json()
    booking, other = str(uuid.uuid4()), str(uuid.uuid4())
    accept = f"/pricing/quotes/{quote['id']}/accept"
    assert_problem(await client.post(accept, json={"booking_id": booking}), 401)
    answer = await client.post(accept, json={"booking_id": booking}, headers=staff.headers)
    assert answer.status_code == 200, answer.text
    accepted = answer.json()
    assert (accepted["status"], accepted["accepted_booking_id"]) == ("accepted", booking)
    assert accepted["total"] == quote["total"]
    again = await client.post(accept, json={"booking_id": booking}, headers=staff.headers)
    assert again.status_code == 200
    assert again.json() == accepted
    assert_problem(
        await client.post(accept, json={"booking_id": other}, headers=staff.headers),
        409,
        "quote-already-accepted",
    )
    assert await outbox_count(uow_factory, brand, pricing.QuoteAccepted.name) == 1
    # the voucher had one use: the other quote made with it can no longer be accepted
    assert_problem(
        await client.post(
            f"/pricing/quotes/{second['id']}/accept",
            json={"booking_id": other},
            headers=staff.headers,
        ),
        422,
        "voucher-not-valid",
    )
    async with uow_factory(tenant_id=brand.id) as uow:
        uses = (await uow.session.execute(select(VoucherRow.uses))).scalar_one()
    assert uses == 1


async def test_an_expired_quote_cannot_be_accepted_and_nothing_changes(
    client, make_account, uow_factory, brand
) -> None:
    staff = await make_account(role="dealer_staff")
    await make_voucher(uow_factory, brand, "SPRING10")
    quote = await make_quote(
        uow_factory,
        brand,
        starts_at=later(),
        voucher="SPRING10",
        now=datetime.now(UTC) - timedelta(minutes=31),
    )
    path = f"/pricing/quotes/{quote.id}"
    before = (await client.get(path)).json()
    assert before["status"] == "expired"
    answer = await client.post(
        f"{path}/accept", json={"booking_id": str(uuid.uuid4())}, headers=staff.headers
    )
    problem = assert_problem(answer, 409, "quote-expired")
    assert "expired at" in str(problem["detail"])
    assert (await client.get(path)).json() == before
    assert await outbox_count(uow_factory, brand, pricing.QuoteAccepted.name) == 0
    async with uow_factory(tenant_id=brand.id) as uow:
        assert (await uow.session.execute(select(VoucherRow.uses))).scalar_one() == 0
        # through the face, the same refusal
        try:
            await pricing.accept_quote(uow=uow, quote_id=quote.id, booking_id=uuid.uuid4())
        except pricing.QuoteExpired:
            pass
        else:
            raise AssertionError("an expired quote was accepted")


async def test_a_returned_car_is_settled_by_the_quoted_terms(uow_factory, brand) -> None:
    book = rates()
    quote = await make_quote(uow_factory, brand, hours=48)  # 500 km included
    async with uow_factory(tenant_id=brand.id, write=True) as uow:
        try:
            await pricing.settle(
                uow=uow,
                rates=book,
                quote_id=quote.id,
                driven_km=600,
                returned_late_by=timedelta(0),
                energy_shortfall_percent=0,
            )
        except pricing.QuoteNotAccepted:
            pass
        else:
            raise AssertionError("a quote no booking accepted was settled")
        await pricing.accept_quote(uow=uow, quote_id=quote.id, booking_id=uuid.uuid4())
        await uow.commit()
    async with uow_factory(tenant_id=brand.id) as uow:
        none = await pricing.settle(
            uow=uow,
            rates=book,
            quote_id=quote.id,
            driven_km=480,
            returned_late_by=timedelta(minutes=20),
            energy_shortfall_percent=0,
        )
        extra = await pricing.settle(
            uow=uow,
            rates=book,
            quote_id=quote.id,
            driven_km=612,
            returned_late_by=timedelta(minutes=95),
            energy_shortfall_percent=20,
        )
    assert none == []
    assert [(x.code, x.quantity, x.amount.amount) for x in extra] == [
        ("extra_km", D(112), D("54.88")),
        ("late_return", D(2), D("94.50")),
        ("refuel_fee", D(1), D("25.00")),
        ("energy_shortfall", D(20), D("18.00")),
    ]
    assert {x.tax_rate for x in extra} == {D(19)}
    assert pricing.totals(extra, "EUR", "DE").total.amount == D("228.93")  # 192.38 net + 36.55 VAT
