import json

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.plover import head_word, score_plover, words_of

RECORDS = [
    {"id": "doc", "event": "DOCUMENT", "eventText": "notes"},
    {"id": "a", "event": "ASSAULT", "text": "Islamic State militants killed nine villagers near Tillaberi on 5 May 2024.",
     "source": [{"actorText": "Islamic State militants"}], "target": [{"actorText": "villagers"}]},
    {"id": "b", "event": "PROTEST", "text": "The Malian army attacked JNIM fighters near Boni on 5 May 2024.",
     "source": [{"actorText": "protesters"}], "target": ""},
    {"id": "c", "event": "CONSULT", "text": "The ministers met in Niamey on Monday."},
    {"id": "d", "event": "DEMAND", "text": "Niger demanded that the U.S. withdraw its troops from Agadez.",
     "source": [{"actorText": "Niger"}], "target": [{"actorText": "US"}]},
]


def test_hand_computed_scores(pipeline, tmp_path):
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    summary = score_plover(pipeline, path).summary()
    # Category: a is right, b codes FIGHT for a PROTEST record; c (CONSULT) and d (DEMAND) have no ACLED
    # counterpart. Roles, on every record: a's source and target agree, b's source does not ("The Malian
    # army", not protesters), d's agree ("the U.S." is the gold "US"); c names neither.
    assert summary == {"records": 4, "records_scored": 2, "records_without_acled_counterpart": 2,
                       "category_accuracy": 0.5, "source_agreement": 2 / 3, "target_agreement": 1.0}


def test_head_words_read_initialisms_alike():
    assert head_word("U.S.") == head_word("US") == "us"
    assert head_word("Palestine Liberation Organization (PLO)") == "plo"
    assert words_of("the U.N. mediator") == ["the", "un", "mediator"]


def test_not_plover(tmp_path):
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="not a list of records"):
        score_plover(None, tmp_path / "x.json")  # type: ignore[arg-type]


@pytest.mark.shared
def test_eval_plover_command_on_a_slice(eval_cli):
    from ..conftest import SHARED

    summary = eval_cli("plover", str(SHARED / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"), "--limit", "30")["summary"]
    assert summary["records"] == summary["records_scored"] + summary["records_without_acled_counterpart"] == 30
