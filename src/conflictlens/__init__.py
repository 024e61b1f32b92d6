"""conflictlens: news reports about armed conflict in, ACLED-style coded events out.

The public API: ``load_pipeline`` (models and dictionaries), ``Pipeline.process`` (one
document), ``process_batch`` (many documents into a store), ``open_store`` and ``Settings``.
"""

from conflictlens.batch import BatchReport, process_batch
from conflictlens.config import Settings
from conflictlens.errors import ConflictLensError
from conflictlens.model import Actor, Claim, Document, Event, Place, ProcessedDocument, Source
from conflictlens.pipeline import Pipeline, load_pipeline
from conflictlens.store import EventFilter, SQLiteStore, Store, open_store

__all__ = [
    "Actor", "BatchReport", "Claim", "ConflictLensError", "Document", "Event", "EventFilter", "Pipeline", "Place",
    "ProcessedDocument", "SQLiteStore", "Settings", "Source", "Store", "load_pipeline", "open_store",
    "process_batch",
]
__version__ = "0.1.0"
