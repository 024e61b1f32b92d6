"""The event store, behind one interface: SQLite (the embedded default) or PostgreSQL (the server store).

Documents are keyed by ``doc_id`` (hash of URL and text) and events by ``event_id`` (hash of
document, type, evidence span and trigger), so re-processing the same input replaces rows
instead of adding new ones. A document's events are replaced together with the document in one
transaction, so a killed run leaves either the old coding or the new one, never half.

Both backends get the same schema from the Alembic migrations in ``conflictlens/store/migrations``.
Filtering, paging and full-text search run in SQL (FTS5 on SQLite, tsvector on PostgreSQL, and a
PostGIS point for bounding boxes where the extension is installed), on columns that hold each fused
event as reviewed, so an analyst's edit is what filters see.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.dialects import postgresql, sqlite

from conflictlens.countries import find_country
from conflictlens.errors import StoreError
from conflictlens.model import DocumentFailure, ProcessedDocument, json_default


@dataclass(frozen=True, slots=True)
class Review:
    """An event's current review: its status and the fields an analyst set."""

    event_id: str
    status: str
    overrides: dict[str, Any]
    reviewer: str
    reviewed_at: str


@dataclass(frozen=True, slots=True)
class ApiToken:
    """An API token as the store keeps it: its hash, never the token; the hash's start is its ID."""

    name: str
    token_id: str
    created_at: str
    expires_at: str | None
    revoked_at: str | None


@dataclass(frozen=True, slots=True)
class FusedPage:
    """A page of fused events and how many match the filter in all, read from one snapshot of the store."""

    total: int
    events: list[dict[str, Any]]


def apply_review(record: dict[str, Any], review: Review | None) -> dict[str, Any]:
    """The record as the analyst left it: overrides laid over the machine's coding, and its review status."""
    reviewed = dict(record)
    if review is None:
        reviewed["review_status"] = "unreviewed"
        return reviewed
    reviewed.update(review.overrides)
    reviewed["review_status"] = review.status
    return reviewed


@dataclass(slots=True)
class FeedState:
    """What a feed said last time: its validators, for a conditional request."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0010_document_copies"
Condition = sa.ColumnElement[bool] | sa.TextClause
CHUNK = 5000  # rows per IN (...) list, well under every backend's parameter limit

metadata = sa.MetaData()
documents = sa.Table(
    "documents", metadata,
    *(sa.Column(name, sa.Text) for name in ("doc_id", "source_path", "url", "title", "outlet", "published_at",
                                            "language", "text", "outlets_named", "warnings", "processed_at")))
events = sa.Table(
    "events", metadata,
    *(sa.Column(name, sa.Text) for name in ("event_id", "doc_id", "event_date", "end_date", "event_type",
                                            "sub_event_type", "actor1", "actor2", "country", "admin1", "location")),
    sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("fatalities", sa.Integer),
    *(sa.Column(name, sa.Text) for name in ("claim_status", "kind", "record", "data", "actors", "search_text")))
fused_events = sa.Table(
    "fused_events", metadata,
    *(sa.Column(name, sa.Text) for name in ("fused_id", "event_date", "window_start", "window_end", "event_type",
                                            "country", "status")),
    sa.Column("stale", sa.Integer),
    *(sa.Column(name, sa.Text) for name in ("record", "data", "sub_event_type", "actor1", "actor2", "admin1",
                                            "location")),
    sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("fatalities", sa.Integer),
    *(sa.Column(name, sa.Text) for name in ("claim_status", "review_status", "actors", "search_text")))
fusion = sa.Table("fusion", metadata, sa.Column("event_id", sa.Text), sa.Column("fused_id", sa.Text),
                  sa.Column("score", sa.Float), sa.Column("reason", sa.Text))
event_vectors = sa.Table("event_vectors", metadata, sa.Column("event_id", sa.Text),
                         sa.Column("vector", sa.LargeBinary))
failures = sa.Table("failures", metadata,
                    *(sa.Column(name, sa.Text) for name in ("source_path", "reason", "doc_id", "failed_at")))
runs = sa.Table("runs", metadata, sa.Column("run_id", sa.Integer, primary_key=True),
                *(sa.Column(name, sa.Text) for name in ("inputs", "started_at", "finished_at")))
feeds = sa.Table("feeds", metadata, *(sa.Column(n, sa.Text) for n in ("url", "etag", "last_modified", "checked_at")))
feed_items = sa.Table("feed_items", metadata, *(sa.Column(n, sa.Text) for n in ("item_id", "feed_url", "seen_at")))
api_tokens = sa.Table("api_tokens", metadata, *(sa.Column(n, sa.Text) for n in (
    "name", "token_hash", "created_at", "expires_at", "revoked_at")))
reviews = sa.Table("reviews", metadata,
                   *(sa.Column(n, sa.Text) for n in ("event_id", "status", "overrides", "reviewer", "reviewed_at")))
audit = sa.Table("audit", metadata, sa.Column("audit_id", sa.Integer, primary_key=True),
                 *(sa.Column(n, sa.Text) for n in ("event_id", "action", "before", "after", "reviewer", "at")))
event_numbers = sa.Table("event_numbers", metadata, sa.Column("fused_id", sa.Text), sa.Column("prefix", sa.Text),
                         sa.Column("number", sa.Integer))
document_copies = sa.Table("document_copies", metadata,
                            *(sa.Column(n, sa.Text) for n in ("source_path", "doc_id", "seen_at")))
KEYS = {"documents": ["doc_id"], "document_copies": ["source_path"], "events": ["event_id"], "fused_events": ["fused_id"],
        "fusion": ["event_id"],
        "event_vectors": ["event_id"], "failures": ["source_path"], "feeds": ["url"], "feed_items": ["item_id"],
        "reviews": ["event_id"]}
TOKEN_ID_CHARS = 12  # of the token's hash: enough to tell tokens apart, and nothing of the token itself
TOKEN_COLUMNS = (api_tokens.c.name, sa.func.substr(api_tokens.c.token_hash, 1, TOKEN_ID_CHARS), api_tokens.c.created_at,
                 api_tokens.c.expires_at, api_tokens.c.revoked_at)


@dataclass(frozen=True, slots=True)
class EventFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: str | None = None
    country: str | None = None
    actor: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    contested: bool = False
    admin1: str | None = None
    claim_status: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north; west > east crosses 180°
    text: str | None = None  # words that must all appear in the notes, evidence, place or actors
    include_rejected: bool = False
    offset: int = 0
    # Fused events' order: a column ("date", "type", "location", "deaths", "claim", "review"; "-" before it for
    # descending), or "need": the review queue, what most needs a reviewer's eye first.
    order: str = "date"


@dataclass(slots=True)
class StoredReport:
    """An event row with what fusion needs from its document, and its fusion so far."""

    event: dict[str, Any]
    outlet: str | None
    outlets_named: list[str]
    published_at: dt.date | None
    vector: bytes | None
    fused_id: str | None = None
    score: float = 1.0
    reason: str = ""
    stale: bool = False


@dataclass(slots=True)
class FusionUpdate:
    """What one fusion pass writes: fused events (re)built, memberships and new vectors; ``rebuild`` first
    forgets all earlier fusion (after the fusion rules were edited)."""

    fused: list[dict[str, Any]]
    memberships: list[tuple[str, str, float, str]]
    vectors: dict[str, bytes]
    rebuild: bool = False


class Store(Protocol):
    """What the pipeline, CLI and API need from a store."""

    def save(self, result: ProcessedDocument) -> None: ...
    def save_many(self, results: list[ProcessedDocument]) -> None: ...
    def record_failure(self, failure: DocumentFailure) -> None: ...
    def has_document(self, doc_id: str) -> bool: ...
    def record_copies(self, copies: list[tuple[str, str]]) -> None: ...
    def events(self, query: EventFilter = ...) -> list[dict[str, Any]]: ...
    def status(self) -> dict[str, Any]: ...
    def unfused_reports(self, *, everything: bool = False) -> list[StoredReport]: ...
    def fusion_candidates(self, start: dt.date | None, end: dt.date | None) -> list[StoredReport]: ...
    def save_fusion(self, update: FusionUpdate) -> None: ...
    def fused_events(self, query: EventFilter = ...) -> list[dict[str, Any]]: ...
    def fused_event_details(self) -> Iterator[dict[str, Any]]: ...
    def fused_event(self, event_id: str) -> dict[str, Any] | None: ...
    def event_numbers(self, prefixes: dict[str, str]) -> dict[str, int]: ...
    def processed_times(self, doc_ids: Iterable[str]) -> dict[str, str]: ...
    def close(self) -> None: ...


def actor_names(record: dict[str, Any]) -> list[str]:
    """Every actor a flat record names, each once: actor1, actor2 and the associated actors."""
    names = [record.get("actor1"), record.get("actor2"), *(record.get("assoc_actor_1") or "").split("; "),
             *(record.get("assoc_actor_2") or "").split("; ")]
    return list(dict.fromkeys(n for n in names if n))


def filter_columns(record: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The columns filters and search read, from a flat record (as reviewed, for fused events) and its full form."""
    event = data.get("event", data)
    names = actor_names(record)
    evidence = [claim.get("evidence") or "" for claim in event.get("claims", [])]
    searchable = [record.get("notes") or "", *dict.fromkeys(evidence), record.get("location") or "",
                  record.get("admin1") or "", *names]
    return {
        "event_date": record.get("event_date"), "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"), "actor1": record.get("actor1"),
        "actor2": record.get("actor2"), "country": record.get("country"), "admin1": record.get("admin1"),
        "location": record.get("location"), "latitude": record.get("latitude"), "longitude": record.get("longitude"),
        "fatalities": record.get("fatalities") or 0, "claim_status": record.get("claim_status"),
        "review_status": record.get("review_status", "unreviewed"),
        "actors": "; ".join(names).lower(),
        "search_text": "\n".join(s for s in searchable if s),
    }


class SQLStore:
    """A store on a SQLAlchemy engine. ``open`` connects and migrates; the constructor does nothing."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name
        self.postgis = False

    @property
    def location(self) -> str:
        """Where the store is, for messages (a password in the URL is hidden)."""
        url = self.engine.url
        return url.database or "" if self.backend == "sqlite" else url.render_as_string(hide_password=True)

    @property
    def url_for_workers(self) -> str:
        """The store's full URL (password included, an absolute SQLite path), for worker processes to open it."""
        url = self.engine.url
        if self.backend == "sqlite":
            return str(Path(url.database or "").resolve())
        return url.render_as_string(hide_password=False)

    @classmethod
    def open(cls, where: str | Path) -> SQLStore:
        """A store from a SQLite path, a ``sqlite:///path`` or a ``postgresql://`` URL, migrated to the latest schema."""
        url = str(where)
        if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            engine = sa.create_engine("postgresql+psycopg://" + url.split("://", 1)[1], pool_pre_ping=True,
                                      pool_size=10, max_overflow=20)
        elif url.startswith("sqlite:///") or "://" not in url:
            path = Path(url.removeprefix("sqlite:///"))
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 30, "check_same_thread": False})
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        else:
            raise StoreError(f"store URL {url!r} is not supported: give a SQLite file path or a postgresql:// URL")
        store = cls(engine)
        try:
            store._migrate()
        except sa.exc.DatabaseError as exc:
            engine.dispose()
            if store.backend == "sqlite":
                raise StoreError(f"cannot open the store {url} ({exc.orig}): is it a conflictlens SQLite file?") from None
            raise StoreError(f"cannot open the PostgreSQL store {store.location} ({_one_line(exc)}): is the "
                             "server running, and do the user, password and database in the URL exist?") from None
        return store

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            tables = set(sa.inspect(conn).get_table_names())
            if "schema_migrations" in tables and "alembic_version" not in tables:
                # A store made before Alembic: its named migrations are Alembic's first revisions.
                applied = sorted(row[0] for row in conn.execute(sa.text("SELECT name FROM schema_migrations")))
                command.stamp(config, applied[-1])
            command.upgrade(config, "head")
            self.postgis = self.backend == "postgresql" and conn.execute(sa.text(
                "SELECT 1 FROM information_schema.columns WHERE table_name = 'fused_events' AND column_name = 'geom'"
            )).first() is not None

    def schema_version(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one())

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A transaction; a failing write becomes a StoreError that says where."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.DatabaseError as exc:
            raise _write_error(self, exc) from None

    def _upsert(self, conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], *, replace: bool = True) -> None:
        if not rows:
            return
        insert = (sqlite.insert if self.backend == "sqlite" else postgresql.insert)(table)
        keys = KEYS[table.name]
        statement = (insert.on_conflict_do_update(index_elements=keys, set_={
            name: insert.excluded[name] for name in rows[0] if name not in keys}) if replace
            else insert.on_conflict_do_nothing(index_elements=keys))
        conn.execute(statement, rows)

    def save(self, result: ProcessedDocument) -> None:
        self.save_many([result])

    def save_many(self, results: list[ProcessedDocument]) -> None:
        """Store documents with their events, replacing any earlier coding of them, in one transaction."""
        with self._write() as conn:
            for result in results:
                self._save_document(conn, result)

    def _save_document(self, conn: sa.Connection, result: ProcessedDocument) -> None:
        document = result.document
        # The fused events this document reported are rebuilt by the next fusion pass.
        reported = sa.select(fusion.c.fused_id).join(events, events.c.event_id == fusion.c.event_id).where(
            events.c.doc_id == document.doc_id)
        conn.execute(fused_events.update().where(fused_events.c.fused_id.in_(reported)).values(stale=1))
        conn.execute(events.delete().where(events.c.doc_id == document.doc_id))
        self._upsert(conn, documents, [{
            "doc_id": document.doc_id, "source_path": document.source_path, "url": document.url,
            "title": document.title, "outlet": document.outlet,
            "published_at": document.published_at.isoformat() if document.published_at else None,
            "language": document.language, "text": document.text,
            "outlets_named": json.dumps(document.outlets_named), "warnings": json.dumps(document.warnings),
            "processed_at": _now()}])
        rows = []
        for event in result.events:
            record, data = event.to_record(), event.to_dict()
            columns = filter_columns(record, data)
            rows.append({"event_id": event.event_id, "doc_id": document.doc_id, "event_date": record["event_date"],
                         "end_date": record["end_date"], "event_type": event.event_type,
                         "sub_event_type": event.sub_event_type, "actor1": record["actor1"],
                         "actor2": record["actor2"], "country": record["country"], "admin1": record["admin1"],
                         "location": record["location"], "latitude": record["latitude"],
                         "longitude": record["longitude"], "fatalities": event.fatalities,
                         "claim_status": event.claim_status, "kind": event.kind, "record": json.dumps(record),
                         "data": json.dumps(data, default=json_default), "actors": columns["actors"],
                         "search_text": columns["search_text"]})
        self._upsert(conn, events, rows)
        if document.source_path:
            conn.execute(failures.delete().where(failures.c.source_path == document.source_path))
            conn.execute(document_copies.delete().where(document_copies.c.source_path == document.source_path))

    def record_failure(self, failure: DocumentFailure) -> None:
        with self._write() as conn:
            self._upsert(conn, failures, [{"source_path": failure.source_path, "reason": failure.reason,
                                           "doc_id": failure.doc_id, "failed_at": _now()}])

    def record_copies(self, copies: list[tuple[str, str]]) -> None:
        """Record inputs (path, doc_id) whose text is a stored document's; the document's own path is not a copy."""
        if not copies:
            return
        own = set()
        for start in range(0, len(copies), CHUNK):
            part = {doc_id for _, doc_id in copies[start:start + CHUNK]}
            own.update(self._all(sa.select(documents.c.source_path, documents.c.doc_id).where(
                documents.c.doc_id.in_(part))))
        rows = [{"source_path": path, "doc_id": doc_id, "seen_at": _now()}
                for path, doc_id in dict(copies).items() if (path, doc_id) not in own]
        with self._write() as conn:
            self._upsert(conn, document_copies, rows)

    def document_paths(self) -> list[str]:
        """The path (or path:line) each stored document was read from."""
        return [path for (path,) in self._all(sa.select(documents.c.source_path).where(
            documents.c.source_path.is_not(None)).order_by(documents.c.source_path))]

    def document_copies(self) -> list[dict[str, str]]:
        """Inputs that repeated a stored document's text: their path, the document, and when last seen."""
        rows = self._all(sa.select(document_copies.c.source_path, document_copies.c.doc_id, document_copies.c.seen_at)
                         .order_by(document_copies.c.source_path))
        return [{"source_path": r[0], "doc_id": r[1], "seen_at": r[2]} for r in rows]

    def has_document(self, doc_id: str) -> bool:
        return self._first(sa.select(documents.c.doc_id).where(documents.c.doc_id == doc_id)) is not None

    def _first(self, statement: sa.Executable) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(statement).first()

    def _all(self, statement: sa.Executable) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(statement).all())

    def events(self, query: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Each document's own codings as flat records, filtered."""
        statement = sa.select(events.c.record).where(*self._conditions(events, query)).order_by(
            events.c.event_date.nulls_last(), events.c.doc_id, events.c.event_id)
        return [json.loads(row[0]) for row in self._all(_paged(statement, query))]

    def event_details(self, query: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """Full nested events (claims, evidence spans), for JSON Lines export."""
        statement = sa.select(events.c.data).where(*self._conditions(events, query)).order_by(
            events.c.event_date.nulls_last(), events.c.event_id)
        for row in self._all(_paged(statement, query)):
            yield json.loads(row[0])

    def _conditions(self, table: sa.Table, query: EventFilter) -> list[Condition]:
        """The filter as SQL conditions on ``events`` or ``fused_events`` (which share the filtered columns)."""
        c = table.c
        conditions: list[Condition] = []
        if query.date_from:
            conditions.append(c.event_date >= query.date_from.isoformat())
        if query.date_to:
            conditions.append(c.event_date <= query.date_to.isoformat())
        for name in ("event_type", "admin1"):
            value = getattr(query, name)
            if value:
                conditions.append(sa.func.lower(c[name]) == value.lower())
        if query.country:
            # "ML", "MLI" and "Mali" find the same events: a code is read as the country it stands for.
            country = find_country(query.country)
            names = {query.country.lower(), *([country.name.lower()] if country else [])}
            conditions.append(sa.func.lower(c.country).in_(sorted(names)))
        if query.claim_status:
            conditions.append(c.claim_status == query.claim_status)
        if query.actor:
            conditions.append(c.actors.contains(query.actor.lower(), autoescape=True))
        if query.bbox is not None:
            conditions.append(self._in_bbox(table, query.bbox))
        fused = table is fused_events
        if query.doc_id:
            conditions.append(c.doc_id == query.doc_id if not fused else c.fused_id.in_(
                sa.select(fusion.c.fused_id).join(events, events.c.event_id == fusion.c.event_id).where(
                    events.c.doc_id == query.doc_id)))
        words = _words(query.text)
        if words and fused:
            conditions.append(self._full_text(words))
        elif words:
            conditions.extend(sa.func.lower(c.search_text).contains(word, autoescape=True) for word in words)
        if fused and not query.include_rejected:
            conditions.append(c.review_status != "rejected")
        if fused and query.contested:
            conditions.append(c.status == "contested")
        return conditions

    def _in_bbox(self, table: sa.Table, bbox: tuple[float, float, float, float]) -> Condition:
        west, south, east, north = bbox
        latitude, longitude = table.c.latitude, table.c.longitude
        if west > east:  # the box crosses the 180th meridian
            return sa.and_(latitude.between(south, north), sa.or_(longitude >= west, longitude <= east))
        if self.postgis and table is fused_events:
            return sa.text("fused_events.geom && ST_MakeEnvelope(:west, :south, :east, :north, 4326)").bindparams(
                west=west, south=south, east=east, north=north)
        return sa.and_(latitude.between(south, north), longitude.between(west, east))

    def _full_text(self, words: list[str]) -> Condition:
        if self.backend == "sqlite":
            expression = " ".join('"' + word.replace('"', '""') + '"' for word in words)
            matching = sa.text("SELECT rowid FROM fused_search WHERE fused_search MATCH :match").bindparams(
                match=expression).columns(sa.column("rowid"))
            return sa.literal_column("fused_events.rowid").in_(matching)
        return sa.text("fused_events.search @@ plainto_tsquery('english', :words)").bindparams(words=" ".join(words))

    def unfused_reports(self, *, everything: bool = False) -> list[StoredReport]:
        """Events no fusion pass has placed yet (or, with ``everything``, all events)."""
        return self._reports("" if everything else "WHERE f.event_id IS NULL", {})

    def fusion_candidates(self, start: dt.date | None, end: dt.date | None) -> list[StoredReport]:
        """Fused reports that new reports dated between start and end could join, and those of stale events."""
        if start is None or end is None:
            return self._reports("JOIN fused_events fe ON fe.fused_id = f.fused_id "
                                 "WHERE fe.stale = 1 OR fe.window_start IS NULL", {}, stale_column="fe.stale")
        return self._reports("JOIN fused_events fe ON fe.fused_id = f.fused_id WHERE fe.stale = 1 OR "
                             "fe.window_start IS NULL OR (fe.window_start <= :end AND fe.window_end >= :start)",
                             {"start": start.isoformat(), "end": end.isoformat()}, stale_column="fe.stale")

    def _reports(self, where: str, params: dict[str, Any], *, stale_column: str = "0") -> list[StoredReport]:
        rows = self._all(sa.text(
            f"SELECT e.data, d.outlet, d.outlets_named, d.published_at, v.vector, f.fused_id, f.score, f.reason, "
            f"{stale_column} "
            "FROM events e JOIN documents d ON d.doc_id = e.doc_id LEFT JOIN fusion f ON f.event_id = e.event_id "
            f"LEFT JOIN event_vectors v ON v.event_id = e.event_id {where} ORDER BY e.event_id").bindparams(**params))
        return [StoredReport(json.loads(data), outlet, json.loads(named),
                             dt.date.fromisoformat(published) if published else None,
                             bytes(vector) if vector is not None else None, fused_id,
                             score if score is not None else 1.0, reason or "", bool(stale))
                for data, outlet, named, published, vector, fused_id, score, reason, stale in rows]

    def save_fusion(self, update: FusionUpdate) -> None:
        with self._write() as conn:
            reviewed_before = self._reviewed_memberships(conn)
            if update.rebuild:
                conn.execute(fusion.delete())
                conn.execute(fused_events.delete())
            self._upsert(conn, event_vectors, [{"event_id": k, "vector": v} for k, v in update.vectors.items()])
            self._upsert(conn, fusion, [{"event_id": e, "fused_id": f, "score": s, "reason": r}
                                        for e, f, s, r in update.memberships])
            # A fused event whose every report was re-coded away is gone.
            conn.execute(fused_events.delete().where(fused_events.c.fused_id.not_in(sa.select(fusion.c.fused_id))))
            self._carry_reviews(conn, reviewed_before)
            current = self._reviews_of(conn, [f["fused_id"] for f in update.fused])
            self._upsert(conn, fused_events, [_fused_row(f, current.get(f["fused_id"])) for f in update.fused])

    def _reviewed_memberships(self, conn: sa.Connection) -> dict[str, set[str]]:
        """The reports of each reviewed fused event, before a fusion pass regroups them."""
        members: dict[str, set[str]] = {}
        for fused_id, event_id in conn.execute(sa.select(fusion.c.fused_id, fusion.c.event_id).join(
                reviews, reviews.c.event_id == fusion.c.fused_id)):
            members.setdefault(fused_id, set()).add(event_id)
        return members

    def _carry_reviews(self, conn: sa.Connection, reviewed_before: dict[str, set[str]]) -> None:
        """A review follows its event when fusion regroups reports under a new ID: to the new fused event holding
        most of the reviewed one's reports (the latest review wins if two land on one event); the move is audited."""
        live = {row[0] for row in conn.execute(sa.select(fusion.c.fused_id).where(
            fusion.c.fused_id.in_(list(reviewed_before))))} if reviewed_before else set()
        for old_id, members in reviewed_before.items():
            if old_id in live:
                continue
            now_in = [row[0] for row in conn.execute(sa.select(fusion.c.fused_id).where(
                fusion.c.event_id.in_(list(members))))]
            if not now_in:
                continue  # every report is gone: the review stays, unattached, with its audit trail
            new_id = max(set(now_in), key=lambda fused_id: (now_in.count(fused_id), fused_id))
            moved = self._reviews_of(conn, [old_id, new_id])
            old, existing = moved[old_id], moved.get(new_id)
            conn.execute(reviews.delete().where(reviews.c.event_id == old_id))
            if existing is None or existing.reviewed_at < old.reviewed_at:
                self._upsert(conn, reviews, [{"event_id": new_id, "status": old.status,
                                              "overrides": json.dumps(old.overrides), "reviewer": old.reviewer,
                                              "reviewed_at": old.reviewed_at}])
            conn.execute(audit.insert().values(event_id=new_id, action="carried", before=json.dumps({"event_id": old_id}),
                                               after=json.dumps({"event_id": new_id}), reviewer="conflictlens fuse",
                                               at=_now()))

    def _reviews_of(self, conn: sa.Connection, event_ids: list[str]) -> dict[str, Review]:
        found: dict[str, Review] = {}
        for chunk in _chunks(event_ids):
            for row in conn.execute(sa.select(reviews).where(reviews.c.event_id.in_(chunk))):
                found[row[0]] = _review(row)
        return found

    def fused_events(self, query: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Fused events as flat records, as reviewed, filtered like ``events``; ``contested`` keeps only contested
        ones, and rejected events are left out unless asked for."""
        return _reviewed_records(self._all(self._fused_select(query)))

    def fused_page(self, query: EventFilter = EventFilter()) -> FusedPage:
        """A page of ``fused_events`` and how many events match in all, both read from one snapshot: a fusion pass
        committing between the two reads cannot make the total and the page disagree."""
        count = sa.select(sa.func.count()).select_from(fused_events).where(*self._conditions(fused_events, query))
        with self._snapshot() as conn:
            total = int(conn.execute(count).scalar_one())
            rows = list(conn.execute(self._fused_select(query)).all())
        return FusedPage(total, _reviewed_records(rows))

    def _fused_select(self, query: EventFilter) -> sa.Select[Any]:
        statement = sa.select(fused_events.c.record, *reviews.c).outerjoin(
            reviews, reviews.c.event_id == fused_events.c.fused_id).where(
            *self._conditions(fused_events, query)).order_by(*_fused_order(query.order), fused_events.c.fused_id)
        return _paged(statement, query)

    @contextmanager
    def _snapshot(self) -> Iterator[sa.Connection]:
        """A read-only transaction whose statements all see the store as it was at its first read."""
        with self.engine.connect() as conn:
            if self.backend == "sqlite":
                # pysqlite opens no transaction before a SELECT, so each would read its own snapshot: open one.
                conn.exec_driver_sql("BEGIN")
            else:
                conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            try:
                yield conn
            finally:
                conn.rollback()  # it wrote nothing: ending it releases the snapshot

    def event_numbers(self, prefixes: dict[str, str]) -> dict[str, int]:
        """Each fused event's number within its prefix (``{fused_id: prefix}``), numbering new ones after the highest
        number of their prefix, so that an event keeps its number from one export to the next."""
        wanted = dict(prefixes)
        numbers: dict[str, int] = {}
        for part in _chunks(list(wanted)):
            numbers.update((row[0], int(row[1])) for row in self._all(
                sa.select(event_numbers.c.fused_id, event_numbers.c.number).where(event_numbers.c.fused_id.in_(part))))
        new = [fused_id for fused_id in wanted if fused_id not in numbers]
        if not new:
            return numbers
        with self._write() as conn:
            highest = dict(conn.execute(sa.select(event_numbers.c.prefix, sa.func.max(event_numbers.c.number)).where(
                event_numbers.c.prefix.in_({wanted[f] for f in new})).group_by(event_numbers.c.prefix)).all())
            rows = []
            for fused_id in new:
                prefix = wanted[fused_id]
                highest[prefix] = (highest.get(prefix) or 0) + 1
                rows.append({"fused_id": fused_id, "prefix": prefix, "number": highest[prefix]})
                numbers[fused_id] = highest[prefix]
            conn.execute(event_numbers.insert(), rows)
        return numbers

    def processed_times(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """When each document was last coded (ISO time, UTC)."""
        times: dict[str, str] = {}
        for part in _chunks(list(dict.fromkeys(doc_ids))):
            times.update((row[0], row[1]) for row in self._all(
                sa.select(documents.c.doc_id, documents.c.processed_at).where(documents.c.doc_id.in_(part))))
        return times

    def fused_timeline(self, query: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """How many filtered events, and deaths, fall in each month, with the events of each type."""
        month = sa.func.substr(fused_events.c.event_date, 1, 7)
        kind = fused_events.c.event_type
        statement = sa.select(month, kind, sa.func.count(), sa.func.sum(fused_events.c.fatalities)).where(
            fused_events.c.event_date.is_not(None), *self._conditions(fused_events, query)).group_by(
            month, kind).order_by(month, kind)
        months: dict[str, dict[str, Any]] = {}
        for m, event_type, n, f in self._all(statement):
            row = months.setdefault(m, {"month": m, "events": 0, "fatalities": 0, "by_type": {}})
            row["events"] += int(n)
            row["fatalities"] += int(f or 0)
            row["by_type"][event_type] = int(n)
        return list(months.values())

    def fused_actor_counts(self, query: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Actors of the filtered events as reviewed, with how many events each takes part in."""
        counts: dict[str, int] = {}
        for record in self.fused_events(query):
            for name in actor_names(record):
                counts[name] = counts.get(name, 0) + 1
        return [{"name": name, "events": n} for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def reviews(self, event_id: str | None = None) -> dict[str, Review]:
        """Current reviews by fused event ID (of one event when ``event_id`` is given)."""
        statement = sa.select(reviews)
        if event_id:
            statement = statement.where(reviews.c.event_id == event_id)
        return {row[0]: _review(row) for row in self._all(statement)}

    def save_review(self, review: Review, action: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Set an event's review, its filtered columns and the audit log, in one transaction."""
        with self._write() as conn:
            self._upsert(conn, reviews, [{"event_id": review.event_id, "status": review.status,
                                          "overrides": json.dumps(review.overrides), "reviewer": review.reviewer,
                                          "reviewed_at": review.reviewed_at}])
            conn.execute(audit.insert().values(
                event_id=review.event_id, action=action, before=json.dumps(before, default=json_default),
                after=json.dumps(after, default=json_default), reviewer=review.reviewer, at=review.reviewed_at))
            row = conn.execute(sa.select(fused_events.c.data).where(fused_events.c.fused_id == review.event_id)).first()
            if row is not None:
                columns = filter_columns(after, json.loads(row[0]))
                conn.execute(fused_events.update().where(fused_events.c.fused_id == review.event_id).values(
                    {k: v for k, v in columns.items() if k in fused_events.c}))

    def audit_trail(self, event_id: str) -> list[dict[str, Any]]:
        rows = self._all(sa.select(audit).where(audit.c.event_id == event_id).order_by(audit.c.audit_id))
        return [{"audit_id": r[0], "event_id": r[1], "action": r[2], "before": json.loads(r[3]),
                 "after": json.loads(r[4]), "reviewer": r[5], "at": r[6]} for r in rows]

    def save_token(self, name: str, hashed: str, *, expires_at: str | None) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(api_tokens.insert().values(name=name, token_hash=hashed, created_at=_now(),
                                                        expires_at=expires_at))
        except sa.exc.IntegrityError:
            raise StoreError(f"a token named {name!r} exists already: choose another name") from None

    def token(self, hashed: str) -> ApiToken | None:
        """The token with this hash, revoked or expired as it may be."""
        row = self._first(sa.select(*TOKEN_COLUMNS).where(api_tokens.c.token_hash == hashed))
        return _token(row) if row else None

    def tokens(self) -> list[ApiToken]:
        """Every token, oldest first."""
        return [_token(row) for row in self._all(sa.select(*TOKEN_COLUMNS).order_by(api_tokens.c.created_at,
                                                                                     api_tokens.c.name))]

    def revoke_token(self, name: str, at: str) -> None:
        """Revoke the token named ``name`` (one revoked before keeps its first revocation time)."""
        with self._write() as conn:
            conn.execute(api_tokens.update().where(api_tokens.c.name == name, api_tokens.c.revoked_at.is_(None))
                         .values(revoked_at=at))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self._first(sa.select(documents).where(documents.c.doc_id == doc_id))
        if row is None:
            return None
        document = dict(row._mapping)
        document["outlets_named"], document["warnings"] = json.loads(row.outlets_named), json.loads(row.warnings)
        return document

    def fused_event_details(self) -> Iterator[dict[str, Any]]:
        """Every fused event in full (reports, claims, evidence), for JSON Lines export."""
        with self.engine.connect() as conn:
            for (data,) in conn.execute(sa.select(fused_events.c.data).order_by(
                    fused_events.c.event_date.nulls_last(), fused_events.c.fused_id)):
                yield json.loads(data)

    def _fused_row(self, event_id: str, *columns: sa.ColumnElement[Any]) -> Any:
        """A fused event's columns, by its own ID or by the ID of any report in it."""
        return self._first(sa.select(*columns).where(sa.or_(
            fused_events.c.fused_id == event_id,
            fused_events.c.fused_id == sa.select(fusion.c.fused_id).where(fusion.c.event_id == event_id)
            .scalar_subquery())))

    def fused_event(self, event_id: str) -> dict[str, Any] | None:
        """A fused event in full, by its own ID or by the ID of any report in it."""
        row = self._fused_row(event_id, fused_events.c.data)
        return json.loads(row[0]) if row else None

    def fused_record(self, event_id: str) -> tuple[str, dict[str, Any]] | None:
        """A fused event's ID and flat record as the machine coded it (no review applied), by either ID."""
        row = self._fused_row(event_id, fused_events.c.fused_id, fused_events.c.record)
        return (row[0], json.loads(row[1])) if row else None

    def document_texts(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Outlet, title, address, text and coding warnings of documents, for showing evidence in context."""
        found = {}
        for chunk in _chunks(doc_ids):
            for row in self._all(sa.select(documents.c.doc_id, documents.c.outlet, documents.c.title,
                                           documents.c.url, documents.c.text, documents.c.warnings).where(
                                               documents.c.doc_id.in_(chunk))):
                found[row[0]] = {"outlet": row[1], "title": row[2], "url": row[3], "text": row[4],
                                 "warnings": json.loads(row[5] or "[]")}
        return found

    def start_run(self, inputs: list[str]) -> int:
        """Note that a run over ``inputs`` began, so that ``process --resume`` can find it if it is killed."""
        with self._write() as conn:
            run_id = conn.execute(runs.insert().values(inputs=json.dumps(inputs), started_at=_now()).returning(
                runs.c.run_id)).scalar_one()
        return int(run_id)

    def finish_run(self, run_id: int) -> None:
        with self._write() as conn:
            conn.execute(runs.update().where(runs.c.run_id == run_id).values(finished_at=_now()))

    def interrupted_run(self) -> list[str] | None:
        """The inputs of the latest run, when it never finished."""
        row = self._first(sa.select(runs.c.inputs, runs.c.finished_at).order_by(runs.c.run_id.desc()).limit(1))
        return json.loads(row[0]) if row and row[1] is None else None

    def feed_state(self, url: str) -> FeedState:
        row = self._first(sa.select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.url == url))
        return FeedState(url, *row) if row else FeedState(url)

    def save_feed_state(self, state: FeedState) -> None:
        with self._write() as conn:
            self._upsert(conn, feeds, [{"url": state.url, "etag": state.etag, "last_modified": state.last_modified,
                                        "checked_at": _now()}])

    def seen_item(self, item_id: str) -> bool:
        return self._first(sa.select(feed_items.c.item_id).where(feed_items.c.item_id == item_id)) is not None

    def mark_item_seen(self, item_id: str, feed_url: str) -> None:
        with self._write() as conn:
            self._upsert(conn, feed_items, [{"item_id": item_id, "feed_url": feed_url, "seen_at": _now()}],
                         replace=False)

    def failures(self) -> list[dict[str, str]]:
        rows = self._all(sa.select(failures.c.source_path, failures.c.reason, failures.c.failed_at).order_by(
            failures.c.source_path))
        return [{"source_path": r[0], "reason": r[1], "failed_at": r[2]} for r in rows]

    def status(self) -> dict[str, Any]:
        count = sa.func.count()
        unfused = sa.select(count).select_from(events.outerjoin(fusion, fusion.c.event_id == events.c.event_id)).where(
            fusion.c.event_id.is_(None))
        unattached = sa.select(count).select_from(reviews).where(reviews.c.event_id.not_in(
            sa.select(fused_events.c.fused_id)))
        with self.engine.connect() as conn:
            def one(statement: sa.Select[Any]) -> int:
                return int(conn.execute(statement).scalar_one())

            return {
                "store": self.location,
                "backend": self.backend + (" + PostGIS" if self.postgis else ""),
                "documents": one(sa.select(count).select_from(documents)),
                "events": one(sa.select(count).select_from(events)),
                "failures": one(sa.select(count).select_from(failures)),
                "copies": one(sa.select(count).select_from(document_copies)),
                "documents_with_warnings": one(sa.select(count).select_from(documents).where(
                    documents.c.warnings != "[]")),
                "fused_events": one(sa.select(count).select_from(fused_events)),
                "events_awaiting_fusion": one(unfused),
                "reviews": one(sa.select(count).select_from(reviews)),
                "reviews_without_event": one(unattached),
            }

    def document_warnings(self) -> list[tuple[str, str]]:
        """Every stored document's warnings ("cannot be dated", "unknown place"), as (path or ID, warning)."""
        statement = sa.select(documents.c.source_path, documents.c.doc_id, documents.c.warnings).where(
            documents.c.warnings != "[]").order_by(documents.c.source_path, documents.c.doc_id)
        return [(path or doc_id, warning) for path, doc_id, warnings in self._all(statement)
                for warning in json.loads(warnings or "[]")]

    def close(self) -> None:
        self.engine.dispose()


def _write_error(store: SQLStore, exc: sa.exc.DatabaseError) -> StoreError:
    return StoreError(f"cannot write to the store {store.location} ({_one_line(exc)}): check disk space, "
                      "permissions and that the server is up")


def open_store(url: str) -> SQLStore:
    """A store from a SQLite path, a ``sqlite:///path`` URL or a ``postgresql://user:password@host/db`` URL."""
    return SQLStore.open(url)


def _fused_row(fused: dict[str, Any], review: Review | None) -> dict[str, Any]:
    record = fused["record"]
    row = filter_columns(apply_review(record, review), fused["data"])
    row.update({"fused_id": fused["fused_id"], "window_start": fused["window_start"],
                "window_end": fused["window_end"], "status": fused["status"], "stale": 0,
                "record": json.dumps(record), "data": json.dumps(fused["data"], default=json_default)})
    return row


def _one_line(exc: sa.exc.DBAPIError) -> str:
    return " ".join(str(exc.orig).split())


def _review(row: Any) -> Review:
    """A review from a row of the reviews table's columns, in order."""
    return Review(row[0], row[1], json.loads(row[2]), row[3], row[4])


def _reviewed_records(rows: list[Any]) -> list[dict[str, Any]]:
    """Flat records as reviewed, from rows of a fused event's record and its review's columns (or NULLs)."""
    return [apply_review(json.loads(row[0]), _review(row[1:]) if row[1] else None) for row in rows]


def _token(row: Any) -> ApiToken:
    """A token from a row of ``TOKEN_COLUMNS``."""
    return ApiToken(row[0], row[1], row[2], row[3], row[4])


ORDER_COLUMNS = {"date": "event_date", "type": "event_type", "location": "location", "deaths": "fatalities",
                 "claim": "claim_status", "review": "review_status"}
ORDERS = ("need", *ORDER_COLUMNS, *(f"-{name}" for name in ORDER_COLUMNS))


def _fused_order(order: str) -> list[sa.ColumnElement[Any]]:
    """ORDER BY terms of an ``EventFilter.order``; undated events come last in a date order either way."""
    c = fused_events.c
    if order == "need":
        # Unreviewed first; among them claims no one vouches for (alleged, denied, unverified), then undated ones,
        # then single-source ones; the newest first within each.
        return [sa.case((c.review_status == "unreviewed", 0), else_=1),
                sa.case((c.claim_status.in_(("alleged", "denied", "unverified")), 0), else_=1),
                sa.case((c.event_date.is_(None), 0), else_=1),
                sa.case((c.status == "single-source", 0), else_=1),
                c.event_date.desc().nulls_last()]
    name = order.removeprefix("-")
    if name not in ORDER_COLUMNS:
        raise StoreError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")
    column = c[ORDER_COLUMNS[name]]
    return [(column.desc() if order.startswith("-") else column.asc()).nulls_last()]


def _paged(statement: sa.Select[Any], query: EventFilter) -> sa.Select[Any]:
    if query.limit is not None:
        statement = statement.limit(query.limit)
    return statement.offset(query.offset) if query.offset else statement


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
