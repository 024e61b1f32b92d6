"""Throughput benchmark on real articles: words and articles per second, and peak memory per worker, for the
raw spaCy parse of the texts (the floor every spaCy-based coder pays), conflictlens in one process, and
conflictlens on two Dask worker processes; then the synthetic short reports as a second line.

The articles are the full texts of FA-KES (conflict news) and LGL (local news), read in place from ../shared.

    python benchmarks/bench_throughput.py --gazetteer var/gazetteer.sqlite --shared ../shared -o reports/bench.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import commit
from synthetic_reports import generate

from conflictlens.coding.entities import normalise_text
from conflictlens.coding.ingest import iter_documents
from conflictlens.coding.pipeline import load_pipeline
from conflictlens.config import Settings
from conflictlens.evaluation.news import CORPUS_FILES, READERS
from conflictlens.model import Document
from conflictlens.scale.batch import process_batch
from conflictlens.scale.scaleout import open_client, process_distributed
from conflictlens.store.sql import SQLStore

CORPORA = ("fakes", "lgl")  # conflict news from opposing outlets, and local news


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def real_articles(shared: Path, limit: int | None) -> list[Document]:
    documents = [Document(text=article.text, published_at=article.published_at, outlet=article.outlet)
                 for corpus in CORPORA for _, article in READERS[corpus](shared / CORPUS_FILES[corpus])
                 if article.text.strip()]
    return documents[:limit] if limit else documents


def words(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def run_parse(settings: Settings, documents: list[Document]) -> dict[str, float]:
    """spaCy alone, the same model, the same batching: ``nlp.pipe`` over the texts."""
    import spacy

    nlp = spacy.load(settings.spacy_model)
    texts = [normalise_text(d.text) for d in documents]
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.parse_batch_size):
        pass
    return {"workers": 1, "seconds": time.perf_counter() - began}


def run_single(settings: Settings, documents: list[Document]) -> dict[str, float]:
    pipeline = load_pipeline(settings)  # loading is not counted: a long run pays it once
    store = SQLStore.open(settings.db)
    began = time.perf_counter()
    process_batch(pipeline, store, documents)
    seconds = time.perf_counter() - began
    store.close()
    return {"workers": 1, "seconds": seconds, "peak_mb_per_worker": _peak_rss_mb()}


def run_dask(settings: Settings, documents: list[Document], workers: int | None) -> dict[str, float]:
    client = open_client(workers=workers)
    try:
        count = len(client.scheduler_info()["workers"])
        store = SQLStore.open(settings.db)
        warm = documents[: count * 2]  # every worker loads its models before the clock starts
        process_distributed(settings, store, warm, client=client, partition_size=1)
        began = time.perf_counter()
        process_distributed(settings, store, documents[len(warm):], client=client)
        seconds = time.perf_counter() - began
        store.close()
        peaks = client.run(_peak_rss_mb)
    finally:
        client.close()
    return {"workers": count, "seconds": seconds, "peak_mb_per_worker": max(peaks.values()),
            "documents": len(documents) - len(warm), "words": words(documents[len(warm):])}


def synthetic_reports(work: Path, count: int, seed: int) -> list[Document]:
    corpus = work / "throughput.jsonl"
    rows = generate(count // 4, count, seed)
    corpus.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "gold_event"}, ensure_ascii=False)
                              + "\n" for r in rows), encoding="utf-8")
    return [d for d in iter_documents([str(corpus)], max_bytes=2_000_000, min_chars=40) if isinstance(d, Document)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteer", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, help="Only the first N real articles (a quick run).")
    parser.add_argument("--synthetic", type=int, default=1000, help="Synthetic short reports for the second line.")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("var/bench"))
    parser.add_argument("-o", "--output", type=Path, default=Path("reports/bench.md"))
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    articles = real_articles(args.shared, args.limit)
    reports = synthetic_reports(args.work, args.synthetic, args.seed)
    runs = (("real articles", "raw spaCy parse (`nlp.pipe`)", articles, run_parse),
            ("real articles", "conflictlens, 1 process", articles, run_single),
            ("real articles", "conflictlens, Dask, 2 worker processes", articles, lambda s, d: run_dask(s, d, 2)),
            ("synthetic reports", "raw spaCy parse (`nlp.pipe`)", reports, run_parse),
            ("synthetic reports", "conflictlens, 1 process", reports, run_single))
    results = []
    for corpus, name, documents, runner in runs:
        db = args.work / "throughput.db"
        for leftover in args.work.glob("throughput.db*"):
            leftover.unlink()
        settings = Settings(gazetteer=args.gazetteer, db=str(db), fuse_after_process=False)
        result = runner(settings, documents)
        result.setdefault("documents", len(documents))
        result.setdefault("words", words(documents))
        result.update(corpus=corpus, name=name)
        results.append(result)
        print(corpus, name, result, flush=True)
    shutil.rmtree(args.work / "dask-worker-space", ignore_errors=True)

    cores = os.cpu_count() or 1
    lines = [
        "# Throughput benchmark",
        "",
        f"{dt.date.today().isoformat()}, commit {commit()}, {cores} cores. Real articles: {len(articles)} full "
        f"texts of FA-KES and LGL ({words(articles):,} words, read in place from ../shared); synthetic: "
        f"{len(reports)} generated 1-4 sentence reports (`benchmarks/synthetic_reports.py`, seed {args.seed}). "
        "Coded and stored in SQLite, fusion off; model loading is not timed. `make bench`.",
        "",
        "| corpus | run | workers | articles/s | words/s | × the raw parse | speed-up over 1 process | "
        "peak memory per worker (MB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for corpus in ("real articles", "synthetic reports"):
        mine = [r for r in results if r["corpus"] == corpus]
        parse_rate = mine[0]["words"] / mine[0]["seconds"]
        single_rate = mine[1]["words"] / mine[1]["seconds"]
        for r in mine:
            rate = r["words"] / r["seconds"]
            peak = f"{r['peak_mb_per_worker']:.0f}" if "peak_mb_per_worker" in r else ""
            speed_up = f"{rate / single_rate:.2f}" if r is not mine[0] else ""
            lines.append(f"| {corpus} | {r['name']} | {int(r['workers'])} | {r['documents'] / r['seconds']:.1f} | "
                         f"{rate:,.0f} | {rate / parse_rate:.2f} | {speed_up} | {peak} |")
    lines.append("")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
