"""The roles stage's reading of a parse, on parses written out word by word (the tagger's misreadings included)."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from conflictlens.coding.roles import _prep_between


def _parse(rows: list[tuple[str, int, str, str]]) -> Doc:
    words, heads, deps, pos = zip(*rows, strict=True)
    return Doc(Vocab(), words=list(words), heads=list(heads), deps=list(deps), pos=list(pos))


def test_a_side_in_a_clause_the_preposition_takes_does_not_hang_on_the_act_through_it():
    # "launched an assault on Saturday prompting air strikes by the coalition", parsed as "on ... prompting".
    doc = _parse([("launched", 0, "ROOT", "VERB"), ("an", 2, "det", "DET"), ("assault", 0, "dobj", "NOUN"),
                  ("on", 0, "prep", "ADP"), ("Saturday", 3, "pobj", "PROPN"), ("prompting", 3, "pcomp", "VERB"),
                  ("strikes", 5, "dobj", "NOUN"), ("by", 5, "prep", "ADP"), ("the", 9, "det", "DET"),
                  ("coalition", 7, "pobj", "NOUN")])
    assert _prep_between(doc[9], doc[0]) is None
    assert _prep_between(doc[9], doc[5]).text == "by"
    assert _prep_between(doc[4], doc[0]).text == "on"


