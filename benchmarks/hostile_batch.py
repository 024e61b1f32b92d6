"""A batch of synthetic reports with a share of hostile inputs, and what each input must become.

Used by `make bench-hostile` (benchmarks/bench_hostile.py) and by tests/coding/test_robustness.py. Each hostile
kind is a class of input a real folder of news holds sooner or later: binary files, cut-off HTML, undecodable bytes,
empty and oversized files, names that are not UTF-8, JSON with lone surrogates and NUL escapes, FIFOs, symbolic
link loops, UTF-16 and Latin-1 files, and files that repeat another's text. Every input must end up stored, recorded
as a copy of a stored document, or recorded as a failure, under its own path.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from synthetic_reports import generate

from conflictlens.store.sql import SQLStore

# kind -> (how many in 500, the outcome: "stored", "copy" or a words of the failure's reason)
KINDS: dict[str, tuple[int, str]] = {
    "binary": (60, "binary data, not text"),
    "truncated": (60, "text too short"),
    "undecodable": (60, "not valid UTF-8"),
    "empty": (50, "empty input"),
    "huge": (5, "over the 2.0 MB limit"),
    "fifo": (25, "FIFO"),
    "linkloop": (25, "symbolic link loop"),
    "dangling": (15, "dangling link"),
    "badname": (40, "stored"),
    "surrogate": (40, "stored"),
    "nul": (40, "stored"),
    "utf16": (30, "stored"),
    "latin1": (30, "stored"),
    "copy": (20, "copy"),
}


@dataclass(frozen=True, slots=True)
class Expected:
    """One input: the path (or path:line) it is recorded under, its kind and what it must become."""

    name: str
    kind: str
    outcome: str


def recorded_name(path: Path) -> str:
    """The path as the store records it (a name that is not UTF-8 keeps its bytes as \\xNN escapes)."""
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def write_batch(folder: Path, *, good: int, bad: int, seed: int = 3) -> list[Expected]:
    """Write ``good`` synthetic reports and ``bad`` hostile inputs (the kinds in proportion) into ``folder``."""
    rng = random.Random(seed)
    per_500 = sum(count for count, _ in KINDS.values())
    counts = {kind: max(1, round(count * bad / per_500)) for kind, (count, _) in KINDS.items()}
    counts["binary"] += bad - sum(counts.values())  # the rounding's remainder
    texts = [report["text"] for report in generate(max(1, (good + bad) // 5), good + bad, seed=seed)]
    expected: list[Expected] = []
    for number in range(good):
        path = folder / f"good-{number:05d}.txt"
        path.write_text(texts[number], encoding="utf-8")
        expected.append(Expected(recorded_name(path), "good", "stored"))
    spare = iter(texts[good:])
    for kind, count in counts.items():
        outcome = KINDS[kind][1]
        for number in range(count):
            # A copy is named to come after the report it repeats: the first read of a text is the one stored.
            stem = f"{'zz' if kind == 'copy' else 'bad'}-{kind}-{number:03d}"
            if kind == "surrogate" or kind == "nul":
                path = folder / f"{stem}.jsonl"
                text = next(spare)
                value = json.dumps(text)[1:-1].replace(" ", " \\ud800 " if kind == "surrogate" else " \\u0000 ", 1)
                line = '{"text": "' + value + '"}'
                path.write_text(line + "\n", encoding="utf-8")
                expected.append(Expected(f"{recorded_name(path)}:1", kind, outcome))
                continue
            path = folder / (os.fsdecode(f"{stem}-".encode() + b"\xff\xfe.txt") if kind == "badname" else
                             f"{stem}.html" if kind == "truncated" else f"{stem}.txt")
            _write_hostile(path, kind, rng, next(spare), texts)
            expected.append(Expected(recorded_name(path), kind, outcome))
    return expected


def _write_hostile(path: Path, kind: str, rng: random.Random, text: str, texts: list[str]) -> None:
    if kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(4000))
    elif kind == "truncated":
        path.write_text("<html><head><title>Attack near Djibo</title></head><body><nav>Home</nav><art", encoding="utf-8")
    elif kind == "undecodable":
        path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "huge":
        path.write_text("Gunmen killed twelve villagers near Menaka on Sunday, residents said. " * 300_000,
                        encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "linkloop":
        path.symlink_to(path.name)
    elif kind == "dangling":
        path.symlink_to(f"missing-{path.name}")
    elif kind == "utf16":
        path.write_bytes(text.encode("utf-16"))
    elif kind == "latin1":
        # The synthetic reports' accented town names (Ménaka, Tillabéri) are what Latin-1 changes.
        path.write_bytes((text + " Ménaka, Ségou, Tillabéri.").encode("latin-1", errors="replace"))
    elif kind == "copy":
        path.write_text(texts[rng.randrange(0, min(100, len(texts)))], encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")


def outcomes(store: SQLStore) -> dict[str, str]:
    """What each input path became in the store: "stored", "copy", or the failure's reason."""
    found = {path: "stored" for path in store.document_paths()}
    found.update({c["source_path"]: "copy" for c in store.document_copies()})
    found.update({f["source_path"]: f["reason"] for f in store.failures()})
    return found


def agrees(outcome: str, got: str | None) -> bool:
    """Whether an input became what its kind must: stored, a copy, or a failure whose reason says why."""
    if got is None:
        return False
    return got == outcome if outcome in ("stored", "copy") else outcome in got
