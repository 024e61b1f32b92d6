"""Scale-out: documents coded by Dask workers (local processes or a cluster), written by one writer.

Workers receive partitions of documents and return coded documents; each worker process loads the
pipeline once and keeps it. The client writes every result as it arrives, either to the store
(idempotent by content hash) or to partitioned Parquet files (``--out parquet://DIR``) that
``conflictlens load`` reads into a store later. Documents already written are not sent again, so a
run that was killed resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from conflictlens.coding.pipeline import Pipeline, load_pipeline
from conflictlens.config import Settings
from conflictlens.errors import ConflictLensError
from conflictlens.model import Document, DocumentFailure, Event, ProcessedDocument, content_hash, json_default
from conflictlens.scale.batch import BatchReport, code_documents
from conflictlens.store.sql import SQLStore

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)
PARQUET_SCHEME = "parquet://"


class ScaleOutError(ConflictLensError):
    """The cluster cannot be reached, or a Parquet output cannot be written or read."""


class Sink(Protocol):
    """Where coded documents go: the store, or a Parquet folder."""

    def has_document(self, doc_id: str) -> bool: ...
    def save(self, result: ProcessedDocument) -> None: ...
    def save_many(self, results: list[ProcessedDocument]) -> None: ...
    def record_failure(self, failure: DocumentFailure) -> None: ...
    def record_copies(self, copies: list[tuple[str, str]]) -> None: ...


@lru_cache(maxsize=2)
def _worker_pipeline(settings_json: str) -> Pipeline:
    """One pipeline per worker process and settings: models load once, not once per partition."""
    return load_pipeline(Settings.model_validate_json(settings_json))


def code_partition(settings_json: str, documents: list[Document]) -> list[ProcessedDocument | DocumentFailure]:
    """What a worker runs: code every document of a partition."""
    pipeline = _worker_pipeline(settings_json)
    return code_documents(pipeline, documents)


@lru_cache(maxsize=2)
def _worker_store(url: str) -> SQLStore:
    """One store connection pool per worker process."""
    return SQLStore.open(url)


def code_and_store_partition(settings_json: str, documents: list[Document], store_url: str) -> BatchReport:
    """What a worker runs when it can reach the store: code a partition and store it (one transaction), and send back
    only counts, failures and warnings. The coded documents never travel, and the client that waits for the
    partitions does not share the cores with the workers storing them."""
    report = BatchReport()
    report.record_all(_worker_store(store_url), code_partition(settings_json, documents))
    return report


def _store_for_workers(sink: Sink, client: Client) -> str | None:
    """The store's URL when the workers can write to it themselves: a PostgreSQL server, or a SQLite file when the
    workers run on this machine (a local cluster). Otherwise (Parquet, a remote cluster) results come back here."""
    if not isinstance(sink, SQLStore):
        return None
    if sink.backend == "postgresql" or getattr(client, "cluster", None) is not None:
        return sink.url_for_workers
    return None


def open_client(*, workers: int | None = None, address: str | None = None) -> Client:
    """A Dask client: a scheduler at ``address`` (tcp://host:8786), else a local cluster of worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ScaleOutError(f"scale-out needs dask.distributed ({exc}): run 'make install'") from exc
    if address and address != "local":
        try:
            return Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ScaleOutError(f"cannot reach the Dask scheduler at {address} ({exc}): is it running?") from exc
    count = workers or os.cpu_count() or 1
    logging.getLogger("distributed").setLevel(logging.ERROR)  # the in-process scheduler's start/stop chatter
    cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=logging.ERROR)
    return Client(cluster)


def process_distributed(settings: Settings, sink: Sink, items: Iterable[Document | DocumentFailure], *,
                        client: Client, partition_size: int = 25, reprocess: bool = False,
                        on_item: Callable[[], None] | None = None) -> BatchReport:
    """Code documents on the cluster's workers; results are written here, as each partition finishes."""
    from distributed import as_completed

    report = BatchReport()
    pending: list[Document] = []
    queued: set[str] = set()
    for item in items:
        if isinstance(item, DocumentFailure):
            report.record(sink, item)  # type: ignore[arg-type]
        elif item.doc_id in queued or (not reprocess and sink.has_document(item.doc_id)):
            report.skip(item)
        else:
            pending.append(item)
            queued.add(item.doc_id)
            continue
        if on_item is not None:
            on_item()
    partitions = [pending[i : i + partition_size] for i in range(0, len(pending), partition_size)]
    settings_json = settings.model_dump_json()
    store_url = _store_for_workers(sink, client)
    futures: list[Any]
    if store_url is not None:
        futures = client.map(code_and_store_partition, [settings_json] * len(partitions), partitions,
                             [store_url] * len(partitions), pure=False)
    else:
        futures = client.map(code_partition, [settings_json] * len(partitions), partitions, pure=False)
    sizes = {future.key: len(partition) for future, partition in zip(futures, partitions, strict=True)}
    save_partition = getattr(sink, "save_partition", None)  # Parquet writes a partition as one file
    for future in as_completed(futures):
        outcome = future.result()
        if isinstance(outcome, BatchReport):
            report.merge(outcome)
        elif save_partition is not None:
            save_partition(outcome)
            for result in outcome:
                report.count(result)
        else:
            report.record_all(sink, outcome)  # type: ignore[arg-type]
        if on_item is not None:
            for _ in range(sizes[future.key]):
                on_item()
    report.record_copies(sink)  # type: ignore[arg-type]
    return report


class ParquetSink:
    """Partitioned Parquet output: one file per partition, named by its documents, so a re-run overwrites
    rather than adds. Each row is one input: the document, its coded events (JSON) or its failure."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._written: set[str] | None = None

    @classmethod
    def from_url(cls, url: str) -> ParquetSink:
        if not url.startswith(PARQUET_SCHEME):
            raise ScaleOutError(f"output {url!r} is not supported: use parquet://FOLDER")
        folder = Path(url.removeprefix(PARQUET_SCHEME))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ScaleOutError(f"cannot create {folder} ({exc.strerror}): check the path") from exc
        return cls(folder)

    def has_document(self, doc_id: str) -> bool:
        if self._written is None:
            self._written = {row["doc_id"] for row in read_parquet_rows(self.folder) if row["doc_id"]}
        return doc_id in self._written

    def save_partition(self, results: list[ProcessedDocument | DocumentFailure]) -> None:
        import pyarrow as pa

        rows = [_row(r) for r in results]
        name = content_hash(*sorted(str(r["doc_id"] or r["source_path"]) for r in rows))
        _write_whole(pa.Table.from_pylist(rows, schema=_parquet_schema()), self.folder / f"part-{name}.parquet")
        if self._written is not None:
            self._written.update(str(r["doc_id"]) for r in rows if r["doc_id"])

    def save(self, result: ProcessedDocument) -> None:
        self.save_partition([result])

    def save_many(self, results: list[ProcessedDocument]) -> None:
        self.save_partition(list(results))

    def record_failure(self, failure: DocumentFailure) -> None:
        self.save_partition([failure])

    def record_copies(self, copies: list[tuple[str, str]]) -> None:
        """Inputs that repeat a document already written, in ``copies-*.parquet`` beside the parts (path, doc_id)."""
        import pyarrow as pa

        if not copies:
            return
        rows = [{"source_path": path, "doc_id": doc_id} for path, doc_id in dict(copies).items()]
        _write_whole(pa.Table.from_pylist(rows),
                     self.folder / f"copies-{content_hash(*sorted(r['source_path'] for r in rows))}.parquet")


def _write_whole(table: Any, final: Path) -> None:
    """Write a Parquet file beside its final name, then move it there: a killed run never leaves half a file."""
    import pyarrow.parquet as pq

    partial = final.with_suffix(".partial")
    try:
        pq.write_table(table, partial)
        partial.replace(final)
    except OSError as exc:
        raise ScaleOutError(f"cannot write {final} ({exc.strerror}): check disk space") from exc


def _parquet_schema() -> Any:
    import pyarrow as pa  # imported here so that runs without Parquet output never load it

    text = pa.string()
    return pa.schema([("doc_id", text), ("source_path", text), ("url", text), ("title", text), ("outlet", text),
                      ("published_at", text), ("language", text), ("text", text), ("outlets_named", text),
                      ("warnings", text), ("events", text), ("failure", text)])


def _row(result: ProcessedDocument | DocumentFailure) -> dict[str, Any]:
    if isinstance(result, DocumentFailure):
        return {"doc_id": result.doc_id, "source_path": result.source_path, "failure": result.reason}
    document = result.document
    return {
        "doc_id": document.doc_id, "source_path": document.source_path, "url": document.url, "title": document.title,
        "outlet": document.outlet, "published_at": document.published_at.isoformat() if document.published_at else None,
        "language": document.language, "text": document.text, "outlets_named": json.dumps(document.outlets_named),
        "warnings": json.dumps(document.warnings),
        "events": json.dumps([e.to_dict() for e in result.events], default=json_default), "failure": None,
    }


def read_parquet_rows(folder: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for path in sorted(folder.glob("part-*.parquet")):
        try:
            yield from pq.read_table(path).to_pylist()
        except (OSError, ValueError) as exc:
            raise ScaleOutError(f"{path} is not a readable Parquet part ({exc}): delete it and re-run") from exc


def load_parquet(folder: Path) -> Iterator[ProcessedDocument | DocumentFailure]:
    """Coded documents and failures back from a Parquet output, ready for a store."""
    if not folder.is_dir():
        raise ScaleOutError(f"{folder} is not a folder: give the DIR of a parquet://DIR output")
    for row in read_parquet_rows(folder):
        if row["failure"] is not None:
            yield DocumentFailure(row["source_path"] or row["doc_id"], row["failure"], row["doc_id"])
            continue
        document = Document(
            text=row["text"], doc_id=row["doc_id"], title=row["title"], url=row["url"], outlet=row["outlet"],
            published_at=dt.date.fromisoformat(row["published_at"]) if row["published_at"] else None,
            language=row["language"], source_path=row["source_path"],
            outlets_named=json.loads(row["outlets_named"]), warnings=json.loads(row["warnings"]))
        yield ProcessedDocument(document, [Event.from_dict(e) for e in json.loads(row["events"])])
