"""Shared fixtures: one gazetteer and one loaded pipeline per test session.

Tests marked ``shared`` read ../shared (the example article, its hand coding, GeoNames dumps).
Where that folder is absent they are skipped with that reason, never silently.

Store tests run on SQLite and on PostgreSQL. The PostgreSQL server is named by
``CONFLICTLENS_TEST_POSTGRES`` (a URL of a role that may create databases; ``.ci/run`` starts one with
``scripts/test-postgres``); without it those tests are skipped with that reason, unless
``CONFLICTLENS_TEST_POSTGRES_REQUIRED`` is set (as in CI), where they fail.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictlens.coding.gazetteer import build_default, import_geonames
from conflictlens.coding.pipeline import Pipeline, load_pipeline
from conflictlens.config import Settings
from conflictlens.model import ProcessedDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
GEONAMES_DUMPS = sorted((SHARED / "gazetteer" / "geonames").glob("*.txt"))  # West African countries


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    reason = f"needs {SHARED} (example article, hand coding, GeoNames dumps), which is absent"
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


POSTGRES_ENV = "CONFLICTLENS_TEST_POSTGRES"
TEMPLATE_DB = "conflictlens_test_template"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The admin URL of the test PostgreSQL server, with a template database that has PostGIS when it is installed."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        message = f"{POSTGRES_ENV} is not set: start a server with scripts/test-postgres (CI does)"
        if os.environ.get("CONFLICTLENS_TEST_POSTGRES_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    import sqlalchemy as sa

    engine = sa.create_engine(_psycopg(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": TEMPLATE_DB}).first() is None:
            conn.execute(sa.text(f"CREATE DATABASE {TEMPLATE_DB}"))
    template = sa.create_engine(_database(_psycopg(url), TEMPLATE_DB), isolation_level="AUTOCOMMIT")
    with template.connect() as conn:
        if conn.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).first():
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    template.dispose()
    engine.dispose()
    return url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    yield from _fresh_database(postgres_server)


def _fresh_database(server: str) -> Iterator[str]:
    import sqlalchemy as sa

    name = f"conflictlens_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(_psycopg(server), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
    try:
        yield _database(server, name)
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store on each backend in turn: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
    else:
        yield from _fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Like ``store_url``, shared by a module's tests."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "events.db")
    else:
        yield from _fresh_database(request.getfixturevalue("postgres_server"))


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on, for a test server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _psycopg(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def _database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default world gazetteer plus the GeoNames dumps of ../shared when it has them."""
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_default(path)
    dumps = [p for p in GEONAMES_DUMPS if p.exists()]
    if dumps:
        import_geonames(path, dumps)
    return path


@pytest.fixture(scope="session")
def settings(gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The rules' settings: the stages' tests read their sentences without the relevance stage, which
    ``relevant_pipeline`` (and tests/coding/test_relevance.py) put on, as the defaults do."""
    return Settings(gazetteer=gazetteer_path, db=str(tmp_path_factory.mktemp("db") / "events.db"),
                    relevance_model="none")


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return load_pipeline(settings)


@pytest.fixture(scope="session")
def relevant_pipeline(settings: Settings) -> Pipeline:
    """A pipeline with the relevance stage on (the packaged model), as for feeds of real news."""
    return load_pipeline(settings.model_copy(update={"relevance_model": "default"}))


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
