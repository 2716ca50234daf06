"""Registration, verification, sign-in, refresh rotation, sign-out and reset, over HTTP."""

from __future__ import annotations

import re
import uuid

import httpx

from tests.conftest import PASSWORD, Mailbox, assert_problem


def token_in(text: str) -> str:
    match = re.search(r"token=([A-Za-z0-9_\-]+)", text)
    assert match, text
    return match.group(1)


async def register_and_verify(client: httpx.AsyncClient, mailbox: Mailbox, email: str) -> None:
    answer = await client.post(
        "/identity/customers", json={"email": email, "password": PASSWORD, "locale": "de"}
    )
    assert answer.status_code == 202, answer.text
    mail = (await mailbox.wait_for(email))[0]
    assert mail.language == "de"
    assert "Bestätigen" in mail.subject
    verified = await client.post("/identity/auth/verify-email", json={"token": token_in(mail.text)})
    assert verified.status_code == 204, verified.text


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post("/identity/auth/login", json={"email": email, "password": password})


async def test_register_verify_sign_in_and_see_my_profile(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    email = f"anna-{uuid.uuid4().hex[:6]}@example.com"
    await register_and_verify(client, mailbox, email)
    answer = await login(client, email.upper())
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    assert tokens["token_type"] == "Bearer"
    assert 0 < tokens["expires_in"] <= 900
    me = await client.get(
        "/identity/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["email"] == email
    assert me.json()["status"] == "active"
    assert me.json()["locale"] == "de"


async def test_unverified_customer_cannot_sign_in(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    email = f"late-{uuid.uuid4().hex[:6]}@example.com"
    await client.post("/identity/customers", json={"email": email, "password": PASSWORD})
    assert_problem(await login(client, email), 403, "email-not-verified")


async def test_registering_a_taken_email_looks_the_same_and_tells_the_owner(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    email = f"twice-{uuid.uuid4().hex[:6]}@example.com"
    first = await client.post("/identity/customers", json={"email": email, "password": PASSWORD})
    second = await client.post(
        "/identity/customers", json={"email": email, "password": "another-long-password-9"}
    )
    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    mails = await mailbox.wait_for(email, count=2)
    assert {m.subject for m in mails} == {
        "Confirm your email address",
        "You already have an account",
    }


async def test_weak_and_common_passwords_are_refused(client: httpx.AsyncClient) -> None:
    for password in ("short", "password123", "qwertyuiop"):
        answer = await client.post(
            "/identity/customers", json={"email": "weak@example.com", "password": password}
        )
        assert_problem(answer, 422, "weak-password")


async def test_wrong_password_and_unknown_email_answer_alike(
    client: httpx.AsyncClient, make_account
) -> None:
    account = await make_account()
    wrong = await login(client, account.email, "not-the-password-at-all")
    unknown = await login(client, f"nobody-{uuid.uuid4().hex[:6]}@example.com")
    for answer in (wrong, unknown):
        assert_problem(answer, 401, "invalid-credentials")
    strip = {"request_id"}
    assert {k: v for k, v in wrong.json().items() if k not in strip} == {
        k: v for k, v in unknown.json().items() if k not in strip
    }


async def test_lockout_after_repeated_failures_known_or_not(
    client: httpx.AsyncClient, make_account
) -> None:
    account = await make_account()
    stranger = f"ghost-{uuid.uuid4().hex[:6]}@example.com"
    for email in (account.email, stranger):
        for _ in range(5):
            assert_problem(await login(client, email, "wrong-password-guess"), 401)
        locked = await login(client, email, account.password)
        body = assert_problem(locked, 429, "sign-in-locked")
        assert int(locked.headers["retry-after"]) > 0
        assert body["status"] == 429


async def test_refresh_rotates_and_reuse_ends_the_session(
    client: httpx.AsyncClient, make_account
) -> None:
    account = await make_account()
    first = await client.post(
        "/identity/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    assert first.status_code == 200, first.text
    rotated = first.json()
    assert rotated["refresh_token"] != account.refresh_token
    reused = await client.post(
        "/identity/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    assert_problem(reused, 401, "invalid-refresh-token")
    # the theft response revoked the whole grant: the new tokens are dead too
    after = await client.post(
        "/identity/auth/refresh", json={"refresh_token": rotated["refresh_token"]}
    )
    assert_problem(after, 401, "invalid-refresh-token")
    me = await client.get(
        "/identity/me", headers={"Authorization": f"Bearer {rotated['access_token']}"}
    )
    assert_problem(me, 401, "unauthenticated")


async def test_logout_takes_effect_on_the_server(client: httpx.AsyncClient, make_account) -> None:
    account = await make_account()
    assert (await client.get("/identity/me", headers=account.headers)).status_code == 200
    assert (await client.post("/identity/auth/logout", headers=account.headers)).status_code == 204
    assert_problem(await client.get("/identity/me", headers=account.headers), 401)
    refreshed = await client.post(
        "/identity/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    assert_problem(refreshed, 401)


async def test_password_reset_same_answer_and_it_ends_sessions(
    client: httpx.AsyncClient, make_account, mailbox: Mailbox
) -> None:
    account = await make_account()
    known = await client.post("/identity/auth/password-reset", json={"email": account.email})
    unknown = await client.post(
        "/identity/auth/password-reset", json={"email": f"x-{uuid.uuid4().hex[:6]}@example.com"}
    )
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    mail = (await mailbox.wait_for(account.email))[0]
    token = token_in(mail.text)
    new_password = "a-brand-new-passphrase-77"
    done = await client.post(
        "/identity/auth/password-reset/confirm", json={"token": token, "new_password": new_password}
    )
    assert done.status_code == 204, done.text
    again = await client.post(
        "/identity/auth/password-reset/confirm", json={"token": token, "new_password": new_password}
    )
    assert_problem(again, 400, "invalid-token")
    assert_problem(await client.get("/identity/me", headers=account.headers), 401)
    assert_problem(await login(client, account.email), 401, "invalid-credentials")
    assert (await login(client, account.email, new_password)).status_code == 200
