import csv
import io
import json

import pytest

from conflictlens.errors import ExportError
from conflictlens.store.export import ACLED_COLUMNS, EXTRA_COLUMNS, export, to_geojson
from conflictlens.store.sql import SQLStore

RECORD = {
    "event_id": "abc", "doc_id": "d", "event_date": "2024-05-06", "end_date": None, "time_precision": 1,
    "date_precision": "day", "event_type": "Violence against civilians", "sub_event_type": "Attack", "kind": "event",
    "actor1": "Islamic State (Sahel)", "assoc_actor_1": None, "inter1": 2, "actor2": "Civilians (Niger)",
    "assoc_actor_2": None, "inter2": 7, "country": "Niger", "admin1": "Tillaberi", "admin2": None,
    "location": "Téra", "latitude": 14.01, "longitude": 0.75, "geo_precision": 2, "location_level": "populated_place",
    "fatalities": 9, "fatalities_text": "9", "source": "Reuters; Studio Kalangou", "source_kind": "outlet",
    "claim_status": "reported", "confidence": 0.8, "notes": "On 6 May 2024: militants killed nine civilians.",
}
ARREST = dict(RECORD, event_id="def", event_type="Strategic developments", sub_event_type="Arrests",
              actor1="Police Forces of Niger", inter1=1, actor2=None, inter2=None, fatalities=0, source="Reuters")
ALLEGATION = dict(RECORD, event_id="ghi", kind="allegation")
UNDATED = dict(RECORD, event_id="jkl", event_date=None, time_precision=None)


@pytest.fixture
def store(tmp_path):
    opened = SQLStore.open(str(tmp_path / "store.db"))
    yield opened
    opened.close()


def acled_rows(store, records, **options):
    exported = export(store, records, "acled-csv", **options)
    return list(csv.DictReader(io.StringIO(exported.text))), exported


def test_acled_csv_has_acleds_columns_in_order_and_its_value_conventions(store):
    rows, exported = acled_rows(store, [RECORD, ARREST])
    assert list(rows[0]) == ACLED_COLUMNS
    attack, arrest = rows
    assert (attack["event_id_cnty"], attack["iso"], attack["iso3"], attack["region"]) == ("NER1", "562", "NER",
                                                                                          "Western Africa")
    assert (attack["disorder_type"], attack["interaction"], attack["civilian_targeting"]) == (
        "Political violence", "27", "Civilian targeting")
    assert attack["source_scale"] == "International-Other"  # a wire agency and an outlet outlets.yaml lacks
    assert (arrest["inter2"], arrest["interaction"], arrest["civilian_targeting"]) == ("0", "10", "")
    assert arrest["disorder_type"] == "Strategic developments"
    assert exported.rows == 2 and exported.left_out == {}


def test_acled_csv_leaves_out_claims_and_undated_events_and_says_so(store):
    rows, exported = acled_rows(store, [RECORD, ALLEGATION, UNDATED])
    assert [r["event_id_cnty"] for r in rows] == ["NER1"]
    assert exported.left_out == {"claims": 1, "undated": 1}


def test_acled_ids_are_stable_from_one_export_to_the_next(store):
    first, _ = acled_rows(store, [RECORD])
    again, _ = acled_rows(store, [dict(RECORD, event_id="new"), ARREST, RECORD])
    assert first[0]["event_id_cnty"] == "NER1"
    assert [r["event_id_cnty"] for r in again] == ["NER2", "NER3", "NER1"]


def test_extra_columns_only_when_asked(store):
    rows, _ = acled_rows(store, [RECORD], extra_columns=True)
    assert list(rows[0]) == ACLED_COLUMNS + EXTRA_COLUMNS
    assert rows[0]["fused_id"] == "abc" and rows[0]["claim_status"] == "reported"


def test_a_pandas_analysis_written_for_acleds_export_runs_on_ours(store):
    """Written against the header of a real ACLED export: the steps an analyst's notebook takes."""
    pd = pytest.importorskip("pandas")
    exported = export(store, [RECORD, ARREST, dict(RECORD, event_id="x", event_date="2024-06-01")], "acled-csv")
    df = pd.read_csv(io.StringIO(exported.text), keep_default_na=False, na_values=[""])
    df["event_date"] = pd.to_datetime(df["event_date"], format="%Y-%m-%d")
    df["updated"] = pd.to_datetime(df["timestamp"], unit="s")
    monthly = df.groupby([df["event_date"].dt.to_period("M"), "event_type"])["fatalities"].sum()
    assert monthly.loc[(pd.Period("2024-05", "M"), "Violence against civilians")] == 9
    assert df.groupby(["region", "country", "iso3"]).size().to_dict() == {("Western Africa", "Niger", "NER"): 3}
    assert df["event_id_cnty"].str.fullmatch(r"[A-Z]{3}\d+").all()
    assert df["iso"].astype(int).eq(562).all() and df["year"].eq(2024).all()
    assert set(df["interaction"].astype(int)) == {10, 27}
    assert set(df["inter2"].astype(int)) == {0, 7}
    civilian = df[df["civilian_targeting"] == "Civilian targeting"]
    assert len(civilian) == 2 and civilian["disorder_type"].eq("Political violence").all()
    assert df["time_precision"].isin([1, 2, 3]).all() and df["geo_precision"].isin([1, 2, 3]).all()
    assert df["admin3"].isna().all() and df["tags"].isna().all()


def test_geojson_keeps_events_without_coordinates():
    no_point = dict(RECORD, event_id="x", latitude=None, longitude=None)
    geo = json.loads(to_geojson([RECORD, no_point]))
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [0.75, 14.01]}
    assert geo["features"][1]["geometry"] is None


def test_unknown_format(store):
    with pytest.raises(ExportError, match="choose one of acled-csv, geojson, jsonl"):
        export(store, [RECORD], "xlsx")
