"""Every response, refusals and failures included, carries the Content-Security-Policy and nosniff headers, and a
failure never tells the client where the store is."""

import pytest
from fastapi.testclient import TestClient

from conflictlens.config import Settings
from conflictlens.errors import StoreError
from conflictlens.server.api import create_app
from conflictlens.store.sql import SQLStore

from .conftest import fill
from .test_parameters import assert_refused

POLICY = ("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
          "form-action 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")


def test_every_response_carries_the_security_headers_and_no_failure_leaks(store_url, monkeypatch):
    [event_id, *_] = fill(store_url, 2)
    with TestClient(create_app(Settings(db=store_url)), raise_server_exceptions=False) as client:
        responses = [client.get(path) for path in (
            "/", "/static/app.js", "/docs", "/vendor/swagger-ui-dist/swagger-initializer.js",
            "/vendor/swagger-ui-dist/swagger-ui-bundle.js", "/openapi.json", "/api/health", "/api/events",
            f"/api/events/{event_id}", "/api/events/nope", "/nope", "/api/events?q=%00", "/api/events?limit=0")]
        responses.append(client.post(f"/api/events/{event_id}/review", json={"action": "confirm"}))
        assert [r.status_code for r in responses] == [200] * 9 + [404, 404, 422, 422, 401]

        def fails(self: SQLStore, *_args: object) -> None:
            raise StoreError(f"cannot read the store {self.location}: is the server up?")

        monkeypatch.setattr(SQLStore, "fused_timeline", fails)
        monkeypatch.setattr(SQLStore, "fused_actor_counts", lambda *_: 1 / 0)
        unavailable = client.get("/api/timeline")
        broken = client.get("/api/actors")
        assert_refused(unavailable, 503, store_url)
        assert_refused(broken, 500, store_url)
        responses += [unavailable, broken]
    for response in responses:
        assert response.headers["content-security-policy"] == POLICY, response.request.url
        assert response.headers["x-content-type-options"] == "nosniff", response.request.url

    # A tile server's images may load: the policy names its origin, with a wildcard for its {s} subdomains.
    tiles = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    with TestClient(create_app(Settings(db=store_url, map_tiles=tiles))) as client:
        policy = client.get("/").headers["content-security-policy"]
    assert policy.endswith("img-src 'self' data: https://*.tile.openstreetmap.org")


@pytest.mark.parametrize(("tiles", "source"), [
    ("https://tiles.example.org:8443/{z}/{x}/{y}.png", "https://tiles.example.org:8443"),
    ("http://a{s}.example.org/{z}/{x}/{y}", "http:"),
    ("/tiles/{z}/{x}/{y}.png", None),
    ("javascript:alert(1)//{z}", None),
])
def test_the_policy_allows_only_the_tile_servers_origin(tiles, source):
    from conflictlens.server.guard import content_security_policy

    assert content_security_policy(tiles).endswith("img-src 'self' data:" + (f" {source}" if source else ""))
