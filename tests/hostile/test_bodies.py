"""Hostile request bodies: a write is refused before a byte of its body is read when its token is missing (401),
or when its Content-Length is over the limit (413); a chunked body stops being read once it passes the limit.

The app is driven as an ASGI server drives it, so that the test sees how much of each body the app pulled."""

import asyncio
import json
from typing import Any

from fastapi.testclient import TestClient

from conflictlens.config import Settings
from conflictlens.server.api import create_app
from conflictlens.store.review import create_token
from conflictlens.store.sql import SQLStore

from .conftest import fill
from .test_parameters import assert_refused

LIMIT = 4096
CHUNK = 1024


def call(app: Any, method: str, path: str, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, dict, int]:  # type: ignore[type-arg]
    """One request through the ASGI app: its status, its JSON body and how many body chunks the app read."""
    pulled = 0
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled < len(chunks):
            pulled += 1
            return {"type": "http.request", "body": chunks[pulled - 1], "more_body": pulled < len(chunks)}
        await asyncio.sleep(60)  # a client that has sent everything waits for the answer
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    return answer["status"], json.loads(answer["body"]), pulled


def test_bodies_are_capped_and_a_write_token_is_checked_before_the_body_is_read(store_url):
    [event_id, *_] = fill(store_url, 2)
    store = SQLStore.open(store_url)
    token = create_token(store, "analyst")
    store.close()
    assert Settings().api_max_body_bytes == 65_536
    app = create_app(Settings(db=store_url, api_max_body_bytes=LIMIT))
    review = f"/api/events/{event_id}/review"
    bearer = {"authorization": f"Bearer {token}"}

    # No token, or a wrong one: 401 whatever the body, before any of it is read.
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "Basic x"}):
        for body in ([b"{not json"], [b"x" * CHUNK] * 100, [b'{"action": "reject"}']):
            status, answer, pulled = call(app, "POST", review, headers, body)
            assert (status, pulled) == (401, 0) and "token" in answer["detail"], (headers, status, answer)
        status, _, pulled = call(app, "POST", review, {**headers, "content-length": str(10**12)}, [b"x"])
        assert (status, pulled) == (401, 0)

    # With a token: a Content-Length over the limit is refused unread, on every method that takes a body.
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        status, answer, pulled = call(app, method, review, {**bearer, "content-length": str(LIMIT + 1)},
                                      [b"x" * CHUNK] * 5)
        assert (status, pulled) == (413, 0) and answer["detail"] == "the request body is over 4,096 bytes: send a " \
                                                                    "smaller one", (method, status, answer)
    assert call(app, "POST", review, {**bearer, "content-length": "9" * 5000}, [b"x"])[0] == 413
    assert call(app, "POST", review, {**bearer, "content-length": "12abc"}, [b"x"])[:3:2] == (400, 0)

    # A chunked body (no Content-Length) is read only until it passes the limit.
    status, answer, pulled = call(app, "POST", review, {**bearer, "content-type": "application/json"},
                                  [b" " * CHUNK] * 50)
    assert status == 413 and "4,096 bytes" in answer["detail"] and pulled == LIMIT // CHUNK + 1

    # Within the limit, the review is parsed and applied; a malformed one is refused in one line.
    confirm = json.dumps({"action": "confirm"}).encode()
    assert call(app, "POST", review, {**bearer, "content-type": "application/json"}, [confirm[:5], confirm[5:]])[0] \
        == 200
    with TestClient(app, raise_server_exceptions=False) as client:
        assert_refused(client.post(review, content=b"{not json", headers={**bearer, "content-type": "application/json"}),
                       422, store_url)
        assert_refused(client.post(review, content=b"\x00" * (LIMIT + 1), headers=bearer), 413, store_url)
        assert_refused(client.post(review, content=b"\x00" * (LIMIT + 1)), 401, store_url)
        assert client.get(f"/api/events/{event_id}").json()["event"]["review_status"] == "confirmed"
