"""The pipeline: one document in, coded events out. ``load_pipeline`` is the public entry point.

This module only sequences. A document's language is detected and picks that language's coder (its
dictionaries and spaCy model); the coder is an ordered list of stages, each adding its layer to one
``AnnotatedDocument`` (see ``annotated.py``). The order, and why:

1. ``parse``: sentences, tokens, parse, actor mentions (entities.py)
2. ``places``: toponyms, the document's country and focus place (places.py)
3. ``actors``: mentions resolved in the document's context (actors.py)
4. ``attribution``: who says what each sentence reports (attribution.py)
5. ``detection``: lexicon triggers, one event draft each (detection.py)
6. ``event places``: each draft's place (places.py), which its actors need: unnamed forces are that
   country's
7. ``roles``: each draft's sides as actors (roles.py)
8. ``dates`` and 9. ``fatalities``: every sentence's dates and toll, and each draft's (dates.py,
   fatalities.py); typing reads the toll
10. ``typing``: ACLED type and sub-type from sides, targets and toll (event_types.py)
10b. ``relevance``: drafts whose sentence reports no conflict event are dropped (relevance.py; English)
11. ``implied actors``: ACLED's actors where the text names none, by type (roles.py)
12. ``claims``: each draft's source, status, claims and confidence (attribution.py)
13. ``coreference``: the events the report tells, one per place (merge.py)
14. ``claim links``: denials and doubts about earlier sentences (attribution.py)
15. ``merge``: one event per type, place and day (merge.py)
16. ``second opinion``: the sub-type classifier, when loaded (classifier.py)
17. ``records``: notes and content-hash ids (merge.py)
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from conflictlens.coding.actors import ActorDictionary, Actors
from conflictlens.coding.annotated import AnnotatedDocument, Stage
from conflictlens.coding.attribution import Attribution, Attributor, ClaimLinks, Claims
from conflictlens.coding.classifier import SentenceClassifier, SubtypeSecondOpinion, load_sentence_classifier
from conflictlens.coding.dates import DatePatterns, Dates
from conflictlens.coding.detection import EventDetection, EventDetector
from conflictlens.coding.entities import Parse, load_nlp
from conflictlens.coding.event_types import EventTyping
from conflictlens.coding.fatalities import Fatalities, FatalityCounter
from conflictlens.coding.gazetteer import Gazetteer
from conflictlens.coding.grammar import Grammar
from conflictlens.coding.interactions import Interaction, interactions
from conflictlens.coding.language import detect_language
from conflictlens.coding.merge import Coreference, Merge, Records, told_more_exactly
from conflictlens.coding.places import EventPlaces, PlaceResolver, Places
from conflictlens.coding.relevance import Relevance
from conflictlens.coding.roles import ImpliedActors, Roles
from conflictlens.coding.scope import Scope
from conflictlens.config import Settings
from conflictlens.errors import ConfigError, DocumentTimeout
from conflictlens.knowledge import BASE_LANGUAGE, Knowledge, available_languages
from conflictlens.model import Document, Place, ProcessedDocument, Span


def coding_stages(settings: Settings, knowledge: Knowledge, nlp: Language, actors: ActorDictionary,
                  places: PlaceResolver, grammar: Grammar, classifier: SentenceClassifier | None,
                  relevance: SentenceClassifier | None = None) -> list[Stage]:
    """The coder's stages for one language, in the order they run."""
    attributor = Attributor(knowledge.attribution, grammar)
    stages: list[Stage] = [
        Parse(nlp, actors, max_chars=settings.max_coded_chars),
        Places(places, knowledge, focus_countries=settings.focus_countries),
        Actors(actors),
        Attribution(attributor),
        EventDetection(EventDetector(nlp, knowledge.lexicon, knowledge.conventions, grammar)),
        EventPlaces(places, knowledge, grammar),
        Roles(actors, places, grammar, knowledge),
        Dates(DatePatterns(knowledge.dates), attributor),
        Fatalities(FatalityCounter(knowledge.conventions), knowledge.conventions),
        EventTyping(actors, knowledge),
        Scope(knowledge),
        *([Relevance(relevance, actors, knowledge, grammar=grammar, threshold=settings.relevance_threshold,
                     floor=settings.relevance_floor)] if relevance is not None else []),
        ImpliedActors(actors, knowledge),
        Claims(),
        Coreference(actors, places, grammar, knowledge),
        ClaimLinks(grammar, knowledge),
        Merge(actors, knowledge, grammar),
    ]
    if classifier is not None:
        stages.append(SubtypeSecondOpinion(classifier, ratio=settings.classifier_ratio,
                                           own_words=knowledge.conventions["remote_means"]
                                           | knowledge.conventions.get("sub_type_words", {}),
                                           exact_sub_types=set().union(*told_more_exactly(knowledge).values()),
                                           actor1_kinds=knowledge.conventions["sub_types_by_actor1"],
                                           other_time_marks=knowledge.conventions["other_time_marks"]))
    stages.append(Records())
    check_order(stages)
    return stages


def check_order(stages: list[Stage]) -> None:
    """Every stage's required layers are added by a stage before it."""
    added: set[str] = set()
    for stage in stages:
        missing = [layer for layer in stage.requires if layer not in added]
        if missing:
            raise ConfigError(f"stage {stage.name!r} needs {', '.join(missing)}, which no stage before it adds: "
                              "reorder the stages")
        added.update(stage.adds)


class Pipeline:
    """Holds the loaded models and dictionaries of one language; ``process`` is safe to call many times.
    A document in another language goes to that language's pipeline, loaded on first use."""

    def __init__(self, settings: Settings, knowledge: Knowledge, nlp: Language, actors: ActorDictionary,
                 gazetteer: Gazetteer, classifier: SentenceClassifier | None = None,
                 relevance: SentenceClassifier | None = None) -> None:
        self.settings = settings
        self.knowledge = knowledge
        self.language = knowledge.language
        self.languages = {lang for lang in available_languages(settings.dictionaries)
                          if lang == BASE_LANGUAGE or lang in settings.language_models}
        self._other_languages: dict[str, Pipeline] = {}
        self.nlp = nlp
        self.actors = actors
        self.gazetteer = gazetteer
        self.places = PlaceResolver(knowledge, gazetteer)
        self.grammar = Grammar.from_knowledge(knowledge)
        self.reporting_verbs = frozenset(str(w).lower() for w in knowledge.attribution["reporting_verbs"])
        self.stages = coding_stages(settings, knowledge, nlp, actors, self.places, self.grammar, classifier, relevance)
        self.parse = next(stage for stage in self.stages if isinstance(stage, Parse))

    def process_text(self, text: str, **metadata: object) -> ProcessedDocument:
        return self.process(Document(text=text, **metadata))  # type: ignore[arg-type]

    def process(self, document: Document) -> ProcessedDocument:
        result = self.process_many([document])[0]
        if isinstance(result, Exception):
            raise result
        return result

    def process_each(self, documents: Iterable[Document]) -> Iterator[ProcessedDocument]:
        """Code documents in order, a group of ``parse_batch_size`` at a time; the first error is raised (for
        evaluations, where a failing document is a bug to see)."""
        items = iter(documents)
        while group := list(itertools.islice(items, self.settings.parse_batch_size)):
            for result in self.process_many(group):
                if isinstance(result, Exception):
                    raise result
                yield result

    def process_many(self, documents: Sequence[Document]) -> list[ProcessedDocument | Exception]:
        """Code many documents, each language's texts parsed together (spaCy batches the model's work, the slow
        part). Each result stands in its document's place; a document that fails gives its error there and the
        others go on."""
        annotated = [AnnotatedDocument(d) for d in documents]
        routes: list[Pipeline | Exception | None] = []
        for document in documents:
            try:
                routes.append(self._pipeline_for(document))
            except Exception as exc:  # one document's error is its result; the others go on
                routes.append(exc)
        for pipeline in {id(r): r for r in routes if isinstance(r, Pipeline)}.values():
            members = [a for a, r in zip(annotated, routes, strict=True) if r is pipeline]
            try:
                pipeline.parse.parse_many(members, batch_size=self.settings.parse_batch_size)
            except Exception:  # each is then parsed alone by its stage, so only the bad one fails
                for one in members:
                    one.doc = None
        results: list[ProcessedDocument | Exception] = []
        for one, route in zip(annotated, routes, strict=True):
            if isinstance(route, Exception):
                results.append(route)
            elif route is None:
                one.document.warnings.append(
                    f"no event pipeline for language {one.document.language!r} "
                    f"(have {', '.join(sorted(self.languages))}); document stored without events")
                results.append(ProcessedDocument(one.document, []))
            else:
                try:
                    route.run(one)
                    results.append(ProcessedDocument(one.document, one.events or [], one.mentions()))
                except Exception as exc:  # a coding error on one document must not lose the rest
                    results.append(exc)
        return results

    def run(self, annotated: AnnotatedDocument, *, through: str | None = None) -> AnnotatedDocument:
        """Run this language's stages on a document, all of them or up to and including the stage ``through``."""
        deadline = time.monotonic() + self.settings.max_document_seconds
        for stage in self.stages:
            stage(annotated)
            if stage.name == through:
                break
            if time.monotonic() > deadline:
                raise DocumentTimeout(
                    f"coding took over {self.settings.max_document_seconds:g} s (stopped after the {stage.name} stage): "
                    "split the document or raise max_document_seconds")
        return annotated

    def _pipeline_for(self, document: Document) -> Pipeline | None:
        """The pipeline of a document's language (detected if not given): this one, another, or None if none."""
        if document.language is None:
            detect_language(document, default=self.settings.default_language, known=self.languages)
        if document.language == self.language:
            return self
        return self.for_language(document.language) if document.language in self.languages else None

    def for_language(self, language: str) -> Pipeline:
        """This language's pipeline, sharing the gazetteer; loaded once, on first use."""
        if language == self.language:
            return self
        if language not in self._other_languages:
            knowledge = Knowledge.load(self.settings.dictionaries, language=language)
            actors = ActorDictionary.from_knowledge(knowledge)
            nlp = load_nlp(self.settings.language_models[language], actors, max_chars=self.settings.max_document_bytes,
                           scheme=Grammar.from_knowledge(knowledge).scheme, conventions=knowledge.conventions)
            # The packaged classifiers read English; the lexicon and the rules alone code other languages.
            self._other_languages[language] = Pipeline(self.settings, knowledge, nlp, actors, self.gazetteer)
        return self._other_languages[language]

    def geoparse(self, text: str, *, demonyms: bool = False) -> list[tuple[Span, Place]]:
        """Every place a text names, with its place: the geoparsing stage on its own.

        Besides the toponyms events are placed at, it gives streets (with no coordinates: the gazetteer holds
        towns); with ``demonyms``, also peoples' names ("Malian", "Palestinians") as references to their
        country, as some geoparsing guidelines (LGL's) count them."""
        annotated = self.run(AnnotatedDocument(Document(text=text), skip_dateline=False), through="places")
        assert annotated.doc is not None and annotated.toponyms is not None
        references = annotated.toponyms + self.places.street_names(annotated.doc)
        if demonyms:
            references += self.places.demonym_references(annotated.doc, references)
        references.sort(key=lambda t: t.start)
        return [(Span(t.start, t.end), place) for t in references for place in [self.places.to_place(t)] if place]

    def interactions(self, text: str) -> list[Interaction]:
        """Who did what to whom in each sentence of a text, whatever the action: the role reader on its own, with
        the actors and places the other stages find counted as names. Empty for a language without a pipeline."""
        document = Document(text=text)
        pipeline = self._pipeline_for(document)
        if pipeline is not self:
            return pipeline.interactions(text) if pipeline is not None else []
        annotated = self.run(AnnotatedDocument(document, skip_dateline=False), through="places")
        assert annotated.doc is not None and annotated.mention_tokens is not None
        names = frozenset(annotated.mention_tokens) | {
            i for t in annotated.toponyms or [] for i in range(t.token_start, t.token_end)}
        return interactions(annotated.doc, self.grammar, self.reporting_verbs, names=names)


def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """Load dictionaries, the spaCy model and the gazetteer (building it on first use)."""
    settings = settings or Settings.load()
    knowledge = Knowledge.load(settings.dictionaries)
    actors = ActorDictionary.from_knowledge(knowledge)
    nlp = load_nlp(settings.spacy_model, actors, max_chars=settings.max_document_bytes, conventions=knowledge.conventions)
    gazetteer = Gazetteer.open(settings.gazetteer)
    return Pipeline(settings, knowledge, nlp, actors, gazetteer, load_sentence_classifier(settings.event_classifier),
                    load_sentence_classifier(settings.relevance_model))
