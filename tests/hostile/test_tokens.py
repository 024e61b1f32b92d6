"""API tokens are listed (never shown), revoked and expire; a revoked or expired token is refused with a one-line
401 that says which, on SQLite and PostgreSQL; a store made before tokens expired keeps its tokens working."""

import datetime as dt
import re

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conflictlens.cli import main
from conflictlens.config import Settings
from conflictlens.server.api import create_app
from conflictlens.store import review
from conflictlens.store.review import create_token, list_tokens, reviewer_for, revoke_token, token_hash
from conflictlens.store.sql import HEAD, MIGRATIONS, SQLStore

from .conftest import fill
from .test_parameters import assert_refused


def test_tokens_are_listed_revoked_and_expire(store_url, monkeypatch):
    [event_id] = fill(store_url, 1)
    base = ["--db", store_url]
    runner = CliRunner()
    created = runner.invoke(main, [*base, "token", "create", "analyst-1"])
    assert created.exit_code == 0 and "expires in 90 days" in created.stderr, created.output
    first = created.stdout.strip()
    forever = runner.invoke(main, [*base, "token", "create", "analyst-2", "--expires-days", "0"])
    assert forever.exit_code == 0 and "never expires" in forever.stderr
    second = forever.stdout.strip()
    assert runner.invoke(main, [*base, "token", "create", "x", "--expires-days", "-1"]).exit_code == 2

    store = SQLStore.open(store_url)
    tokens = {t.name: t for t in list_tokens(store)}
    assert tokens["analyst-1"].token_id == token_hash(first)[:12] and tokens["analyst-2"].expires_at is None
    expires = dt.datetime.fromisoformat(tokens["analyst-1"].expires_at or "")
    assert dt.timedelta(days=89) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(days=90)
    listed = runner.invoke(main, [*base, "token", "list"])
    assert listed.exit_code == 0 and first not in listed.stdout and second not in listed.stdout
    assert {"analyst-1", "analyst-2", tokens["analyst-1"].token_id, "never"} <= set(listed.stdout.split())

    app = create_app(Settings(db=store_url, api_require_token=True))
    with TestClient(app, raise_server_exceptions=False) as client:
        def get(token: str):  # type: ignore[no-untyped-def]
            return client.get("/api/events", headers={"Authorization": f"Bearer {token}"})

        def write(token: str):  # type: ignore[no-untyped-def]
            return client.post(f"/api/events/{event_id}/review", json={"action": "confirm"},
                               headers={"Authorization": f"Bearer {token}"})

        assert get(first).status_code == 200 and write(second).status_code == 200

        # Revoked by its ID (as `token list` shows it, or its first characters): refused at once, saying so.
        revoked = runner.invoke(main, [*base, "token", "revoke", tokens["analyst-2"].token_id[:8]])
        assert revoked.exit_code == 0 and "'analyst-2'" in revoked.stdout, revoked.output
        today = dt.datetime.now(dt.UTC).date().isoformat()
        for response in (get(second), write(second)):
            detail = assert_refused(response, 401, store_url)
            assert detail.startswith(f"token 'analyst-2' was revoked on {today}: create a new one"), detail
        assert response.headers["www-authenticate"] == "Bearer"
        assert get(first).status_code == 200

        # Expired: 91 days on, the 90-day token is refused with its date; a token that never expires would not be.
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=91)
        monkeypatch.setattr(review, "_now", lambda: later)
        for response in (get(first), write(first)):
            detail = assert_refused(response, 401, store_url)
            assert detail == (f"token 'analyst-1' expired on {expires.date().isoformat()}: create a new one with "
                              "`conflictlens token create NAME`")
        monkeypatch.undo()
        assert_refused(get("unknown"), 401, store_url)
        assert_refused(client.get("/api/events"), 401, store_url)

    # Revoking by name, twice, keeps the first revocation; unknown and ambiguous names are refused in one line.
    third = create_token(store, "analyst-3", expires_days=1)
    assert reviewer_for(store, third) == "analyst-3"
    once = revoke_token(store, "analyst-3")
    assert revoke_token(store, "analyst-3").revoked_at == once.revoked_at
    failed = runner.invoke(main, [*base, "token", "revoke", "nobody"])
    assert failed.exit_code == 1 and failed.stderr.strip() == ("error: no token named or with ID 'nobody': list them "
                                                               "with `conflictlens token list`")
    assert runner.invoke(main, [*base, "token", "revoke", ""]).exit_code == 1
    listed = runner.invoke(main, [*base, "token", "list"]).stdout
    assert len(re.findall(rf"{today}T", listed)) == 3 + 2  # three created today, two of them revoked today
    store.close()


def test_a_store_made_before_tokens_expired_keeps_its_tokens(store_url):
    url = store_url if "://" in store_url else f"sqlite:///{store_url}"
    engine = sa.create_engine("postgresql+psycopg://" + url.split("://", 1)[1] if url.startswith("postgresql") else url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008_acled_numbers")
        conn.execute(sa.text("INSERT INTO api_tokens (name, token_hash, created_at) VALUES ('old', :h, :at)"),
                     {"h": token_hash("old-token"), "at": "2024-01-01T00:00:00+00:00"})
    engine.dispose()
    store = SQLStore.open(store_url)
    assert store.schema_version() == HEAD
    [old] = list_tokens(store)
    assert (old.name, old.expires_at, old.revoked_at) == ("old", None, None)
    assert reviewer_for(store, "old-token") == "old"
    store.close()
