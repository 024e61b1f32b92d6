"""Evaluation against human coding: ACLED exports (the ``notes`` column is the text).

Each row's ``notes`` is coded with the row's ``event_date`` as publication date, and the first
coded event (in text order) is compared with the row: event type and sub-type, actors after
normalisation, location within 25 km, geo precision, fatalities and date. ACLED codes one event per
location, repeating the notes on each row; rows sharing notes and date are matched to distinct coded
events by location.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import statistics
import subprocess
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictlens.coding.gazetteer import haversine_km
from conflictlens.errors import ConflictLensError
from conflictlens.model import Document, Event

if TYPE_CHECKING:
    from conflictlens.coding.pipeline import Pipeline

REQUIRED_COLUMNS = {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
                    "longitude", "fatalities", "notes"}
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d/%m/%Y")
LOCATION_KM = 25.0
# ACLED coders' remarks inside notes: a crowd size ("in Agadez.[size=hundreds]"), where they placed the event
# ("in the village of Rimi (coded as Boula Koura at geo precision 2)", ", coded as Ayorou (Ayorou, Tillabery),") and
# what they counted ("Unknown fatalities coded as 10"). They are the answer, not report text: scoring with them
# would measure reading the coder, not the report.
CODING_MARKS = re.compile(r"\[size=[^\]]*\]|\([^()]*\bcoded (?:as|at)\b[^()]*\)"
                          r"|,\s*coded (?:as|at) (?:approximate location (?:as )?)?[^,.;()]*(?:\([^()]*\))?"
                          r"|[^.;,()]*\bfatalities\b[^.;()]*\bcoded (?:as|at)\b[^.;()]*",
                          re.IGNORECASE)


def share(part: int, whole: int) -> float:
    """``part / whole``, or NaN when there is nothing to score (a metric with no cases is unknown, not zero)."""
    return part / whole if whole else math.nan


def parse_acled_date(text: str) -> dt.date:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ConflictLensError(f"ACLED date {text!r} is not in a known format (2020-07-31, 31 July 2020, 16-Feb-21)")


def read_acled(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an ACLED export; an HXL tag row (values starting with '#') is skipped."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError as exc:
        raise ConflictLensError(f"ACLED file {path} not found: check the path") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise ConflictLensError(f"{path} lacks ACLED columns {sorted(missing)}: is it an ACLED export?")
        for row in reader:
            if any((v or "").startswith("#") for v in row.values()):
                continue
            yield row


def normalise_actor(name: str | None) -> str:
    """'Military Forces of Niger (2011-)' and 'Military Forces of Niger' meet; 'JNIM: Group ...' is 'jnim'."""
    if not name:
        return ""
    text = re.sub(r"\([^)]*\)", "", name).split(":")[0]
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class RowScore:
    index: int
    notes: str
    gold: dict[str, Any]
    predicted: dict[str, Any]
    agree: dict[str, bool]
    distance_km: float | None

    @property
    def wrong(self) -> int:
        return sum(1 for ok in self.agree.values() if not ok)


@dataclass
class AcledReport:
    rows: list[RowScore] = field(default_factory=list)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def rate(self, key: str) -> float:
        scored = [r.agree[key] for r in self.rows if key in r.agree]
        return share(sum(scored), len(scored))

    def sub_event_macro_f1(self) -> float:
        labels = {r.gold["sub_event_type"] for r in self.rows} | {r.predicted["sub_event_type"] for r in self.rows}
        scores = []
        for label in labels - {None}:
            tp = sum(1 for r in self.rows if r.gold["sub_event_type"] == label == r.predicted["sub_event_type"])
            fp = sum(1 for r in self.rows if r.predicted["sub_event_type"] == label != r.gold["sub_event_type"])
            fn = sum(1 for r in self.rows if r.gold["sub_event_type"] == label != r.predicted["sub_event_type"])
            if tp + fp + fn:
                scores.append(2 * tp / (2 * tp + fp + fn))
        return statistics.mean(scores) if scores else math.nan

    def fatalities_mae(self) -> float:
        errors = [abs(r.gold["fatalities"] - (r.predicted["fatalities"] or 0)) for r in self.rows]
        return statistics.mean(errors) if errors else math.nan

    def summary(self) -> dict[str, float | int]:
        return {
            "rows": len(self.rows),
            "event_type_accuracy": self.rate("event_type"),
            "sub_event_type_accuracy": self.rate("sub_event_type"),
            "sub_event_type_macro_f1": self.sub_event_macro_f1(),
            "actor1_match": self.rate("actor1"),
            "actor2_match": self.rate("actor2"),
            "location_within_25km": self.rate("location"),
            "geo_precision_agreement": self.rate("geo_precision"),
            "fatalities_exact": self.rate("fatalities"),
            "fatalities_mae": self.fatalities_mae(),
            "date_exact": self.rate("event_date"),
            "no_event_coded": sum(1 for r in self.rows if r.predicted["event_type"] is None),
        }

    def worst(self, n: int = 20) -> list[RowScore]:
        return sorted(self.rows, key=lambda r: (-r.wrong, r.index))[:n]

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "confusion": {gold: dict(row) for gold, row in sorted(self.confusion.items())},
            "worst": [{"index": r.index, "notes": r.notes, "gold": r.gold, "predicted": r.predicted,
                       "wrong": [k for k, ok in r.agree.items() if not ok]} for r in self.worst()],
        }


def _primary(events: list[Event]) -> Event | None:
    return min(events, key=lambda e: (e.evidence[0].start if e.evidence else 0)) if events else None


def _distance_km(event: Event, row: dict[str, str]) -> float:
    place = event.place
    if place is None or place.latitude is None or place.longitude is None:
        return math.inf
    return haversine_km(float(row["latitude"]), float(row["longitude"]), place.latitude, place.longitude)


def _match_rows(rows: list[dict[str, str]], events: list[Event]) -> list[Event | None]:
    """The coded event each row is scored against: the first event in the text. Several rows with the same notes
    and date are ACLED's one-event-per-location split of one report: when the first event is itself split over
    the places a sentence lists, each row takes a different part, the nearest to its location among those left."""
    primary = _primary(events)
    if len(rows) == 1 or primary is None or not primary.place_from_list:
        return [primary] * len(rows)
    left = [e for e in events if e.place_from_list and e.evidence[:1] == primary.evidence[:1]
            and e.trigger == primary.trigger]
    matched: list[Event | None] = []
    for row in rows:
        if not left:
            matched.append(primary)
            continue
        event = min(left, key=lambda e: _distance_km(e, row))
        left.remove(event)
        matched.append(event)
    return matched


def score_acled(pipeline: Pipeline, path: Path, *, limit: int | None = None, offset: int = 0,
                on_row: Any = None) -> AcledReport:
    rows = [(index, row) for index, row in enumerate(read_acled(path))
            if index >= offset and (limit is None or index < offset + limit)]
    reports: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, (_, row) in enumerate(rows):
        reports[(row["notes"], row["event_date"])].append(position)
    matched: dict[int, Event | None] = {}
    documents = (Document(text=CODING_MARKS.sub(" ", notes).strip(), published_at=parse_acled_date(event_date))
                 for notes, event_date in reports)
    for positions, result in zip(reports.values(), pipeline.process_each(documents), strict=True):
        for position, event in zip(positions, _match_rows([rows[p][1] for p in positions], result.events),
                                   strict=True):
            matched[position] = event
        if on_row is not None:
            for _ in positions:
                on_row()
    report = AcledReport()
    for position, (index, row) in enumerate(rows):
        report.rows.append(_score_row(index, row, matched[position]))
        report.confusion[row["event_type"]][report.rows[-1].predicted["event_type"] or "(none)"] += 1
    return report


def _score_row(index: int, row: dict[str, str], event: Event | None) -> RowScore:
    gold_date = parse_acled_date(row["event_date"])
    gold: dict[str, Any] = {
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"], "actor1": row["actor1"],
        "actor2": row["actor2"], "location": row["location"], "latitude": float(row["latitude"]),
        "longitude": float(row["longitude"]), "geo_precision": int(row.get("geo_precision") or 0),
        "fatalities": int(row["fatalities"] or 0), "event_date": gold_date.isoformat(),
    }
    predicted: dict[str, Any] = dict.fromkeys(gold)
    distance = None
    if event is not None:
        record = event.to_record()
        predicted.update({k: record.get(k) for k in gold})
        if record["latitude"] is not None and record["longitude"] is not None:
            distance = haversine_km(gold["latitude"], gold["longitude"], record["latitude"], record["longitude"])
    agree = {
        "event_type": predicted["event_type"] == gold["event_type"],
        "sub_event_type": predicted["sub_event_type"] == gold["sub_event_type"],
        "actor1": normalise_actor(predicted["actor1"]) == normalise_actor(gold["actor1"]),
        "actor2": normalise_actor(predicted["actor2"]) == normalise_actor(gold["actor2"]),
        "location": distance is not None and distance <= LOCATION_KM,
        "geo_precision": predicted["geo_precision"] == gold["geo_precision"],
        "fatalities": (predicted["fatalities"] or 0) == gold["fatalities"],
        "event_date": predicted["event_date"] == gold["event_date"],
    }
    return RowScore(index, row["notes"], gold, predicted, agree, distance)


def markdown_report(results: Iterable[Path], *, today: dt.date | None = None) -> str:
    """One Markdown page from eval JSON files: date, commit, and each file's summary table."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown (not a git checkout)"
    lines = ["# conflictlens evaluation", "", f"Date: {(today or dt.date.today()).isoformat()}  ",
             f"Commit: {commit}", ""]
    for path in results:
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))["summary"]
        except (OSError, ValueError, KeyError) as exc:
            raise ConflictLensError(f"{path} is not an eval --json result ({exc}): re-run the eval") from exc
        lines += [f"## {path.stem}", "", "| metric | value |", "|---|---|"]
        lines += [f"| {k} | {v:.3f} |" if isinstance(v, float) else f"| {k} | {v} |" for k, v in summary.items()]
        lines.append("")
    return "\n".join(lines)
