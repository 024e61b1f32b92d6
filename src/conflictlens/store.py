"""The embedded event store: SQLite, idempotent by content hash, with named migrations.

Documents are keyed by ``doc_id`` (hash of URL and text) and events by ``event_id`` (hash of
document, type, evidence span and trigger), so re-processing the same input replaces rows
instead of adding new ones. A document's events are replaced together with the document in one
transaction, so a killed run leaves either the old coding or the new one, never half.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from conflictlens.errors import StoreError
from conflictlens.feeds import FeedState
from conflictlens.model import DocumentFailure, ProcessedDocument, json_default
from conflictlens.review import Review, apply_review

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents_events_failures",
        """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            source_path TEXT,
            url TEXT,
            title TEXT,
            outlet TEXT,
            published_at TEXT,
            language TEXT,
            text TEXT NOT NULL,
            outlets_named TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]',
            processed_at TEXT NOT NULL
        );
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            event_date TEXT,
            end_date TEXT,
            event_type TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            actor1 TEXT,
            actor2 TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude REAL,
            longitude REAL,
            fatalities INTEGER NOT NULL DEFAULT 0,
            claim_status TEXT,
            kind TEXT,
            record TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX events_doc ON events(doc_id);
        CREATE INDEX events_date ON events(event_date);
        CREATE INDEX events_type ON events(event_type);
        CREATE INDEX events_country ON events(country);
        CREATE TABLE failures (
            source_path TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            doc_id TEXT,
            failed_at TEXT NOT NULL
        );
        """,
    ),
    (
        "0002_fusion",
        """
        CREATE TABLE fused_events (
            fused_id TEXT PRIMARY KEY,
            event_date TEXT,
            window_start TEXT,
            window_end TEXT,
            event_type TEXT NOT NULL,
            country TEXT,
            status TEXT NOT NULL,
            stale INTEGER NOT NULL DEFAULT 0,
            record TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX fused_window ON fused_events(window_start, window_end);
        CREATE INDEX fused_status ON fused_events(status);
        CREATE TABLE fusion (
            event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
            fused_id TEXT NOT NULL,
            score REAL NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX fusion_fused ON fusion(fused_id);
        CREATE TABLE event_vectors (
            event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
            vector BLOB NOT NULL
        );
        """,
    ),
    (
        "0003_runs",
        """
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY AUTOINCREMENT,
            inputs TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        """,
    ),
    (
        "0004_feeds",
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT NOT NULL
        );
        CREATE TABLE feed_items (
            item_id TEXT PRIMARY KEY,
            feed_url TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        """,
    ),
    (
        "0005_review",
        """
        CREATE TABLE api_tokens (
            name TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE reviews (
            event_id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            overrides TEXT NOT NULL DEFAULT '{}',
            reviewer TEXT NOT NULL,
            reviewed_at TEXT NOT NULL
        );
        CREATE TABLE audit (
            audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX audit_event ON audit(event_id);
        """,
    ),
]


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
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # words that must all appear in the notes
    include_rejected: bool = False


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
    """What every store backend offers the pipeline, CLI and API."""

    def save(self, result: ProcessedDocument) -> None: ...
    def record_failure(self, failure: DocumentFailure) -> None: ...
    def has_document(self, doc_id: str) -> bool: ...
    def events(self, query: EventFilter = ...) -> list[dict[str, Any]]: ...
    def status(self) -> dict[str, Any]: ...
    def unfused_reports(self, *, everything: bool = False) -> list[StoredReport]: ...
    def fusion_candidates(self, start: dt.date | None, end: dt.date | None) -> list[StoredReport]: ...
    def save_fusion(self, update: FusionUpdate) -> None: ...
    def fused_events(self, query: EventFilter = ...) -> list[dict[str, Any]]: ...
    def fused_event_details(self) -> Iterator[dict[str, Any]]: ...
    def fused_event(self, event_id: str) -> dict[str, Any] | None: ...
    def close(self) -> None: ...


class SQLiteStore:
    """The default store: one SQLite file. ``open`` connects and migrates; the constructor does nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def open(cls, path: str | Path) -> SQLiteStore:
        store = cls(Path(path))
        try:
            store.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(store.path, timeout=30)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA journal_mode=WAL")
            store._conn = conn
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {path} ({exc}): is it a conflictlens SQLite file?") from exc
        return store

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("store is not open: use SQLiteStore.open(path)")
        return self._conn

    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        applied = {row[0] for row in self.conn.execute("SELECT name FROM schema_migrations")}
        for name, sql in MIGRATIONS:
            if name in applied:
                continue
            with self.conn:
                self.conn.executescript(f"BEGIN; {sql}; INSERT INTO schema_migrations VALUES ('{name}', "
                                        f"'{_now()}'); COMMIT;")

    def save(self, result: ProcessedDocument) -> None:
        document = result.document
        try:
            with self.conn:
                # The fused events this document reported are rebuilt by the next fusion pass.
                self.conn.execute("UPDATE fused_events SET stale = 1 WHERE fused_id IN (SELECT f.fused_id FROM fusion f"
                                  " JOIN events e ON e.event_id = f.event_id WHERE e.doc_id = ?)", (document.doc_id,))
                self.conn.execute("DELETE FROM events WHERE doc_id = ?", (document.doc_id,))
                self.conn.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (document.doc_id, document.source_path, document.url, document.title, document.outlet,
                     document.published_at.isoformat() if document.published_at else None, document.language,
                     document.text, json.dumps(document.outlets_named), json.dumps(document.warnings), _now()),
                )
                for event in result.events:
                    record = event.to_record()
                    self.conn.execute(
                        "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (event.event_id, document.doc_id, record["event_date"], record["end_date"],
                         event.event_type, event.sub_event_type, record["actor1"], record["actor2"],
                         record["country"], record["admin1"], record["location"], record["latitude"],
                         record["longitude"], event.fatalities, event.claim_status, event.kind,
                         json.dumps(record), json.dumps(event.to_dict(), default=json_default)),
                    )
                if document.source_path:
                    self.conn.execute("DELETE FROM failures WHERE source_path = ?", (document.source_path,))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the store {self.path} ({exc}): check disk space and permissions") from exc

    def record_failure(self, failure: DocumentFailure) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO failures VALUES (?,?,?,?)",
                              (failure.source_path, failure.reason, failure.doc_id, _now()))

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone() is not None

    def events(self, query: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Each document's own codings as flat records, filtered."""
        where, params = ("WHERE doc_id = ?", [query.doc_id]) if query.doc_id else ("", [])
        rows = [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT record FROM events {where} ORDER BY event_date IS NULL, event_date, doc_id, event_id", params)]
        return [r for r in rows if _record_matches(r, query)][: query.limit or None]

    def event_details(self, query: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """Full nested events (claims, evidence spans), for JSON Lines export."""
        ids = {r["event_id"] for r in self.events(query)}
        for event_id, data in self.conn.execute("SELECT event_id, data FROM events ORDER BY event_date, event_id"):
            if event_id in ids:
                yield json.loads(data)

    def unfused_reports(self, *, everything: bool = False) -> list[StoredReport]:
        """Events no fusion pass has placed yet (or, with ``everything``, all events)."""
        return self._reports("" if everything else "WHERE f.event_id IS NULL", ())

    def fusion_candidates(self, start: dt.date | None, end: dt.date | None) -> list[StoredReport]:
        """Fused reports that new reports dated between start and end could join, and those of stale events."""
        window = ("fe.stale = 1 OR fe.window_start IS NULL" if start is None or end is None else
                  "fe.stale = 1 OR fe.window_start IS NULL OR (fe.window_start <= ? AND fe.window_end >= ?)")
        params = () if start is None or end is None else (end.isoformat(), start.isoformat())
        return self._reports(f"JOIN fused_events fe ON fe.fused_id = f.fused_id WHERE {window}", params,
                             stale_column="fe.stale")

    def _reports(self, where: str, params: tuple[Any, ...], *, stale_column: str = "0") -> list[StoredReport]:
        rows = self.conn.execute(
            f"SELECT e.data, d.outlet, d.outlets_named, d.published_at, v.vector, f.fused_id, f.score, f.reason, "
            f"{stale_column} "
            "FROM events e JOIN documents d ON d.doc_id = e.doc_id LEFT JOIN fusion f ON f.event_id = e.event_id "
            f"LEFT JOIN event_vectors v ON v.event_id = e.event_id {where} ORDER BY e.event_id", params)
        return [StoredReport(json.loads(data), outlet, json.loads(named),
                             dt.date.fromisoformat(published) if published else None, vector, fused_id,
                             score if score is not None else 1.0, reason or "", bool(stale))
                for data, outlet, named, published, vector, fused_id, score, reason, stale in rows]

    def save_fusion(self, update: FusionUpdate) -> None:
        try:
            with self.conn:
                if update.rebuild:
                    self.conn.execute("DELETE FROM fusion")
                    self.conn.execute("DELETE FROM fused_events")
                self.conn.executemany("INSERT OR REPLACE INTO event_vectors VALUES (?,?)", update.vectors.items())
                self.conn.executemany("INSERT OR REPLACE INTO fusion VALUES (?,?,?,?)", update.memberships)
                self.conn.executemany(
                    "INSERT OR REPLACE INTO fused_events VALUES (?,?,?,?,?,?,?,0,?,?)",
                    [(f["fused_id"], f["record"]["event_date"], f["window_start"], f["window_end"],
                      f["record"]["event_type"], f["record"]["country"], f["status"], json.dumps(f["record"]),
                      json.dumps(f["data"], default=json_default)) for f in update.fused])
                # A fused event whose every report was re-coded away is gone.
                self.conn.execute("DELETE FROM fused_events WHERE fused_id NOT IN (SELECT fused_id FROM fusion)")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the store {self.path} ({exc}): check disk space and permissions") from exc

    def fused_events(self, query: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Fused events as flat records, as reviewed, filtered like ``events``; ``contested`` keeps only contested
        ones, and rejected events are left out unless asked for."""
        reviews = self.reviews()
        rows = [apply_review(json.loads(record), reviews.get(fused_id)) for fused_id, record in self.conn.execute(
            "SELECT fused_id, record FROM fused_events ORDER BY event_date IS NULL, event_date, fused_id")]
        return [r for r in rows if _record_matches(r, query)][: query.limit or None]

    def reviews(self, event_id: str | None = None) -> dict[str, Review]:
        """Current reviews by fused event ID (of one event when ``event_id`` is given)."""
        where, params = ("WHERE event_id = ?", (event_id,)) if event_id else ("", ())
        return {row[0]: Review(row[0], row[1], json.loads(row[2]), row[3], row[4]) for row in self.conn.execute(
            f"SELECT event_id, status, overrides, reviewer, reviewed_at FROM reviews {where}", params)}

    def save_review(self, review: Review, action: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Set an event's review and log the change, in one transaction."""
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO reviews VALUES (?,?,?,?,?)",
                              (review.event_id, review.status, json.dumps(review.overrides), review.reviewer,
                               review.reviewed_at))
            self.conn.execute("INSERT INTO audit (event_id, action, before, after, reviewer, at) VALUES (?,?,?,?,?,?)",
                              (review.event_id, action, json.dumps(before, default=json_default),
                               json.dumps(after, default=json_default), review.reviewer, review.reviewed_at))

    def audit_trail(self, event_id: str) -> list[dict[str, Any]]:
        return [{"audit_id": r[0], "event_id": r[1], "action": r[2], "before": json.loads(r[3]),
                 "after": json.loads(r[4]), "reviewer": r[5], "at": r[6]} for r in self.conn.execute(
                     "SELECT audit_id, event_id, action, before, after, reviewer, at FROM audit WHERE event_id = ? "
                     "ORDER BY audit_id", (event_id,))]

    def save_token(self, name: str, hashed: str) -> None:
        try:
            with self.conn:
                self.conn.execute("INSERT INTO api_tokens VALUES (?,?,?)", (name, hashed, _now()))
        except sqlite3.IntegrityError:
            raise StoreError(f"a token named {name!r} exists already: choose another name") from None

    def token_owner(self, hashed: str) -> str | None:
        row = self.conn.execute("SELECT name FROM api_tokens WHERE token_hash = ?", (hashed,)).fetchone()
        return row[0] if row else None

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT doc_id, source_path, url, title, outlet, published_at, language, text, "
                                "outlets_named, warnings, processed_at FROM documents WHERE doc_id = ?",
                                (doc_id,)).fetchone()
        if row is None:
            return None
        keys = ("doc_id", "source_path", "url", "title", "outlet", "published_at", "language", "text",
                "outlets_named", "warnings", "processed_at")
        document = dict(zip(keys, row, strict=True))
        document["outlets_named"], document["warnings"] = json.loads(row[8]), json.loads(row[9])
        return document

    def fused_event_details(self) -> Iterator[dict[str, Any]]:
        """Every fused event in full (reports, claims, evidence), for JSON Lines export."""
        for (data,) in self.conn.execute("SELECT data FROM fused_events ORDER BY event_date IS NULL, event_date, "
                                         "fused_id"):
            yield json.loads(data)

    def fused_event(self, event_id: str) -> dict[str, Any] | None:
        """A fused event by its own ID or by the ID of any report in it."""
        row = self.conn.execute(
            "SELECT data FROM fused_events WHERE fused_id = ? OR fused_id = (SELECT fused_id FROM fusion WHERE "
            "event_id = ?)", (event_id, event_id)).fetchone()
        return json.loads(row[0]) if row else None

    def fused_record(self, event_id: str) -> tuple[str, dict[str, Any]] | None:
        """A fused event's ID and flat record as the machine coded it (no review applied), by either ID."""
        row = self.conn.execute(
            "SELECT fused_id, record FROM fused_events WHERE fused_id = ? OR fused_id = (SELECT fused_id FROM fusion "
            "WHERE event_id = ?)", (event_id, event_id)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def document_texts(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Outlet, title and text of documents, for showing evidence in context."""
        marks = ",".join("?" * len(doc_ids))
        return {r[0]: {"outlet": r[1], "title": r[2], "url": r[3], "text": r[4]} for r in self.conn.execute(
            f"SELECT doc_id, outlet, title, url, text FROM documents WHERE doc_id IN ({marks})", doc_ids)}

    def start_run(self, inputs: list[str]) -> int:
        """Note that a run over ``inputs`` began, so that ``process --resume`` can find it if it is killed."""
        with self.conn:
            cursor = self.conn.execute("INSERT INTO runs (inputs, started_at) VALUES (?, ?)",
                                       (json.dumps(inputs), _now()))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        with self.conn:
            self.conn.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", (_now(), run_id))

    def interrupted_run(self) -> list[str] | None:
        """The inputs of the latest run, when it never finished."""
        row = self.conn.execute("SELECT inputs, finished_at FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row and row[1] is None else None

    def feed_state(self, url: str) -> FeedState:
        row = self.conn.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(url, *row) if row else FeedState(url)

    def save_feed_state(self, state: FeedState) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO feeds VALUES (?,?,?,?)",
                              (state.url, state.etag, state.last_modified, _now()))

    def seen_item(self, item_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM feed_items WHERE item_id = ?", (item_id,)).fetchone() is not None

    def mark_item_seen(self, item_id: str, feed_url: str) -> None:
        with self.conn:
            self.conn.execute("INSERT OR IGNORE INTO feed_items VALUES (?,?,?)", (item_id, feed_url, _now()))

    def failures(self) -> list[dict[str, str]]:
        return [{"source_path": r[0], "reason": r[1], "failed_at": r[2]}
                for r in self.conn.execute("SELECT source_path, reason, failed_at FROM failures ORDER BY source_path")]

    def status(self) -> dict[str, Any]:
        one = self.conn.execute
        return {
            "store": str(self.path),
            "documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "events": one("SELECT COUNT(*) FROM events").fetchone()[0],
            "failures": one("SELECT COUNT(*) FROM failures").fetchone()[0],
            "documents_with_warnings": one("SELECT COUNT(*) FROM documents WHERE warnings != '[]'").fetchone()[0],
            "fused_events": one("SELECT COUNT(*) FROM fused_events").fetchone()[0],
            "events_awaiting_fusion": one("SELECT COUNT(*) FROM events e LEFT JOIN fusion f ON f.event_id = "
                                          "e.event_id WHERE f.event_id IS NULL").fetchone()[0],
        }

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def open_store(url: str) -> SQLiteStore:
    """A store from a path or ``sqlite:///path`` URL; server stores arrive with issue #5."""
    if url.startswith("sqlite:///"):
        return SQLiteStore.open(url.removeprefix("sqlite:///"))
    if "://" in url:
        raise StoreError(f"store URL {url!r} is not supported yet: give a SQLite file path")
    return SQLiteStore.open(url)


def _record_matches(record: dict[str, Any], query: EventFilter) -> bool:
    date = record.get("event_date")
    if query.date_from and (date is None or date < query.date_from.isoformat()):
        return False
    if query.date_to and (date is None or date > query.date_to.isoformat()):
        return False
    if query.event_type and (record.get("event_type") or "").lower() != query.event_type.lower():
        return False
    if query.country and (record.get("country") or "").lower() != query.country.lower():
        return False
    if query.actor and not any(query.actor.lower() in (record.get(k) or "").lower()
                               for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")):
        return False
    if query.doc_id and query.doc_id not in (record.get("doc_id") or "").split("; "):
        return False
    if query.admin1 and (record.get("admin1") or "").lower() != query.admin1.lower():
        return False
    if query.claim_status and record.get("claim_status") != query.claim_status:
        return False
    if query.bbox is not None:
        west, south, east, north = query.bbox
        lat, lon = record.get("latitude"), record.get("longitude")
        if lat is None or lon is None or not (south <= lat <= north and west <= lon <= east):
            return False
    if query.text and not all(word in (record.get("notes") or "").lower() for word in query.text.lower().split()):
        return False
    if not query.include_rejected and record.get("review_status") == "rejected":
        return False
    return not query.contested or record.get("fusion_status") == "contested"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
