"""Scale-out on Dask worker processes, Parquet output and loading, and resuming a run killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.scale.scaleout import ParquetSink, ScaleOutError, load_parquet
from conflictlens.store.sql import SQLStore

from ..coding.test_fusion import ARTICLES, EXPECTED, _summary

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synthetic_reports import generate

pytestmark = pytest.mark.slow


def _cli(settings, db: Path, *args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--db", str(db), "--gazetteer", str(settings.gazetteer), *args])
    return result


def test_two_worker_processes_code_what_one_process_codes(settings, tmp_path):
    db = tmp_path / "workers.db"
    result = _cli(settings, db, "process", str(ARTICLES), "--workers", "2", "--no-show")
    assert result.exit_code == 0, result.output
    assert "10 processed, 0 already in the store, 0 failed, 11 events" in result.output
    store = SQLStore.open(db)
    assert _summary(store) == EXPECTED
    store.close()


def test_parquet_output_loads_into_a_store_once(settings, tmp_path):
    out = tmp_path / "parts"
    db = tmp_path / "loaded.db"
    written = _cli(settings, tmp_path / "unused.db", "process", str(ARTICLES), "--workers", "2",
                   "--out", f"parquet://{out}", "--no-show")
    assert written.exit_code == 0, written.output
    assert f"conflictlens load {out}" in written.output
    assert len(list(out.glob("part-*.parquet"))) >= 1 and not list(out.glob("*.partial"))
    rows = list(load_parquet(out))
    assert len(rows) == 10
    again = _cli(settings, tmp_path / "unused.db", "process", str(ARTICLES), "--workers", "2",
                 "--out", f"parquet://{out}", "--no-show")
    assert "0 processed, 10 already in the store" in again.output  # the folder already holds them
    first = _cli(settings, db, "load", str(out))
    assert "loaded: 10 processed, 0 already in the store, 0 failed, 11 events" in first.output
    second = _cli(settings, db, "load", str(out))
    assert "loaded: 0 processed, 10 already in the store" in second.output
    store = SQLStore.open(db)
    assert _summary(store) == EXPECTED
    store.close()


def test_clear_errors_for_outputs_and_clusters(settings, tmp_path):
    with pytest.raises(ScaleOutError, match="use parquet://FOLDER"):
        ParquetSink.from_url(f"s3://{tmp_path}")
    with pytest.raises(ScaleOutError, match="is not a folder"):
        list(load_parquet(tmp_path / "missing"))
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "part-broken.parquet").write_bytes(b"not parquet")
    with pytest.raises(ScaleOutError, match="not a readable Parquet part"):
        list(load_parquet(tmp_path / "parts"))
    unreachable = _cli(settings, tmp_path / "x.db", "process", str(ARTICLES), "--dask", "tcp://127.0.0.1:9",
                       "--no-show")
    assert unreachable.exit_code == 1
    assert unreachable.output.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    nothing = _cli(settings, tmp_path / "fresh.db", "process", "--resume")
    assert nothing.exit_code == 2 and "no unfinished run to resume" in nothing.output


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("documents", "events", "failures"))


def test_a_run_killed_with_sigkill_resumes_without_loss_or_duplicates(settings, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    reports = generate(30, 60, seed=11)
    corpus.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "gold_event"}) + "\n" for r in reports),
                      encoding="utf-8")
    command = [str(Path(sys.executable).parent / "conflictlens"), "--gazetteer", str(settings.gazetteer)]
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run([*command, "--db", str(clean_db), "process", str(corpus), "--no-show"], check=True,
                   capture_output=True, timeout=600)
    expected = _counts(clean_db)
    assert expected[0] == 60

    run = subprocess.Popen([*command, "--db", str(killed_db), "process", str(corpus), "--no-show"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and run.poll() is None:
        if killed_db.exists() and _documents_so_far(killed_db) >= 5:
            break
        time.sleep(0.05)
    assert run.poll() is None, "the run finished before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    partial = _counts(killed_db)
    assert 5 <= partial[0] < 60

    resumed = subprocess.run([*command, "--db", str(killed_db), "process", "--resume", "--no-show"],
                             capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{60 - partial[0]} processed, {partial[0]} already in the store" in resumed.stderr
    assert _counts(killed_db) == expected
    with sqlite3.connect(killed_db) as conn:
        fused = conn.execute("SELECT COUNT(*) FROM fused_events").fetchone()[0]
    with sqlite3.connect(clean_db) as conn:
        assert fused == conn.execute("SELECT COUNT(*) FROM fused_events").fetchone()[0]


def _documents_so_far(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not migrated yet, or locked for a moment
