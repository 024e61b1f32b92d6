"""Stage: who did what to whom in a sentence, for any action, the PLOVER reading of a sentence.

The event stage codes only what ACLED's lexicon names (attacks, protests, agreements ...). This stage
reads every sentence's main action from the dependency parse, whatever it is (a visit, a demand, a
threat), with the noun phrases of its source and its target, so that actors are assigned their roles
where no event lexicon and no actor dictionary applies.

The action is the sentence's main verb, or the clause a reporting verb introduces ("..., the newspaper
said" reports the clause before it), unless that clause tells another what it must do ("X said Y must
withdraw": X demands it of Y). Its source is its subject (or the "by" agent of a passive), and a pronoun
subject stands for the nearest subject above it ("X was quoted as saying he would host ...": X). Its
target is the first phrase that names someone (see ``names_actor``: a dictionary actor or gazetteer
place the other stages found, a named entity, a proper noun, a nationality's people, someone's) among,
in this order: the subject of a passive, the indirect object, the recipient of "to", the direct object,
the parties of the direct object ("hosted a meeting between X and Y", "demanded the withdrawal of X"),
the other prepositional objects but places, the subjects and objects of the clauses that carry the
action on ("offered to hand over to Britain", "demanded that the US cancel"), the places ("arrived in
Amman"), and last the purpose clauses ("a sit-in to protest against X"); failing all, its direct object.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from conflictlens.coding.grammar import Grammar, preposition_of
from conflictlens.model import Span

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Clauses hanging from a phrase are not part of the phrase ("the rebels who attacked" is "the rebels").
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
# A verb without a subject of its own shares the subject of the verb it hangs from by these links.
INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep"})
# Links from an action to the clause that carries on its meaning ("ready to host", "as saying he would").
COMPLEMENT_DEPS = ("xcomp", "acomp", "ccomp", "pcomp", "prep")
# Clauses saying why or how the action was done: the last place to look for whom it concerned.
PURPOSE_DEPS = ("advcl",)
OBJECT_DEPS = ("dobj", "attr", "oprd")
# Parts of a name that make a phrase name someone ("U.N. mediator", "Lebanon's president").
NAME_PART_DEPS = frozenset({"compound", "poss", "nmod"})
# Named-entity labels that cannot be an actor.
NON_ACTOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "EVENT",
                                "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
# Entity labels of an adjective that makes its noun someone's ("Israeli soldiers", "Iraqi towns").
NATIONALITY_ENTITIES = frozenset({"NORP", "GPE"})
MAX_DEPTH = 6


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """The noun phrase filling a role: its text, its character span, and its head word."""

    text: str
    span: Span
    head: str


@dataclass(frozen=True, slots=True)
class Interaction:
    """One sentence's main action with its source (who did it) and target (to whom), where the text has them."""

    action: str
    action_span: Span
    source: RolePhrase | None
    target: RolePhrase | None
    sentence_index: int


def interactions(doc: Doc, grammar: Grammar, reporting_verbs: frozenset[str], *,
                 names: frozenset[int] = frozenset()) -> list[Interaction]:
    """The main action of each sentence of a parsed document, with its source and target phrases; ``names``
    are the indices of tokens the other stages know as names (dictionary actors, gazetteer places)."""
    found = []
    for index, sentence in enumerate(doc.sents):
        action = main_action(sentence, grammar, reporting_verbs)
        if action is None:
            continue
        source = source_head(action, grammar)
        target = target_head(action, grammar, names=names, exclude=source)
        found.append(Interaction(action.text, Span(action.idx, action.idx + len(action.text)),
                                 role_phrase(source) if source is not None else None,
                                 role_phrase(target) if target is not None else None, index))
    return found


def main_action(sentence: SpacySpan, grammar: Grammar, reporting_verbs: frozenset[str]) -> Token | None:
    """The verb whose action a sentence reports: past reporting verbs to the clause they report, unless that
    clause says what someone else must do (then the speaker's words are the action)."""
    action = sentence.root
    if action.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return None
    for _ in range(MAX_DEPTH):
        if action.lemma_.lower() not in reporting_verbs and action.lower_ not in reporting_verbs:
            break
        reported = _reported_clause(action, reporting_verbs)
        if reported is None or _obliges_another(reported, grammar):
            break
        action = reported
    return action


def _reported_clause(verb: Token, reporting_verbs: frozenset[str]) -> Token | None:
    """The verb of what a reporting verb reports: its clause complement, or "as saying" / "to say" onwards."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return child
    for child in verb.children:
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.pos_ == "VERB":
                    return grandchild
        if child.dep_ == "advcl" and child.lemma_.lower() in reporting_verbs:
            return child
    return None


def _obliges_another(clause: Token, grammar: Grammar) -> bool:
    """ "(that) Libya must hand over": an obligation laid on a named subject, not a pronoun for the speaker."""
    modal = any(c.dep_ == "aux" and c.lower_ in grammar.obligation_modals for c in clause.children)
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return modal and bool(subjects) and subjects[0].pos_ != "PRON"


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_candidates(verb: Token) -> Iterator[Token]:
    """Heads of the phrases that may be the verb's doer, most likely first: a passive's "by" agent, its
    subjects, then (for a verb without a subject: "offered to hand over") those of the verbs it hangs from."""
    current = verb
    for _ in range(MAX_DEPTH):
        if _passive(current):
            yield from (g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
            if current is verb:
                return  # the subject of a passive suffers the action
        yield from (c for c in current.children if c.dep_ in SUBJECT_DEPS)
        if current.dep_ not in INHERIT_SUBJECT_DEPS or current.head is current:
            return
        current = current.head


def source_head(action: Token, grammar: Grammar) -> Token | None:
    """The head of the action's source phrase; a pronoun stands for the subject of the clause above it."""
    for candidate in subject_candidates(action):
        if candidate.pos_ != "PRON":
            return candidate
        if candidate.lower_ in grammar.relative_pronouns and candidate.head.dep_ == "relcl":
            return candidate.head.head
        above = _subject_above(candidate.head)
        return above if above is not None else candidate
    return None


def _subject_above(verb: Token) -> Token | None:
    """The nearest subject that is not a pronoun among the verbs a clause hangs from."""
    current = verb
    for _ in range(MAX_DEPTH):
        if current.head is current:
            return None
        current = current.head
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ != "PRON":
                return child
    return None


def object_candidates(verb: Token, grammar: Grammar) -> Iterator[Token]:
    """Heads of the phrases that may be the verb's target, most likely first (see the module's description)."""
    if _passive(verb):
        yield from (c for c in verb.children if c.dep_ == "nsubjpass")
    yield from _objects_below(verb, grammar, depth=0)


def _objects_below(verb: Token, grammar: Grammar, *, depth: int) -> Iterator[Token]:
    if depth > MAX_DEPTH:
        return
    linked = [(preposition.lower_, thing) for preposition, thing in prepositional_objects(verb)
              if preposition.lower_ not in grammar.agent_prepositions]
    objects = [c for dep in OBJECT_DEPS for c in verb.children if c.dep_ == dep]
    yield from (c for c in verb.children if c.dep_ == "dative")
    yield from (thing for word, thing in linked if word in grammar.recipient_prepositions)
    yield from objects
    for thing in objects:  # "hosted a meeting between X and Y", "demanded the withdrawal of X"
        parties = [(p.lower_, party) for p, party in prepositional_objects(thing)]
        yield from (party for word, party in parties if word not in grammar.of_prepositions)
        yield from (party for word, party in parties if word in grammar.of_prepositions)
    yield from (thing for word, thing in linked
                if word not in grammar.recipient_prepositions and word not in grammar.locative_prepositions)
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS:
            if child.dep_ == "ccomp":
                yield from (c for c in child.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON")
            yield from _objects_below(child, grammar, depth=depth + 1)
    yield from (thing for word, thing in linked if word in grammar.locative_prepositions)
    for child in verb.children:  # "staged a strike to protest against X", "demonstrated, calling for X"
        if child.dep_ in PURPOSE_DEPS:
            yield from _objects_below(child, grammar, depth=depth + 1)


def prepositional_objects(head: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs hanging from a word, in either parse scheme (see ``grammar``)."""
    for child in head.children:
        preposition = preposition_of(child)
        if preposition is None or child.dep_ == "agent":
            continue
        if preposition is child:
            yield from ((child, g) for g in child.children if g.dep_ == "pobj")
        else:
            yield preposition, child


def target_head(action: Token, grammar: Grammar, *, names: frozenset[int] = frozenset(),
                exclude: Token | None = None) -> Token | None:
    """The head of the action's target phrase: the first candidate naming an actor, else the direct object."""
    excluded = {t.i for t in phrase_tokens(exclude)} if exclude is not None else set()
    candidates = [c for c in object_candidates(action, grammar) if c.i not in excluded]
    for candidate in candidates:
        if names_actor(candidate, grammar, names):
            return candidate
    direct = [c for c in candidates if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
    return direct[0] if direct else None


def names_actor(head: Token, grammar: Grammar, names: frozenset[int] = frozenset()) -> bool:
    """Whether a phrase names someone: its head or a name part of it is a known name, a person, group or place
    entity, a proper noun or a dictionary actor ("troops"), a nationality qualifies it ("Palestinian
    detainees"), or it is someone's ("the president of Armenia"); "military aid" and "Saturday" name no one."""
    for token in [head, *(c for c in head.children if c.dep_ in NAME_PART_DEPS)]:
        if token.i in names:
            return True
        if token.ent_type_ in NON_ACTOR_ENTITIES:
            continue
        if token.ent_type_ or token.pos_ == "PROPN":
            return True
    if any(c.dep_ == "amod" and c.ent_type_ in NATIONALITY_ENTITIES for c in head.children):
        return True
    return any(p.lower_ in grammar.of_prepositions and names_actor(owner, grammar, names)
               for p, owner in prepositional_objects(head))


def phrase_tokens(head: Token, *, skip_prepositions: frozenset[str] = frozenset(),
                  punctuation: bool = False) -> list[Token]:
    """The noun phrase under ``head``, without the clauses hanging from it (nor the phrases of
    ``skip_prepositions``, nor, unless asked, its punctuation)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or (child.dep_ == "punct" and not punctuation):
            continue
        if child.dep_ == "prep" and child.lower_ in skip_prepositions:
            continue
        tokens += phrase_tokens(child, skip_prepositions=skip_prepositions, punctuation=punctuation)
    return sorted(tokens, key=lambda t: t.i)


def role_phrase(head: Token) -> RolePhrase:
    """A role's phrase: the unbroken run of words around the head made of its noun phrase ("Rebels in the Ivory
    Coast", "Syria and Palestinian leader Yasser Arafat"), without the clauses hanging from it."""
    members = {t.i for t in phrase_tokens(head, punctuation=True)}
    start = end = head.i
    while start - 1 in members:
        start -= 1
    while end + 1 in members:
        end += 1
    doc = head.doc
    first, last = doc[start], doc[end]
    return RolePhrase(doc.text[first.idx:last.idx + len(last.text)], Span(first.idx, last.idx + len(last.text)),
                      head.text)
