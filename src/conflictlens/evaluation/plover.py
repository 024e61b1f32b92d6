"""Who-did-what-to-whom on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.json).

Two scores. Category: each record's sentence is coded and its first event's ACLED (sub-)type mapped to
a PLOVER category with the crosswalk in ``data/plover_crosswalk.yaml``, scored where the gold category
has an ACLED counterpart. Roles, on every record: the role stage (``roles``) reads the sentence's main
action, and a gold source (target) agrees when its head word is among the words of the source (target)
phrase it finds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictlens.coding.pipeline import Pipeline
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.acled import share
from conflictlens.knowledge import read_data_file
from conflictlens.model import Event


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


def words_of(text: str) -> list[str]:
    """Lower-case words, initialisms without their dots ("U.S." is "us", as "US" is)."""
    return re.findall(r"[a-z]+", text.lower().replace(".", ""))


def head_word(actor_text: str) -> str:
    """The last word of a gold actor's text: "President Obama" is "obama", "U.S." is "us"."""
    words = words_of(actor_text)
    return words[-1] if words else actor_text.lower()


@dataclass(slots=True)
class PloverReport:
    records: int = 0
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
            "records": self.records,
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
        report.records += 1
        gold = str(record["event"])
        row: dict[str, Any] = {"id": record.get("id"), "gold": gold}
        if crosswalk.covers(gold):
            events = pipeline.process_text(record["text"]).events
            event = min(events, key=lambda e: e.evidence[0].start) if events else None
            row["predicted"] = crosswalk.category(event)
            report.scored += 1
            report.category_correct += row["predicted"] == gold
        else:
            report.skipped += 1
        interaction = next(iter(pipeline.interactions(record["text"])), None)
        side_one = set(words_of(interaction.source.text)) if interaction and interaction.source else set()
        side_two = set(words_of(interaction.target.text)) if interaction and interaction.target else set()
        sources, targets = _actor_texts(record.get("source")), _actor_texts(record.get("target"))
        row["source_agrees"] = any(head_word(s) in side_one for s in sources)
        row["target_agrees"] = any(head_word(t) in side_two for t in targets)
        report.source_total += bool(sources)
        report.source_agree += bool(sources) and row["source_agrees"]
        report.target_total += bool(targets)
        report.target_agree += bool(targets) and row["target_agrees"]
        report.rows.append(row)
    return report
