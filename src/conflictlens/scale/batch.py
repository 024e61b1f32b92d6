"""Batches: many inputs through one pipeline into one store, never stopping for a bad document."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from conflictlens.errors import ConflictLensError
from conflictlens.model import Document, DocumentFailure, ProcessedDocument
from conflictlens.store.sql import Store

if TYPE_CHECKING:
    from conflictlens.coding.pipeline import Pipeline

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchReport:
    processed: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[DocumentFailure] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (the document's path or ID, the warning)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (an input's path, the stored document it repeats)

    def record(self, store: Store, result: ProcessedDocument | DocumentFailure) -> None:
        """Write one coded document, or its failure, and count it."""
        if isinstance(result, DocumentFailure):
            store.record_failure(result)
        else:
            store.save(result)
        self.count(result)

    def record_all(self, store: Store, results: Sequence[ProcessedDocument | DocumentFailure]) -> None:
        """Write a group of results, the coded documents in one transaction (one commit, not one per document)."""
        coded = [r for r in results if isinstance(r, ProcessedDocument)]
        if coded:
            store.save_many(coded)
        for result in results:
            if isinstance(result, DocumentFailure):
                store.record_failure(result)
            self.count(result)

    def merge(self, other: BatchReport) -> None:
        """Add a report made elsewhere (a worker that stored its partition itself)."""
        self.processed += other.processed
        self.skipped += other.skipped
        self.events += other.events
        self.failures.extend(other.failures)
        self.doc_ids.extend(other.doc_ids)
        self.warnings.extend(other.warnings)
        self.copies.extend(other.copies)

    def skip(self, document: Document) -> None:
        """Count an input whose document is already stored (or queued): a re-run, or a copy under another path."""
        self.skipped += 1
        self.doc_ids.append(document.doc_id)
        if document.source_path:
            self.copies.append((document.source_path, document.doc_id))

    def record_copies(self, store: Store) -> None:
        """Record every skipped input under its own path (the store leaves out each document's own path)."""
        store.record_copies(self.copies)

    def count(self, result: ProcessedDocument | DocumentFailure) -> None:
        """Count a result that was written elsewhere (a whole partition at once)."""
        if isinstance(result, DocumentFailure):
            self.failures.append(result)
            return
        self.processed += 1
        self.events += len(result.events)
        self.doc_ids.append(result.document.doc_id)
        document = result.document
        self.warnings.extend((document.source_path or document.doc_id, w) for w in document.warnings)

    def summary(self) -> str:
        return (f"{self.processed} processed, {self.skipped} already in the store, "
                f"{len(self.failures)} failed, {self.events} events")


def code_documents(pipeline: Pipeline, documents: Sequence[Document]) -> list[ProcessedDocument | DocumentFailure]:
    """Code documents together (their parses batched); each error becomes its document's recorded failure."""
    return [result if isinstance(result, ProcessedDocument) else _failure(document, result)
            for document, result in zip(documents, pipeline.process_many(documents), strict=True)]


def _failure(document: Document, exc: Exception) -> DocumentFailure:
    if isinstance(exc, ConflictLensError):
        return DocumentFailure(document.source_path or document.doc_id, str(exc), document.doc_id)
    # A pipeline bug on one document must not lose the rest of the batch.
    log.debug("pipeline failed on %s", document.source_path, exc_info=exc)
    return DocumentFailure(document.source_path or document.doc_id,
                           f"internal error {type(exc).__name__}: {exc}; please report it", document.doc_id)


def process_batch(pipeline: Pipeline, store: Store, items: Iterable[Document | DocumentFailure], *,
                  reprocess: bool = False, on_item: Callable[[], None] | None = None) -> BatchReport:
    """Process and store every document; failures are stored with their reason and the batch goes on.

    A document already in the store (same content hash) is skipped unless ``reprocess``, so a
    re-run, or a run resumed after being killed, adds nothing twice. Documents are coded in groups of the
    pipeline's ``parse_batch_size`` (spaCy parses a group at once) and each is stored as soon as its group is
    coded, so a killed run loses at most one group's work, which the next run redoes.
    """
    report = BatchReport()
    waiting: list[Document] = []

    def code_waiting() -> None:
        results = code_documents(pipeline, waiting)
        report.record_all(store, results)
        if on_item is not None:
            for _ in results:
                on_item()
        waiting.clear()

    for item in items:
        if isinstance(item, DocumentFailure):
            report.record(store, item)
        elif any(w.doc_id == item.doc_id for w in waiting) or (not reprocess and store.has_document(item.doc_id)):
            report.skip(item)
        else:
            waiting.append(item)
            if len(waiting) >= pipeline.settings.parse_batch_size:
                code_waiting()
            continue
        if on_item is not None:
            on_item()
    code_waiting()
    report.record_copies(store)
    return report
