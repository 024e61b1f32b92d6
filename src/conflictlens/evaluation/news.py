"""``conflictlens eval news``: the coder on full real-news articles against the project's hand-coded gold set.

The gold set (``benchmarks/gold/news``) codes every event of 260 articles from FA-KES (Syrian-war news from
opposing outlets), LGL (local US news) and GeoVirus (Wikinews health news), and marks the many articles
that report no event at all. The articles' texts are read in place from ``../shared``.

The coded events scored are the rows of the event dataset (``Event.is_dataset_row``): reports of events with a
date. Allegations and denials are claims about events (``conflictlens eval claims`` scores them), and ACLED
has no row without a date.

Within an article, coded events and gold events are paired one to one, best agreement first. A coded event
is **correct** when its pair agrees on event type, place and date:

* place: the coded place's name, its text or its first-level division is the gold place's name (spelling
  aside), or the gold place is a country and the coded one lies in it, or the gold gives coordinates and
  the coded place is within ``within_km``; the country must agree when the gold names one;
* date: the same day, give or take one (reports date night-time events either side of midnight), for a
  day; the same month for a month; any date, or none, for a gold event with ``month_or_open`` and no month.

Event precision is correct / coded events, recall correct / gold events. Each field's agreement is reported
over the pairs. The share of coded events that come from articles with no event measures false alarms on
ordinary news; per-article relevance compares "has at least one event" with the gold.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conflictlens.coding.gazetteer import GazetteerEntry, haversine_km, name_key, spelt_alike, without_article
from conflictlens.coding.ingest import parse_published
from conflictlens.coding.pipeline import Pipeline
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.acled import share
from conflictlens.model import Document, Event

CORPUS_FILES = {"fakes": "eval/news/FA-KES.csv", "lgl": "eval/geoparse/lgl.xml", "geovirus": "eval/geoparse/GeoVirus.xml"}
NEAR_KM = 25
FIELDS = ("event_type", "sub_event_type", "place", "date", "fatalities", "actor1")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    corpus: str
    doc_id: str
    split: str
    events: list[dict[str, Any]]


@dataclass(slots=True)
class ArticleText:
    text: str
    published_at: dt.date | None
    outlet: str | None


def read_gold(folder: Path, *, split: str = "all") -> list[GoldArticle]:
    """The hand-coded articles of one half ("dev", "test") or of both ("all")."""
    index = folder / "articles.tsv"
    try:
        rows = [line.split("\t") for line in index.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    except OSError as exc:
        raise ConflictLensError(f"cannot read {index} ({exc}): pass the gold folder (benchmarks/gold/news)") from exc
    halves = {(corpus, doc_id): half for corpus, doc_id, half in rows}
    articles = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for article in data["articles"]:
            key = (data["corpus"], str(article["id"]))
            if key not in halves:
                raise ConflictLensError(f"{path}: article {key[1]!r} is not listed in {index}")
            if split in {"all", halves[key]}:
                articles.append(GoldArticle(key[0], key[1], halves[key], list(article.get("events") or [])))
    return articles


def read_texts(shared: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], ArticleText]:
    """The texts of the wanted articles, with their publication date and outlet as the corpus gives them."""
    found: dict[tuple[str, str], ArticleText] = {}
    for corpus, reader in READERS.items():
        if not any(c == corpus for c, _ in wanted):
            continue
        path = shared / CORPUS_FILES[corpus]
        try:
            for doc_id, text in reader(path):
                if (corpus, doc_id) in wanted:
                    found[(corpus, doc_id)] = text
        except OSError as exc:
            raise ConflictLensError(f"cannot read {path} ({exc}): is ../shared beside the checkout?") from exc
    missing = wanted - set(found)
    if missing:
        raise ConflictLensError(f"{len(missing)} gold articles are not in {shared}, e.g. {sorted(missing)[0]}")
    return found


def _fakes(path: Path) -> Iterator[tuple[str, ArticleText]]:
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            published = dt.datetime.strptime(row["date"], "%m/%d/%Y").date() if row["date"] else None
            yield row["unit_id"], ArticleText(row["article_content"], published, row["source"])


def _lgl(path: Path) -> Iterator[tuple[str, ArticleText]]:
    xml = path.read_text(encoding="utf-8")
    for doc_id, block in re.findall(r'<article docid="(\d+)">(.*?)</article>', xml, re.S):
        text = re.search(r"<text><!\[CDATA\[(.*?)\]\]></text>", block, re.S)
        when = re.search(r"<dltime>(\d{4}-\d{2}-\d{2})", block)
        outlet = re.search(r"<domain>(.*?)</domain>", block)
        yield doc_id, ArticleText(text.group(1) if text else "", parse_published(when.group(1)) if when else None,
                                     outlet.group(1) if outlet else None)


def _geovirus(path: Path) -> Iterator[tuple[str, ArticleText]]:
    xml = path.read_text(encoding="utf-8")
    for source, text in re.findall(r"<source>(.*?)</source>\s*<text>(.*?)</text>", xml, re.S):
        yield source, ArticleText(html.unescape(text), None, "Wikinews")


READERS: dict[str, Callable[[Path], Iterator[tuple[str, ArticleText]]]] = {
    "fakes": _fakes, "lgl": _lgl, "geovirus": _geovirus}


Lookup = Callable[[str], list[GazetteerEntry]]


def place_agrees(event: Event, want: dict[str, Any] | None, lookup: Lookup | None = None) -> bool:
    """The gold place's name is the coded place's (spelling and transliteration aside), or, read in the gazetteer,
    lies within 25 km of it in the same country ("Raqqa" for GeoNames' "Ar Raqqah")."""
    if want is None:
        return True
    place = event.place
    if place is None:
        return False
    if want.get("country") and (place.country or "").lower() != str(want["country"]).lower():
        return False
    if "lat" in want and place.latitude is not None and place.longitude is not None:
        return haversine_km(place.latitude, place.longitude, want["lat"], want["lon"]) <= want.get("within_km", 25)
    if want.get("precision") == "country" or "name" not in want:
        return True
    # "al-Habeet" and "Habeet", "Al Tabqah" and "Tabqah": one name with and without its article.
    names = {without_article(name_key(n)) for n in (place.name, place.surface, place.admin1) if n}
    wanted = without_article(name_key(str(want["name"])))
    if wanted in names:
        return True
    # "Jabal al-Torkman" and "Jabal al-Turkman": one name's transliterations, as the gazetteer matches them.
    if any(spelt_alike(wanted, name) for name in names) and (
            not want.get("admin1") or name_key(str(want["admin1"])) == name_key(place.admin1 or "")):
        return True
    if lookup is None or place.latitude is None or place.longitude is None:
        return False
    return any(entry.country_code == place.country_code and entry.latitude is not None and entry.longitude is not None
               and haversine_km(entry.latitude, entry.longitude, place.latitude, place.longitude) <= NEAR_KM
               for entry in lookup(str(want["name"])))


def date_agrees(event: Event, want: dict[str, Any] | None) -> bool:
    if want is None:
        return True
    if "day" in want:
        day = dt.date.fromisoformat(str(want["day"]))
        return event.event_date is not None and abs((event.event_date - day).days) <= 1
    if "month" in want:
        return event.event_date is not None and event.event_date.strftime("%Y-%m") == str(want["month"])
    if "start" in want:
        start, end = dt.date.fromisoformat(str(want["start"])), dt.date.fromisoformat(str(want["end"]))
        return event.event_date is not None and start <= event.event_date <= end
    return want.get("precision") == "month_or_open"


def _actor_agrees(event: Event, names: list[str] | None) -> bool:
    if not names:
        return True
    coded = {a.name.split(":")[0].strip().lower() for a in [event.actor1, *event.assoc_actor_1] if a is not None}
    return bool(coded & {n.split(":")[0].strip().lower() for n in names})


def _fatalities_agree(event: Event, want: Any) -> bool:
    if want is None:
        return event.fatalities == 0
    if isinstance(want, dict):
        return event.fatalities >= int(want["at_least"])
    return event.fatalities == int(want)


def field_agreement(event: Event, gold: dict[str, Any], lookup: Lookup | None = None) -> dict[str, bool]:
    return {
        "event_type": event.event_type == gold.get("event_type", event.event_type)
        or event.event_type in gold.get("event_type_any_of", []),
        "sub_event_type": event.sub_event_type == gold.get("sub_event_type", event.sub_event_type),
        "place": place_agrees(event, gold.get("location"), lookup),
        "date": date_agrees(event, gold.get("date")),
        "fatalities": _fatalities_agree(event, gold.get("fatalities")),
        "actor1": _actor_agrees(event, gold.get("actors_any_of")),
    }


def is_correct(agreement: dict[str, bool]) -> bool:
    return agreement["event_type"] and agreement["place"] and agreement["date"]


@dataclass(slots=True)
class ArticleScore:
    corpus: str
    doc_id: str
    gold_events: int
    coded_events: int
    correct: int
    pairs: list[dict[str, bool]] = field(default_factory=list)
    coded: list[str] = field(default_factory=list)


@dataclass(slots=True)
class NewsReport:
    split: str
    articles: list[ArticleScore] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        coded = sum(a.coded_events for a in self.articles)
        gold = sum(a.gold_events for a in self.articles)
        correct = sum(a.correct for a in self.articles)
        precision, recall = share(correct, coded), share(correct, gold)
        relevant = [a for a in self.articles if a.gold_events]
        flagged = [a for a in self.articles if a.coded_events]
        hits = sum(1 for a in flagged if a.gold_events)
        relevance_p, relevance_r = share(hits, len(flagged)), share(hits, len(relevant))
        pairs = [p for a in self.articles for p in a.pairs]
        out: dict[str, float | int] = {
            "articles": len(self.articles), "articles_with_events": len(relevant),
            "gold_events": gold, "coded_events": coded, "correct_events": correct,
            "event_precision": precision, "event_recall": recall,
            "event_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "share_coded_in_no_event_articles": share(sum(a.coded_events for a in self.articles if not a.gold_events),
                                                      coded),
            "relevance_precision": relevance_p, "relevance_recall": relevance_r,
            "relevance_f1": 2 * relevance_p * relevance_r / (relevance_p + relevance_r) if relevance_p + relevance_r
            else 0.0,
            "paired_events": len(pairs),
        }
        out.update({f"{name}_agreement": share(sum(1 for p in pairs if p[name]), len(pairs)) for name in FIELDS})
        return out

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "split": self.split,
                "articles": [{"corpus": a.corpus, "id": a.doc_id, "gold_events": a.gold_events,
                              "coded_events": a.coded_events, "correct": a.correct, "coded": a.coded}
                             for a in self.articles]}


def score_article(events: list[Event], gold: list[dict[str, Any]],
                  lookup: Lookup | None = None) -> tuple[int, list[dict[str, bool]]]:
    """Pair coded and gold events one to one, the most agreeing pairs first; the count of correct pairs."""
    table = [(sum(agree.values()) + 10 * is_correct(agree), i, j, agree)
             for i, event in enumerate(events) for j, want in enumerate(gold)
             for agree in [field_agreement(event, want, lookup)]]
    used_coded: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, i, j, agree in sorted(table, key=lambda row: (-row[0], row[1], row[2])):
        if i in used_coded or j in used_gold:
            continue
        used_coded.add(i)
        used_gold.add(j)
        pairs.append(agree)
    return sum(1 for p in pairs if is_correct(p)), pairs


def score_news(pipeline: Pipeline, gold_folder: Path, shared: Path, *, split: str = "all",
               on_article: Callable[[], None] | None = None) -> NewsReport:
    articles = read_gold(gold_folder, split=split)
    texts = read_texts(shared, {(a.corpus, a.doc_id) for a in articles})
    report = NewsReport(split)
    sources = [texts[(a.corpus, a.doc_id)] for a in articles]
    documents = (Document(text=s.text, published_at=s.published_at, outlet=s.outlet) for s in sources)
    for article, processed in zip(articles, pipeline.process_each(documents), strict=True):
        events = [e for e in processed.events if e.is_dataset_row()]
        correct, pairs = score_article(events, article.events, pipeline.gazetteer.lookup)
        report.articles.append(ArticleScore(
            article.corpus, article.doc_id, len(article.events), len(events), correct, pairs,
            [f"{e.event_type} / {e.sub_event_type} at {e.place.name if e.place else '?'} on {e.event_date}: "
             f"{e.notes[:160]}" for e in events]))
        if on_article is not None:
            on_article()
    return report
