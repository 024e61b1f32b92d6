"""Language detection (langdetect, seeded so the same text always gets the same answer)."""

from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detect_langs

from conflictlens.model import Document

# langdetect samples n-grams at random; a fixed seed makes detection reproducible.
DetectorFactory.seed = 0

MIN_CONFIDENCE = 0.80
# Below this length (a headline, a short sentence) langdetect is unreliable ("MNJ rebels attacked Niger army
# barracks." reads as Swedish), so a short text is only given a language the pipeline has dictionaries for.
SHORT_TEXT_CHARS = 100
# The opening paragraphs tell an article's language as surely as the whole of it, at a fraction of the cost.
DETECTION_CHARS = 2000
# Longer "words" (a URL, a base64 blob, a 200,000-character run) are no language's words and sway the guess.
MAX_WORD_CHARS = 40


def language_sample(text: str) -> str:
    """The text's first ``DETECTION_CHARS`` characters of words, leaving out runs too long to be words."""
    words: list[str] = []
    size = 0
    for match in re.finditer(r"\S+", text):
        word = match.group()
        if len(word) > MAX_WORD_CHARS:
            continue
        words.append(word)
        size += len(word) + 1
        if size >= DETECTION_CHARS:
            break
    return " ".join(words)


def detect_language(document: Document, *, default: str = "en", known: set[str] | None = None) -> Document:
    """Set ``document.language``; uncertain or undetectable text gets ``default`` and a warning.

    With ``known`` (the languages that have dictionaries), a short text detected as another language is
    read as ``default``: on a sentence or two, detection is a guess.
    """
    try:
        best = detect_langs(language_sample(document.text))[0]
    except LangDetectException:
        document.language = default
        document.warnings.append(f"language could not be detected; assumed {default!r}")
        return document
    if best.prob < MIN_CONFIDENCE:
        document.language = default
        document.warnings.append(f"language uncertain ({best.lang} p={best.prob:.2f}); assumed {default!r}")
    elif known is not None and best.lang not in known and len(document.text.strip()) < SHORT_TEXT_CHARS:
        document.language = default
        document.warnings.append(f"language of a short text read as {best.lang!r}, which has no dictionaries; "
                                 f"assumed {default!r}")
    else:
        document.language = best.lang
    return document
