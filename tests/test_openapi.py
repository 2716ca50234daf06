"""OpenAPI describes every route, with its problem+json error answers."""

from __future__ import annotations

import httpx


async def test_every_operation_documents_its_errors(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert spec["info"]["title"] == "Motorpool"
    missing = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            errors = [code for code in operation["responses"] if code.startswith(("4", "5"))]
            if not errors:
                missing.append(f"{method.upper()} {path}")
            for code in errors:
                content = operation["responses"][code].get("content", {})
                if "application/problem+json" not in content:
                    missing.append(f"{method.upper()} {path} {code}")
    assert not missing, missing
    assert "/identity/auth/login" in spec["paths"]
    assert "/dealers/centres" in spec["paths"]
