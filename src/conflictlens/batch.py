"""Batches: many inputs through one pipeline into one store, never stopping for a bad document."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from conflictlens.errors import ConflictLensError
from conflictlens.model import Document, DocumentFailure
from conflictlens.pipeline import Pipeline
from conflictlens.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchReport:
    processed: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[DocumentFailure] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.processed} processed, {self.skipped} already in the store, "
                f"{len(self.failures)} failed, {self.events} events")


def process_batch(pipeline: Pipeline, store: Store, items: Iterable[Document | DocumentFailure], *,
                  reprocess: bool = False, on_item: Callable[[], None] | None = None) -> BatchReport:
    """Process and store every document; failures are stored with their reason and the batch goes on.

    A document already in the store (same content hash) is skipped unless ``reprocess``, so a
    re-run, or a run resumed after being killed, adds nothing twice.
    """
    report = BatchReport()
    for item in items:
        if isinstance(item, DocumentFailure):
            store.record_failure(item)
            report.failures.append(item)
        elif not reprocess and store.has_document(item.doc_id):
            report.skipped += 1
            report.doc_ids.append(item.doc_id)
        else:
            failure: DocumentFailure | None = None
            try:
                result = pipeline.process(item)
            except ConflictLensError as exc:
                failure = DocumentFailure(item.source_path or item.doc_id, str(exc), item.doc_id)
            except Exception as exc:  # a pipeline bug on one document must not lose the rest of the batch
                log.debug("pipeline failed on %s", item.source_path, exc_info=True)
                failure = DocumentFailure(item.source_path or item.doc_id,
                                          f"internal error {type(exc).__name__}: {exc}; please report it", item.doc_id)
            else:
                store.save(result)
                report.processed += 1
                report.events += len(result.events)
                report.doc_ids.append(item.doc_id)
            if failure is not None:
                store.record_failure(failure)
                report.failures.append(failure)
        if on_item is not None:
            on_item()
    return report
