"""conflictlens: news reports about armed conflict in, ACLED-style coded events out.

The public API: ``load_pipeline`` (models and dictionaries), ``Pipeline.process`` (one
document), ``process_batch`` (many documents into a store), ``fuse_store`` (reports from many documents
into fused events), ``open_store`` and ``Settings``.
"""

from conflictlens.coding.fusion import load_fuser
from conflictlens.coding.pipeline import Pipeline, load_pipeline
from conflictlens.config import Settings
from conflictlens.errors import ConflictLensError
from conflictlens.model import Actor, Claim, Document, Event, FusedEvent, Place, ProcessedDocument, Source
from conflictlens.scale.batch import BatchReport, process_batch
from conflictlens.scale.fusing import fuse_store
from conflictlens.store.sql import EventFilter, SQLStore, Store, open_store

__all__ = [
    "Actor", "BatchReport", "Claim", "ConflictLensError", "Document", "Event", "EventFilter", "FusedEvent", "Pipeline",
    "Place", "ProcessedDocument", "SQLStore", "Settings", "Source", "Store", "fuse_store", "load_fuser",
    "load_pipeline", "open_store", "process_batch",
]
__version__ = "0.1.0"
