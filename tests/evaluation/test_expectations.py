import datetime as dt

from conflictlens.evaluation.expectations import agreement, match_expected
from conflictlens.model import Actor, Claim, Event, GeoPrecision, Place, Source, Span, TimePrecision

MALI = Actor("Military Forces of Mali", "State forces", 1, "Mali")
JNIM = Actor("JNIM: Group for Support of Islam and Muslims", "Rebel group", 2)


def event(**overrides) -> Event:  # type: ignore[no-untyped-def]
    base = Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash", actor1=MALI, actor2=JNIM,
                 event_date=dt.date(2024, 7, 30), time_precision=TimePrecision.DAY,
                 place=Place("Kidal", "Mali", "ML", "Kidal", None, 18.44, 1.41, GeoPrecision.EXACT),
                 fatalities=12, notes="On 30 July 2024: troops clashed with JNIM near Kidal.",
                 source=Source("Military Forces of Mali", "official_statement"), claim_status="claimed")
    for key, value in overrides.items():
        setattr(base, key, value)
    return base


EXPECTED = {
    "id": "clash", "event_type": "Battles", "sub_event_type": "Armed clash",
    "actors_any_of": ["Military Forces of Mali"], "opponents_any_of": ["JNIM"],
    "location": {"name": "Kidal", "country": "Mali", "admin1": "Kidal", "lat": 18.5, "lon": 1.4, "within_km": 25},
    "fatalities": {"at_least": 10}, "date": {"day": "2024-07-30", "precision": "day"},
    "source_kind": "official_statement", "claim_status": "claimed", "summary_mentions": ["JNIM", "Kidal"],
}


def test_perfect_prediction_agrees_on_every_field():
    assert all(agreement(event(), EXPECTED).values())
    [result] = match_expected([event()], [EXPECTED])
    assert result.matched is not None and result.failing_fields == []


def test_known_wrong_fields_are_named():
    wrong = event(event_type="Riots", fatalities=3, claim_status="reported")
    [result] = match_expected([wrong], [EXPECTED])
    assert result.matched is None
    assert result.failing_fields == ["event_type", "fatalities", "claim_status"]
    assert sum(result.field_agreement.values()) == len(result.field_agreement) - 3


def test_coordinates_outside_the_radius_fail():
    far = event(place=Place("Gao", "Mali", "ML", "Kidal", None, 16.27, -0.04, GeoPrecision.EXACT))
    assert agreement(far, {"location": {"lat": 18.5, "lon": 1.4, "within_km": 50}}) == {"location": False}


def test_open_dates_and_ranges():
    open_event = event(event_date=None, time_precision=None)
    assert agreement(open_event, {"date": {"month": "2024-07", "precision": "month_or_open"}}) == {"date": True}
    ranged = event(event_date=dt.date(2024, 6, 15), end_date=dt.date(2024, 9, 30))
    assert agreement(ranged, {"date": {"start": "2024-06-15", "end": "2024-09-30", "precision": "range"}})["date"]


def test_one_output_event_stands_for_one_expected_event():
    second = dict(EXPECTED, id="again")
    results = match_expected([event()], [EXPECTED, second])
    assert [r.matched is not None for r in results] == [True, False]


def test_allegation_fields():
    alleged = event(kind="allegation", claims=[Claim(Source("Several media platforms", "media"), "alleged", "x",
                                                     Span(0, 1), "d")])
    assert agreement(alleged, {"kind": "allegation", "accusers_any_of": ["media"], "accused": "Military Forces of Mali"}) \
        == {"kind": True, "accusers_any_of": True, "accused": True}
