"""Hostile query and path parameters: control characters in any text parameter, and integers past any bound, are
refused with a one-line 422 on SQLite and PostgreSQL, and no answer tells where the store is."""

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from conflictlens.config import Settings
from conflictlens.server.api import create_app

from .conftest import fill

CONTROLS = ["\x00", "a\x00b", "\x01", "x\x1by", "\x7f\x08"]  # NUL, SOH, ESC, a backspace after DEL
HUGE = [2**63, 2**63 - 1 + 10**9, 10**30, -(2**63) - 1]


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    fill(store_url, 4)
    with TestClient(create_app(Settings(db=store_url)), raise_server_exceptions=False) as client:
        yield client


def leaks(store_url: str) -> list[str]:
    """What no answer may hold: where the store is, who connects to it, and Python's insides."""
    secrets = ["Traceback", "sqlalchemy", "psycopg", "sqlite3", str(store_url)]
    if "://" in store_url:
        url = make_url(store_url)
        secrets += [url.username or "", url.database or "", str(url.query.get("host", "")), str(url.port or "")]
    return [s for s in secrets if s]


def assert_refused(response, status: int, store_url: str) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, (response.request.url, response.status_code, response.text)
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail, detail
    assert not [s for s in leaks(store_url) if s in response.text], response.text
    return detail


def test_control_characters_and_huge_integers_in_any_parameter_are_refused_in_one_line(client, store_url):
    operations = client.get("/openapi.json").json()["paths"]
    checked = 0
    for path, methods in operations.items():
        if "get" not in methods:
            continue
        parameters = [p for p in methods["get"].get("parameters", []) if p["in"] in {"query", "path"}]
        filled = {p["name"]: "x" for p in parameters if p["in"] == "path"}
        for parameter in parameters:
            for value in CONTROLS:
                if parameter["in"] == "path":
                    response = client.get(path.format(**{**filled, parameter["name"]: quote(value)}))
                else:
                    response = client.get(path.format(**filled), params={parameter["name"]: value})
                assert_refused(response, 422, store_url)
                checked += 1
        for name in ("limit", "offset"):
            if any(p["name"] == name for p in parameters):
                for value in HUGE:
                    detail = assert_refused(client.get(path, params={name: value}), 422, store_url)
                    assert name in detail
    assert checked > 100  # every text parameter of every GET operation, from the OpenAPI description

    # The refusal names the parameter, never its value; a good request still answers.
    detail = assert_refused(client.get("/api/events", params={"q": "a\x00b", "limit": 5}), 422, store_url)
    assert detail == "query parameter 'q' holds a control character: remove it"
    assert assert_refused(client.get("/api/events/abc%00"), 422, store_url).startswith("the address")
    assert assert_refused(client.get("/static/%00app.js"), 422, store_url).startswith("the address")
    assert client.get("/api/events", params={"q": "tab\tand\nnewline", "offset": 10_000_000}).json()["events"] == []
    assert client.get("/api/events", params={"limit": 1000, "offset": 0}).json()["total"] == 4
