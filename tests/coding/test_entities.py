"""Text normalisation before parsing: one character for one, so offsets into the document stay valid."""

import pytest

from conflictlens.coding.entities import normalise_text


@pytest.mark.parametrize(("text", "expected"), [
    ("the General Staff of the\narmed forces denied", "the General Staff of the armed forces denied"),
    ("trois soldats tués à\nDori jeudi", "trois soldats tués à Dori jeudi"),
    ("killed 12 people,\nincluding two children", "killed 12 people, including two children"),
    ("Mali: army denies attack\nBAMAKO - The army said", "Mali: army denies attack\nBAMAKO - The army said"),
    ("The army said so.\nthen it left", "The army said so.\nthen it left"),
    ("First paragraph\n\nsecond paragraph", "First paragraph\n\nsecond paragraph"),
    ("\u201cNo civilian was hit\u201d \u2013 the army", "\"No civilian was hit\" - the army"),
])
def test_hard_wrapped_lines_are_joined_and_titles_kept_apart(text, expected):
    normalised = normalise_text(text)
    assert normalised == expected and len(normalised) == len(text)
