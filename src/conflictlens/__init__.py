"""conflictlens: news reports about armed conflict in, ACLED-style coded events out.

The public API: ``load_pipeline`` (models and dictionaries), ``Pipeline.process`` (one
document), ``process_batch`` (many documents into a store), ``fuse_store`` (reports from many documents
into fused events), ``open_store`` and ``Settings``.

Names are imported on first use, so that importing one light module (the ingest, the store, the CLI's
``--help``) does not load spaCy and the models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOMES = {
    "load_fuser": "conflictlens.coding.fusion",
    "Pipeline": "conflictlens.coding.pipeline", "load_pipeline": "conflictlens.coding.pipeline",
    "Settings": "conflictlens.config",
    "ConflictLensError": "conflictlens.errors",
    **{name: "conflictlens.model" for name in
       ("Actor", "Claim", "Document", "Event", "FusedEvent", "Place", "ProcessedDocument", "Source")},
    "BatchReport": "conflictlens.scale.batch", "process_batch": "conflictlens.scale.batch",
    "fuse_store": "conflictlens.scale.fusing",
    **{name: "conflictlens.store.sql" for name in ("EventFilter", "SQLStore", "Store", "open_store")},
}

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'conflictlens' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
