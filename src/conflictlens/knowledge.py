"""Loads the editable dictionaries (YAML data files) the pipeline stages work from.

Files come from the package's ``data/`` folder; a user folder given in
``Settings.dictionaries`` replaces them file by file, so an analyst can edit a copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflictlens.errors import ConfigError

DICTIONARY_FILES = ("actors.yaml", "countries.yaml", "event_lexicon.yaml", "conventions.yaml",
                    "attribution.yaml", "taxonomy.yaml", "fusion.yaml")


def read_data_file(name: str, override_dir: Path | None = None) -> Any:
    """Parse one YAML data file, preferring the analyst's copy when there is one."""
    if override_dir is not None and (override_dir / name).exists():
        path_text = (override_dir / name).read_text(encoding="utf-8")
        origin = str(override_dir / name)
    else:
        path_text = resources.files("conflictlens.data").joinpath(name).read_text(encoding="utf-8")
        origin = f"packaged {name}"
    try:
        return yaml.safe_load(path_text)
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

    @classmethod
    def load(cls, override_dir: Path | None = None) -> Knowledge:
        countries = tuple(
            Country(
                name=c["name"],
                iso2=c["iso2"],
                forms=tuple(c.get("forms") or ()),
                demonyms=tuple(c.get("demonyms") or ()),
            )
            for c in read_data_file("countries.yaml", override_dir)["countries"]
        )
        knowledge = cls(
            actors=read_data_file("actors.yaml", override_dir),
            countries=countries,
            lexicon=read_data_file("event_lexicon.yaml", override_dir),
            conventions=read_data_file("conventions.yaml", override_dir),
            attribution=read_data_file("attribution.yaml", override_dir),
            taxonomy=read_data_file("taxonomy.yaml", override_dir),
            fusion=read_data_file("fusion.yaml", override_dir),
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
