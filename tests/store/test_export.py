import csv
import io
import json

import pytest

from conflictlens.errors import ExportError
from conflictlens.store.export import ACLED_COLUMNS, render

RECORD = {
    "event_id": "abc", "doc_id": "d", "event_date": "2024-05-06", "end_date": None, "time_precision": 1,
    "date_precision": "day", "event_type": "Violence against civilians", "sub_event_type": "Attack", "kind": "event",
    "actor1": "Islamic State (Sahel)", "assoc_actor_1": None, "inter1": 2, "actor2": "Civilians (Niger)",
    "assoc_actor_2": None, "inter2": 7, "country": "Niger", "admin1": "Tillaberi", "admin2": None,
    "location": "Téra", "latitude": 14.01, "longitude": 0.75, "geo_precision": 2, "location_level": "populated_place",
    "fatalities": 9, "fatalities_text": "9", "source": "reporting outlet", "source_kind": "outlet",
    "claim_status": "reported", "confidence": 0.8, "notes": "On 6 May 2024: militants killed nine civilians.",
}


def test_acled_csv_columns_and_derived_fields():
    rows = list(csv.DictReader(io.StringIO(render([RECORD], "acled-csv"))))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert (rows[0]["year"], rows[0]["interaction"], rows[0]["civilian_targeting"]) == ("2024", "27",
                                                                                        "Civilian targeting")


def test_geojson_keeps_events_without_coordinates():
    no_point = dict(RECORD, event_id="x", latitude=None, longitude=None)
    geo = json.loads(render([RECORD, no_point], "geojson"))
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [0.75, 14.01]}
    assert geo["features"][1]["geometry"] is None


def test_unknown_format():
    with pytest.raises(ExportError, match="choose one of acled-csv, geojson, jsonl"):
        render([RECORD], "xlsx")
