"""The sentence classifier: "No event" or one of ACLED's sub-event types, from a sentence's words.

One model serves two stages. The relevance stage asks it how likely a trigger's sentence reports an event at
all (1 - P(No event)); the second opinion asks it, between sibling sub-types, which one the sentence tells.

``train`` reads labelled sentences (CSV or JSONL with ``text``, ``event_type``, ``sub_event_type``) and fits
scikit-learn's multinomial logistic regression on TF-IDF words and word pairs. The model is saved as plain
numbers (``weights.npz``: idf, coefficients, intercepts) and a ``model.json`` with labels, vocabulary and a
data card (sources, counts, cross-validated scores, versions), so loading and reading need numpy only: no
pickle, no scikit-learn, no torch. A sentence is read in microseconds, and ``explain`` names the words that
decided it.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.grammar import in_another_times_clause
from conflictlens.errors import ConflictLensError, ModelLoadError
from conflictlens.model import Actor, Event

NO_EVENT = "No event"
MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
REQUIRED = ("text", "event_type", "sub_event_type")
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def default_model_dir() -> Path:
    return Path(str(files("conflictlens") / "data" / "models" / "sentence_classifier"))


def words(text: str) -> list[str]:
    """A sentence's words, lower-cased, numbers as 0."""
    return ["0" if w.isdigit() else w for w in WORD.findall(text.lower())]


def features(text: str) -> list[str]:
    """Words (numbers as 0) and word pairs of a sentence, lower-cased."""
    single = words(text)
    return single + [f"{a} {b}" for a, b in itertools.pairwise(single)]


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
        # A model trained on events alone (a user's own coded notes) gives sub-types but cannot judge relevance.
        self.no_event = labels.index(NO_EVENT) if NO_EVENT in labels else None

    def weighted_terms(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """A sentence's known terms (vocabulary indexes) and their sublinear TF-IDF weights, L2-normalised."""
        counts = Counter(i for i in (self.index.get(term) for term in features(text)) if i is not None)
        terms = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weights = np.array([(1 + math.log(n)) * float(self.idf[i]) for i, n in counts.items()], dtype=np.float64)
        norm = float(np.linalg.norm(weights)) or 1.0
        return terms, weights / norm

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        scores = np.tile(self.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            terms, weights = self.weighted_terms(text)
            scores[row] += self.coef[:, terms] @ weights
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]

    def event_probability(self, texts: Sequence[str]) -> list[float]:
        if self.no_event is None:
            return [1.0] * len(texts)
        return [float(1 - p[self.no_event]) for p in self.probabilities(texts)]

    def sub_type_probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Each sentence's probability of every sub-type (the "No event" share left out)."""
        return [{label: float(p) for label, p in zip(self.labels, row, strict=True) if label != NO_EVENT}
                for row in self.probabilities(texts)]

    def explain(self, text: str, *, top: int = 5) -> list[tuple[str, float]]:
        """The words and pairs that pushed a sentence most towards an event (positive) or away (negative)."""
        if self.no_event is None:
            return []
        terms, weights = self.weighted_terms(text)
        event_rows = [i for i in range(len(self.labels)) if i != self.no_event]
        push = weights * (self.coef[event_rows][:, terms].max(axis=0) - self.coef[self.no_event, terms])
        order = np.argsort(-np.abs(push))[:top]
        return [(self.vocabulary[terms[i]], round(float(push[i]), 3)) for i in order if push[i] != 0]

    @classmethod
    def train(cls, examples: Sequence[LabelledSentence], *, sources: Sequence[str] = (), regularisation: float = 8.0,
              min_count: int = 2, seed: int = 13) -> SentenceClassifier:
        try:
            from scipy.sparse import csr_matrix
            from sklearn import __version__ as sklearn_version
            from sklearn.linear_model import LogisticRegression
            from sklearn.model_selection import StratifiedKFold, cross_val_predict
        except ImportError as exc:
            raise ConflictLensError(f"training needs scikit-learn ({exc}): pip install 'conflictlens[train]'") from exc

        document_frequency = Counter(term for e in examples for term in set(features(e.text)))
        vocabulary = sorted(term for term, n in document_frequency.items() if n >= min_count)
        total = len(examples)
        idf = np.array([math.log((1 + total) / (1 + document_frequency[t])) + 1 for t in vocabulary])
        targets = np.array([e.sub_event_type for e in examples])
        labels = sorted(set(targets.tolist()))
        untrained = cls(labels, {}, vocabulary, idf, np.zeros((len(labels), len(vocabulary))),
                        np.zeros(len(labels)), {})
        rows = [untrained.weighted_terms(e.text) for e in examples]
        vectors = csr_matrix((np.concatenate([w for _, w in rows]),
                              (np.repeat(np.arange(len(rows)), [len(t) for t, _ in rows]),
                               np.concatenate([t for t, _ in rows]))), shape=(len(rows), len(vocabulary)))
        model = LogisticRegression(C=regularisation, max_iter=3000, random_state=seed)
        folds = max(2, min(5, min(Counter(targets.tolist()).values())))
        predicted = cross_val_predict(model, vectors, targets,
                                      cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed))
        model.fit(vectors, targets)
        is_event, said_event = targets != NO_EVENT, predicted != NO_EVENT
        both = int((is_event & said_event).sum())
        scores = {"label_accuracy": round(float((predicted == targets).mean()), 3)}
        if not is_event.all():
            scores |= {"event_precision": round(both / max(1, int(said_event.sum())), 3),
                       "event_recall": round(both / max(1, int(is_event.sum())), 3)}
        card = {
            "model": "TF-IDF words and word pairs + multinomial logistic regression (scikit-learn), weights as numbers",
            "trained_on": list(sources) or ["in-memory examples"],
            "examples": total,
            "examples_per_label": dict(sorted(Counter(targets.tolist()).items())),
            "vocabulary": len(vocabulary),
            "cross_validation_folds": folds,
            "cross_validated": scores,
            "regularisation_C": regularisation,
            "seed": seed,
            "scikit_learn": sklearn_version,
            "trained_at": dt.date.today().isoformat(),
        }
        event_type_of = {e.sub_event_type: e.event_type for e in examples}
        coef, intercept = model.coef_, model.intercept_
        if len(model.classes_) == 2:  # scikit-learn keeps one row for two classes; make it a two-row softmax
            coef, intercept = np.vstack([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        return cls([str(c) for c in model.classes_], event_type_of, vocabulary, idf,
                   np.asarray(coef, dtype=np.float32), np.asarray(intercept, dtype=np.float32), card)

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
            raise ModelLoadError(f"sentence classifier in {folder} cannot be read ({exc}): retrain it with "
                                 "`conflictlens train`, or set event_classifier / relevance_model = \"none\"") from exc
        return cls(meta["labels"], meta["event_type_of"], meta["vocabulary"], idf.astype(np.float64),
                   coef.astype(np.float64), intercept.astype(np.float64), meta.get("card", {}))


def refine_sub_types(events: Sequence[Event], sentences: Sequence[str], classifier: SentenceClassifier, *,
                     ratio: float, unnamed: Sequence[set[str]] | None = None) -> None:
    """Within each event's type, take the classifier's sub-type where it is ``ratio`` times likelier than the rules'.

    The event type stays the rules' (their actor and target logic decides it); the classifier only
    arbitrates between sibling sub-types, such as an armed clash against a territorial change. ``unnamed`` holds,
    per event, the sub-types it may not move to.
    """
    barred = unnamed if unnamed is not None else [set() for _ in events]
    for event, probabilities, never in zip(events, classifier.sub_type_probabilities(sentences), barred, strict=True):
        siblings = {label: p for label, p in probabilities.items()
                    if classifier.event_type_of.get(label) == event.event_type and label not in never}
        if not siblings or event.sub_event_type not in probabilities:
            continue
        best = max(siblings, key=siblings.__getitem__)
        if best != event.sub_event_type and siblings[best] > ratio * probabilities[event.sub_event_type]:
            event.sub_event_type = best


class SubtypeSecondOpinion:
    """The classifier's say between sibling sub-types, read on each event's first claim's sentence. It runs after
    the merge, which groups mentions by the rules' labels. A sub-type the sentence names itself, by its weapon ("killed
    in the blast" is an explosive) or its act ("detained villagers"), is the text's own word, which no classifier
    overrules; and a sub-type known by such words is one the classifier gives only to a sentence that says one ("the
    workers went on strike" is no arrest), as is a sub-type only one kind of actor does (`sub_types_by_actor1`)
    given only to an event of that kind of actor."""

    name = "second opinion"
    requires = ("events.merged",)
    adds = ("events.sub_type_reviewed",)

    def __init__(self, classifier: SentenceClassifier, *, ratio: float,
                 own_words: dict[str, list[str]] | None = None, exact_sub_types: Iterable[str] = (),
                 actor1_kinds: dict[str, list[int]] | None = None, other_time_marks: Iterable[str] = ()) -> None:
        self.classifier = classifier
        self.other_time_marks = {w.lower() for w in other_time_marks}
        self.actor1_kinds = {sub_type: set(inters) for sub_type, inters in (actor1_kinds or {}).items()}
        self.ratio = ratio
        self.exact_sub_types = set(exact_sub_types)
        self.own_words = {sub_type: {w.lower() for w in words} for sub_type, words in (own_words or {}).items()}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        text = annotated.document.text
        reviewed = [(e, self._told(e, annotated)) for e in annotated.events or []]
        # A sub-type that tells an act more exactly than its sibling is the text's word in any sentence of the event:
        # "a car bomb attack", then "a suicide terrorist blew himself up" is a suicide bombing.
        reviewed = [(e, sentence) for e, sentence in reviewed if not any(
            self._named_in(e.sub_event_type, told) for told in [sentence, *(
                text[s.start : s.end] for s in e.evidence if e.sub_event_type in self.exact_sub_types)])]
        if reviewed:
            refine_sub_types([e for e, _ in reviewed], [sentence for _, sentence in reviewed], self.classifier,
                             ratio=self.ratio, unnamed=[self._unnamed_in(sentence) | self._not_done_by(e.actor1)
                                                        for e, sentence in reviewed])

    def _told(self, event: Event, annotated: AnnotatedDocument) -> str:
        """The sentence the event's first claim tells it in, without the clauses that date another act against it
        ("19 were killed near the capital hours after a suspected chemical gas attack left dozens dead": that act's
        means are not this one's)."""
        if not event.claims:
            return annotated.document.text
        claim = event.claims[0]
        index = annotated.sentence_index_at(claim.span.start)
        if index is None or annotated.sentences is None:
            return claim.evidence
        return "".join(t.text_with_ws for t in annotated.sentences[index]
                       if not in_another_times_clause(t, self.other_time_marks, measured=True))

    def _named_in(self, sub_type: str, sentence: str) -> bool:
        return _says(self.own_words.get(sub_type, set()), _said(sentence))

    def _not_done_by(self, actor1: Actor | None) -> set[str]:
        """The sub-types only another kind of actor does: a rebel group that retakes a town overtakes it, as only a
        state regains territory, whatever its words; an event with no known actor1 takes neither ("The death toll from
        terrorist attacks on Aleppo rose to 12" is no overtaking)."""
        if actor1 is None:
            return set(self.actor1_kinds)
        return {sub_type for sub_type, inters in self.actor1_kinds.items() if actor1.inter not in inters}

    def _unnamed_in(self, sentence: str) -> set[str]:
        said = _said(sentence)
        return {sub_type for sub_type, words in self.own_words.items() if not _says(words, said)}


def _said(sentence: str) -> tuple[set[str], str]:
    """A sentence's words, and its words joined by single spaces (where a phrase can be found)."""
    words = re.findall(r"[\w-]+", sentence.lower())
    return set(words), f" {' '.join(words)} "


def _says(words: set[str], said: tuple[set[str], str]) -> bool:
    """Whether a sentence (its ``_said`` words) says one of ``words``, a phrase ("toxic gas") when its words stand
    together."""
    single, joined = said
    return not words.isdisjoint(single) or any(" " in w and f" {w} " in joined for w in words)


@lru_cache(maxsize=4)
def _load(folder: Path) -> SentenceClassifier:
    return SentenceClassifier.load(folder)


def load_sentence_classifier(setting: str) -> SentenceClassifier | None:
    """The ``event_classifier`` or ``relevance_model`` setting: "default" (the packaged model), "none", or a model
    folder. Both settings naming one model share one loaded copy."""
    if setting.lower() == "none":
        return None
    return _load((default_model_dir() if setting.lower() == "default" else Path(setting)).resolve())
