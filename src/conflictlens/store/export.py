"""Exports: ACLED-style CSV, GeoJSON and JSON Lines, from stored event records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from conflictlens.errors import ExportError

# ACLED's export columns, in ACLED's order, then conflictlens's provenance columns.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]
EXTRA_COLUMNS = ["end_date", "date_precision", "kind", "source_kind", "claim_status", "fatalities_text",
                 "location_level", "confidence", "doc_id"]
FORMATS = ("acled-csv", "geojson", "jsonl")


def acled_row(record: dict[str, Any]) -> dict[str, Any]:
    inter1, inter2 = record.get("inter1"), record.get("inter2")
    interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else (
        int(f"{inter1}0") if inter1 else None)
    row = {
        "event_id_cnty": record["event_id"],
        "year": record["event_date"][:4] if record.get("event_date") else None,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else None,
    }
    row.update({k: record.get(k) for k in ACLED_COLUMNS + EXTRA_COLUMNS if k not in row})
    return row


def to_acled_csv(records: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(acled_row(record))
    return out.getvalue()


def to_geojson(records: Iterable[dict[str, Any]]) -> str:
    """A FeatureCollection; events without coordinates keep a null geometry rather than vanish."""
    features = []
    for record in records:
        lat, lon = record.get("latitude"), record.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": record["event_id"], "geometry": geometry,
                         "properties": {k: v for k, v in record.items() if k not in {"latitude", "longitude"}}})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records)


def render(records: Iterable[dict[str, Any]], fmt: str) -> str:
    if fmt == "acled-csv":
        return to_acled_csv(records)
    if fmt == "geojson":
        return to_geojson(records)
    if fmt == "jsonl":
        return to_jsonl(records)
    raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
