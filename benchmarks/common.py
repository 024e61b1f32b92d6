"""Helpers the benchmark scripts share."""

from __future__ import annotations

import subprocess


def commit() -> str:
    """The commit a benchmark measured, for its report."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
