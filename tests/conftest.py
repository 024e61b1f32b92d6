"""Shared fixtures: one gazetteer and one loaded pipeline per test session.

Tests marked ``shared`` read ../shared (the example article, its hand coding, GeoNames dumps).
Where that folder is absent they are skipped with that reason, never silently.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflictlens.config import Settings
from conflictlens.gazetteer import build_default, import_geonames
from conflictlens.model import ProcessedDocument
from conflictlens.pipeline import Pipeline, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
SAHEL_DUMPS = [SHARED / "gazetteer" / "geonames" / f"{code}.txt" for code in ("ML", "BF", "NE")]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    reason = f"needs {SHARED} (example article, hand coding, GeoNames dumps), which is absent"
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default world gazetteer plus the Sahel GeoNames dumps when ../shared has them."""
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_default(path)
    dumps = [p for p in SAHEL_DUMPS if p.exists()]
    if dumps:
        import_geonames(path, dumps)
    return path


@pytest.fixture(scope="session")
def settings(gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(gazetteer=gazetteer_path, db=str(tmp_path_factory.mktemp("db") / "events.db"))


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return load_pipeline(settings)


@pytest.fixture
def eval_cli(settings: Settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run a `conflictlens eval ...` command on a file of ../shared; returns its --json report."""
    import json

    from click.testing import CliRunner

    from conflictlens.cli import main

    def run(*args: str) -> dict:  # type: ignore[type-arg]
        out = tmp_path / "eval.json"
        result = CliRunner().invoke(main, ["--gazetteer", str(settings.gazetteer), "eval", *args, "--json", str(out)])
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    return run


@pytest.fixture
def code(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """Code one short report published on 8 May 2024 (a Wednesday)."""

    def run(text: str, published_at: dt.date | None = dt.date(2024, 5, 8)) -> ProcessedDocument:
        return pipeline.process_text(text, published_at=published_at)

    return run
