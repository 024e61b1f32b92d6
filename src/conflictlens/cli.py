"""The ``conflictlens`` command: a thin layer over the library that turns errors into exit codes.

Each command imports what it needs when it runs: ``--help``, ``status`` or ``events`` never load spaCy or a
model, which take seconds."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import yaml
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from conflictlens.config import Settings
from conflictlens.errors import ConflictLensError, IngestError
from conflictlens.evaluation.geoparse import CORPORA
from conflictlens.model import DENIAL_SAYS, DocumentFailure, FusedEvent, ProcessedDocument
from conflictlens.store import export as exporting
from conflictlens.store.review import (
    EDITABLE_FIELDS,
    MAX_TOKEN_DAYS,
    create_token,
    list_tokens,
    review_event,
    revoke_token,
)

if TYPE_CHECKING:
    from conflictlens.coding.fusion import Fuser
    from conflictlens.coding.pipeline import Pipeline
    from conflictlens.store.sql import EventFilter, SQLStore

F = TypeVar("F", bound=Callable[..., Any])
TABLE_COLUMNS = ["event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "admin1", "country", "geo_precision", "fatalities", "source_kind", "claim_status"]
FUSION_COLUMNS = ["fusion_status", "independent_sources", "fatalities_min", "fatalities_max", "event_id"]


def reports_errors(func: F) -> F:
    """Library errors become one line on stderr and exit code 1; no traceback for expected failures."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConflictLensError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="TOML settings file.")
@click.option("--db", help="Event store: a SQLite file, or a postgresql://user:password@host/db URL. "
              "Default: conflictlens.db")
@click.option("--gazetteer", type=click.Path(path_type=Path), help="Gazetteer SQLite file.")
@click.option("--dictionaries", type=click.Path(path_type=Path), help="Folder of edited dictionary files.")
@click.option("--focus-country", "focus_countries", multiple=True,
              help="ISO code of a country the collection is about (repeatable); helps resolve ambiguous places.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="conflictlens")
@click.pass_context
@reports_errors
def main(ctx: click.Context, config_file: Path | None, db: str | None, gazetteer: Path | None,
         dictionaries: Path | None, focus_countries: tuple[str, ...], verbose: int) -> None:
    """Turn news reports about armed conflict into ACLED-style coded events."""
    settings = Settings.load(config_file=config_file,
                             overrides={"db": db, "gazetteer": gazetteer, "dictionaries": dictionaries,
                                        "focus_countries": focus_countries or None})
    level = ["WARNING", "INFO", "DEBUG"][min(verbose, 2)] if verbose else settings.log_level
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = settings


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--published-at", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--published-at-from", type=click.Choice(["filename", "mtime"]),
              help="Date each file that carries no date of its own from a date in its name (2024-03-13_bamako.txt) "
                   "or its modification day; before --published-at.")
@click.option("--outlet", help="Outlet name for inputs that carry none.")
@click.option("--reprocess", is_flag=True, help="Code documents again even when already stored.")
@click.option("--resume", is_flag=True, help="Go on with the last run that did not finish (its inputs, when no PATHS).")
@click.option("--workers", type=click.IntRange(min=1), help="Code on this many local worker processes (Dask).")
@click.option("--dask", "dask_address", help="Code on a Dask cluster: tcp://scheduler:8786, or 'local'.")
@click.option("--out", "out_url", help="Write coded documents to parquet://DIR instead of the store "
                                       "(then `conflictlens load DIR`).")
@click.option("--show/--no-show", default=True, help="Print the events of this run as a table.")
@click.option("--relevance/--no-relevance", default=None,
              help="Judge each trigger's sentence with the relevance classifier (the default, for real news); "
                   "--no-relevance for pre-filtered reports in which every sentence is an event (ACLED's notes).")
@click.pass_obj
@reports_errors
def process(settings: Settings, paths: tuple[str, ...], published_at: str | None, published_at_from: str | None,
            outlet: str | None, reprocess: bool, resume: bool, workers: int | None, dask_address: str | None,
            out_url: str | None, show: bool, relevance: bool | None) -> None:
    """Process files, folders or - (stdin): .txt, .html, .jsonl."""
    from conflictlens.coding.ingest import input_name, iter_documents, parse_published
    from conflictlens.scale.batch import process_batch
    from conflictlens.scale.fusing import fuse_store
    from conflictlens.scale.scaleout import ParquetSink, open_client, process_distributed
    from conflictlens.store.sql import EventFilter

    if relevance is not None:
        settings = _with_relevance(settings, relevance)
    reference = parse_published(published_at) if published_at else None
    store = _open_store(settings)
    if not paths:
        paths = tuple(store.interrupted_run() or ()) if resume else ()
        if not paths:
            raise click.UsageError("give PATHS to process" + (" (no unfinished run to resume)" if resume else ""))
        click.echo(f"resuming the unfinished run over {', '.join(paths)}", err=True)
    if resume and "-" in paths:
        raise click.UsageError("standard input cannot be resumed: save it to a file and process that")
    items = list(iter_documents(paths, max_bytes=settings.max_document_bytes, min_chars=settings.min_text_chars,
                                published_at=reference, outlet=outlet, published_at_from=published_at_from))
    sink = ParquetSink.from_url(out_url) if out_url else store
    # Absolute, not resolved: resolving a link loop raises, and the run must be recorded before any input is read.
    run_paths = [p if p == "-" else input_name(os.path.abspath(p))[0] for p in paths]
    run_id = store.start_run(run_paths) if not out_url else None
    console = Console(stderr=True)
    with Progress(TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=len(items) < 2 or not console.is_terminal) as progress:
        task = progress.add_task("documents", total=len(items))
        if workers or dask_address:
            client = open_client(workers=workers, address=dask_address)
            try:
                report = process_distributed(settings, sink, items, client=client, reprocess=reprocess,
                                             on_item=lambda: progress.advance(task))
            finally:
                client.close()
        else:
            report = process_batch(_load_pipeline(settings), sink, items, reprocess=reprocess,  # type: ignore[arg-type]
                                   on_item=lambda: progress.advance(task))
    for failure in report.failures:
        click.echo(f"failed: {failure.source_path}: {failure.reason}", err=True)
    _echo_warnings(report.warnings)
    click.echo(report.summary(), err=True)
    if report.skipped and not reprocess:
        click.echo("note: documents already in the store are not coded again, even with new dates or outlets: "
                   "add --reprocess to code them again", err=True)
    if run_id is not None:
        if settings.fuse_after_process:
            click.echo(fuse_store(store, _fuser(settings)).summary(), err=True)
        store.finish_run(run_id)
        if show:
            _print_table([r for doc_id in report.doc_ids for r in store.events(EventFilter(doc_id=doc_id))])
    else:
        click.echo(f"wrote to {out_url}: load it into a store with `conflictlens load {sink.folder}`",  # type: ignore[union-attr]
                   err=True)
    store.close()
    if report.failures and not report.processed and not report.skipped:
        sys.exit(1)


@main.command()
@click.argument("feed_list", type=click.Path(path_type=Path))
@click.option("--interval", type=click.IntRange(min=10), default=900, show_default=True,
              help="Seconds between polls of every feed.")
@click.option("--once", is_flag=True, help="Poll every feed once, process what is new, and stop.")
@click.pass_obj
@reports_errors
def watch(settings: Settings, feed_list: Path, interval: int, once: bool) -> None:
    """Poll the RSS/Atom feeds listed in FEED_LIST (one URL per line) and process their new articles."""
    from conflictlens.scale.batch import process_batch
    from conflictlens.scale.feeds import make_client, poll_feed, read_feed_list
    from conflictlens.scale.fusing import fuse_store

    urls = read_feed_list(feed_list)
    pipeline = _load_pipeline(settings)
    store = _open_store(settings)
    try:
        with make_client() as client:
            while True:
                for url in urls:
                    items = poll_feed(url, client, store, min_chars=settings.min_text_chars)
                    report = process_batch(pipeline, store, items)
                    for failure in report.failures:
                        click.echo(f"failed: {failure.source_path}: {failure.reason}", err=True)
                    _echo_warnings(report.warnings)
                    click.echo(f"{url}: {report.summary()}", err=True)
                if settings.fuse_after_process:
                    click.echo(fuse_store(store, _fuser(settings)).summary(), err=True)
                if once:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        store.close()


@main.command("load")
@click.argument("folder", type=click.Path(path_type=Path))
@click.pass_obj
@reports_errors
def load(settings: Settings, folder: Path) -> None:
    """Load a parquet://DIR output of `process --out` into the store (again: nothing is added twice)."""
    from conflictlens.scale.batch import BatchReport
    from conflictlens.scale.fusing import fuse_store
    from conflictlens.scale.scaleout import load_parquet

    store = _open_store(settings)
    report = BatchReport()
    for result in load_parquet(folder):
        if isinstance(result, ProcessedDocument) and store.has_document(result.document.doc_id):
            report.skipped += 1
        else:
            report.record(store, result)
    click.echo(f"loaded: {report.summary()}", err=True)
    if settings.fuse_after_process:
        click.echo(fuse_store(store, _fuser(settings)).summary(), err=True)
    store.close()


@main.command()
@click.option("--rebuild", is_flag=True,
              help="Forget earlier fusion and fuse every report again (after editing fusion.yaml).")
@click.pass_obj
@reports_errors
def fuse(settings: Settings, rebuild: bool) -> None:
    """Fuse stored reports from different documents into one event each (runs after `process` by default)."""
    from conflictlens.scale.fusing import fuse_store

    store = _open_store(settings)
    click.echo(fuse_store(store, _fuser(settings), rebuild=rebuild).summary(), err=True)
    store.close()


@main.command()
@click.option("--from", "date_from", help="Earliest event date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Latest event date (YYYY-MM-DD).")
@click.option("--type", "event_type", help="ACLED event type, e.g. Battles.")
@click.option("--country", help="Country name or ISO code, e.g. Mali, ML or MLI.")
@click.option("--actor", help="Part of an actor name, e.g. Wagner.")
@click.option("--contested", is_flag=True, help="Only events some source denies.")
@click.option("--reports", is_flag=True, help="Each document's own coding instead of fused events.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_obj
@reports_errors
def events(settings: Settings, date_from: str | None, date_to: str | None, event_type: str | None,
           country: str | None, actor: str | None, contested: bool, reports: bool, limit: int | None,
           fmt: str) -> None:
    """List stored events (fused across documents), filtered."""
    from conflictlens.store.sql import EventFilter

    store = _open_store(settings)
    query = EventFilter(date_from=_date_option(date_from, "--from"), date_to=_date_option(date_to, "--to"),
                        event_type=event_type, country=country, actor=actor, limit=limit, contested=contested)
    if reports and contested:
        raise click.UsageError("--contested applies to fused events: leave out --reports")
    records = store.events(query) if reports else _fused_records(store, query)
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        _echo_export(exporting.export(store, records, "acled-csv"), None)
    else:
        _print_table(records, extra=[] if reports else FUSION_COLUMNS)
    store.close()


@main.command("event")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
@reports_errors
def show_event(settings: Settings, event_id: str, fmt: str) -> None:
    """One fused event (by its ID or any report's ID): coding, sources, claims with evidence, fusion reasons."""
    store = _open_store(settings)
    data = store.fused_event(event_id)
    if data is None:
        raise ConflictLensError(f"no fused event {event_id!r}: list IDs with `conflictlens events` "
                                "(run `conflictlens fuse` if reports await fusion)")
    fused = FusedEvent.from_dict(data)
    texts = store.document_texts([r.doc_id for r in fused.reports])
    store.close()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    record = fused.to_record()
    click.echo(f"event {fused.fused_id}: {record['event_type']} / {record['sub_event_type']} ({record['kind']})")
    for key in ("event_date", "date_precision", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
                "admin1", "country", "geo_precision", "fatalities", "fatalities_text", "claim_status"):
        if record.get(key) is not None:
            click.echo(f"  {key}: {record[key]}")
    low, high = fused.fatality_range
    kinds: Counter[str] = Counter(r.kind for r in fused.reports)
    told = ", ".join(f"{kinds[k]} {verb}" for k, verb in (("event", "reporting"), ("allegation", "alleging"),
                                                          ("denial", "denying")) if kinds[k])
    click.echo(f"  status: {fused.status}; {len(fused.reports)} documents ({told}); {len(fused.origins)} independent "
               f"sources ({', '.join(fused.origins) or 'none'}); {fused.attestation}; "
               f"fatalities reported {low}-{high}")
    for part, who in fused.contested_parts:
        click.echo(f"  contested: {DENIAL_SAYS[part]}, says {who}")
    click.echo("sources:")
    for report in fused.reports:
        cited = f"{report.source.name} ({report.source.kind})" if report.source else "none"
        side = f", {report.side}" if report.side else ""
        click.echo(f"  - {report.outlet} ({report.affiliation}{side}) {report.kind} [doc {report.doc_id}, report "
                   f"{report.event_id}] cites {cited}; {report.claim_status}; fatalities {report.fatalities} "
                   f"({report.fatalities_text or 'no figure'})")
        click.echo(f"    fusion: {report.reason}")
    click.echo("claims:")
    for row in fused.claims_table():
        outlet = row["outlet"] or (texts.get(row["doc_id"]) or {}).get("outlet") or row["doc_id"]
        version = "; ".join(f"{k} {row[k]}" for k in ("perpetrator", "victims", "fatalities") if row[k] is not None)
        click.echo(f"  - [{row['claim_id']}] {row['claimant']} ({row['claimant_kind']}) in {outlet}"
                   f"{' on ' + row['published_at'] if row['published_at'] else ''}: {row['says']}"
                   f"{' (' + version + ')' if version else ''}")
        click.echo(f"    \"{row['evidence']}\"")
        if row["denies"]:
            click.echo(f"    denies: {', '.join(row['denies'])}")


@main.command("claims")
@click.option("--actor", help="Part of an actor or claimant name, e.g. 'Government of Mali'.")
@click.option("--event", "event_id", help="Only this fused event (its ID or any report's ID).")
@click.option("--type", "claim_type", type=click.Choice(["asserted", "claimed", "alleged", "denied", "unverified",
                                                         "corroborated"]), help="Only claims of this type.")
@click.option("--contested", is_flag=True, help="Only events some denial contests.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
@reports_errors
def claims(settings: Settings, actor: str | None, event_id: str | None, claim_type: str | None, contested: bool,
           fmt: str) -> None:
    """Per fused event, who says what: happened, did not happen, who did it, how many died, with the evidence."""
    store = _open_store(settings)
    if event_id is not None:
        one = store.fused_event(event_id)
        if one is None:
            raise ConflictLensError(f"no fused event {event_id!r}: list IDs with `conflictlens events`")
        details = [one]
    else:
        details = list(store.fused_event_details())
    store.close()
    rows = []
    needle = (actor or "").lower()
    for data in details:
        fused = FusedEvent.from_dict(data)
        if contested and fused.status != "contested":
            continue
        involved = any(needle in a.name.lower() for a in fused.event.all_actors())
        for row in fused.claims_table():
            by = bool(needle) and needle in row["claimant"].lower()
            if (not needle or by or involved) and (claim_type is None or row["claim_type"] == claim_type):
                rows.append({"event_id": fused.fused_id, "event_type": fused.event.event_type,
                             "event_date": fused.event.event_date.isoformat() if fused.event.event_date else None,
                             "location": fused.event.place.name if fused.event.place else None,
                             "status": fused.status, "role": "claimant" if by or not needle else "actor", **row})
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    columns = ("event_id", "event_date", "location", "outlet", "claimant", "says", "perpetrator", "fatalities",
               "evidence")
    table = Table(title=f"{len(rows)} claims")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if row[c] is None else str(row[c]) for c in columns])
    Console(width=max(160, Console().width)).print(table)


@main.command()
@click.option("--format", "fmt", type=click.Choice(exporting.FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--reports", is_flag=True, help="Each document's own coding instead of fused events.")
@click.option("--extra-columns", is_flag=True,
              help="acled-csv: add conflictlens's own columns (claim status, toll range, sources, review) after ACLED's.")
@click.pass_obj
@reports_errors
def export(settings: Settings, fmt: str, output: Path | None, reports: bool, extra_columns: bool) -> None:
    """Export every stored event (fused across documents) as ACLED's CSV, GeoJSON or JSON Lines.

    The ACLED CSV holds dated events only: allegations and denials are in the JSON Lines export (each event's
    claims) and `conflictlens claims`.
    """
    from conflictlens.store.sql import EventFilter

    store = _open_store(settings)
    if reports:
        records = list(store.event_details()) if fmt == "jsonl" else store.events()
    else:
        records = list(store.fused_event_details()) if fmt == "jsonl" else _fused_records(store, EventFilter())
    exported = exporting.export(store, records, fmt, extra_columns=extra_columns)
    store.close()
    _echo_export(exported, output)


def _echo_export(exported: exporting.Export, output: Path | None) -> None:
    """The export to stdout or a file; what was left out, and why, on stderr."""
    if output is None:
        click.echo(exported.text, nl=False)
    else:
        try:
            output.write_text(exported.text, encoding="utf-8")
        except OSError as exc:
            raise exporting.ExportError(f"cannot write {output} ({exc.strerror}): check the path") from exc
        click.echo(f"wrote {exported.rows} events to {output}", err=True)
    reasons = {"claims": "allegations and denials (see --format jsonl or `conflictlens claims`)",
               "undated": "undated events (ACLED has no row without a date; see `conflictlens review`)"}
    for why, count in exported.left_out.items():
        click.echo(f"note: left out {count} {reasons[why]}", err=True)


@main.command()
@click.option("--warnings", "with_warnings", is_flag=True,
              help="Also list every stored document's warnings (undated, unknown places, no pipeline for its language).")
@click.pass_obj
@reports_errors
def status(settings: Settings, with_warnings: bool) -> None:
    """Counts in the store, and every failed input with its reason."""
    store = _open_store(settings)
    for key, value in store.status().items():
        click.echo(f"{key}: {value}")
    for failure in store.failures():
        click.echo(f"failed: {failure['source_path']}: {failure['reason']}")
    if with_warnings:
        for where, warning in store.document_warnings():
            click.echo(f"warning: {where}: {warning}")
    store.close()


WARNINGS_SHOWN = 20


def _echo_warnings(warnings: list[tuple[str, str]]) -> None:
    """A run's document warnings on stderr: the first few, then how to see the rest."""
    for where, warning in warnings[:WARNINGS_SHOWN]:
        click.echo(f"warning: {where}: {warning}", err=True)
    if len(warnings) > WARNINGS_SHOWN:
        click.echo(f"... and {len(warnings) - WARNINGS_SHOWN} more warnings: `conflictlens status --warnings` "
                   "lists them all", err=True)


@main.command()
@click.argument("hand_coding", type=click.Path(exists=True, path_type=Path))
@click.argument("article", type=click.Path(exists=True, path_type=Path))
@click.option("--published-at", help="Publication date (YYYY-MM-DD) of the article.")
@click.pass_obj
@reports_errors
def check(settings: Settings, hand_coding: Path, article: Path, published_at: str | None) -> None:
    """Code ARTICLE and compare it, field by field, with a HAND_CODING (expected.yaml format)."""
    from conflictlens.coding.ingest import iter_documents, parse_published
    from conflictlens.evaluation.expectations import match_expected, validate_hand_coding

    expected = validate_hand_coding(_read_yaml(hand_coding), str(hand_coding))
    pipeline = _load_pipeline(settings)
    items = list(iter_documents([str(article)], max_bytes=settings.max_document_bytes,
                                min_chars=settings.min_text_chars,
                                published_at=parse_published(published_at) if published_at else None))
    document = items[0]
    if isinstance(document, DocumentFailure):
        raise IngestError(f"{document.source_path}: {document.reason}")
    results = match_expected(pipeline.process(document).events, expected)
    fields_total = fields_ok = 0
    for result in results:
        fields_total += len(result.field_agreement)
        fields_ok += sum(result.field_agreement.values())
        verdict = "ok" if result.matched else "MISSING (" + ", ".join(result.failing_fields) + ")"
        click.echo(f"{result.expected_id}: {verdict}")
    matched = sum(1 for r in results if r.matched)
    click.echo(f"{matched}/{len(results)} events matched; {fields_ok}/{fields_total} fields agree")
    if matched < len(results):
        sys.exit(1)


@main.group("eval")
def evaluate() -> None:
    """Measure the pipeline against human coding."""


@evaluate.command("acled")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, help="Score only this many rows.")
@click.option("--offset", type=int, default=0, show_default=True, help="Skip this many rows first.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the full report as JSON.")
@click.option("--relevance/--no-relevance", default=False, show_default=True,
              help="Pass the notes through the relevance stage (off: ACLED's notes are pre-filtered, each reports "
                   "an event, so this scores the coding of events, not finding them in news).")
@click.pass_obj
@reports_errors
def eval_acled(settings: Settings, path: Path, limit: int | None, offset: int, json_out: Path | None,
               relevance: bool) -> None:
    """Code each row's notes of an ACLED export and score the result against the row."""
    from conflictlens.evaluation.acled import score_acled

    pipeline = _load_pipeline(_with_relevance(settings, relevance))
    report = score_acled(pipeline, path, limit=limit, offset=offset)
    _print_metrics(f"ACLED evaluation: {path.name}", report.summary())
    console = Console(width=max(120, Console().width))
    confusion = Table(title="event_type confusion (rows: gold, columns: predicted)")
    predicted = sorted({p for row in report.confusion.values() for p in row})
    confusion.add_column("gold")
    for label in predicted:
        confusion.add_column(label[:14], justify="right")
    for gold, counts in sorted(report.confusion.items()):
        confusion.add_row(gold, *[str(counts.get(p, 0)) for p in predicted])
    console.print(confusion)
    for row in report.worst():
        wrong = ", ".join(k for k, ok in row.agree.items() if not ok)
        click.echo(f"row {row.index} wrong: {wrong} | {row.notes[:150]}")
    _save_json(report, json_out)


def _with_relevance(settings: Settings, on: bool) -> Settings:
    """The settings with the relevance stage on (the configured model, else the packaged one) or off."""
    model = (settings.relevance_model if settings.relevance_model != "none" else "default") if on else "none"
    return settings.model_copy(update={"relevance_model": model})


@evaluate.command("geoparse")
@click.option("--corpus", type=click.Choice(CORPORA), required=True, help="Which corpus family the file is.")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, help="Score only this many articles.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report as JSON.")
@click.option("--demonyms/--no-demonyms", default=None,
              help="Count demonyms ('Malian') as toponyms; by default as the corpus's guideline does (LGL only).")
@click.pass_obj
@reports_errors
def eval_geoparse(settings: Settings, corpus: str, path: Path, limit: int | None, json_out: Path | None,
                  demonyms: bool | None) -> None:
    """Toponym recognition and resolution against an LGL-family corpus (LGL, GeoVirus, TR-News, GeoWebNews)."""
    from conflictlens.evaluation.geoparse import COUNTS_DEMONYMS, score_geoparse

    counted = COUNTS_DEMONYMS[corpus] if demonyms is None else demonyms
    report = score_geoparse(_load_pipeline(settings), path, limit=limit, demonyms=counted)
    _print_metrics(f"geoparse evaluation: {corpus} ({path.name})", report.summary())
    _save_json(report, json_out)


@evaluate.command("plover")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, help="Score only this many records.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report as JSON.")
@click.option("--relevance/--no-relevance", default=False, show_default=True,
              help="Pass the records through the relevance stage (off: each record is a sentence chosen for its event).")
@click.pass_obj
@reports_errors
def eval_plover(settings: Settings, path: Path, limit: int | None, json_out: Path | None, relevance: bool) -> None:
    """Event category (via the ACLED-PLOVER crosswalk) and source/target roles on PLOVER gold records."""
    from conflictlens.evaluation.plover import score_plover

    report = score_plover(_load_pipeline(_with_relevance(settings, relevance)), path, limit=limit)
    _print_metrics(f"PLOVER evaluation: {path.name}", report.summary())
    _save_json(report, json_out)


@evaluate.command("petrarch")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, help="Score only this many records.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report as JSON.")
@click.option("--show-misses", is_flag=True, help="List the records whose codings differ.")
@click.pass_obj
@reports_errors
def eval_petrarch(settings: Settings, path: Path, limit: int | None, json_out: Path | None, show_misses: bool) -> None:
    """Who-did-what-to-whom on PETRARCH2 unit-test records, coded with the dictionaries beside them."""
    from conflictlens.evaluation.petrarch import score_petrarch

    report = score_petrarch(settings.spacy_model, path, limit=limit)
    _print_metrics(f"PETRARCH2 evaluation: {path.name}", report.summary())
    for row in report.rows if show_misses else []:
        if row["expected"] != row["predicted"]:
            click.echo(f"{row['id']}: expected {row['expected']} got {row['predicted']}")
    _save_json(report, json_out)


@evaluate.command("news")
@click.argument("gold", type=click.Path(exists=True, file_okay=False, path_type=Path), default="benchmarks/gold/news")
@click.option("--shared", type=click.Path(exists=True, file_okay=False, path_type=Path), default="../shared",
              show_default=True, help="Where the corpora's texts are (FA-KES, LGL, GeoVirus).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev", show_default=True,
              help="Which half of the gold set to score (score the test half only when a change is done).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report as JSON.")
@click.option("--relevance/--no-relevance", default=True, show_default=True,
              help="Pass the articles through the relevance stage, as for a news feed.")
@click.pass_obj
@reports_errors
def eval_news(settings: Settings, gold: Path, shared: Path, split: str, json_out: Path | None, relevance: bool) -> None:
    """Event precision/recall and article relevance on full real-news articles, against the hand-coded gold set."""
    from conflictlens.evaluation.news import score_news

    report = score_news(_load_pipeline(_with_relevance(settings, relevance)), gold, shared, split=split)
    _print_metrics(f"real-news evaluation: {gold} ({split} half)", report.summary())
    _save_json(report, json_out)


@evaluate.command("claims")
@click.argument("cases", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default="benchmarks/claims/cases")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report as JSON.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Also write the report as Markdown.")
@click.pass_obj
@reports_errors
def eval_claims(settings: Settings, cases: Path, json_out: Path | None, output: Path | None) -> None:
    """Denials, accusations and competing tolls across documents: the contested flag, claim links, sources, tolls."""
    from conflictlens.evaluation.claims import markdown as claims_markdown
    from conflictlens.evaluation.claims import score_claims

    report = score_claims(_load_pipeline(settings), _fuser(settings), cases)
    _print_metrics(f"claims benchmark: {cases}", report.summary())
    for result in report.results:
        if not result.passed:
            click.echo(f"{result.case}: {', '.join(result.failures())}")
    if output is not None:
        output.write_text(claims_markdown(report), encoding="utf-8")
    _save_json(report, json_out)


@evaluate.command("report")
@click.argument("results", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Markdown file to write.")
@reports_errors
def eval_report(results: tuple[Path, ...], output: Path) -> None:
    """Collect eval JSON results into one dated Markdown report (with the commit it measured)."""
    from conflictlens.evaluation.acled import markdown_report

    output.write_text(markdown_report(results), encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


@main.command("train")
@click.argument("examples", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Model folder to write.")
@click.option("--relevance", is_flag=True,
              help='Require "No event" examples, so the model can also serve as relevance_model.')
@click.option("--seed", type=int, default=13, show_default=True, help="Random seed (cross-validation, solver).")
@click.pass_obj
@reports_errors
def train(settings: Settings, examples: Path, output: Path, relevance: bool, seed: int) -> None:
    """Train the sentence classifier from labelled sentences (CSV/JSONL: text, event_type, sub_event_type; "No
    event" for both where a sentence reports none). It gives the sub-type's second opinion, and with "No event"
    examples it also decides relevance."""
    from conflictlens.coding.classifier import NO_EVENT, SentenceClassifier, read_examples
    from conflictlens.knowledge import Knowledge

    knowledge = Knowledge.load(settings.dictionaries)
    labelled = read_examples(examples, knowledge.taxonomy, no_event=NO_EVENT)
    if relevance and all(e.sub_event_type != NO_EVENT for e in labelled):
        raise ConflictLensError(f'{examples} has no "No event" examples: a relevance model must learn them too')
    model = SentenceClassifier.train(labelled, sources=[str(examples)], seed=seed)
    model.save(output)
    scores = model.card["cross_validated"]
    click.echo(f"trained on {model.card['examples']} sentences, {len(model.labels)} labels; cross-validated "
               + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in scores.items()) + f"; wrote {output}")
    uses = "event_classifier" + (" and relevance_model" if model.no_event is not None else "")
    click.echo(f'use it with {uses} = "{output}" in a config file, or CONFLICTLENS_EVENT_CLASSIFIER={output}')


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Server processes (each with its own connection pool); more than one suits PostgreSQL.")
@click.pass_obj
@reports_errors
def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve the web map and the REST API (OpenAPI documentation at /docs) over the event store."""
    import uvicorn

    from conflictlens.server.api import SETTINGS_VARIABLE, create_app

    app = create_app(settings)  # a bad --db fails here, with its message, not in the first request
    click.echo(f"serving {settings.db} at http://{host}:{port}/ (API documentation at /docs)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=settings.log_level.lower())
        return
    os.environ[SETTINGS_VARIABLE] = settings.model_dump_json()
    uvicorn.run("conflictlens.server.api:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level=settings.log_level.lower())


@main.group()
def token() -> None:
    """API tokens: needed to review events, and to read when api_require_token is set."""


@token.command("create")
@click.argument("name")
@click.option("--expires-days", type=click.IntRange(0, MAX_TOKEN_DAYS),
              help="Days until the token stops working; 0: never (default: the token_expiry_days setting).")
@click.pass_obj
@reports_errors
def token_create(settings: Settings, name: str, expires_days: int | None) -> None:
    """Create a token for NAME (a reviewer); it is printed once and only its hash is stored."""
    days = settings.token_expiry_days if expires_days is None else expires_days
    store = _open_store(settings)
    try:
        click.echo(create_token(store, name, expires_days=days))
    finally:
        store.close()
    lasts = f"it expires in {days} days" if days else "it never expires"
    click.echo(f"token for {name!r} created ({lasts}); keep it: it cannot be shown again", err=True)


@token.command("list")
@click.pass_obj
@reports_errors
def token_list(settings: Settings) -> None:
    """List the tokens: name, ID, when each was created, expires and was revoked (never a token itself)."""
    store = _open_store(settings)
    try:
        tokens = list_tokens(store)
    finally:
        store.close()
    table = Table(title=f"{len(tokens)} API tokens")
    for column in ("name", "id", "created", "expires", "revoked"):
        table.add_column(column)
    for t in tokens:
        table.add_row(t.name, t.token_id, t.created_at, t.expires_at or "never", t.revoked_at or "")
    Console(width=max(120, Console().width)).print(table)


@token.command("revoke")
@click.argument("name_or_id")
@click.pass_obj
@reports_errors
def token_revoke(settings: Settings, name_or_id: str) -> None:
    """Revoke the token named NAME_OR_ID, or with that ID (as `token list` shows it): it stops working at once."""
    store = _open_store(settings)
    try:
        revoked = revoke_token(store, name_or_id)
    finally:
        store.close()
    click.echo(f"token {revoked.name!r} ({revoked.token_id}) revoked on {revoked.revoked_at}")


@main.command("review")
@click.argument("event_id")
@click.argument("action", type=click.Choice(["confirm", "edit", "reject"]))
@click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE",
              help=f"A field to change with 'edit' (repeatable): {', '.join(EDITABLE_FIELDS)}.")
@click.option("--as", "reviewer", required=True, help="Who reviews (recorded in the audit trail).")
@click.pass_obj
@reports_errors
def review_command(settings: Settings, event_id: str, action: str, assignments: tuple[str, ...], reviewer: str) -> None:
    """Confirm, edit or reject an event from the command line (the audit trail records --as)."""
    from conflictlens.knowledge import Knowledge

    changes: dict[str, object] = {}
    for assignment in assignments:
        field, sep, value = assignment.partition("=")
        if not sep:
            raise click.BadParameter(f"{assignment!r}: write FIELD=VALUE", param_hint="--set")
        changes[field] = int(value) if field == "fatalities" and value.isdigit() else (
            float(value) if field in {"latitude", "longitude"} and _is_number(value) else value)
    store = _open_store(settings)
    try:
        record = review_event(store, event_id, action, changes, reviewer,  # type: ignore[arg-type]
                              Knowledge.load(settings.dictionaries).taxonomy)
    finally:
        store.close()
    click.echo(f"{record['event_id']}: {record['review_status']}")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@main.group()
def gazetteer() -> None:
    """Build, extend and query the gazetteer."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if the gazetteer exists (drops imports).")
@click.pass_obj
@reports_errors
def gazetteer_build(settings: Settings, force: bool) -> None:
    """Build the default world gazetteer from packaged GeoNames data (towns of 500+ people)."""
    from conflictlens.coding.gazetteer import build_default

    if settings.gazetteer.exists() and not force:
        click.echo(f"{settings.gazetteer} exists; use --force to rebuild it", err=True)
        return
    counts = build_default(settings.gazetteer)
    click.echo(f"built {settings.gazetteer}: {counts['places']} places")


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
@reports_errors
def gazetteer_import(settings: Settings, files: tuple[Path, ...]) -> None:
    """Import GeoNames country dumps (19-column TSV such as ML.txt) into the gazetteer."""
    from conflictlens.coding.gazetteer import import_geonames

    for path, count in import_geonames(settings.gazetteer, files).items():
        click.echo(f"imported {count} places from {path}")


@gazetteer.command("lookup")
@click.argument("name")
@click.pass_obj
@reports_errors
def gazetteer_lookup(settings: Settings, name: str) -> None:
    """Show the places a name can refer to."""
    from conflictlens.coding.gazetteer import Gazetteer

    gaz = Gazetteer.open(settings.gazetteer)
    for entry in gaz.lookup(name):
        click.echo(f"{entry.geonameid}\t{entry.name}\t{entry.feature_class}.{entry.feature_code}\t"
                   f"{entry.country_code}\t{entry.admin1_name or ''}\t{entry.latitude:.4f},{entry.longitude:.4f}\t"
                   f"pop {entry.population}")
    gaz.close()


def _print_metrics(title: str, metrics: dict[str, float | int]) -> None:
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console(width=max(120, Console().width)).print(table)


def _save_json(report: Any, json_out: Path | None) -> None:
    """An eval command's --json: the report's full JSON, dates written as ISO strings."""
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_json(), indent=2, default=str), encoding="utf-8")


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConflictLensError(f"{path} is not valid YAML ({exc.__class__.__name__}): fix the file") from exc
    if not isinstance(data, dict):
        raise ConflictLensError(f"{path} is not a hand coding: expected a mapping with an 'events' list")
    return data


def _date_option(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD", param_hint=flag) from None


def _open_store(settings: Settings) -> SQLStore:
    """The configured store (SQLAlchemy is imported by the commands that open one, not by ``--help``)."""
    from conflictlens.store.sql import open_store

    return open_store(settings.db)


def _load_pipeline(settings: Settings) -> Pipeline:
    """The coder, with its models (spaCy is imported by the commands that code, not by ``--help``)."""
    from conflictlens.coding.pipeline import load_pipeline

    return load_pipeline(settings)


def _fuser(settings: Settings) -> Fuser:
    """The fuser needs the dictionaries, not the models: the text vectors' word weights load only when reports
    meet."""
    from conflictlens.coding.actors import ActorDictionary
    from conflictlens.coding.fusion import load_fuser
    from conflictlens.knowledge import Knowledge

    knowledge = Knowledge.load(settings.dictionaries)
    return load_fuser(knowledge, ActorDictionary.from_knowledge(knowledge),
                      text_similarity=settings.fusion_text_similarity)


def _fused_records(store: Any, query: EventFilter) -> list[dict[str, Any]]:
    """Fused events; a note on stderr when some reports have not been fused yet."""
    waiting = store.status()["events_awaiting_fusion"]
    if waiting:
        click.echo(f"note: {waiting} reports are not fused yet and not listed: run `conflictlens fuse`", err=True)
    return store.fused_events(query)  # type: ignore[no-any-return]


def _print_table(records: list[dict[str, Any]], extra: list[str] | None = None) -> None:
    columns = TABLE_COLUMNS + (extra or [])
    table = Table(show_lines=False, title=f"{len(records)} events")
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(*["" if record.get(c) is None else str(record.get(c)) for c in columns])
    Console(width=max(160, Console().width)).print(table)


if __name__ == "__main__":
    main()
