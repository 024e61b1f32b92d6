"""A 10,000-input batch with 5% hostile inputs (benchmarks/hostile_batch.py: binary, cut-off HTML, bad bytes, empty,
huge, FIFOs, link loops, dangling links, names that are not UTF-8, lone surrogates, NUL escapes, UTF-16, Latin-1 and
copies) on two workers: every input stored, copied or failed under its own path, nothing doubled on a re-run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.store.sql import SQLStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from hostile_batch import agrees, outcomes, write_batch

pytestmark = pytest.mark.slow

GOOD, BAD = 9_500, 500


def test_ten_thousand_inputs_five_percent_hostile(settings, tmp_path):  # type: ignore[no-untyped-def]
    batch = tmp_path / "batch"
    batch.mkdir()
    expected = write_batch(batch, good=GOOD, bad=BAD)
    failing = sum(1 for e in expected if e.outcome not in ("stored", "copy"))
    copies = sum(1 for e in expected if e.outcome == "copy")
    db = tmp_path / "batch.db"
    args = ["--db", str(db), "--gazetteer", str(settings.gazetteer), "process", str(batch), "--workers", "2",
            "--no-show"]
    env = {"CONFLICTLENS_FUSE_AFTER_PROCESS": "false"}
    first = CliRunner().invoke(main, args, env=env)
    assert first.exit_code == 0, first.output[-2000:]
    stored = len(expected) - failing - copies
    assert f"{stored} processed, {copies} already in the store, {failing} failed" in first.output
    store = SQLStore.open(db)
    found = outcomes(store)
    assert [(e.name, e.outcome, found.get(e.name)) for e in expected if not agrees(e.outcome, found.get(e.name))] == []
    status = store.status()
    assert (status["documents"], status["copies"], status["failures"]) == (stored, copies, failing)
    store.close()

    again = CliRunner().invoke(main, args, env=env)
    assert f"0 processed, {stored + copies} already in the store, {failing} failed, 0 events" in again.output
    store = SQLStore.open(db)
    assert {k: v for k, v in store.status().items() if k in status} == status
    store.close()
