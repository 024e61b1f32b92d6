from pathlib import Path

import pytest

from conflictlens.config import Settings
from conflictlens.errors import ConfigError


def test_precedence_file_then_env_then_flags(tmp_path, monkeypatch):
    config = tmp_path / "c.toml"
    config.write_text('db = "from-file.db"\nmin_text_chars = 10\nlog_level = "INFO"\n', encoding="utf-8")
    monkeypatch.setenv("CONFLICTLENS_MIN_TEXT_CHARS", "20")
    settings = Settings.load(config_file=config, overrides={"log_level": "DEBUG", "db": None})
    assert (settings.db, settings.min_text_chars, settings.log_level) == ("from-file.db", 20, "DEBUG")


def test_bad_values_are_one_line_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTLENS_MAX_DOCUMENT_BYTES", "-5")
    with pytest.raises(ConfigError, match="setting 'max_document_bytes'"):
        Settings.load()


def test_missing_and_invalid_files(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Settings.load(config_file=tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("db = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Settings.load(config_file=bad)


def test_unknown_setting_is_refused(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        Settings.load(config_file=config)


def test_default_gazetteer_is_in_the_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert Settings().gazetteer == Path(tmp_path) / "conflictlens" / "gazetteer.sqlite"


def test_focus_countries_from_env(monkeypatch):
    monkeypatch.setenv("CONFLICTLENS_FOCUS_COUNTRIES", "NE,ML")
    assert Settings.load().focus_countries == ("NE", "ML")
