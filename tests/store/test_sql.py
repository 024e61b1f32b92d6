"""The store on both backends: SQLite and PostgreSQL (see conftest for the server)."""

import datetime as dt
import sqlite3

import pytest

from conflictlens.coding.ingest import iter_documents
from conflictlens.errors import StoreError
from conflictlens.model import Document, DocumentFailure
from conflictlens.scale.batch import process_batch
from conflictlens.store.sql import HEAD, EventFilter, SQLStore, open_store

REPORTS = [
    "JNIM fighters ambushed a convoy near Djibo on Sunday, killing 11 soldiers, the army said.",
    "Nigerien troops clashed with Islamic State militants near Tera on Saturday, the defence ministry said.",
]


def batch(pipeline, store, texts, **kwargs):  # type: ignore[no-untyped-def]
    docs = [Document(text=t, published_at=dt.date(2024, 5, 8), source_path=f"r{i}.txt") for i, t in enumerate(texts)]
    return process_batch(pipeline, store, docs, **kwargs)


def test_reprocessing_adds_no_duplicates(pipeline, store_url):
    store = SQLStore.open(store_url)
    first = batch(pipeline, store, REPORTS)
    assert (first.processed, first.events) == (2, 2)
    again = batch(pipeline, store, REPORTS)
    assert (again.processed, again.skipped) == (0, 2)
    forced = batch(pipeline, store, REPORTS, reprocess=True)
    assert forced.processed == 2
    assert store.status()["documents"] == 2 and store.status()["events"] == 2


def test_filters(pipeline, store_url):
    store = SQLStore.open(store_url)
    batch(pipeline, store, REPORTS)
    assert [r["country"] for r in store.events(EventFilter(country="niger"))] == ["Niger"]
    for code in ("NE", "ne", "NER"):  # ISO 3166 codes stand for their country
        assert [r["country"] for r in store.events(EventFilter(country=code))] == ["Niger"]
    assert store.events(EventFilter(country="XX")) == []
    assert [r["actor1"] for r in store.events(EventFilter(actor="jnim"))] == [
        "JNIM: Group for Support of Islam and Muslims"]
    assert [r["event_date"] for r in store.events(EventFilter(date_from=dt.date(2024, 5, 5)))] == ["2024-05-05"]
    assert len(store.events(EventFilter(event_type="Battles", limit=1))) == 1


def test_failures_are_recorded_and_cleared_when_fixed(pipeline, store_url):
    store = SQLStore.open(store_url)
    report = process_batch(pipeline, store, [DocumentFailure("r0.txt", "empty input: nothing to process")])
    assert len(report.failures) == 1 and store.failures()[0]["reason"] == "empty input: nothing to process"
    batch(pipeline, store, REPORTS[:1])
    assert store.failures() == []


def test_a_crashing_document_does_not_stop_the_batch(pipeline, store_url, monkeypatch):
    store = SQLStore.open(store_url)
    real = pipeline.process_many

    def flaky(documents):  # type: ignore[no-untyped-def]
        return [RuntimeError("boom") if "Djibo" in document.text else result
                for document, result in zip(documents, real(documents), strict=True)]

    monkeypatch.setattr(pipeline, "process_many", flaky)
    report = batch(pipeline, store, REPORTS)
    assert report.processed == 1
    assert report.failures[0].reason == "internal error RuntimeError: boom; please report it"


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="is it a conflictlens SQLite file"):
        open_store(str(bad))


def test_migrations_are_applied_once_and_recorded(store_url):
    SQLStore.open(store_url).close()
    store = SQLStore.open(store_url)
    assert store.schema_version() == HEAD
    assert store.status()["documents"] == 0


def test_a_store_from_before_alembic_is_brought_up_to_date(tmp_path):
    """Stores made by the first releases recorded their migrations by name in schema_migrations."""
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript("""
        CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT);
        INSERT INTO schema_migrations VALUES ('0001_documents_events_failures', '2026-01-01');
        CREATE TABLE documents (doc_id TEXT PRIMARY KEY, source_path TEXT, url TEXT, title TEXT, outlet TEXT,
            published_at TEXT, language TEXT, text TEXT NOT NULL, outlets_named TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]', processed_at TEXT NOT NULL);
        CREATE TABLE events (event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, event_date TEXT, end_date TEXT,
            event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, actor1 TEXT, actor2 TEXT, country TEXT,
            admin1 TEXT, location TEXT, latitude REAL, longitude REAL, fatalities INTEGER NOT NULL DEFAULT 0,
            claim_status TEXT, kind TEXT, record TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE failures (source_path TEXT PRIMARY KEY, reason TEXT NOT NULL, doc_id TEXT, failed_at TEXT NOT NULL);
        INSERT INTO documents (doc_id, text, processed_at) VALUES ('d1', 'text', '2026-01-01');
        INSERT INTO events (event_id, doc_id, event_date, event_type, sub_event_type, actor1, record, data) VALUES
            ('e1', 'd1', '2024-05-05', 'Battles', 'Armed clash', 'JNIM',
             '{"actor1": "JNIM", "event_date": "2024-05-05", "notes": "JNIM clashed with the army"}', '{}');
    """)
    conn.commit()
    conn.close()
    store = SQLStore.open(old)
    assert store.schema_version() == HEAD
    assert [r["actor1"] for r in store.events(EventFilter(actor="jnim"))] == ["JNIM"]
    assert [r["actor1"] for r in store.events(EventFilter(text="army clashed"))] == ["JNIM"]


def test_bad_server_urls_are_refused_clearly(tmp_path):
    with pytest.raises(StoreError, match="not supported: give a SQLite file path or a postgresql://"):
        open_store("mysql://localhost/events")
    with pytest.raises(StoreError, match=r"cannot open the PostgreSQL store .*is the server running"):
        open_store(f"postgresql://nobody:secret@/events?host={tmp_path}&port=1")


def test_the_password_is_never_shown(tmp_path):
    with pytest.raises(StoreError) as caught:
        open_store(f"postgresql://nobody:hunter2@/events?host={tmp_path}&port=1")
    assert "hunter2" not in str(caught.value)


def test_a_review_follows_its_event_when_fusion_renames_it(pipeline, store_url):
    from conflictlens.coding.fusion import load_fuser
    from conflictlens.scale.fusing import fuse_store
    from conflictlens.store.review import review_event
    from conflictlens.store.sql import FusionUpdate

    store = SQLStore.open(store_url)
    batch(pipeline, store, REPORTS[:1])
    fuse_store(store, load_fuser(pipeline.knowledge, pipeline.actors))
    [event] = store.fused_events()
    review_event(store, event["event_id"], "edit", {"fatalities": 12}, "analyst", pipeline.knowledge.taxonomy)
    old_id, record = store.fused_record(event["event_id"]) or ("", {})
    data = store.fused_event(old_id)
    members = [(r.event["event_id"], "renamed", 1.0, "test") for r in store.unfused_reports(everything=True)]
    store.save_fusion(FusionUpdate([{"fused_id": "renamed", "status": "single-source", "window_start": None,
                                     "window_end": None, "record": {**record, "event_id": "renamed"}, "data": data}],
                                   members, {}, rebuild=True))
    [moved] = store.fused_events()
    assert (moved["event_id"], moved["fatalities"], moved["review_status"]) == ("renamed", 12, "edited")
    assert [a["action"] for a in store.audit_trail("renamed")] == ["carried"]
    assert store.status()["reviews_without_event"] == 0
    assert store.fused_events(EventFilter(text="djibo"))[0]["event_id"] == "renamed"


def test_nul_bytes_and_lone_surrogates_from_a_feed_are_stored_on_every_backend(pipeline, store_url, tmp_path):
    feed = tmp_path / "hostile.jsonl"
    feed.write_text('{"text": "' + REPORTS[0] + ' \\u0000 \\ud800", "outlet": "Radio\\u0000 Sahel"}\n',
                    encoding="utf-8")
    store = SQLStore.open(store_url)
    report = process_batch(pipeline, store, iter_documents([str(feed)], max_bytes=1_000_000, min_chars=40))
    assert (report.processed, report.failures) == (1, [])
    stored = store.document(report.doc_ids[0])
    assert stored is not None and "\x00" not in stored["text"] and stored["outlet"] == "Radio Sahel"
    store.close()
