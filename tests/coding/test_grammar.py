"""Reading of a parse the stages share (``conflictlens.coding.grammar``), on parses written out word by word."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from conflictlens.coding.grammar import measured_time_mark


def _parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    return Doc(Vocab(), words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), lemmas=list(lemmas))


def test_a_time_mark_after_a_span_of_time_is_measured_whether_or_not_the_tagger_saw_a_date():
    # "Just days after a deadly chemical attack", the tagger having found no date in "days" (no entity at all here).
    doc = _parse([("Just", 1, "advmod", "ADV", "just"), ("days", 2, "npadvmod", "NOUN", "day"),
                  ("after", 2, "ROOT", "ADP", "after"), ("the", 4, "det", "DET", "the"),
                  ("attack", 2, "pobj", "NOUN", "attack")])
    assert measured_time_mark(doc[2])
    # "the raid after the attack": no span of time before the mark.
    doc = _parse([("the", 1, "det", "DET", "the"), ("raid", 1, "ROOT", "NOUN", "raid"),
                  ("after", 1, "prep", "ADP", "after"), ("the", 4, "det", "DET", "the"),
                  ("attack", 2, "pobj", "NOUN", "attack")])
    assert not measured_time_mark(doc[2])
