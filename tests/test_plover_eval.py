import json

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.plover_eval import score_plover

RECORDS = [
    {"id": "doc", "event": "DOCUMENT", "eventText": "notes"},
    {"id": "a", "event": "ASSAULT", "text": "Islamic State militants killed nine villagers near Tillaberi on 5 May 2024.",
     "source": [{"actorText": "Islamic State militants"}], "target": [{"actorText": "villagers"}]},
    {"id": "b", "event": "PROTEST", "text": "The Malian army attacked JNIM fighters near Boni on 5 May 2024.",
     "source": [{"actorText": "protesters"}], "target": ""},
    {"id": "c", "event": "CONSULT", "text": "The ministers met in Niamey on Monday."},
]


def test_hand_computed_scores(pipeline, tmp_path):
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    summary = score_plover(pipeline, path).summary()
    # a: right category, source and target agree; b: FIGHT coded for a PROTEST record, source disagrees;
    # c: CONSULT has no ACLED counterpart and is left out.
    assert summary == {"records_scored": 2, "records_without_acled_counterpart": 1, "category_accuracy": 0.5,
                       "source_agreement": 0.5, "target_agreement": 1.0}


def test_not_plover(tmp_path):
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="not a list of records"):
        score_plover(None, tmp_path / "x.json")  # type: ignore[arg-type]


@pytest.mark.shared
def test_eval_plover_command_on_a_slice(eval_cli):
    from .conftest import SHARED

    summary = eval_cli("plover", str(SHARED / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"), "--limit", "30")["summary"]
    assert summary["records_scored"] + summary["records_without_acled_counterpart"] == 30
