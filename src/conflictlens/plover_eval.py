"""Who-did-what-to-whom on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.json).

Each record's sentence is coded; its first event's ACLED (sub-)type is mapped to a PLOVER category
with the crosswalk in ``data/plover_crosswalk.yaml``. Scored only where the gold category has an
ACLED counterpart: category accuracy, and source / target agreement: a gold source (target) agrees
when its head word is in the words of the coded actor1 side (actor2 side), names or surface text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation import share
from conflictlens.knowledge import read_data_file
from conflictlens.model import Actor, Event
from conflictlens.pipeline import Pipeline


def read_records(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConflictLensError(f"PLOVER file {path} not found: check the path") from exc
    except json.JSONDecodeError as exc:
        raise ConflictLensError(f"PLOVER file {path} is not valid JSON ({exc.msg}): is it PLOVER_GSR_CAMEO.json?") from exc
    if not isinstance(data, list):
        raise ConflictLensError(f"PLOVER file {path} is not a list of records")
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]


def _actor_texts(value: object) -> list[str]:
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")] if isinstance(value, list) else []


def _words(actors: list[Actor]) -> set[str]:
    text = " ".join(f"{a.name} {a.surface or ''}" for a in actors)
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def _head_word(actor_text: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", actor_text.lower()) if len(w) > 2]
    return words[-1] if words else actor_text.lower()


@dataclass(slots=True)
class PloverReport:
    scored: int = 0
    category_correct: int = 0
    source_total: int = 0
    source_agree: int = 0
    target_total: int = 0
    target_agree: int = 0
    skipped: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        return {
            "records_scored": self.scored,
            "records_without_acled_counterpart": self.skipped,
            "category_accuracy": share(self.category_correct, self.scored),
            "source_agreement": share(self.source_agree, self.source_total),
            "target_agreement": share(self.target_agree, self.target_total),
        }

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "rows": self.rows}


class Crosswalk:
    def __init__(self, data: dict[str, Any]) -> None:
        self.types: dict[str, str] = data["types"]
        self.sub_types: dict[str, str] = data["sub_types"]

    def category(self, event: Event | None) -> str | None:
        if event is None:
            return None
        return self.sub_types.get(event.sub_event_type) or self.types.get(event.event_type)

    def covers(self, category: str) -> bool:
        return category in set(self.types.values()) | set(self.sub_types.values())


def score_plover(pipeline: Pipeline, path: Path, *, limit: int | None = None) -> PloverReport:
    records = read_records(path)[:limit]
    crosswalk = Crosswalk(read_data_file("plover_crosswalk.yaml", pipeline.settings.dictionaries))
    report = PloverReport()
    for record in records:
        gold = str(record["event"])
        if not crosswalk.covers(gold):
            report.skipped += 1
            continue
        events = pipeline.process_text(record["text"]).events
        event = min(events, key=lambda e: e.evidence[0].start) if events else None
        predicted = crosswalk.category(event)
        report.scored += 1
        report.category_correct += predicted == gold
        side_one = _words([a for a in ([event.actor1, *event.assoc_actor_1] if event else []) if a])
        side_two = _words([a for a in ([event.actor2, *event.assoc_actor_2] if event else []) if a])
        sources, targets = _actor_texts(record.get("source")), _actor_texts(record.get("target"))
        source_ok = any(_head_word(s) in side_one for s in sources)
        target_ok = any(_head_word(t) in side_two for t in targets)
        report.source_total += bool(sources)
        report.source_agree += bool(sources) and source_ok
        report.target_total += bool(targets)
        report.target_agree += bool(targets) and target_ok
        report.rows.append({"id": record.get("id"), "gold": gold, "predicted": predicted,
                            "source_agrees": source_ok, "target_agrees": target_ok})
    return report
