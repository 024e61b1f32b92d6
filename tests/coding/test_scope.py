"""Stage scope: accidents, disasters and ordinary crime are not political violence (sentences the project wrote)."""

import pytest


@pytest.mark.parametrize("text", [
    "A two-car accident killed one man and injured four on the highway near Paris, Texas, on Sunday.",
    "The flood killed 12 people in Niamey on Monday, rescuers said.",
    "A woman was stabbed on Tuesday morning while jogging near Briarcliff Road in DeKalb County, police said.",
    "A man shot dead his neighbour in Kano on Monday after a quarrel over land, police said.",
])
def test_accidents_disasters_and_ordinary_crime_are_not_events(code, text):
    assert code(text).events == []


@pytest.mark.parametrize("text", [
    # An armed group named or described is political violence whatever the report around it.
    "Gunmen killed 12 villagers near Djibo on Tuesday.",
    # In a report on an insurgency, a killing with no perpetrator named is an unidentified armed group's.
    "Jihadists have stepped up their campaign in the north. Five villagers were killed in Djibo on Tuesday.",
    # A weapon of war is never an accident.
    "A roadside bomb hit a bus near Gao on Monday and the crash killed nine passengers.",
    # A political target makes violence political whoever commits it.
    "Two men assaulted an opposition candidate in Zinder on Friday, injuring him, police said.",
])
def test_violence_with_a_conflict_sense_stays(code, text):
    assert any(e.event_type in {"Violence against civilians", "Explosions/Remote violence", "Battles"}
               for e in code(text).events)
