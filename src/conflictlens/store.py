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
from conflictlens.model import DocumentFailure, ProcessedDocument

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


class Store(Protocol):
    """What every store backend offers the pipeline, CLI and API."""

    def save(self, result: ProcessedDocument) -> None: ...
    def record_failure(self, failure: DocumentFailure) -> None: ...
    def has_document(self, doc_id: str) -> bool: ...
    def events(self, query: EventFilter = ...) -> list[dict[str, Any]]: ...
    def status(self) -> dict[str, Any]: ...
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
                         json.dumps(record), json.dumps(event.to_dict(), default=_json_default)),
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
        sql, params = ["SELECT record FROM events WHERE 1=1"], []  # type: tuple[list[str], list[Any]]
        if query.date_from:
            sql.append("AND event_date >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to:
            sql.append("AND event_date <= ?")
            params.append(query.date_to.isoformat())
        if query.event_type:
            sql.append("AND lower(event_type) = lower(?)")
            params.append(query.event_type)
        if query.country:
            sql.append("AND lower(country) = lower(?)")
            params.append(query.country)
        if query.actor:
            sql.append("AND lower(record) LIKE ?")
            params.append(f"%{query.actor.lower()}%")
        if query.doc_id:
            sql.append("AND doc_id = ?")
            params.append(query.doc_id)
        sql.append("ORDER BY event_date IS NULL, event_date, doc_id, event_id")
        if query.limit:
            sql.append("LIMIT ?")
            params.append(query.limit)
        rows = [json.loads(r[0]) for r in self.conn.execute(" ".join(sql), params)]
        if query.actor:
            needle = query.actor.lower()
            rows = [r for r in rows if any(needle in (r.get(k) or "").lower()
                                           for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))]
        return rows

    def event_details(self, query: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """Full nested events (claims, evidence spans), for JSON Lines export."""
        ids = {r["event_id"] for r in self.events(query)}
        for event_id, data in self.conn.execute("SELECT event_id, data FROM events ORDER BY event_date, event_id"):
            if event_id in ids:
                yield json.loads(data)

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


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _json_default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set):
        return sorted(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")
