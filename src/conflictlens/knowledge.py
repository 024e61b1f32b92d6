"""Loads the editable dictionaries (YAML data files) the pipeline stages work from.

Files come from the package's ``data/`` folder; a user folder given in
``Settings.dictionaries`` replaces them file by file, so an analyst can edit a copy.
Another language is a sub-folder named by its code (``data/fr/``): each of its files replaces the
English file's top-level keys and inherits the others, so a language only holds its words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflictlens.errors import ConfigError
from conflictlens.model import Affiliation

log = logging.getLogger(__name__)

DICTIONARY_FILES = ("actors.yaml", "actors_world.yaml", "countries.yaml", "event_lexicon.yaml", "conventions.yaml",
                    "attribution.yaml", "taxonomy.yaml", "fusion.yaml", "outlets.yaml", "grammar.yaml", "dates.yaml")
BASE_LANGUAGE = "en"


def read_data_file(name: str, override_dir: Path | None = None, *, language: str = BASE_LANGUAGE) -> Any:
    """Parse one YAML data file, preferring the analyst's copy; a language's file overlays the English keys."""
    data = _parse_yaml(name, override_dir)
    if language != BASE_LANGUAGE and isinstance(data, dict):
        overlay = _parse_yaml(f"{language}/{name}", override_dir, required=False)
        if overlay is not None:
            data = {**data, **overlay}
    return data


def available_languages(override_dir: Path | None = None) -> set[str]:
    """English and every language with a sub-folder of dictionaries."""
    folders = {p.name for p in resources.files("conflictlens.data").iterdir() if p.is_dir() and len(p.name) == 2}
    if override_dir is not None and override_dir.is_dir():
        folders |= {p.name for p in override_dir.iterdir() if p.is_dir() and len(p.name) == 2}
    return {BASE_LANGUAGE, *folders}


def _parse_yaml(name: str, override_dir: Path | None, *, required: bool = True) -> Any:
    packaged = resources.files("conflictlens.data").joinpath(name)
    if override_dir is not None and (override_dir / name).exists():
        edited = _load_yaml((override_dir / name).read_text(encoding="utf-8"), str(override_dir / name))
        if not (isinstance(edited, dict) and packaged.is_file()):
            return edited
        # An analyst's copy made before an upgrade lacks the keys added since: those keep the packaged entries.
        defaults = _load_yaml(packaged.read_text(encoding="utf-8"), f"packaged {name}")
        missing = sorted(set(defaults) - set(edited)) if isinstance(defaults, dict) else []
        if missing:
            log.warning("dictionary %s lacks %s: the packaged entries are used", override_dir / name, ", ".join(missing))
            return {**defaults, **edited}
        return edited
    if packaged.is_file():
        return _load_yaml(packaged.read_text(encoding="utf-8"), f"packaged {name}")
    if not required:
        return None
    raise ConfigError(f"dictionary {name} is missing from the package and from {override_dir}: reinstall")


def _load_yaml(text: str, origin: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"dictionary {origin} is not valid YAML ({exc.__class__.__name__}): fix the file") from exc


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of the phrases as whole words; phrases are lower-cased, so match lower-cased text."""
    alternatives = sorted((re.escape(p.lower()) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    forms: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Knowledge:
    """Every dictionary the pipeline uses, loaded once and shared read-only."""

    actors: dict[str, Any]
    countries: tuple[Country, ...]
    lexicon: dict[str, Any]
    conventions: dict[str, Any]
    attribution: dict[str, Any]
    taxonomy: dict[str, list[str]]
    fusion: dict[str, Any]
    outlets: dict[str, Any]
    grammar: dict[str, Any]
    dates: dict[str, Any]
    language: str = BASE_LANGUAGE

    @classmethod
    def load(cls, override_dir: Path | None = None, *, language: str = BASE_LANGUAGE) -> Knowledge:
        """The dictionaries for one language: English, or English overlaid with ``data/<language>/``."""
        if language not in available_languages(override_dir):
            raise ConfigError(f"no dictionaries for language {language!r}: add a data/{language}/ folder")

        def read(name: str) -> Any:
            return read_data_file(name, override_dir, language=language)

        countries = tuple(
            Country(
                name=c["name"],
                iso2=c["iso2"],
                forms=tuple(c.get("forms") or ()),
                demonyms=tuple(c.get("demonyms") or ()),
            )
            for c in read("countries.yaml")["countries"]
        )
        actors = read("actors.yaml")
        # Armed groups worldwide, whatever the language of the report; the Sahel's own are in actors.yaml.
        world = _parse_yaml("actors_world.yaml", override_dir, required=False) or {}
        actors = {**actors, "actors": [*actors.get("actors", []), *world.get("actors", [])]}
        knowledge = cls(
            actors=actors,
            countries=countries,
            lexicon=read("event_lexicon.yaml"),
            conventions=read("conventions.yaml"),
            attribution=read("attribution.yaml"),
            taxonomy=read_data_file("taxonomy.yaml", override_dir),
            fusion=read_data_file("fusion.yaml", override_dir),
            outlets=read_data_file("outlets.yaml", override_dir),
            grammar=read("grammar.yaml"),
            dates=read("dates.yaml"),
            language=language,
        )
        knowledge.validate()
        return knowledge

    def validate(self) -> None:
        """Fail early, with the offending entry named, when an edited lexicon leaves the taxonomy."""
        for family, types in self.fusion["families"].items():
            for event_type in types:
                if event_type not in self.taxonomy:
                    raise ConfigError(f"fusion family {family!r} names {event_type!r}, not an event type in "
                                      "taxonomy.yaml: fix the name")
        for group in self.lexicon["groups"]:
            pairs = [(group["event_type"], group["sub_event_type"])]
            pairs += [tuple(group[k]) for k in ("if_target_civilians", "if_target_armed", "if_violent") if group.get(k)]
            if group.get("if_actor1_state"):
                pairs.append((group["event_type"], group["if_actor1_state"]))
            for event_type, sub_type in pairs:
                if sub_type not in self.taxonomy.get(event_type, []):
                    raise ConfigError(
                        f"event lexicon group {event_type!r}/{sub_type!r} is not in taxonomy.yaml: fix the names"
                    )
        for label, (event_type, sub_type) in self.lexicon.get("opening_labels", {}).items():
            if sub_type not in self.taxonomy.get(event_type, []):
                raise ConfigError(f"event lexicon opening label {label!r} names {event_type!r}/{sub_type!r}, not in "
                                  "taxonomy.yaml: fix the names")


# Outlets whose reports stand for no party: each is its own independent source.
UNALIGNED: set[Affiliation] = {"independent", "wire_agency", "ngo"}


@dataclass(frozen=True, slots=True)
class Outlet:
    """An outlet of ``data/outlets.yaml``: whom it speaks for, if anyone."""

    name: str
    affiliation: Affiliation = "independent"
    side: str | None = None
    speaks_for: tuple[str, ...] = ()

    @property
    def aligned(self) -> bool:
        return self.side is not None and self.affiliation not in UNALIGNED


def outlets_by_name(data: dict[str, Any] | None) -> dict[str, Outlet]:
    """The outlets of ``outlets.yaml`` by every lower-cased name and alias."""
    found: dict[str, Outlet] = {}
    for entry in (data or {}).get("outlets") or []:
        outlet = Outlet(entry["name"], entry.get("affiliation", "independent"), entry.get("side"),
                        tuple(entry.get("speaks_for") or ()))
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            found[str(name).lower()] = outlet
    return found
