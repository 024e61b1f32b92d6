import re
import shutil
from importlib import resources

import pytest

from conflictlens.errors import ConfigError
from conflictlens.knowledge import Knowledge


def test_packaged_taxonomy_has_six_types_and_25_sub_types():
    taxonomy = Knowledge.load().taxonomy
    assert len(taxonomy) == 6 and sum(len(v) for v in taxonomy.values()) == 25


def test_an_edited_lexicon_outside_the_taxonomy_is_refused(tmp_path):
    source = resources.files("conflictlens.data").joinpath("event_lexicon.yaml")
    shutil.copy(str(source), tmp_path / "event_lexicon.yaml")
    edited = (tmp_path / "event_lexicon.yaml").read_text(encoding="utf-8").replace("Armed clash", "Skirmish", 1)
    (tmp_path / "event_lexicon.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape("'Battles'/'Skirmish' is not in taxonomy.yaml")):
        Knowledge.load(tmp_path)


def test_an_opening_label_outside_the_taxonomy_is_refused(tmp_path):
    source = resources.files("conflictlens.data").joinpath("event_lexicon.yaml")
    edited = source.read_text(encoding="utf-8").replace(
        "weapons seizure: [Strategic developments, Disrupted weapons use]",
        "weapons seizure: [Strategic developments, Weapons seized]")
    (tmp_path / "event_lexicon.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape("opening label 'weapons seizure' names")):
        Knowledge.load(tmp_path)


def test_broken_yaml_names_the_file(tmp_path):
    (tmp_path / "actors.yaml").write_text("actors: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"dictionary {tmp_path / 'actors.yaml'} is not valid YAML"):
        Knowledge.load(tmp_path)


def test_an_analyst_can_add_an_actor(tmp_path, settings):
    from conflictlens.coding.pipeline import load_pipeline

    source = resources.files("conflictlens.data").joinpath("actors.yaml").read_text(encoding="utf-8")
    added = source.replace("actors:\n", "actors:\n  - name: Katiba Serma\n    kind: islamist\n    inter: 2\n"
                                        "    aliases: [Katiba Serma, Serma brigade]\n", 1)
    (tmp_path / "actors.yaml").write_text(added, encoding="utf-8")
    custom = load_pipeline(settings.model_copy(update={"dictionaries": tmp_path}))
    event = custom.process_text("The Serma brigade ambushed soldiers near Boni on 2 May 2024.").events[0]
    assert event.actor1.name == "Katiba Serma"


def test_an_analysts_copy_made_before_an_upgrade_keeps_the_packaged_entries_it_lacks(tmp_path, caplog):
    source = resources.files("conflictlens.data").joinpath("attribution.yaml").read_text(encoding="utf-8")
    older = "\n".join(line for line in source.splitlines() if not line.startswith("statement_nouns:"))
    older = older.replace("reporting_verbs: [say,", "reporting_verbs: [whisper, say,", 1)
    (tmp_path / "attribution.yaml").write_text(older, encoding="utf-8")
    with caplog.at_level("WARNING", logger="conflictlens.knowledge"):
        attribution = Knowledge.load(tmp_path).attribution
    assert "whisper" in attribution["reporting_verbs"]  # the analyst's own entries stand
    assert "statement" in attribution["statement_nouns"]  # the key added since comes from the package
    assert "lacks statement_nouns" in caplog.text
