"""Geoparsing evaluation on the LGL / GeoVirus family of corpora (also TR-News and GeoWebNews).

Gold toponyms carry character offsets and coordinates. A predicted toponym matches a gold one
when their spans overlap. Reported: toponym precision, recall and F1; for matched toponyms with
gold coordinates, accuracy@161 km, median error and the AUC of the log-error curve (Gritta et
al. 2018: 0 is perfect, 1 is every toponym on the far side of the Earth).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictlens.coding.gazetteer import haversine_km
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.acled import share

if TYPE_CHECKING:
    from conflictlens.coding.pipeline import Pipeline

CORPORA = ("lgl", "geovirus", "trnews", "geowebnews")
# Whether a corpus's annotation guideline counts demonyms ("American", "Palestinians") as toponyms: LGL's does,
# GeoVirus's does not (Gritta et al. 2019 compare the guidelines). Each corpus is scored by its own.
COUNTS_DEMONYMS = {"lgl": True, "geovirus": False, "trnews": False, "geowebnews": False}
ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    latitude: float | None
    longitude: float | None


@dataclass(slots=True)
class GoldArticle:
    doc_id: str
    text: str
    toponyms: list[GoldToponym]


def _number(element: ET.Element | None) -> float | None:
    if element is None or element.text is None or not element.text.strip():
        return None
    try:
        return float(element.text)
    except ValueError:
        return None


def read_corpus(path: Path) -> Iterator[GoldArticle]:
    """Articles of an LGL-family XML file: ``<article><text/><toponyms|locations>...``."""
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError as exc:
        raise ConflictLensError(f"corpus {path} not found: check the path") from exc
    except ET.ParseError as exc:
        raise ConflictLensError(f"corpus {path} is not well-formed XML ({exc}): is it an LGL/GeoVirus file?") from exc
    for index, article in enumerate(root.iter("article")):
        text = article.findtext("text")
        if text is None:
            continue
        container = article.find("toponyms")
        if container is None:
            container = article.find("locations")
        gold = []
        for item in list(container) if container is not None else []:
            start, end = _number(item.find("start")), _number(item.find("end"))
            if start is None or end is None:
                continue
            lat = _number(item.find("lat")) if item.find("lat") is not None else _number(item.find(".//lat"))
            lon = _number(item.find("lon")) if item.find("lon") is not None else _number(item.find(".//lon"))
            name = item.findtext("phrase") or item.findtext("name") or text[int(start) : int(end)]
            gold.append(GoldToponym(int(start), int(end), name, lat, lon))
        yield GoldArticle(article.get("docid") or article.findtext("source") or str(index), text, gold)


@dataclass(slots=True)
class DocumentScore:
    doc_id: str
    gold: int
    predicted: int
    matched: int
    errors_km: list[float] = field(default_factory=list)


@dataclass(slots=True)
class GeoparseReport:
    documents: list[DocumentScore] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        gold = sum(d.gold for d in self.documents)
        predicted = sum(d.predicted for d in self.documents)
        matched = sum(d.matched for d in self.documents)
        errors = [e for d in self.documents for e in d.errors_km]
        precision, recall = share(matched, predicted), share(matched, gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else math.nan
        return {
            "documents": len(self.documents),
            "gold_toponyms": gold,
            "predicted_toponyms": predicted,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "resolved_pairs": len(errors),
            "accuracy_at_161km": share(sum(1 for e in errors if e <= ACCURACY_KM), len(errors)),
            "median_error_km": statistics.median(errors) if errors else math.nan,
            "auc": auc(errors),
        }

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(),
                "documents": [{"doc_id": d.doc_id, "gold": d.gold, "predicted": d.predicted, "matched": d.matched,
                               "median_error_km": statistics.median(d.errors_km) if d.errors_km else None}
                              for d in self.documents]}


def auc(errors_km: list[float]) -> float:
    """Area under the curve of sorted log errors, normalised by the largest possible error."""
    if not errors_km:
        return math.nan
    scaled = sorted(math.log(1 + e) / math.log(1 + MAX_ERROR_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in pairwise(scaled))
    return area / (len(scaled) - 1)


def score_geoparse(pipeline: Pipeline, path: Path, *, limit: int | None = None,
                   demonyms: bool = False) -> GeoparseReport:
    """Score the geoparsing stage on a corpus; ``demonyms`` when its guideline counts them as toponyms."""
    report = GeoparseReport()
    for index, article in enumerate(read_corpus(path)):
        if limit is not None and index >= limit:
            break
        predicted = pipeline.geoparse(article.text, demonyms=demonyms)
        score = DocumentScore(article.doc_id, len(article.toponyms), len(predicted), 0)
        used: set[int] = set()
        for gold in article.toponyms:
            hit = next((i for i, (span, _) in enumerate(predicted)
                        if i not in used and span.start < gold.end and gold.start < span.end), None)
            if hit is None:
                continue
            used.add(hit)
            score.matched += 1
            place = predicted[hit][1]
            if None not in (gold.latitude, gold.longitude, place.latitude, place.longitude):
                score.errors_km.append(haversine_km(gold.latitude, gold.longitude,  # type: ignore[arg-type]
                                                    place.latitude, place.longitude))  # type: ignore[arg-type]
        report.documents.append(score)
    return report
