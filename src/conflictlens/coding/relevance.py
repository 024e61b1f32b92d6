"""Stage ``relevance``: does a trigger's sentence report a conflict event at all?

News is full of conflict words in other senses ("fire fighting", "a heart attack", "a hostile takeover",
"the striker shot") and of conflict talk that is no event (accusations, background, threats). Each
trigger must show its conflict sense, from a classifier or from its own arguments:

* the **sentence classifier** reads the sentence as words and word pairs (TF-IDF) into a multinomial
  logistic regression over "No event" and ACLED's sub-event types, trained on sentences of real news the
  project labelled (``training/``); its weights are plain numbers (no pickle, no torch), and ``explain``
  lists the words that weighed most, so every decision can be shown;
* the **arguments**: a named armed or state actor on either side, or a weapon, armed men, security forces
  or a crowd in the sentence (``conflict_cues``, ``riot_participants`` and ``unarmed_crowds`` in
  ``data/conventions.yaml``). Deaths alone are no
  such sign: accidents and illness kill too.

A draft stays when the classifier is sure of an event (``relevance_threshold``), or fairly likely
(``relevance_floor``) with its arguments showing a conflict sense; the others are dropped.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from conflictlens.coding.actors import ActorDictionary
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.classifier import LabelledSentence
from conflictlens.errors import ConflictLensError, ModelLoadError
from conflictlens.knowledge import Knowledge

NO_EVENT = "No event"
MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
ARMED_INTERS = {1, 2, 3, 4, 8}


def default_model_dir() -> Path:
    return Path(str(files("conflictlens") / "data" / "models" / "event_relevance"))


def features(text: str) -> list[str]:
    """Words (numbers as 0) and word pairs of a sentence, lower-cased."""
    words = ["0" if w.isdigit() else w for w in WORD.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class SentenceClassifier:
    """Probabilities over "No event" and sub-event types for sentences; TF-IDF words and pairs, linear weights."""

    def __init__(self, labels: list[str], event_type_of: dict[str, str], vocabulary: list[str], idf: np.ndarray,
                 coef: np.ndarray, intercept: np.ndarray, card: dict[str, Any]) -> None:
        self.labels = labels
        self.event_type_of = event_type_of
        self.vocabulary = vocabulary
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self.card = card
        self.no_event = labels.index(NO_EVENT)

    def vectors(self, texts: Sequence[str]) -> Any:
        """Sublinear TF-IDF rows, L2-normalised, as a sparse matrix."""
        from scipy.sparse import csr_matrix

        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            counts = Counter(i for i in (self.index.get(term) for term in features(text)) if i is not None)
            weights = {i: (1 + math.log(n)) * float(self.idf[i]) for i, n in counts.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for i, w in weights.items():
                rows.append(row)
                cols.append(i)
                values.append(w / norm)
        return csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.vocabulary)), dtype=np.float64)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)))
        scores = np.asarray(self.vectors(texts) @ self.coef.T) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]

    def event_probability(self, texts: Sequence[str]) -> list[float]:
        return [float(1 - p[self.no_event]) for p in self.probabilities(texts)]

    def explain(self, text: str, *, top: int = 5) -> list[tuple[str, float]]:
        """The words and pairs that pushed a sentence most towards an event (positive) or away (negative)."""
        vector = self.vectors([text]).toarray()[0]
        event_rows = [i for i in range(len(self.labels)) if i != self.no_event]
        push = vector * (self.coef[event_rows].max(axis=0) - self.coef[self.no_event])
        order = np.argsort(-np.abs(push))[:top]
        return [(self.vocabulary[i], round(float(push[i]), 3)) for i in order if push[i] != 0]

    @classmethod
    def train(cls, examples: Sequence[LabelledSentence], *, sources: Sequence[str] = (), regularisation: float = 8.0,
              min_count: int = 2, seed: int = 13) -> SentenceClassifier:
        from sklearn import __version__ as sklearn_version
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        if NO_EVENT not in {e.sub_event_type for e in examples}:
            raise ConflictLensError('the relevance classifier needs "No event" examples as well as events')
        document_frequency = Counter(term for e in examples for term in set(features(e.text)))
        vocabulary = sorted(term for term, n in document_frequency.items() if n >= min_count)
        total = len(examples)
        idf = np.array([math.log((1 + total) / (1 + document_frequency[t])) + 1 for t in vocabulary])
        targets = np.array([e.sub_event_type for e in examples])
        labels = sorted(set(targets.tolist()))
        untrained = cls(labels, {}, vocabulary, idf, np.zeros((len(labels), len(vocabulary))),
                        np.zeros(len(labels)), {})
        vectors = untrained.vectors([e.text for e in examples])
        model = LogisticRegression(C=regularisation, max_iter=3000, random_state=seed)
        folds = max(2, min(5, min(Counter(targets.tolist()).values())))
        predicted = cross_val_predict(model, vectors, targets,
                                      cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed))
        model.fit(vectors, targets)
        is_event, said_event = targets != NO_EVENT, predicted != NO_EVENT
        both = int((is_event & said_event).sum())
        card = {
            "model": "TF-IDF words and word pairs + multinomial logistic regression (scikit-learn), weights as numbers",
            "trained_on": list(sources) or ["in-memory examples"],
            "examples": total,
            "examples_per_label": dict(sorted(Counter(targets.tolist()).items())),
            "vocabulary": len(vocabulary),
            "cross_validation_folds": folds,
            "cross_validated": {
                "event_precision": round(both / max(1, int(said_event.sum())), 3),
                "event_recall": round(both / max(1, int(is_event.sum())), 3),
                "label_accuracy": round(float((predicted == targets).mean()), 3),
            },
            "regularisation_C": regularisation,
            "seed": seed,
            "scikit_learn": sklearn_version,
            "trained_at": dt.date.today().isoformat(),
        }
        event_type_of = {e.sub_event_type: e.event_type for e in examples}
        return cls([str(c) for c in model.classes_], event_type_of, vocabulary, idf,
                   np.asarray(model.coef_, dtype=np.float32), np.asarray(model.intercept_, dtype=np.float32), card)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MODEL_FILE).write_text(json.dumps(
            {"labels": self.labels, "event_type_of": self.event_type_of, "vocabulary": self.vocabulary,
             "card": self.card}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        np.savez_compressed(folder / WEIGHTS_FILE, idf=self.idf.astype(np.float32), coef=self.coef,
                            intercept=self.intercept)

    @classmethod
    def load(cls, folder: Path) -> SentenceClassifier:
        try:
            meta = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
            with np.load(folder / WEIGHTS_FILE) as weights:
                idf, coef, intercept = weights["idf"], weights["coef"], weights["intercept"]
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"relevance model in {folder} cannot be read ({exc}): retrain it with "
                                 "`conflictlens train --relevance` or set relevance_model = \"none\"") from exc
        return cls(meta["labels"], meta["event_type_of"], meta["vocabulary"], idf.astype(np.float64),
                   coef.astype(np.float64), intercept.astype(np.float64), meta.get("card", {}))


def load_relevance_model(setting: str) -> SentenceClassifier | None:
    """The ``relevance_model`` setting: "default" (the packaged model), "none", or a model folder."""
    if setting.lower() == "none":
        return None
    return SentenceClassifier.load(default_model_dir() if setting.lower() == "default" else Path(setting))


class Relevance:
    """Keeps the drafts whose sentence reports a conflict event, by the classifier and the draft's arguments."""

    name = "relevance"
    requires = ("drafts.type", "drafts.sides", "drafts.fatalities", "sentences")
    adds = ("sentence_relevance", "drafts.relevant")

    def __init__(self, classifier: SentenceClassifier, actors: ActorDictionary, knowledge: Knowledge, *,
                 threshold: float, floor: float) -> None:
        self.classifier = classifier
        self.actors = actors
        self.threshold = threshold
        self.floor = floor
        # Crowds count too: those that riot ("students", "supporters") and unarmed ones that fight or destroy.
        self.cues = {w.lower() for key in ("conflict_cues", "riot_participants", "unarmed_crowds")
                     for w in knowledge.conventions[key]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        drafts = annotated.drafts or []
        indexes = sorted({d.sentence_index for d in drafts})
        sentences = annotated.sentences or []
        likelihood = dict(zip(indexes, self.classifier.event_probability([sentences[i].text for i in indexes]),
                              strict=True))
        annotated.sentence_relevance = likelihood
        annotated.drafts = [d for d in drafts if likelihood[d.sentence_index] >= self.threshold
                            or (likelihood[d.sentence_index] >= self.floor and self._conflict_sense(d))]

    def _conflict_sense(self, draft: EventDraft) -> bool:
        """The trigger's arguments say conflict: a named armed or state actor, a weapon, armed men or forces, a crowd."""
        named = [a for a in [*draft.side_one, *draft.side_two] if a.inter in ARMED_INTERS and not self.actors.is_vague(a)]
        words = {t.lemma_.lower() for t in draft.sentence} | {t.lower_ for t in draft.sentence}
        return bool(named) or bool(words & self.cues)
