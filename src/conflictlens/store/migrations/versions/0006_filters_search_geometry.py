"""Filter columns on events and fused events (fused ones as reviewed), full-text search, PostGIS points.

Filtering and paging move into SQL, so the API pages through 100k events without reading them all:
fused events carry their reviewed values as columns, searchable text goes to an FTS5 table (SQLite)
or a tsvector column (PostgreSQL), and PostgreSQL with PostGIS also gets a point geometry.
"""

import json

import sqlalchemy as sa
from alembic import op

from conflictlens.store.sql import Review, apply_review, filter_columns

revision = "0006_filters_search_geometry"
down_revision = "0005_review"

SHARED_COLUMNS = ["actors", "search_text"]
FUSED_COLUMNS = ["sub_event_type", "actor1", "actor2", "admin1", "location", "latitude", "longitude", "fatalities",
                 "claim_status", "review_status"]


def _column(name: str) -> sa.Column:  # type: ignore[type-arg]
    if name in {"latitude", "longitude"}:
        return sa.Column(name, sa.Float)
    if name == "fatalities":
        return sa.Column(name, sa.Integer, nullable=False, server_default="0")
    if name == "review_status":
        return sa.Column(name, sa.Text, nullable=False, server_default="unreviewed")
    return sa.Column(name, sa.Text)


def upgrade() -> None:
    for name in SHARED_COLUMNS:
        op.add_column("events", _column(name))
        op.add_column("fused_events", _column(name))
    for name in FUSED_COLUMNS:
        op.add_column("fused_events", _column(name))
    _backfill()
    for name, columns in {"fused_date": ["event_date", "fused_id"], "fused_type": ["event_type"],
                          "fused_country": ["country"], "fused_admin1": ["admin1"],
                          "fused_review": ["review_status"], "fused_lat_lon": ["latitude", "longitude"]}.items():
        op.create_index(name, "fused_events", columns)
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_search()
    else:
        _postgresql_search_and_geometry()


def _backfill() -> None:
    bind = op.get_bind()
    for event_id, record, data in bind.execute(sa.text("SELECT event_id, record, data FROM events")).all():
        columns = filter_columns(json.loads(record), json.loads(data))
        bind.execute(sa.text("UPDATE events SET actors = :actors, search_text = :search_text WHERE event_id = :id"),
                     {"actors": columns["actors"], "search_text": columns["search_text"], "id": event_id})
    reviews = {row[0]: Review(row[0], row[1], json.loads(row[2]), row[3], row[4]) for row in bind.execute(
        sa.text("SELECT event_id, status, overrides, reviewer, reviewed_at FROM reviews"))}
    names = FUSED_COLUMNS + SHARED_COLUMNS
    assignments = ", ".join(f"{name} = :{name}" for name in names)
    for fused_id, record, data in bind.execute(sa.text("SELECT fused_id, record, data FROM fused_events")).all():
        reviewed = apply_review(json.loads(record), reviews.get(fused_id))
        columns = filter_columns(reviewed, json.loads(data))
        bind.execute(sa.text(f"UPDATE fused_events SET {assignments} WHERE fused_id = :id"),
                     {**{name: columns[name] for name in names}, "id": fused_id})


def _sqlite_search() -> None:
    # The FTS rows share the fused events' rowids, so triggers keep them in step without scanning.
    op.execute("CREATE VIRTUAL TABLE fused_search USING fts5(body, tokenize = 'porter unicode61')")
    op.execute("INSERT INTO fused_search (rowid, body) SELECT rowid, coalesce(search_text, '') FROM fused_events")
    op.execute("CREATE TRIGGER fused_search_insert AFTER INSERT ON fused_events BEGIN "
               "INSERT INTO fused_search (rowid, body) VALUES (new.rowid, coalesce(new.search_text, '')); END")
    op.execute("CREATE TRIGGER fused_search_update AFTER UPDATE OF search_text ON fused_events BEGIN "
               "DELETE FROM fused_search WHERE rowid = old.rowid; "
               "INSERT INTO fused_search (rowid, body) VALUES (new.rowid, coalesce(new.search_text, '')); END")
    op.execute("CREATE TRIGGER fused_search_delete AFTER DELETE ON fused_events BEGIN "
               "DELETE FROM fused_search WHERE rowid = old.rowid; END")


def _postgresql_search_and_geometry() -> None:
    op.execute("ALTER TABLE fused_events ADD COLUMN search tsvector GENERATED ALWAYS AS "
               "(to_tsvector('english', coalesce(search_text, ''))) STORED")
    op.execute("CREATE INDEX fused_search ON fused_events USING gin (search)")
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).first() is None:
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except sa.exc.DBAPIError:
        return  # no right to create the extension: bounding boxes use the latitude/longitude index instead
    op.execute("ALTER TABLE fused_events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
               "(CASE WHEN latitude IS NULL OR longitude IS NULL THEN NULL "
               "ELSE ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED")
    op.execute("CREATE INDEX fused_geom ON fused_events USING gist (geom)")
