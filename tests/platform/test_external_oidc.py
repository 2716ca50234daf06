"""Tokens of an external OpenID Connect provider are accepted by configuration (its JWKS URL).

The provider here is real: an HTTP server on loopback publishing an RSA key set, as an
identity provider would; tokens are signed with its private key.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.conftest import assert_problem, client_for, make_brand, settings_for

ISSUER = "https://login.example-idp.test"


class Provider:
    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        self.jwks = {"keys": [{**public, "kid": "idp-1", "use": "sig", "alg": "RS256"}]}

    def token(self, **claims: object) -> str:
        now = int(time.time())
        body = {
            "iss": ISSUER,
            "sub": "user-42",
            "aud": "motorpool-demo",
            "iat": now,
            "exp": now + 300,
            "email": "ext@example.com",
            **claims,
        }
        return jwt.encode(body, self.key, algorithm="RS256", headers={"kid": "idp-1"})


@pytest.fixture(scope="module")
def provider() -> Iterator[tuple[Provider, str]]:
    idp = Provider()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            payload = json.dumps(idp.jwks).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield idp, f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    server.shutdown()


async def test_external_tokens_are_checked_against_the_providers_jwks(
    database_url, smtp_server, tmp_path, provider
) -> None:
    from motorpool.app import create_app
    from motorpool.platform.auth import Principal

    idp, jwks_url = provider
    settings = settings_for(
        database_url,
        tmp_path,
        smtp_server[1],
        oidc_issuer=ISSUER,
        oidc_jwks_url=jwks_url,
        oidc_audience="motorpool-demo",
    )
    application = create_app(settings)
    seen: list[Principal] = []

    async def whoami(request) -> dict[str, str]:  # a probe route for the test
        seen.append(request.state.principal)
        return {"subject": request.state.principal.subject}

    from fastapi import Request

    whoami.__annotations__["request"] = Request
    application.add_api_route("/test-only/whoami", whoami)
    async with application.router.lifespan_context(application):
        brand = await make_brand(application.state.uow_factory)
        async with client_for(application, brand) as client:
            good = await client.get(
                "/test-only/whoami",
                headers={"Authorization": f"Bearer {idp.token(motorpool_role='fleet_manager')}"},
            )
            assert good.status_code == 200, good.text
            assert good.json() == {"subject": f"{ISSUER}|user-42"}
            assert seen[-1].external
            assert seen[-1].role.value == "fleet_manager"
            assert seen[-1].tenant_id == brand.id
            for bad in (
                idp.token(aud="someone-else"),
                idp.token(exp=int(time.time()) - 3600),
                Provider().token(),  # signed by a key the provider never published
            ):
                answer = await client.get(
                    "/test-only/whoami", headers={"Authorization": f"Bearer {bad}"}
                )
                assert_problem(answer, 401, "unauthenticated")
            # an external subject has no account here: account routes refuse clearly
            me = await client.get(
                "/identity/me", headers={"Authorization": f"Bearer {idp.token()}"}
            )
            assert_problem(me, 401, "unauthenticated")
    assert uuid.UUID(str(brand.id))
