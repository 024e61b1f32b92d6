"""Hostile-input benchmark: a 10,000-input batch with 5 % hostile inputs, through the real CLI on two workers.

    python benchmarks/bench_hostile.py --cli .venv/bin/conflictlens --gazetteer var/gazetteer.sqlite \
        [--db postgresql://...] -o reports/bench_hostile.md

Checks what the hardening promises, and reports it: every input is stored, recorded as a copy of a stored document
or recorded as a failure, under its own path (0 lost); a second run adds nothing (0 duplicated); fusion completes.
Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from common import commit
from hostile_batch import agrees, outcomes, write_batch

from conflictlens.store.sql import SQLStore


def run(cli: str, gazetteer: str, db: str, folder: Path) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run([cli, "--db", db, "--gazetteer", gazetteer, "process", str(folder), "--workers", "2",
                           "--no-show"], capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"process failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - began, done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=".venv/bin/conflictlens")
    parser.add_argument("--gazetteer", required=True)
    parser.add_argument("--db", help="a PostgreSQL URL (default: a SQLite file in a temporary folder)")
    parser.add_argument("--good", type=int, default=9_500)
    parser.add_argument("--bad", type=int, default=500)
    parser.add_argument("-o", "--output", type=Path, required=True)
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="conflictlens-hostile-") as scratch:
        folder = Path(scratch) / "batch"
        folder.mkdir()
        expected = write_batch(folder, good=arguments.good, bad=arguments.bad)
        db = arguments.db or str(Path(scratch) / "hostile.db")
        first_seconds, _ = run(arguments.cli, arguments.gazetteer, db, folder)
        store = SQLStore.open(db)
        found = outcomes(store)
        status_first = store.status()
        store.close()
        second_seconds, second_said = run(arguments.cli, arguments.gazetteer, db, folder)
        store = SQLStore.open(db)
        status_second = store.status()
        store.close()

    wrong = [(e.name, e.outcome, found.get(e.name)) for e in expected if not agrees(e.outcome, found.get(e.name))]
    lost = [e.name for e in expected if e.name not in found]
    by_kind = collections.Counter(e.kind for e in expected)
    duplicated = {key: status_second[key] - status_first[key] for key in ("documents", "events", "failures", "copies")}
    checks = {
        "every input stored, copied or failed under its own path": not lost,
        "each kind became what it must": not wrong,
        "a second run added nothing": not any(duplicated.values()) and "0 processed" in second_said,
        "fusion completed": status_first["events_awaiting_fusion"] == 0 and status_first["fused_events"] > 0,
    }
    lines = [
        "# Hostile-input benchmark",
        "",
        f"{dt.date.today()}, commit {commit()}, store: {'PostgreSQL' if arguments.db else 'SQLite'}, 2 Dask workers.",
        "",
        f"Inputs: {len(expected):,} ({arguments.good:,} good reports, {len(expected) - arguments.good:,} hostile: "
        + ", ".join(f"{kind} {count}" for kind, count in by_kind.items() if kind != "good") + ").",
        "",
        "| | first run | second run |",
        "|---|---|---|",
        f"| wall time | {first_seconds:.0f} s | {second_seconds:.0f} s |",
        f"| documents stored | {status_first['documents']:,} | +{duplicated['documents']} |",
        f"| copies recorded | {status_first['copies']:,} | +{duplicated['copies']} |",
        f"| failures recorded | {status_first['failures']:,} | +{duplicated['failures']} |",
        f"| events | {status_first['events']:,} | +{duplicated['events']} |",
        f"| fused events | {status_first['fused_events']:,} | |",
        "",
        f"Lost (neither stored, copied nor failed): {len(lost)}. Wrong outcome: {len(wrong)}.",
        "",
        *[f"- {'ok' if passed else 'FAILED'}: {check}" for check, passed in checks.items()],
        "",
        *[f"- wrong: {name}: expected {outcome!r}, got {got!r}" for name, outcome, got in wrong[:20]],
    ]
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
