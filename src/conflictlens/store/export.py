"""Exports: ACLED's CSV, GeoJSON and JSON Lines, from stored event records.

The ACLED CSV has every column of an ACLED export, in ACLED's order, with ACLED's value conventions
(``acled_export.yaml`` says how the columns the coder does not decide are filled). It holds events only:
allegations and denials are claims, exported with ``--format jsonl`` (each event's claims) or ``conflictlens
claims``; undated events are left out, because ACLED has no row without a date.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from conflictlens.countries import Country, find_country
from conflictlens.errors import ExportError
from conflictlens.knowledge import Outlet, outlets_by_name, read_data_file
from conflictlens.model import left_out_of_dataset

if TYPE_CHECKING:
    from conflictlens.store.sql import Store

# A current ACLED export's columns in ACLED's order, then iso3 (the last column of older exports, which scripts
# still read).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp", "iso3",
]
# conflictlens's own columns, after ACLED's with --extra-columns.
EXTRA_COLUMNS = ["fused_id", "end_date", "date_precision", "claim_status", "source_kind", "fatalities_text",
                 "fatalities_min", "fatalities_max", "location_level", "confidence", "fusion_status", "reports",
                 "independent_sources", "review_status", "doc_id"]
FORMATS = ("acled-csv", "geojson", "jsonl")
UNKNOWN_COUNTRY_PREFIX = "XXX"


@dataclass(slots=True)
class Export:
    text: str
    rows: int
    left_out: dict[str, int]  # why some records are not rows ("claims", "undated"), and how many


def export(store: Store, records: list[dict[str, Any]], fmt: str, *, extra_columns: bool = False) -> Export:
    """Records (flat, as the store lists them) in one of ``FORMATS``."""
    if fmt == "acled-csv":
        return to_acled_csv(store, records, extra_columns=extra_columns)
    if fmt == "geojson":
        return Export(to_geojson(records), len(records), {})
    if fmt == "jsonl":
        return Export(to_jsonl(records), len(records), {})
    raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def to_acled_csv(store: Store, records: Iterable[dict[str, Any]], *, extra_columns: bool = False) -> Export:
    left_out = {"claims": 0, "undated": 0}
    kept = []
    for record in records:
        why = left_out_of_dataset(record.get("kind"), record.get("event_date"))
        if why is None:
            kept.append(record)
        else:
            left_out[why] += 1
    countries = {r["event_id"]: find_country(r["country"]) if r.get("country") else None for r in kept}
    prefixes = {event_id: country.iso3 if country else UNKNOWN_COUNTRY_PREFIX for event_id, country in countries.items()}
    numbers = store.event_numbers(prefixes)
    # A fused event's doc_id lists its documents ("a; b"): its timestamp is the latest of their coding times.
    processed = store.processed_times(d for r in kept for d in _documents(r))
    columns = ACLED_COLUMNS + (EXTRA_COLUMNS if extra_columns else [])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for record in kept:
        event_id = record["event_id"]
        times = [processed[d] for d in _documents(record) if d in processed]
        writer.writerow(acled_row(record, countries[event_id], f"{prefixes[event_id]}{numbers[event_id]}",
                                  max(times) if times else None))
    return Export(out.getvalue(), len(kept), {k: v for k, v in left_out.items() if v})


def _documents(record: dict[str, Any]) -> list[str]:
    return [d for d in (record.get("doc_id") or "").split("; ") if d]


def acled_row(record: dict[str, Any], country: Country | None, event_id_cnty: str, processed_at: str | None
              ) -> dict[str, Any]:
    """One event as ACLED writes it: codes as numbers (0 for no second actor), ACLED's disorder type, region,
    ISO codes and source scale."""
    conventions = _conventions()
    inter1, inter2 = int(record.get("inter1") or 0), int(record.get("inter2") or 0)
    # ACLED's interaction code puts the lower actor type first: 27 is rebels (2) against civilians (7).
    interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else inter1 * 10
    disorder = conventions["disorder_type"]
    civilians_targeted = 7 in (inter1, inter2) and record.get("event_type") in {
        "Violence against civilians", "Explosions/Remote violence", "Riots", "Battles"}
    timestamp = int(dt.datetime.fromisoformat(processed_at).timestamp()) if processed_at else None
    return {
        **record,
        "event_id_cnty": event_id_cnty,
        "year": int(record["event_date"][:4]),
        "time_precision": record.get("time_precision") or 3,
        "disorder_type": disorder["by_sub_event_type"].get(record.get("sub_event_type"))
        or disorder["by_event_type"].get(record.get("event_type"), ""),
        "inter1": inter1, "inter2": inter2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilians_targeted else "",
        "iso": country.numeric if country and country.numeric else "",
        "iso3": country.iso3 if country else "",
        "region": country.region or "" if country else "",
        "admin3": "",
        "source_scale": source_scale(record.get("source")),
        "fatalities": int(record.get("fatalities") or 0),
        "tags": "",
        "timestamp": timestamp,
        "fused_id": record["event_id"],
    }


def source_scale(sources: str | None) -> str:
    """ACLED's source_scale of the outlets that reported an event ("National-International"), from each outlet's
    affiliation in outlets.yaml."""
    scale = _conventions()["source_scale"]
    outlets = _outlets()
    scales = {scale["by_affiliation"].get(outlets.get(name.strip().lower(), Outlet(name)).affiliation, "Other")
              for name in (sources or "").split(";") if name.strip()}
    return "-".join(s for s in scale["order"] if s in scales)


@functools.lru_cache(maxsize=1)
def _conventions() -> dict[str, Any]:
    return read_data_file("acled_export.yaml")  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def _outlets() -> dict[str, Outlet]:
    return outlets_by_name(read_data_file("outlets.yaml"))


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
