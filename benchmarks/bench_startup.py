"""Start-up benchmark: how long the command takes when it needs no model (``--help``, ``status``, ``events``),
and how much disk the installed environment takes.

    python benchmarks/bench_startup.py --venv .venv --db var/demo.db --gazetteer var/gazetteer.sqlite \
        -o reports/bench_startup.md

Each command runs once to warm the disk cache, then ``--runs`` times; the median wall time is reported. A demo
store is made first (the bundled example) when ``--db`` does not exist.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import commit

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sahel_wire_report.txt"


def wall_seconds(command: list[str], runs: int) -> float:
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def disk_mb(folder: Path) -> float:
    used = subprocess.run(["du", "-sk", str(folder)], check=True, capture_output=True, text=True).stdout.split()[0]
    return int(used) / 1024


# What `pip install conflictlens` brings: the distributions its requirements (no extras) pull in, walked in the
# environment's own metadata, and the bytes of their files.
RUNTIME_CLOSURE = """
import importlib.metadata as md, os
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
seen, stack, total = set(), ["conflictlens"], 0
while stack:
    name = canonicalize_name(stack.pop())
    if name in seen:
        continue
    seen.add(name)
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        continue
    total += sum(os.path.getsize(dist.locate_file(f)) for f in dist.files or [] if os.path.isfile(dist.locate_file(f)))
    stack += [r.name for r in map(Requirement, dist.requires or []) if r.marker is None or r.marker.evaluate({"extra": ""})]
print(total, len(seen))
"""


def runtime_mb(venv: Path) -> tuple[float, int]:
    """The runtime dependencies' size in ``venv`` (which may hold the dev tools too), and how many there are."""
    out = subprocess.run([str(venv / "bin" / "python"), "-c", RUNTIME_CLOSURE], check=True, capture_output=True,
                         text=True).stdout.split()
    return int(out[0]) / 2**20, int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", type=Path, default=Path(".venv"))
    parser.add_argument("--db", type=Path, default=Path("var/demo.db"))
    parser.add_argument("--gazetteer", type=Path, default=Path("var/gazetteer.sqlite"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-o", "--output", type=Path, default=Path("reports/bench_startup.md"))
    args = parser.parse_args()

    cli = [str(args.venv / "bin" / "conflictlens"), "--gazetteer", str(args.gazetteer), "--db", str(args.db)]
    if not args.db.exists():
        subprocess.run([*cli, "process", str(EXAMPLE)], check=True, capture_output=True)
    commands = {"conflictlens --help": [*cli, "--help"], "conflictlens status": [*cli, "status"],
                "conflictlens events": [*cli, "events"]}
    timed = {name: wall_seconds(command, args.runs) for name, command in commands.items()}
    size = disk_mb(args.venv)
    runtime, distributions = runtime_mb(args.venv)
    lines = [
        "# Start-up benchmark",
        "",
        f"{dt.date.today().isoformat()}, commit {commit()}: median of {args.runs} runs after one warm-up, "
        f"on the demo store. `make bench`.",
        "",
        "| command | seconds |",
        "|---|---|",
        *(f"| `{name}` | {seconds:.2f} |" for name, seconds in timed.items()),
        "",
        f"Runtime environment (what `pip install conflictlens` brings: {distributions} distributions, their files): "
        f"{runtime:,.0f} MB. This environment (`du -sk {args.venv}`, with the dev and train extras): {size:,.0f} MB.",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
