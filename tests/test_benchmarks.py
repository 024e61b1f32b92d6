"""The benchmark corpus generator: seeded, exact in its counts, every report tied to its event."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synthetic_reports import generate


def test_generator_is_seeded_and_exact():
    first, again, other = generate(50, 230, seed=3), generate(50, 230, seed=3), generate(50, 230, seed=4)
    assert first == again and first != other
    per_event = Counter(r["gold_event"] for r in first)
    assert len(first) == 230 and len(per_event) == 50 and max(per_event.values()) <= 9
    assert len({r["url"] for r in first}) == 230
    # Each event's reports come from different outlets.
    for gold in per_event:
        outlets = [r["outlet"] for r in first if r["gold_event"] == gold]
        assert len(outlets) == len(set(outlets))
