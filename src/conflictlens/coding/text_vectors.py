"""Evidence sentences as vectors for fusion's text signal: hashed TF-IDF of their words.

Two outlets telling one event share its rare words (the village, the unit, the count, "barrel bombs") far
more than its common ones, so each word weighs by its rarity in the project's labelled news sentences (the
sentence classifier's idf); a word the classifier never saw (most names) weighs as the rarest. Words and pairs
are hashed into a fixed number of signed dimensions (words alone: two outlets word one event differently, so
word pairs would mostly add noise), so a vector has one size whatever the text, can be stored
beside its event and compared with a dot product (rows are L2-normalised: the product is the cosine).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from conflictlens.coding.classifier import default_model_dir, load_sentence_classifier, words

DIMENSIONS = 4096


@lru_cache(maxsize=1)
def _rarity() -> tuple[dict[str, float], float]:
    model = load_sentence_classifier(str(default_model_dir()))
    assert model is not None
    idf = {term: float(w) for term, w in zip(model.vocabulary, model.idf, strict=True)}
    return idf, max(idf.values(), default=1.0)


@lru_cache(maxsize=65536)
def _slot(term: str) -> tuple[int, float]:
    code = zlib.crc32(term.encode("utf-8"))
    return code % DIMENSIONS, 1.0 if code & 0x80000000 else -1.0


def text_vectors(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised row of ``DIMENSIONS`` per text."""
    idf, rarest = _rarity()
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        for term, count in Counter(words(text)).items():
            slot, sign = _slot(term)
            out[row, slot] += sign * (1 + math.log(count)) * idf.get(term, rarest)
        norm = float(np.linalg.norm(out[row]))
        if norm:
            out[row] /= norm
    return out
