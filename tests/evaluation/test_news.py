"""eval news: pairing coded events with hand-coded ones, field agreement, relevance, the gold files."""

import datetime as dt
from pathlib import Path

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.news import ArticleScore, NewsReport, date_agrees, place_agrees, read_gold, score_article
from conflictlens.model import Actor, Event, GeoPrecision, Place, TimePrecision

from ..conftest import ROOT

ALEPPO = Place("Aleppo", "Syria", "SY", admin1="Aleppo", latitude=36.2, longitude=37.16,
               geo_precision=GeoPrecision.EXACT)


def event(event_type="Explosions/Remote violence", place=ALEPPO, day=dt.date(2016, 6, 2), fatalities=0):  # type: ignore[no-untyped-def]
    return Event(doc_id="d", event_type=event_type, sub_event_type="Air/drone strike", place=place, event_date=day,
                 time_precision=TimePrecision.DAY, fatalities=fatalities,
                 actor1=Actor("Military Forces of Russia", "State forces", 8))


GOLD_STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
               "location": {"name": "Aleppo", "country": "Syria"}, "date": {"day": "2016-06-02", "precision": "day"},
               "fatalities": 19, "actors_any_of": ["Military Forces of Russia"]}


def test_place_and_date_rules():
    assert place_agrees(event(), {"name": "aleppo", "country": "Syria"})
    assert place_agrees(event(), {"name": "Syria", "country": "Syria", "precision": "country"})
    assert not place_agrees(event(), {"name": "Homs", "country": "Syria"})
    assert not place_agrees(event(place=None), {"name": "Aleppo"})
    torkman = Place("Jabal al-Torkman", "Syria", "SY", admin1="Latakia")
    assert place_agrees(event(place=torkman), {"name": "Jabal al-Turkman", "country": "Syria", "admin1": "Latakia"})
    assert not place_agrees(event(place=torkman), {"name": "Jabal al-Turkman", "country": "Syria", "admin1": "Idlib"})
    assert not place_agrees(event(place=torkman), {"name": "Jabal al-Rahmalia", "country": "Syria"})
    assert date_agrees(event(day=dt.date(2016, 6, 3)), {"day": "2016-06-02", "precision": "day"})  # night-time
    assert not date_agrees(event(day=dt.date(2016, 6, 5)), {"day": "2016-06-02", "precision": "day"})
    assert date_agrees(event(day=None), {"precision": "month_or_open"})
    assert date_agrees(event(), {"month": "2016-06", "precision": "month_or_open"})


def test_pairs_are_one_to_one_best_first():
    shelling = dict(GOLD_STRIKE, event_type="Battles", sub_event_type="Armed clash")
    correct, pairs = score_article([event(fatalities=19), event(event_type="Battles")], [GOLD_STRIKE, shelling])
    assert correct == 2
    assert pairs[0] == {"event_type": True, "sub_event_type": True, "place": True, "date": True, "fatalities": True,
                        "actor1": True}
    correct, pairs = score_article([event(), event()], [GOLD_STRIKE])  # a duplicate is a false event
    assert (correct, len(pairs)) == (1, 1)


def test_summary_counts_false_alarms_and_relevance():
    report = NewsReport("dev", [ArticleScore("fakes", "1", 2, 2, 1), ArticleScore("lgl", "2", 0, 1, 0),
                                ArticleScore("lgl", "3", 0, 0, 0), ArticleScore("fakes", "4", 1, 0, 0)])
    summary = report.summary()
    assert (summary["event_precision"], summary["event_recall"]) == (1 / 3, 1 / 3)
    assert summary["share_coded_in_no_event_articles"] == 1 / 3
    assert (summary["relevance_precision"], summary["relevance_recall"]) == (0.5, 0.5)


def test_gold_files_read_by_half(tmp_path: Path):
    (tmp_path / "articles.tsv").write_text("corpus\tid\tsplit\nlgl\t7\tdev\nlgl\t8\ttest\n", encoding="utf-8")
    (tmp_path / "lgl-1.yaml").write_text(
        "corpus: lgl\narticles:\n  - id: '7'\n    no_event: true\n  - id: '8'\n    events:\n      - id: e1\n"
        "        event_type: Protests\n", encoding="utf-8")
    assert [(a.doc_id, len(a.events)) for a in read_gold(tmp_path, split="dev")] == [("7", 0)]
    assert [(a.doc_id, len(a.events)) for a in read_gold(tmp_path, split="all")] == [("7", 0), ("8", 1)]
    (tmp_path / "lgl-2.yaml").write_text("corpus: lgl\narticles:\n  - id: '9'\n    no_event: true\n", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="not listed"):
        read_gold(tmp_path)


def test_committed_gold_set_is_complete():
    """Every selected article is coded exactly once, with fields the scorer knows."""
    articles = read_gold(ROOT / "benchmarks" / "gold" / "news")
    listed = (ROOT / "benchmarks/gold/news/articles.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted((a.corpus, a.doc_id) for a in articles) == sorted(tuple(r.split("\t")[:2]) for r in listed)
    known = {"id", "evidence", "event_type", "event_type_any_of", "sub_event_type", "actors_any_of",
             "opponents_any_of", "location", "date", "fatalities", "claim_status", "kind"}
    assert {k for a in articles for e in a.events for k in e} <= known


def test_only_the_datasets_rows_are_scored_as_events():
    """Allegations and denials are claims about events, and ACLED has no row without a date."""
    assert event().is_dataset_row()
    alleged, undated = event(), event(day=None)
    alleged.kind = "allegation"
    assert not alleged.is_dataset_row() and not undated.is_dataset_row()
