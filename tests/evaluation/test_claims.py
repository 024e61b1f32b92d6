"""The claims benchmark's reader and scorer, on cases written here (not the benchmark's own)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conflictlens.coding.fusion import load_fuser
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.claims import markdown, read_cases, score_claims

AMBUSH = {
    "case": "ambush-toll-denied",
    "language": "en",
    "tests": "a toll denied by the army",
    "documents": [
        {"name": "wire", "outlet": "Reuters", "published": "2025-03-14",
         "text": "BAMAKO, March 14 (Reuters) - Suspected jihadists killed 12 soldiers in an ambush near Niono in central "
                 "Mali on Wednesday, two security sources said."},
        {"name": "radio", "outlet": "Studio Tamani", "published": "2025-03-14",
         "text": "Gunmen killed 15 soldiers in an ambush on an army convoy near Niono on Wednesday, local officials "
                 "told Studio Tamani."},
        {"name": "army", "outlet": "ORTM", "published": "2025-03-15",
         "text": "The General Staff of the Armed Forces on Thursday denied that any soldier was killed in the ambush "
                 "near Niono on Wednesday."},
    ],
    "expected": {"reports": ["wire", "radio"], "denials": ["army"], "contested": True, "contested_parts": ["toll"],
                 "accusations": [], "independent_sources": 2, "fatalities": 12, "tolls": {"wire": 12, "radio": 15}},
}


def _write(folder: Path, case: dict) -> None:  # type: ignore[type-arg]
    (folder / f"{case['case']}.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")


def test_a_toll_denial_case_is_scored_field_by_field(pipeline, tmp_path):
    (tmp_path / "cases").mkdir()
    _write(tmp_path / "cases", AMBUSH)
    fuser = load_fuser(pipeline.knowledge, pipeline.actors, text_similarity=False)
    report = score_claims(pipeline, fuser, tmp_path / "cases")
    result = report.results[0]
    assert result.contested and result.links == {("army", "wire"), ("army", "radio")}
    assert result.checks == dict.fromkeys(result.checks, True), result.found
    summary = report.summary()
    assert summary["contested_precision"] == summary["contested_recall"] == 1.0
    assert "| contested_recall | 1.0 |" in markdown(report)


def test_malformed_cases_are_refused_with_their_file(tmp_path):
    with pytest.raises(ConflictLensError, match="no claim cases"):
        read_cases(tmp_path)
    (tmp_path / "bad.yaml").write_text("case: x\ndocuments: []\n", encoding="utf-8")
    with pytest.raises(ConflictLensError, match=r"bad\.yaml is malformed"):
        read_cases(tmp_path)
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump({**AMBUSH, "expected": {"reports": ["nobody"]}}),
                                       encoding="utf-8")
    with pytest.raises(ConflictLensError, match="does not hold: \\['nobody'\\]"):
        read_cases(tmp_path)
