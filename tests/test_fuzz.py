"""Fuzzing the text/HTML/JSONL ingest and the feed reader with atheris, for a fixed time (60 s by default,
CONFLICTLENS_FUZZ_SECONDS to change it): no input may crash them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent / "fuzz"

pytestmark = pytest.mark.slow


def test_ingest_and_feeds_survive_fuzzing(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "seeds", corpus)  # the fuzzer adds what it finds to its corpus: not to the repository
    seconds = int(os.environ.get("CONFLICTLENS_FUZZ_SECONDS", "60"))
    run = subprocess.run([sys.executable, str(FUZZ / "ingest_target.py"), f"-max_total_time={seconds}",
                          "-rss_limit_mb=4096", f"-artifact_prefix={tmp_path}/", "-seed=1", str(corpus)],
                         capture_output=True, text=True, timeout=seconds + 300, cwd=tmp_path)
    crashes = sorted(p.name for p in tmp_path.glob("crash-*"))
    assert run.returncode == 0 and not crashes, f"fuzzing found a crash {crashes}:\n{run.stderr[-3000:]}"
    assert "Done" in run.stderr and "runs in" in run.stderr  # it really ran, for its time
