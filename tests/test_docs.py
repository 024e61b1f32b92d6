"""The README documents every command and setting, and only commands that exist."""

import re
import shutil

import click
import pytest

from conflictlens.cli import main
from conflictlens.config import Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> set[str]:
    names = set()
    for name, command in group.commands.items():
        names.add(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names |= _commands(command, f"{prefix}{name} ")
    return names


def test_readme_shows_the_two_set_up_commands_first():
    first_block = README.split("```")[1].removeprefix("sh")
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make demo", "make test"]


def test_every_command_is_documented_and_every_documented_command_exists():
    cli_commands = {c for c in _commands(main) if " " in c or not isinstance(main.commands[c], click.Group)}
    documented = set()
    for line in re.findall(r"^conflictlens ([a-z]+(?: [a-z]+)*)(?=\s+[A-Z\-\[#]|\s*$)", README, re.MULTILINE):
        documented.add(line.strip())
    assert documented == cli_commands, (documented ^ cli_commands)


def test_every_setting_is_documented():
    for name in Settings.model_fields:
        assert f"`{name}`" in README, name


@pytest.mark.slow
def test_the_python_api_snippet_runs(tmp_path, monkeypatch, gazetteer_path, capsys):
    """The README's Python example, as a user runs it from a checkout (its example file copied to a clean folder)."""
    code = README.split("```python", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CONFLICTLENS_GAZETTEER", str(gazetteer_path))
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert ("Djibo" in printed and "single-source" in printed) or "corroborated" in printed
