"""One exception tree for everything conflictlens raises on purpose.

Every message is a single line that says what went wrong and what to do next,
because the CLI prints it as-is and a batch report stores it per document.
"""

from __future__ import annotations


class ConflictLensError(Exception):
    """Root of every error conflictlens raises deliberately."""


class ConfigError(ConflictLensError):
    """A setting is missing, malformed or points at something that does not exist."""


class IngestError(ConflictLensError):
    """A document could not be read or decoded; the batch goes on without it."""


class ModelLoadError(ConflictLensError):
    """An NLP model or dictionary could not be loaded."""


class GazetteerError(ConflictLensError):
    """The gazetteer file is missing, corrupt or in an unknown format."""


class StoreError(ConflictLensError):
    """The event store could not be opened, read or written."""


class ExportError(ConflictLensError):
    """An export format is unknown or the destination cannot be written."""


class DocumentTimeout(ConflictLensError):
    """A document took longer to code than ``max_document_seconds``."""

