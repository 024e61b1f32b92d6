"""Cross-article fusion: ten short reports of three events (tests/data/fusion), in the styles analysts meet:
wire copy, an AFP dispatch and its reprint, a government communique, a rebel statement, an NGO report,
a French-language paper summarised in English, local radio, and a government denial."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.coding.actors import ActorDictionary
from conflictlens.coding.fusion import Cluster, Fuser, FusionRules, load_fuser, make_report
from conflictlens.coding.ingest import iter_documents
from conflictlens.knowledge import Knowledge
from conflictlens.model import Actor, Claim, Event, GeoPrecision, Place, Source, Span, TimePrecision
from conflictlens.scale.batch import process_batch
from conflictlens.scale.fusing import fuse_store
from conflictlens.store.sql import EventFilter, SQLStore

from ..conftest import DATA, SHARED

ARTICLES = DATA / "fusion"
DJIBO = ["djibo_afp.txt", "djibo_communique.txt", "djibo_jnim.jsonl", "djibo_reprint.txt", "djibo_wire.txt"]
MENAKA = ["menaka_denial.txt", "menaka_french_press.txt", "menaka_ngo.jsonl"]
AYOROU = ["ayorou_radio.txt", "ayorou_wire.txt"]

# (date, type, sub-type, actor1, actor2, location, fatalities, low, high, status, independent sources, documents)
EXPECTED = [
    ("2025-03-12", "Battles", "Armed clash", "JNIM: Group for Support of Islam and Muslims",
     "Military Forces of Burkina Faso", "Djibo", 12, 12, 45, "corroborated", 4, DJIBO),
    # The wire's background line, Djibo "has been under a blockade by militants for more than two years", tells a
    # state, not an event: nothing is coded from it.
    # The government's own version ("the strike of 20 March destroyed a terrorist logistics base") is coded
    # from "destroyed" alone: a bare "strike" is no air-strike trigger (labour strikes), so it stays apart.
    ("2025-03-20", "Strategic developments", "Looting/property destruction", None, None, "Ménaka", 0, 0, 0,
     "single-source", 1, ["menaka_denial.txt"]),
    # Only the daily reports the drone strike: the rights group accuses and the government denies, so one
    # independent source vouches for it, and the strike is typed as the report tells it.
    ("2025-03-20", "Explosions/Remote violence", "Air/drone strike", "Military Forces of Mali", "Civilians (Mali)",
     "Ménaka", 18, 18, 24, "contested", 1, MENAKA),
    ("2025-04-02", "Violence against civilians", "Attack", "Islamic State (Sahel)", "Civilians (Niger)", "Ayorou",
     15, 15, 22, "corroborated", 2, AYOROU),
]


def _summary(store: SQLStore) -> list[tuple]:  # type: ignore[type-arg]
    def path(doc_id: str) -> str:
        return Path((store.document(doc_id) or {})["source_path"]).name

    paths = {d: path(d) for r in store.fused_events() for d in r["doc_id"].split("; ")}
    return [(r["event_date"], r["event_type"], r["sub_event_type"], r["actor1"], r["actor2"], r["location"],
             r["fatalities"], r["fatalities_min"], r["fatalities_max"], r["fusion_status"], r["independent_sources"],
             sorted(paths[d].split(":")[0] for d in r["doc_id"].split("; ")))
            for r in store.fused_events()]


def _process(pipeline, store, paths) -> None:  # type: ignore[no-untyped-def]
    items = list(iter_documents([str(p) for p in paths], max_bytes=2_000_000, min_chars=40))
    process_batch(pipeline, store, items)
    fuse_store(store, load_fuser(pipeline.knowledge, pipeline.actors))


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    opened = SQLStore.open(tmp_path / "fusion.db")
    yield opened
    opened.close()


def test_ten_reports_fuse_into_their_events(pipeline, store):
    _process(pipeline, store, [ARTICLES])
    assert _summary(store) == EXPECTED
    assert store.status()["events_awaiting_fusion"] == 0


def test_wire_copy_reprinted_by_another_outlet_is_one_source(pipeline, store):
    _process(pipeline, store, [ARTICLES])
    djibo = store.fused_event(store.fused_events()[0]["event_id"])
    assert djibo is not None
    origins = {r["outlet"]: r["origin"] for r in djibo["reports"]}
    assert origins["The Sahel Times"] == origins["AFP"] == "AFP"
    # The state agency and the group's outlet stand for their sides (data/outlets.yaml).
    assert sorted(djibo["origins"]) == ["AFP", "Government of Burkina Faso", "JNIM", "Sahel Wire"]
    sides = {r["outlet"]: (r["affiliation"], r["side"]) for r in djibo["reports"]}
    assert sides["Agence d'Information du Burkina"] == ("state_media", "Government of Burkina Faso")
    assert sides["AFP"] == ("wire_agency", None)
    assert djibo["attestation"] == "independently reported"
    figures = {r["outlet"]: (r["fatalities"], r["fatalities_text"]) for r in djibo["reports"]}
    assert figures["Az-Zallaqa"][0] == 30 and figures["Agence d'Information du Burkina"][0] == 45
    assert figures["Sahel Wire"] == (20, "20") and figures["AFP"] == (12, "dozens")


def test_denial_in_one_article_answers_the_allegation_in_another(pipeline, store):
    _process(pipeline, store, [ARTICLES])
    contested = store.fused_events(query=_contested())
    assert [r["location"] for r in contested] == ["Ménaka"]
    menaka = store.fused_event(contested[0]["event_id"])
    assert menaka is not None
    claims = menaka["event"]["claims"]
    by_id = {c["claim_id"]: c for c in claims}
    denial = next(c for c in claims if c["claim_type"] == "denied")
    assert denial["claimant"]["name"] == "Government of Mali"
    answered = [by_id[i] for i in denial["denies"]]
    # The denial answers the other documents' claims; the outlet that carried the denial alleges nothing.
    assert {c["claimant"]["name"] for c in answered} == {
        "The rights group Sahel Civilian Monitor", "The French - language daily L'Indépendant"}
    # "No civilian was hit": the government contests the victims, not the strike.
    assert denial["contests"] == "victims"
    assert menaka["contested_parts"] == [{"part": "victims", "by": "Government of Mali"}]
    kinds = {r["outlet"]: r["kind"] for r in menaka["reports"]}
    assert kinds == {"Sahel Press Review": "event", "Sahel Civilian Monitor": "allegation", "Sahel Wire": "denial"}
    assert menaka["fatality_range"] == [18, 24], "the denial's own figure is no toll"
    assert {c["doc_id"] for c in answered} - {denial["doc_id"]}, "the denial links across documents"


def test_incremental_batches_update_events_and_never_duplicate(pipeline, store, tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    for name in ["djibo_wire.txt", "menaka_ngo.jsonl", "ayorou_wire.txt"]:
        shutil.copy(ARTICLES / name, first / name)
    _process(pipeline, store, [first])
    violent = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
    statuses = {r["location"]: r["fusion_status"] for r in store.fused_events() if r["event_type"] in violent}
    assert statuses == {"Djibo": "single-source", "Ménaka": "single-source", "Ayorou": "single-source"}
    ids_before = {r["location"]: r["event_id"] for r in store.fused_events() if r["event_type"] in violent}
    rest = [ARTICLES / p.name for p in sorted(ARTICLES.iterdir()) if p.name not in {f.name for f in first.iterdir()}]
    _process(pipeline, store, rest)
    # Same events, now with every source: the IDs analysts may have noted stay valid.
    assert {r["location"]: r["event_id"] for r in store.fused_events() if r["event_type"] in violent} == ids_before
    assert [row[:-1] for row in _summary(store)] == [row[:-1] for row in EXPECTED]
    _process(pipeline, store, [ARTICLES])  # a re-run adds nothing
    assert len(store.fused_events()) == len(EXPECTED)


def test_reprocessing_a_document_rebuilds_its_events(pipeline, store):
    _process(pipeline, store, [ARTICLES])
    items = list(iter_documents([str(ARTICLES / "menaka_ngo.jsonl")], max_bytes=2_000_000, min_chars=40))
    process_batch(pipeline, store, items, reprocess=True)
    assert store.status()["events_awaiting_fusion"] == 1
    fuse_store(store, load_fuser(pipeline.knowledge, pipeline.actors))
    assert [row[:-1] for row in _summary(store)] == [row[:-1] for row in EXPECTED]


def test_cli_contested_event_detail_and_claims(settings, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "cli.db")

    def run(*args: str):  # type: ignore[no-untyped-def]
        result = runner.invoke(main, ["--db", db, "--gazetteer", str(settings.gazetteer), *args])
        assert result.exit_code == 0, result.output
        return result.output

    assert "4 new events, 7 joined existing ones" in run("process", str(ARTICLES), "--no-show")
    contested = json.loads(run("events", "--contested", "--format", "json"))
    assert [(r["location"], r["independent_sources"], r["contested_parts"]) for r in contested] == [
        ("Ménaka", 1, "victims (by Government of Mali)")]
    detail = run("event", contested[0]["event_id"])
    assert ("status: contested; 3 documents (1 reporting, 1 alleging, 1 denying); 1 independent sources "
            "(Sahel Press Review); independently reported; fatalities reported 18-24") in detail
    assert "contested: no civilians were among the victims, says Government of Mali" in detail
    assert "Government of Mali (government) in Sahel Wire on 2025-03-26: no civilians were among the victims" in detail
    assert "denies: " in detail
    assert "fusion: score" in detail and "same place, 0 km apart" in detail
    by_report_id = run("event", json.loads(run("events", "--reports", "--format", "json"))[0]["event_id"])
    assert by_report_id.startswith("event ")
    claims = json.loads(run("claims", "--actor", "Government of Mali", "--type", "denied", "--format", "json"))
    assert [(c["role"], c["claimant"]) for c in claims] == [("claimant", "Government of Mali")]
    missing = runner.invoke(main, ["--db", db, "event", "nosuchid"])
    assert missing.exit_code == 1 and "no fused event 'nosuchid'" in missing.output


@pytest.mark.shared
def test_example_article_claims(settings, tmp_path):
    """The brief's acceptance: both allegations come out denied with both sides' sources; the air campaign is
    claimed by the General Staff."""
    runner = CliRunner()
    db = str(tmp_path / "example.db")
    article = SHARED / "examples" / "tinzaouatene" / "article.txt"
    base = ["--db", db, "--gazetteer", str(settings.gazetteer)]
    assert runner.invoke(main, [*base, "process", str(article), "--no-show"]).exit_code == 0
    fused = _jsonl(runner.invoke(main, [*base, "export", "--format", "jsonl"]).output)
    allegations = [f["event"] for f in fused if f["event"]["kind"] == "allegation"]
    sides = sorted((tuple(sorted({c["claim_type"] for c in e["claims"]})), e["claim_status"],
                    next(c["claimant"]["name"] for c in e["claims"] if c["claim_type"] == "alleged"),
                    next(c["claimant"]["name"] for c in e["claims"] if c["claim_type"] == "denied"))
                   for e in allegations)
    assert sides == [
        (("alleged", "denied"), "denied", "Several media platforms and organisations", "Government of Mali"),
        (("alleged", "denied"), "denied", "Unverified video footages circulating online", "Government of Mali"),
    ]
    air = next(f["event"] for f in fused if f["event"]["sub_event_type"] == "Air/drone strike"
               and f["event"]["claim_status"] == "claimed")
    assert air["source"] == {"name": "General Staff of the Armed Forces", "kind": "official_statement",
                             "affiliation": "Military Forces of Mali"}


def _jsonl(text: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _contested() -> EventFilter:
    return EventFilter(contested=True)


# Pairwise rules, on hand-built reports: no parsing, no text vectors.

def _event(doc: str, *, event_type: str = "Battles", sub: str = "Armed clash", day: dt.date = dt.date(2025, 3, 12),
           precision: TimePrecision = TimePrecision.DAY, lat: float = 14.10, lon: float = -1.63,
           actor1: str = "Military Forces of Burkina Faso", fatalities: int = 0) -> Event:
    event = Event(doc_id=doc, event_type=event_type, sub_event_type=sub, event_date=day, time_precision=precision,
                  actor1=Actor(actor1, "State forces", 1), fatalities=fatalities,
                  fatalities_text=str(fatalities) if fatalities else None,
                  place=Place("Djibo", "Burkina Faso", "BF", "Sahel", latitude=lat, longitude=lon,
                              geo_precision=GeoPrecision.EXACT),
                  claims=[Claim(Source("reporting outlet", "outlet"), "asserted", "text", Span(0, 4), doc)])
    event.assign_id()
    return event


@pytest.fixture(scope="module")
def fuser() -> Fuser:
    knowledge = Knowledge.load()
    return Fuser(FusionRules.from_knowledge(knowledge), actors=ActorDictionary.from_knowledge(knowledge))


def _report(event: Event, fuser: Fuser, outlet: str = "Outlet", named: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return make_report(event, outlet=outlet, outlets_named=named, published_at=event.event_date, rules=fuser.rules)


def test_pairs_that_can_never_be_one_event(fuser):
    base = _report(_event("a"), fuser)
    assert fuser.compare(base, _report(_event("a"), fuser)) is None  # same document
    assert fuser.compare(base, _report(_event("b", event_type="Protests", sub="Peaceful protest"), fuser)) is None
    assert fuser.compare(base, _report(_event("b", day=dt.date(2025, 3, 15)), fuser)) is None
    assert fuser.compare(base, _report(_event("b", lat=15.0), fuser)) is None  # 100 km away at exact precision


def test_pair_scores_follow_the_signals(fuser):
    base = _report(_event("a"), fuser)
    same = fuser.compare(base, _report(_event("b"), fuser))
    assert same is not None and same.score == pytest.approx(1.0)
    assert "same sub-event type (Armed clash); same day; same place, 0 km apart" in same.reason
    assert fuser.compare(base, _report(_event("b", day=dt.date(2025, 3, 13)), fuser)) is None  # "on 13 March"
    loosely_dated = _event("b", day=dt.date(2025, 3, 13))
    loosely_dated.date_text = "overnight"
    next_day = fuser.compare(base, _report(loosely_dated, fuser))
    monthly = fuser.compare(base, _report(_event("b", precision=TimePrecision.MONTH, day=dt.date(2025, 3, 1)),
                                          fuser))
    other_actor = fuser.compare(base, _report(_event("b", actor1="Military Forces of Mali"), fuser))
    assert next_day is not None and monthly is not None and other_actor is not None
    # Without a text signal the four others share the weight equally.
    assert next_day.score == pytest.approx((1 + 0.7 + 1 + 1) / 4)
    assert monthly.score == pytest.approx((1 + 0.5 + 1 + 1) / 4)
    assert other_actor.score == pytest.approx(3 / 4) and "no actor in common" in other_actor.reason


def test_merge_keeps_each_source_and_the_lowest_toll(fuser):
    reports = [_report(_event("a", fatalities=20), fuser, "Sahel Wire"),
               _report(_event("b", fatalities=5), fuser, "Army", named=()),
               _report(_event("c", fatalities=9), fuser, "Daily", named=("AFP",)),
               _report(_event("d", fatalities=12), fuser, "AFP", named=("AFP",))]
    clusters = fuser.assign(reports, [])
    assert len(clusters) == 1
    fused = fuser.merge(clusters[0])
    assert fused.status == "corroborated" and fused.event.claim_status == "corroborated"
    assert fused.event.fatalities == 5 and fused.fatality_range == (5, 20)
    assert fused.origins == ["Sahel Wire", "Army", "AFP"]


def test_an_existing_event_takes_new_reports(fuser):
    cluster = Cluster("x", [_report(_event("a"), fuser)])
    touched = fuser.assign([_report(_event("b"), fuser), _report(_event("c", event_type="Protests",
                                                                         sub="Peaceful protest"), fuser)], [cluster])
    assert [(c.fused_id, len(c.members)) for c in touched] == [("x", 2), (touched[1].fused_id, 1)]


# Denials, sides and tolls by source (issue 19), on hand-built reports.

def _denial(doc: str, contests: str = "event", denier: str = "Government of Burkina Faso") -> Event:
    event = _event(doc)
    event.kind, event.claim_status = "denial", "denied"
    event.claims = [Claim(Source(denier, "government"), "denied", "They denied it.", Span(0, 4), doc,
                          contests=contests)]  # type: ignore[arg-type]
    return event


def test_a_denial_contests_the_event_and_is_no_source_and_no_toll(fuser):
    reports = [_report(_event("a", fatalities=12), fuser, "Reuters"), _report(_event("b", fatalities=20), fuser,
                                                                             "Studio Tamani"),
               _report(_denial("c", contests="toll"), fuser, "RTB")]
    clusters = fuser.assign(reports, [])
    assert len(clusters) == 1
    fused = fuser.merge(clusters[0])
    assert fused.status == "contested" and fused.origins == ["Reuters", "Studio Tamani"]
    assert fused.event.fatalities == 12 and fused.fatality_range == (12, 20)
    assert fused.contested_parts == [("toll", "Government of Burkina Faso")]
    assert fused.event.claim_status == "corroborated", "a toll denied is not the event denied"
    denial = next(c for c in fused.event.claims if c.claim_type == "denied")
    assert {c.doc_id for c in fused.event.claims if c.claim_id in denial.denies} == {"a", "b"}
    table = {(row["outlet"], row["says"]) for row in fused.claims_table()}
    assert ("RTB", "the toll is false") in table and ("Reuters", "it happened") in table


def test_outlets_of_one_side_are_one_source_and_say_whose_claim_it_is(fuser):
    reports = [_report(_event("a", fatalities=4), fuser, "RTB"),
               _report(_event("b", fatalities=4), fuser, "Agence d'Information du Burkina")]
    fused = fuser.merge(fuser.assign(reports, [])[0])
    assert fused.origins == ["Government of Burkina Faso"] and fused.status == "single-source"
    assert fused.attestation == "claimed by Government of Burkina Faso's own media"
    assert {(r.affiliation, r.side) for r in fused.reports} == {("state_media", "Government of Burkina Faso")}
    independent = fuser.merge(fuser.assign([*reports, _report(_event("c"), fuser, "RFI")], [])[0])
    assert independent.attestation == "independently reported" and len(independent.origins) == 2


def test_a_report_that_denies_its_own_victims_alone_contests_nothing(fuser):
    event = _event("a", fatalities=3)
    event.claims.append(Claim(Source("The army", "military"), "denied", "No civilian was hurt.", Span(5, 9), "a",
                              contests="victims"))
    fused = fuser.merge(fuser.assign([_report(event, fuser, "ORTM")], [])[0])
    assert fused.status == "single-source" and fused.contested_parts == []
    other = fuser.merge(fuser.assign([_report(event, fuser, "ORTM"), _report(_event("b", fatalities=9), fuser,
                                                                            "Amnesty")], [])[0])
    assert other.status == "contested" and other.contested_parts == [("victims", "The army")]


def test_outlets_printing_one_text_word_for_word_are_one_source(fuser):
    copy = "Suspected jihadists killed twelve soldiers in an attack on an army post near Djibo on Wednesday."
    events = [_event(doc, fatalities=12) for doc in ("a", "b", "c")]
    for event, text in zip(events, [copy, "  " + copy.upper(), "Gunmen stormed the Djibo post, a resident said."],
                           strict=True):
        event.claims[0].evidence = text
    fused = fuser.merge(fuser.assign([_report(events[0], fuser, "Le Monde"), _report(events[1], fuser, "Jeune Afrique"),
                                      _report(events[2], fuser, "Radio Omega")], [])[0])
    assert fused.origins == ["Le Monde", "Radio Omega"]
    assert [r.origin for r in fused.reports] == ["Le Monde", "Le Monde", "Radio Omega"]


def test_an_undated_report_is_a_possible_match_never_a_corroboration(fuser):
    dated = _report(_event("a"), fuser, "Sahel Wire")
    undated_event = _event("b")
    undated_event.event_date, undated_event.time_precision = None, None
    undated = make_report(undated_event, outlet="Radio", outlets_named=(), published_at=None, rules=fuser.rules)
    assert fuser.compare(undated, dated) is None
    clusters = fuser.assign([dated, undated], [])
    assert sorted(len(c.members) for c in clusters) == [1, 1]
    kept_apart = fuser.merge(next(c for c in clusters if c.members[0] is undated))
    assert kept_apart.status == "single-source" and kept_apart.possible_match_of == dated.event.event_id
    assert kept_apart.to_record()["possible_match_of"] == dated.event.event_id
    # Two undated reports are compared as before, without a date signal.
    other = _event("c")
    other.event_date, other.time_precision = None, None
    assert fuser.compare(undated, make_report(other, outlet="Daily", outlets_named=(), published_at=None,
                                              rules=fuser.rules)) is not None
