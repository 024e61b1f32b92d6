"""A 10,000-document batch with 5% corrupt inputs: every good document coded, every bad one recorded
with its reason, nothing lost, nothing doubled on a re-run."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.store.sql import SQLStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synthetic_reports import generate

pytestmark = pytest.mark.slow

GOOD, BAD = 9_500, 500
# What each kind of bad input must be recorded as.
REASONS = {"binary": "binary data, not text", "truncated": "text too short", "latin": "not valid UTF-8",
           "empty": "empty input", "huge": "over the 2.0 MB limit"}


def _write_batch(folder: Path) -> None:
    rng = random.Random(3)
    for number, report in enumerate(generate(2_000, GOOD, seed=3)):
        (folder / f"good-{number:05d}.txt").write_text(report["text"], encoding="utf-8")
    kinds = ["binary"] * 125 + ["truncated"] * 125 + ["latin"] * 125 + ["empty"] * 120 + ["huge"] * 5
    for number, kind in enumerate(kinds):
        path = folder / f"bad-{kind}-{number:03d}.{'html' if kind == 'truncated' else 'txt'}"
        if kind == "binary":
            path.write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(4000))
        elif kind == "truncated":
            path.write_text("<html><head><title>Attack near Djibo</title></head><body><nav>Home</nav><art",
                            encoding="utf-8")
        elif kind == "latin":
            path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
        elif kind == "empty":
            path.write_bytes(b"")
        else:
            path.write_text("Gunmen killed twelve villagers near Menaka on Sunday, residents said. " * 300_000,
                            encoding="utf-8")


def test_ten_thousand_documents_five_percent_corrupt(settings, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    _write_batch(batch)
    db = tmp_path / "batch.db"
    args = ["--db", str(db), "--gazetteer", str(settings.gazetteer), "process", str(batch), "--workers", "2",
            "--no-show"]
    env = {"CONFLICTLENS_FUSE_AFTER_PROCESS": "false"}
    first = CliRunner().invoke(main, args, env=env)
    assert first.exit_code == 0, first.output[-2000:]
    assert f"{GOOD} processed, 0 already in the store, {BAD} failed" in first.output
    store = SQLStore.open(db)
    status = store.status()
    assert (status["documents"], status["failures"]) == (GOOD, BAD)
    for failure in store.failures():
        kind = Path(failure["source_path"]).name.split("-")[1]
        assert REASONS[kind] in failure["reason"], failure
    events = status["events"]
    store.close()

    again = CliRunner().invoke(main, args, env=env)
    assert f"0 processed, {GOOD} already in the store, {BAD} failed, 0 events" in again.output
    store = SQLStore.open(db)
    status = store.status()
    assert (status["documents"], status["events"], status["failures"]) == (GOOD, events, BAD)
    store.close()
