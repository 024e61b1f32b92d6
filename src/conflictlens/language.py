"""Language detection (langdetect, seeded so the same text always gets the same answer)."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

from conflictlens.model import Document

# langdetect samples n-grams at random; a fixed seed makes detection reproducible.
DetectorFactory.seed = 0

MIN_CONFIDENCE = 0.80


def detect_language(document: Document, *, default: str = "en") -> Document:
    """Set ``document.language``; uncertain or undetectable text gets ``default`` and a warning."""
    try:
        best = detect_langs(document.text[:5000])[0]
    except LangDetectException:
        document.language = default
        document.warnings.append(f"language could not be detected; assumed {default!r}")
        return document
    if best.prob < MIN_CONFIDENCE:
        document.language = default
        document.warnings.append(f"language uncertain ({best.lang} p={best.prob:.2f}); assumed {default!r}")
    else:
        document.language = best.lang
    return document
