import datetime as dt
import sqlite3

import pytest

from conflictlens.batch import process_batch
from conflictlens.errors import StoreError
from conflictlens.model import Document, DocumentFailure
from conflictlens.store import EventFilter, SQLiteStore, open_store

REPORTS = [
    "JNIM fighters ambushed a convoy near Djibo on Sunday, killing 11 soldiers, the army said.",
    "Nigerien troops clashed with Islamic State militants near Tera on Saturday, the defence ministry said.",
]


def batch(pipeline, store, texts, **kwargs):  # type: ignore[no-untyped-def]
    docs = [Document(text=t, published_at=dt.date(2024, 5, 8), source_path=f"r{i}.txt") for i, t in enumerate(texts)]
    return process_batch(pipeline, store, docs, **kwargs)


def test_reprocessing_adds_no_duplicates(pipeline, tmp_path):
    store = SQLiteStore.open(tmp_path / "events.db")
    first = batch(pipeline, store, REPORTS)
    assert (first.processed, first.events) == (2, 2)
    again = batch(pipeline, store, REPORTS)
    assert (again.processed, again.skipped) == (0, 2)
    forced = batch(pipeline, store, REPORTS, reprocess=True)
    assert forced.processed == 2
    assert store.status()["documents"] == 2 and store.status()["events"] == 2


def test_filters(pipeline, tmp_path):
    store = SQLiteStore.open(tmp_path / "events.db")
    batch(pipeline, store, REPORTS)
    assert [r["country"] for r in store.events(EventFilter(country="niger"))] == ["Niger"]
    assert [r["actor1"] for r in store.events(EventFilter(actor="jnim"))] == [
        "JNIM: Group for Support of Islam and Muslims"]
    assert [r["event_date"] for r in store.events(EventFilter(date_from=dt.date(2024, 5, 5)))] == ["2024-05-05"]
    assert len(store.events(EventFilter(event_type="Battles", limit=1))) == 1


def test_failures_are_recorded_and_cleared_when_fixed(pipeline, tmp_path):
    store = SQLiteStore.open(tmp_path / "events.db")
    report = process_batch(pipeline, store, [DocumentFailure("r0.txt", "empty input: nothing to process")])
    assert len(report.failures) == 1 and store.failures()[0]["reason"] == "empty input: nothing to process"
    batch(pipeline, store, REPORTS[:1])
    assert store.failures() == []


def test_a_crashing_document_does_not_stop_the_batch(pipeline, tmp_path, monkeypatch):
    store = SQLiteStore.open(tmp_path / "events.db")
    real = pipeline.process

    def flaky(document):  # type: ignore[no-untyped-def]
        if "Djibo" in document.text:
            raise RuntimeError("boom")
        return real(document)

    monkeypatch.setattr(pipeline, "process", flaky)
    report = batch(pipeline, store, REPORTS)
    assert report.processed == 1
    assert report.failures[0].reason == "internal error RuntimeError: boom; please report it"


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="is it a conflictlens SQLite file"):
        open_store(str(bad))


def test_migrations_are_named_and_applied_once(tmp_path):
    SQLiteStore.open(tmp_path / "e.db").close()
    SQLiteStore.open(tmp_path / "e.db").close()
    names = [r[0] for r in sqlite3.connect(tmp_path / "e.db").execute("SELECT name FROM schema_migrations")]
    assert names == ["0001_documents_events_failures", "0002_fusion", "0003_runs", "0004_feeds"]


def test_server_urls_are_refused_clearly():
    with pytest.raises(StoreError, match="not supported yet"):
        open_store("postgresql://localhost/events")
