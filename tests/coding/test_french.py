"""French input: the French pipeline codes reports in the English taxonomy with canonical actor names.

The articles in tests/data/french/ were written for this project in the style of wire and local reports.
"""

import datetime as dt
from pathlib import Path

import pytest

from conflictlens.coding.dates import date_patterns, find_dates
from conflictlens.coding.fatalities import NumberWords, parse_number
from conflictlens.coding.ingest import read_dateline
from conflictlens.knowledge import Knowledge
from conflictlens.model import TimePrecision

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "french"
pytestmark = pytest.mark.slow


def code(pipeline, name: str):
    text = (ARTICLES / name).read_text(encoding="utf-8")
    published, outlet = read_dateline(text)
    return pipeline.process_text(text, published_at=published, outlet=outlet)


def summary(event):
    return (event.event_type, event.sub_event_type, event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None)


def test_ambush_drone_strike_and_denied_allegation(pipeline):
    result = code(pipeline, "tessit_ambush.txt")
    assert result.document.language == "fr"
    ambush, *_, strike, allegation = result.events
    assert summary(ambush) == ("Battles", "Armed clash", "Islamist militants", "Military Forces of Mali")
    assert (ambush.event_date, ambush.time_precision) == (dt.date(2024, 7, 27), TimePrecision.DAY)  # "samedi"
    assert (ambush.place.name, ambush.place.admin1, ambush.place.country) == ("Tessit", "Gao", "Mali")
    assert ambush.fatalities == 15  # "Au moins quinze soldats ... tués"
    assert ambush.claims[0].claimant.kind == "local_sources"  # "..., a indiqué dimanche une source sécuritaire"

    assert summary(strike) == ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Mali",
                               "Islamist militants")
    assert strike.fatalities == 20  # "une vingtaine de terroristes"
    assert strike.claim_status == "claimed"
    assert strike.claims[0].claimant.kind == "official_statement"  # "a affirmé dans un communiqué"

    assert (allegation.event_type, allegation.sub_event_type) == ("Violence against civilians", "Attack")
    assert allegation.claim_status == "denied"
    types = {c.claim_type: c for c in allegation.claims}
    assert types["denied"].claimant.name == "Government of Mali"
    assert types["denied"].denies == [types["alleged"].claim_id]


def test_abduction_reported_by_residents(pipeline):
    [event] = code(pipeline, "arbinda_abduction.txt").events
    assert summary(event) == ("Violence against civilians", "Abduction/forced disappearance",
                              "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)")
    assert event.event_date == dt.date(2025, 3, 13)  # "jeudi", the day before the dateline's Friday
    assert (event.place.name, event.place.country) == ("Aribinda", "Burkina Faso")
    assert event.fatalities == 0
    assert event.claims[0].claimant.kind == "witnesses"  # "ont rapporté des habitants"


def test_attack_by_adjective_and_a_protest(pipeline):
    attack, protest = code(pipeline, "tillaberi_attack.txt").events
    assert summary(attack) == ("Battles", "Armed clash", "Islamist militants", "Military Forces of Niger")
    assert attack.fatalities == 17  # "Dix-sept"
    assert attack.event_date == dt.date(2024, 12, 10)
    assert attack.place.admin1 == "Tillaberi"
    assert attack.claims[0].claimant.kind == "official_statement"
    assert summary(protest) == ("Protests", "Peaceful protest", "Protesters (Niger)", None)
    assert (protest.place.name, protest.event_date) == ("Niamey", dt.date(2024, 12, 7))


def test_french_uses_the_english_dictionaries_for_what_it_does_not_replace():
    english, french = Knowledge.load(), Knowledge.load(language="fr")
    assert french.taxonomy == english.taxonomy
    assert french.conventions["merge_distance_km"] == english.conventions["merge_distance_km"]
    assert "tuer" in french.conventions["death_words"] and "tuer" not in english.conventions["death_words"]
    assert {g["event_type"] for g in french.lexicon["groups"]} == {g["event_type"] for g in english.lexicon["groups"]}


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("Les combats ont eu lieu le 1er juillet 2024 à Kidal.", dt.date(2024, 7, 1), None, TimePrecision.DAY),
    ("Des affrontements du 25 au 27 juillet 2024 près de Tinzaouatène.", dt.date(2024, 7, 25), dt.date(2024, 7, 27),
     TimePrecision.DAY),
    ("Des combats entre le 3 et le 5 mai ont fait des morts.", dt.date(2024, 5, 3), dt.date(2024, 5, 5), TimePrecision.DAY),
    ("Mardi dernier, des hommes armés ont attaqué le marché.", dt.date(2024, 7, 30), None, TimePrecision.DAY),
    ("Une frappe de drone a eu lieu hier soir.", dt.date(2024, 7, 30), None, TimePrecision.DAY),
    ("L'attaque a eu lieu il y a trois jours.", dt.date(2024, 7, 28), None, TimePrecision.DAY),
    ("Des combats ont éclaté la semaine dernière.", dt.date(2024, 7, 24), None, TimePrecision.WEEK),
    ("Fin juillet 2024, l'armée a repris la ville.", dt.date(2024, 7, 1), None, TimePrecision.MONTH),
])
def test_french_dates(text, start, end, precision):
    [found] = find_dates(text, reference=dt.date(2024, 7, 31), patterns=date_patterns("fr"))
    assert (found.start, found.end, found.precision) == (start, end, precision)


def test_impossible_french_date_is_reported():
    [found] = find_dates("L'attaque du 30 février 2024.", reference=None, patterns=date_patterns("fr"))
    assert found.start is None and found.problem == "impossible date '30 février 2024'"


@pytest.mark.parametrize(("text", "value"), [("quinze", 15), ("dix-sept", 17), ("soixante-dix", 70),
                                              ("deux cents", 200), ("trois mille", 3000), ("42", 42)])
def test_french_number_words(text, value):
    assert parse_number(text, NumberWords.from_conventions(Knowledge.load(language="fr").conventions)) == value


def test_french_dateline_gives_the_publication_date():
    assert read_dateline("GAO, 28 juillet 2024 (AFP) - Au moins quinze soldats") == (dt.date(2024, 7, 28), "AFP")


@pytest.mark.parametrize(("text", "kind", "part"), [
    ("Les Forces démocratiques syriennes ont rejeté vendredi les accusations selon lesquelles leurs forces auraient "
     "bombardé jeudi la ville de Deir ez-Zor.", "denial", "responsibility"),
    ("Le gouvernement a démenti vendredi qu'une embuscade ait eu lieu jeudi près de Tessalit.", "denial", "event"),
    ("L'armée a affirmé que les frappes menées jeudi à Ansongo ont visé des positions terroristes et qu'aucun civil "
     "n'a été touché.", "event", "victims"),
])
def test_french_denials_and_what_they_contest(pipeline, text, kind, part):
    events = pipeline.process_text(text, published_at=dt.date(2025, 3, 14), outlet="Test").events
    assert [(e.kind, next(c.contests for c in e.claims if c.claim_type == "denied")) for e in events] == [(kind, part)]
