"""Fusion benchmark: synthetic reports of known events through the whole pipeline, then pairwise scores.

Reports are processed and fused in batches of 1,000, as a news feed would arrive (incremental fusion),
and then fused again from scratch in one pass (``fuse --rebuild``). A document counts by its lead
report (its first event of the gold event's family); two documents are a predicted pair when their
lead reports share a fused event, a gold pair when they describe the same synthetic event.
Documents with no such report stay unpaired, which lowers recall.

    python benchmarks/bench_fusion.py --gazetteer var/gazetteer.sqlite -o reports/bench_fusion.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import commit
from synthetic_reports import generate, make_events

from conflictlens.coding.fusion import load_fuser
from conflictlens.coding.ingest import _jsonl_documents
from conflictlens.coding.pipeline import load_pipeline
from conflictlens.config import Settings
from conflictlens.scale.batch import process_batch
from conflictlens.scale.fusing import fuse_store
from conflictlens.store.sql import SQLStore

FAMILY = {"clash": "political violence", "attack": "political violence", "airstrike": "political violence",
          "ied": "political violence", "abduction": "political violence", "protest": "demonstrations"}


def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    """Unordered pairs of keys that share a group."""
    members: dict[str, list[str]] = {}
    for key, group in groups.items():
        members.setdefault(group, []).append(key)
    return {(a, b) if a < b else (b, a) for ks in members.values() for i, a in enumerate(ks) for b in ks[i + 1:]}


def score(store: SQLStore, gold_of_doc: dict[str, str], kind_of_gold: dict[str, str],
          family_of_type: dict[str, str]) -> dict[str, float]:
    lead: dict[str, str] = {}
    reports = sorted((r for r in store.unfused_reports(everything=True) if r.fused_id),
                     key=lambda r: (r.event["doc_id"], (r.event.get("evidence") or [{"start": 0}])[0]["start"]))
    for doc_id, event_type, fused_id in ((r.event["doc_id"], r.event["event_type"], r.fused_id) for r in reports):
        gold = gold_of_doc.get(doc_id)
        if gold and doc_id not in lead and family_of_type.get(event_type) == FAMILY[kind_of_gold[gold]]:
            lead[doc_id] = fused_id
    gold_pairs, predicted = pairs(gold_of_doc), pairs(lead)
    true = len(gold_pairs & predicted)
    return {"precision": true / len(predicted) if predicted else 0.0, "recall": true / len(gold_pairs),
            "documents_with_lead_report": len(lead) / len(gold_of_doc), "gold_pairs": len(gold_pairs),
            "predicted_pairs": len(predicted), "fused_events": store.status()["fused_events"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteer", type=Path, required=True)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("var/bench"))
    parser.add_argument("-o", "--output", type=Path, default=Path("reports/bench_fusion.md"))
    args = parser.parse_args()

    rows = generate(args.events, args.reports, args.seed)
    # The same seed makes the same events first, so their kinds can be read back.
    kind_of_gold = {e.gold_event: e.kind for e in make_events(args.events, random.Random(args.seed))}
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / "fusion.db"
    for leftover in args.work.glob("fusion.db*"):
        leftover.unlink()
    settings = Settings(gazetteer=args.gazetteer, db=str(db))
    pipeline = load_pipeline(settings)
    fuser = load_fuser(pipeline.knowledge, pipeline.actors)
    family_of_type = {t: f for f, types in pipeline.knowledge.fusion["families"].items() for t in types}
    store = SQLStore.open(db)
    documents = list(_jsonl_documents(((i + 1, _line(r)) for i, r in enumerate(rows)), "synthetic", 40, {}))
    gold_of_doc = {d.doc_id: r["gold_event"] for d, r in zip(documents, rows, strict=True)}  # type: ignore[union-attr]
    process_seconds = fuse_seconds = 0.0
    for start in range(0, len(documents), args.batch):
        batch = documents[start : start + args.batch]
        began = time.perf_counter()
        process_batch(pipeline, store, batch)
        process_seconds += time.perf_counter() - began
        began = time.perf_counter()
        fuse_store(store, fuser)
        fuse_seconds += time.perf_counter() - began
    incremental = score(store, gold_of_doc, kind_of_gold, family_of_type)
    began = time.perf_counter()
    fuse_store(store, fuser, rebuild=True)
    rebuild_seconds = time.perf_counter() - began
    one_pass = score(store, gold_of_doc, kind_of_gold, family_of_type)
    statuses = Counter(r["fusion_status"] for r in store.fused_events())
    store.close()

    per_thousand = 1000 / len(documents)
    lines = [
        "# Fusion benchmark",
        "",
        f"{dt.date.today().isoformat()}, commit {commit()}: {len(documents)} synthetic reports of {args.events} "
        f"events (seed {args.seed}), `python benchmarks/bench_fusion.py` (`make bench-fusion`).",
        "",
        "| run | pairwise precision | pairwise recall | documents with a lead report | fused events |",
        "|---|---|---|---|---|",
    ]
    for name, result in ((f"incremental, batches of {args.batch}", incremental), ("one pass (--rebuild)", one_pass)):
        lines.append(f"| {name} | {result['precision']:.3f} | {result['recall']:.3f} | "
                     f"{result['documents_with_lead_report']:.3f} | {result['fused_events']} |")
    lines += [
        "",
        f"Gold pairs: {one_pass['gold_pairs']}; predicted pairs (one pass): {one_pass['predicted_pairs']}.",
        f"Fused event status (one pass): {dict(sorted(statuses.items()))}.",
        "",
        "| time per 1,000 reports | seconds |",
        "|---|---|",
        f"| pipeline (parse, code, store) | {process_seconds * per_thousand:.1f} |",
        f"| fusion, incremental (text vectors included) | {fuse_seconds * per_thousand:.1f} |",
        f"| fusion, one pass (text vectors cached) | {rebuild_seconds * per_thousand:.1f} |",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def _line(row: dict[str, str]) -> str:
    return json.dumps({k: v for k, v in row.items() if k != "gold_event"}, ensure_ascii=False)


if __name__ == "__main__":
    main()
