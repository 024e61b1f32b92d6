"""A page of events and its total come from one snapshot: a fusion pass committing again and again while pages are
read never makes them disagree, on SQLite (WAL) and PostgreSQL."""

import threading
import time

from fastapi.testclient import TestClient

from conflictlens.config import Settings
from conflictlens.server.api import create_app
from conflictlens.store.sql import EventFilter, SQLStore

from .conftest import fusion, report

SMALL, LARGE = 30, 60
LIMIT, OFFSET = 50, 20


def test_a_page_and_its_total_agree_while_fusion_commits(store_url):
    reports = [report(n) for n in range(LARGE)]
    store = SQLStore.open(store_url)
    store.save_many(reports)
    store.save_fusion(fusion(reports))
    writer = SQLStore.open(store_url)  # opened here: Alembic's migration context is no thread's to share
    app = create_app(Settings(db=store_url))
    done = threading.Event()
    passes = 0

    def refuse_again_and_again() -> None:
        # Each pass forgets all fusion and places either every report or half of them, in one transaction.
        nonlocal passes
        while not done.is_set():
            writer.save_fusion(fusion(reports[:SMALL] if passes % 2 else reports, rebuild=True))
            passes += 1

    fusing = threading.Thread(target=refuse_again_and_again)
    fusing.start()
    seen: set[int] = set()
    pages = 0
    try:
        with TestClient(app) as client:
            deadline = time.monotonic() + 2
            while time.monotonic() < deadline or pages < 60:
                page = store.fused_page(EventFilter(limit=LIMIT, offset=OFFSET))
                total, count = page.total, len(page.events)
                if pages % 2:
                    answer = client.get("/api/events", params={"limit": LIMIT, "offset": OFFSET}).json()
                    total, count = answer["total"], len(answer["events"])
                assert total in {SMALL, LARGE} and count == min(total - OFFSET, LIMIT), (pages, total, count)
                seen.add(total)
                pages += 1
    finally:
        done.set()
        fusing.join()
        writer.close()
        store.close()
    assert passes >= 10 and seen == {SMALL, LARGE}, (passes, seen)  # the reads did overlap the fusion passes
