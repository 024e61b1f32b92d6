"""Throughput benchmark: articles per second per core and peak memory per worker, for one process,
two Dask worker processes and a default Dask LocalCluster, on a fixed corpus of generated articles.

    python benchmarks/bench_throughput.py --gazetteer var/gazetteer.sqlite -o reports/bench.md
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

from conflictlens.coding.ingest import iter_documents
from conflictlens.coding.pipeline import load_pipeline
from conflictlens.config import Settings
from conflictlens.model import Document
from conflictlens.scale.batch import process_batch
from conflictlens.scale.scaleout import open_client, process_distributed
from conflictlens.store.sql import SQLStore


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


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
            "documents": len(documents) - len(warm)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteer", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("var/bench"))
    parser.add_argument("-o", "--output", type=Path, default=Path("reports/bench.md"))
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / "throughput.jsonl"
    rows = generate(args.articles // 4, args.articles, args.seed)
    corpus.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "gold_event"}, ensure_ascii=False)
                              + "\n" for r in rows), encoding="utf-8")
    documents = [d for d in iter_documents([str(corpus)], max_bytes=2_000_000, min_chars=40)
                 if isinstance(d, Document)]
    results = []
    for name, runner in (("1 process", lambda s: run_single(s, documents)),
                         ("Dask, 2 worker processes", lambda s: run_dask(s, documents, 2)),
                         ("Dask LocalCluster (default size)", lambda s: run_dask(s, documents, None))):
        db = args.work / "throughput.db"
        for leftover in args.work.glob("throughput.db*"):
            leftover.unlink()
        settings = Settings(gazetteer=args.gazetteer, db=str(db), fuse_after_process=False)
        result = runner(settings)
        result.setdefault("documents", len(documents))
        result["name"] = name
        results.append(result)
        print(name, result, flush=True)
    shutil.rmtree(args.work / "dask-worker-space", ignore_errors=True)

    base = results[0]["documents"] / results[0]["seconds"]
    cores = os.cpu_count() or 1
    lines = [
        "# Throughput benchmark",
        "",
        f"{dt.date.today().isoformat()}, commit {commit()}, {cores} cores: {len(documents)} generated articles "
        f"(`benchmarks/synthetic_reports.py`, seed {args.seed}; 1-4 sentences each), coded and stored in SQLite; "
        "fusion off. Model loading is not timed. `make bench`.",
        "",
        "| run | workers | articles/s | articles/s/worker | speed-up | peak memory per worker (MB) |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        rate = r["documents"] / r["seconds"]
        lines.append(f"| {r['name']} | {int(r['workers'])} | {rate:.1f} | {rate / r['workers']:.1f} | "
                     f"{rate / base:.2f} | {r['peak_mb_per_worker']:.0f} |")
    lines.append("")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
