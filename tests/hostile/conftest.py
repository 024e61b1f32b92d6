"""Stores for the hostile-input tests, coded by hand: the tests that need no real coding run without loading spaCy.

Each report is one document with one event, fused alone (as fusion leaves a report no other one matches).
"""

from __future__ import annotations

import datetime as dt

from conflictlens.model import (
    Actor,
    Document,
    Event,
    FusedEvent,
    Place,
    ProcessedDocument,
    SourceReport,
    Span,
    TimePrecision,
)
from conflictlens.store.sql import FusionUpdate, SQLStore

PLACES = [("Djibo", "Burkina Faso", "Sahel", 14.10, -1.63), ("Ayorou", "Niger", "Tillaberi", 14.73, 0.92),
          ("Menaka", "Mali", "Menaka", 15.92, 2.40)]


def report(number: int) -> ProcessedDocument:
    """A one-event report: armed men attack one of ``PLACES`` on a day of March 2025."""
    location, country, admin1, latitude, longitude = PLACES[number % len(PLACES)]
    day = dt.date(2025, 3, 1) + dt.timedelta(days=number % 28)
    deaths = 3 + number % 7
    text = (f"Armed men attacked an army post near {location} on {day:%A}, killing {deaths} soldiers, "
            f"a local official said. Report number {number}.")
    document = Document(text=text, published_at=day + dt.timedelta(days=1), source_path=f"report{number}.txt",
                        outlet="Radio Sahel", url=f"https://example.org/report/{number}")
    event = Event(doc_id=document.doc_id, event_type="Battles", sub_event_type="Armed clash",
                  actor1=Actor("Unidentified Armed Group", "rebel", 3),
                  actor2=Actor(f"Military Forces of {country}", "state", 1), event_date=day,
                  time_precision=TimePrecision.DAY,
                  place=Place(location, country, admin1=admin1, latitude=latitude, longitude=longitude),
                  fatalities=deaths, fatalities_text=f"{deaths} soldiers", notes=text,
                  evidence=[Span(0, text.index(".") + 1)], trigger="attacked")
    event.assign_id()
    return ProcessedDocument(document, [event])


def fused(processed: ProcessedDocument) -> dict[str, object]:
    """The fused event of a report that stands alone, as a fusion pass hands it to the store."""
    event = processed.events[0]
    source = SourceReport(event.event_id, processed.document.doc_id, "Radio Sahel", "Radio Sahel", None, "reported",
                          event.fatalities, event.fatalities_text, processed.document.published_at)
    whole = FusedEvent(f"f{event.event_id}", event, [source], "single-source")
    day = event.event_date.isoformat() if event.event_date else None
    return {"fused_id": whole.fused_id, "status": whole.status, "record": whole.to_record(), "data": whole.to_dict(),
            "window_start": day, "window_end": day}


def fusion(reports: list[ProcessedDocument], *, rebuild: bool = False) -> FusionUpdate:
    """A fusion pass that places each report alone in its own event."""
    events = [fused(r) for r in reports]
    members = [(r.events[0].event_id, str(f["fused_id"]), 1.0, "alone") for r, f in zip(reports, events, strict=True)]
    return FusionUpdate(events, members, {}, rebuild=rebuild)


def fill(url: str, count: int) -> list[str]:
    """Store ``count`` reports, each fused alone; returns the fused events' IDs."""
    reports = [report(n) for n in range(count)]
    store = SQLStore.open(url)
    try:
        store.save_many(reports)
        update = fusion(reports)
        store.save_fusion(update)
    finally:
        store.close()
    return [str(f["fused_id"]) for f in update.fused]
