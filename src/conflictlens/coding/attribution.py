"""Stages ``attribution``, ``claims`` and ``claim links``: who says what, and how sure the report is of it.

``attribution`` reads, for every sentence, who says what it reports and how (asserted, claimed, alleged,
denied, unverified), and which outlets the report names. ``claims`` gives each event its source, status
and claims (an official of the perpetrator's side claims; a denial in the sentence denies) and the
coder's confidence. ``claim links`` answers earlier sentences: "The government denied the allegations"
denies the allegations just before it, and "The claim could not be verified" makes them unverified.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.grammar import Grammar, dateline_token_end, token_at, verb_above, without_clauses
from conflictlens.coding.places import AREA_NOUNS, PLACE_LABELS, SETTLEMENT_NOUNS
from conflictlens.knowledge import Knowledge, phrase_pattern
from conflictlens.model import (
    Claim,
    ClaimType,
    ContestedPart,
    Document,
    Event,
    Source,
    SourceKind,
    Span,
    TimePrecision,
)

# The dependents of a denial verb that hold what it denies.
DENIED_DEPENDENTS = {"ccomp", "xcomp", "dobj", "obj", "pcomp", "nsubjpass", "nsubj:pass", "prep", "obl", "obl:arg"}

# What a report may deny of the event it reports, without denying the event.
PARTIAL_DENIALS = {"victims", "toll", "responsibility"}

# Which status a merged event keeps when its mentions differ: the most doubtful, with the source that gives it.
STATUS_RANK = {"denied": 5, "alleged": 4, "unverified": 3, "claimed": 2, "corroborated": 1, "reported": 0}


@dataclass(slots=True)
class SentenceAttribution:
    """What one sentence says about the provenance of the events in it."""

    claimant: Source | None = None
    claim_type: ClaimType = "asserted"
    is_allegation: bool = False
    accuser: Source | None = None
    denier: Source | None = None
    denies_earlier: bool = False
    claimant_tokens: set[int] = field(default_factory=set)
    # What the sentence denies ("They denied that any soldier was killed"): its words, and which part they contest.
    denied_tokens: set[int] = field(default_factory=set)
    denial_scope: ContestedPart | None = None

    def denies(self, token: Token) -> bool:
        """Whether an event told by this word is what the sentence's claimant denies, not what it reports."""
        return token.i in self.denied_tokens


class Attributor:
    """Built once from ``data/attribution.yaml``; ``attribute`` reads one parsed sentence."""

    def __init__(self, cues: dict[str, Any], grammar: Grammar) -> None:
        self.grammar = grammar
        self.reporting = {w.lower() for w in cues["reporting_verbs"]}
        self.addressing_verbs = {w.lower() for w in cues["addressing_verbs"]}
        self.lives_taken = {w.lower() for w in cues["lives_taken"]}
        self.accusing = {w.lower() for w in cues["accusation_verbs"]}
        self.denying = {w.lower() for w in cues["denial_verbs"]}
        self.statement_verbs = self.reporting | self.accusing | self.denying
        self.denial_phrases = phrase_pattern(cues["denial_phrases"])
        self.unverified = phrase_pattern(cues["unverified_cues"])
        self.allegation = phrase_pattern(cues["allegation_cues"])
        self.alleged_identities = {w.lower() for w in cues["alleged_identities"]}
        self.harm_told_as_fact = {w.lower() for w in cues["harm_told_as_fact"]}
        self.hearsay = phrase_pattern(cues["hearsay_adverbs"])
        self.denied_objects = {w.lower() for w in cues["denied_objects"]}
        self.statement_nouns = {w.lower() for w in cues["statement_nouns"]}
        self.denial_scopes: list[tuple[ContestedPart, re.Pattern[str]]] = [
            (part, phrase_pattern(words)) for part, words in (cues.get("denial_scopes") or {}).items()]
        self.counter_claims = phrase_pattern(cues["counter_claims"])
        self.negative_determiners = {w.lower() for w in cues["negative_determiners"]}
        self.allegation_carriers = {w.lower() for w in cues["allegation_carriers"]}
        self.kinds: list[tuple[SourceKind, re.Pattern[str]]] = [
            (kind, phrase_pattern(words)) for kind, words in cues["source_kinds"].items()
        ]
        self.outlet_endings = set(cues["outlet_name_endings"])
        self.outlet_cues = phrase_pattern(cues["outlet_cues"])
        self.known_outlets = phrase_pattern(cues["known_outlets"])
        self._known_outlet_names = {o.lower(): o for o in cues["known_outlets"]}

    def is_statement_date(self, sent: SpacySpan, char: int, act_char: int | None = None) -> bool:
        """A date that dates a statement ("denied on Wednesday that ..."), not the event the statement is about; one
        told before the act (at ``act_char``) that the statement closes is the act's, however the parse hangs it ("On
        July 31 a tank assault killed 80 people rights groups said")."""
        token = token_at(sent, char)
        verb = verb_above(token) if token is not None else None
        if verb is None or verb.lemma_.lower() not in self.statement_verbs:
            return False
        return act_char is None or not char < act_char < verb.idx

    def source_kind(self, claimant_text: str, context: str = "") -> SourceKind:
        """Classify a claimant; an official statement is told by the words around it ("communique")."""
        official = dict(self.kinds).get("official_statement")
        if official is not None and official.search(context.lower()):
            return "official_statement"
        return self._kind_named(claimant_text.lower()) or "unnamed_reports"

    def attribute(self, sent: SpacySpan, name_of: dict[int, str]) -> SentenceAttribution:
        """``name_of`` maps token indices inside actor mentions to canonical actor names."""
        result = SentenceAttribution()
        lowered = sent.text.lower()
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma in self.reporting and token.pos_ in {"VERB", "AUX"}:
                if not any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in self.lives_taken for c in token.children):
                    self._reporting(token, sent, name_of, result)
            elif lemma in self.accusing and token.pos_ == "VERB" and self._alleged_doer(token):
                result.claim_type = "alleged"  # the act is the report's own fact; whose it was is alleged
            elif lemma in self.accusing and token.pos_ == "VERB" and not self._alleged_identity(token, name_of):
                subject = self._accuser(token)
                if subject is not None:
                    result.accuser = self._source(subject, sent, name_of)
                    result.claimant_tokens.update(t.i for t in subject.subtree)
                result.is_allegation = True
            elif (lemma in self.denying or token.lower_ in self.denying) and (
                    token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT"):  # the small French model: "dément"/ADV
                subject = self._subject(token)
                if subject is not None:
                    result.denier = self._source(subject, sent, name_of)
                    result.claimant_tokens.update(t.i for t in subject.subtree)
                else:
                    # A coordinated clause the parser attached elsewhere: the actor just before the verb.
                    named = [i for i in name_of if sent.start <= i < token.i]
                    if named:
                        name = name_of[max(named)]
                        result.denier = Source(name=name, kind=self.source_kind(name))
                objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
                if any(o.lemma_.lower() in self.denied_objects or o.lower_ in self.denied_objects for o in objects):
                    result.denies_earlier = True
                # What is denied: the verb's object or clause ("denied that ...", "denied accusations that ...",
                # "denied involvement in ..."), not a clause coordinated with it ("... and said it killed ten").
                denied = {t.i for c in token.children if c.dep_ in DENIED_DEPENDENTS for t in c.subtree}
                # A parse that left the verb without its object ("a démenti jeudi les informations", with "jeudi"
                # read as a verb): what follows it in the sentence is what it denies.
                result.denied_tokens.update(denied or range(token.i + 1, sent.end))
        # "an Ahrar al-Sham statement", "the army's communique": whose statement it is says, not does.
        result.claimant_tokens.update(w.i for t in sent if t.pos_ == "NOUN" and t.lower_ in self.statement_nouns
                                      for c in t.children if c.dep_ in {"compound", "poss"} for w in c.subtree)
        claimant_tokens = self.grammar.according_to_source(sent)
        if claimant_tokens and result.claimant is None:
            result.claimant = self._source_from_tokens(claimant_tokens, sent, name_of)
        result.claimant_tokens.update(t.i for t in claimant_tokens)
        negated = [t for t in sent if any(c.dep_ in {"det", "neg", "advmod"} and c.lower_ in self.negative_determiners
                                          for c in t.children) and t.pos_ == "NOUN"]
        if negated:
            # "No airstrike hit the city", "Aucune attaque n'a visé nos positions": the act is said not to have
            # happened, by whoever says the sentence (the outlet when no one else).
            result.denied_tokens.update(t.i for t in negated)
            if result.denier is None:
                result.denier = result.claimant or self._acting_subject(sent, name_of)
        if self.denial_phrases.search(lowered) or self.counter_claims.search(lowered):
            # "... calling them baseless", "those killed were terrorists": a denial without a denying verb. It answers
            # earlier sentences when someone says it; an actor that is merely the sentence's subject denies only here.
            said_by = result.denier or result.claimant
            result.denies_earlier = result.denies_earlier or said_by is not None
            result.denier = said_by or self._acting_subject(sent, name_of)
            if result.denier is not None and not result.denied_tokens:
                # "Reports of a massacre in Boni are baseless, the ministry said": the whole sentence is denied.
                result.denied_tokens = {t.i for t in sent}
        if result.denier is not None or result.denied_tokens:
            result.denial_scope = self.denial_scope(lowered)
        if self._alleges_the_act(sent, name_of):
            result.is_allegation = True
        if result.is_allegation or self._alleges_only_its_kind(sent):
            # An act alleged only in its kind or its doer is still the report's event, its status alleged.
            result.claim_type = "alleged"
        if result.is_allegation:
            if result.claimant is None and result.accuser is not None:
                result.claimant = result.accuser
            if result.claimant is None:
                result.claimant = self._carrier(sent, result.claimant_tokens)  # "images circulating online show ..."
        if self.unverified.search(lowered) and result.claim_type == "asserted":
            result.claim_type = "unverified"
        if self.hearsay.search(lowered):
            if result.claimant is None:
                result.claimant = Source(name="unnamed reports", kind="unnamed_reports")
            if result.claim_type == "asserted":
                result.claim_type = "unverified"
        if result.claimant is not None and result.claimant.kind == "unnamed_reports" and result.claim_type == "asserted":
            result.claim_type = "unverified"
        if result.denier is not None and (self._alleges_the_act(sent, name_of) or self.unverified.search(lowered)):
            result.claim_type = "denied"
            if result.accuser is None:
                result.accuser = self._carrier(sent, result.claimant_tokens)
        return result

    def _alleges_the_act(self, sent: SpacySpan, name_of: dict[int, str]) -> bool:
        """Whether an allegation word in the sentence makes what it reports an allegation; one that only describes
        the people the act befell ("Syrian regime forces killed 48 alleged rebels") alleges who they were."""
        return any(token is None or not (self._alleged_identity(token, name_of) or self._alleged_kind(token))
                   for token in self._allegation_words(sent))

    def _alleges_only_its_kind(self, sent: SpacySpan) -> bool:
        return any(token is not None and self._alleged_kind(token) for token in self._allegation_words(sent))

    def _allegation_words(self, sent: SpacySpan) -> list[Token | None]:
        """The word each allegation cue in the sentence starts at (None where no token starts there)."""
        return [token_at(sent, sent.start_char + match.start()) for match in self.allegation.finditer(sent.text.lower())]

    def _alleged_kind(self, word: Token) -> bool:
        """An allegation word that describes an act the report says harmed people: "an alleged chemical attack that
        killed at least 58", "were killed in an alleged airstrike". The dead are the report's own fact; what is
        alleged is what kind of act, or whose, it was (ACLED codes the event). So is an adverb that describes a noun
        or a phrase, not the telling: "killed at least 20 civilians on Sunday, the fifth day of an incursion
        allegedly against the Takfiri ISIL group"."""
        if word.dep_ == "advmod" and word.head.pos_ in {"NOUN", "ADP"}:
            return True
        if word.dep_ != "amod":
            return False
        act = word.head
        if any(c.dep_ == "relcl" and c.lemma_.lower() in self.harm_told_as_fact for c in act.children):
            return True
        above = act.head.head if act.dep_ == "pobj" else act.head
        return act.dep_ in {"nsubj", "pobj"} and above.lemma_.lower() in self.harm_told_as_fact

    def _alleged_doer(self, word: Token) -> bool:
        """"A car bombing blamed on Daesh killed at least 26 people": the participle of blame on an act the report
        says harmed people alleges only whose act it was; so does a clause of blame for the act named again ("...,
        the Observatory said, blaming the attack on forces loyal to Assad", "blaming IS for the blast")."""
        act = word.head
        if word.dep_ == "advcl" and word.tag_ == "VBG":
            return blames_the_act_told(word, self.grammar)
        return word.dep_ == "acl" and word.tag_ == "VBN" and act.dep_ == "nsubj" \
            and act.head.lemma_.lower() in self.harm_told_as_fact

    def _alleged_identity(self, word: Token, name_of: dict[int, str]) -> bool:
        """An allegation word that describes people: "48 alleged rebels", "an alleged member of IS"."""
        return word.dep_ == "amod" and (word.head.i in name_of or word.head.lower_ in self.alleged_identities)

    def _acting_subject(self, sent: SpacySpan, name_of: dict[int, str]) -> Source | None:
        """The known actor that is the main verb's subject ("Les Forces armées nationales mettent en garde contre les
        fausses informations"): who speaks when no reporting verb says so."""
        subject = self._subject(sent.root)
        if subject is None or subject.i not in name_of:
            return None
        return Source(name=name_of[subject.i], kind=self.source_kind(subject.text))

    def denial_scope(self, lowered: str) -> ContestedPart | None:
        """The part of an event a denial's words contest (the toll, who did it, its civilian victims), if they say."""
        return next((part for part, words in self.denial_scopes if words.search(lowered)), None)

    def _carrier(self, sent: SpacySpan, claimant_tokens: set[int]) -> Source | None:
        """What carries a denied allegation when no accuser is named: "video footage circulating online"."""
        for token in sent:
            if token.i not in claimant_tokens and token.pos_ == "NOUN" and (
                    token.lemma_.lower() in self.allegation_carriers or token.lower_ in self.allegation_carriers):
                head = token
                while head.dep_ == "compound" and head.head.i != head.i:
                    head = head.head
                # The noun with its modifiers and a participle saying where it is ("circulating online"),
                # without what it shows ("of gold miners bombed by ...").
                words = [t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]
                for clause in (c for c in head.rights if c.dep_ == "acl"):
                    words += [clause, *(c for c in clause.children if c.dep_ in {"advmod", "prt"})]
                return Source(name=_tidy(" ".join(t.text for t in sorted(words, key=lambda t: t.i))),
                              kind="unnamed_reports")
        return None

    def _reporting(self, verb: Token, sent: SpacySpan, name_of: dict[int, str], result: SentenceAttribution) -> None:
        subject = self._speaker_after_its_report(verb) or self._subject(verb) or _inverted_subject(verb)
        if subject is None or subject.lower_ in self.grammar.anonymous_subjects:
            return
        subject = _speaker_after_the_quotation(subject, verb)
        glued = self._speaker_glued_before(verb, subject)
        if glued:
            # "A barrage of rocket fire from Syrian rebels killed at least 14 people ... in Aleppo city state media
            # said": with the comma lost, the parse makes the act the speaker; the source is the words before the verb.
            result.claimant_tokens.update(t.i for t in glued)
            if result.claimant is None or verb.dep_ in {"ROOT", "parataxis"}:
                result.claimant = self._source_from_tokens(glued, sent, name_of)
            return
        # Not its clauses: "60 civilians trying to flee fighting in Deir al-Zor province ... said" (a parse of text
        # without commas) names no claimant in the province.
        result.claimant_tokens.update(t.i for t in without_clauses(subject))
        outer = result.claimant
        if outer is not None and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.reporting and (
                subject.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in subject.children)):
            # A statement quoted inside a statement: "the armed forces said that 'The General Staff informs...'"
            # comes from the office quoted, which speaks for the outer claimant.
            office = " ".join(t.text for t in sorted(without_clauses(subject), key=lambda t: t.i))
            result.claimant = Source(name=_tidy(re.sub(r"^the\s+", "", office, flags=re.IGNORECASE)), kind=outer.kind,
                                     affiliation=outer.affiliation or outer.name)
            return
        if result.claimant is None or verb.dep_ == "ROOT" or verb.dep_ == "parataxis":
            # The reporting clause without what is reported: "In its communique, X said (that ...)".
            reported = {t.i for c in verb.children if c.dep_ in {"ccomp", "xcomp", "advcl", "parataxis"}
                        for t in c.subtree}
            context = " ".join(t.text for t in verb.subtree if t.i not in reported)
            result.claimant = self._source(subject, sent, name_of, context=context)

    def _speaker_after_its_report(self, verb: Token) -> Token | None:
        """"... killed at least 10 civilians said the Syrian Observatory": with the comma lost, the parse makes the
        report's last noun the verb's subject and the speaker after it its object; a report told before the verb has
        no object of the verb after it but its speaker (or, for "told", whom it was told to)."""
        if verb.lemma_.lower() in self.addressing_verbs or verb.lower_ in self.addressing_verbs \
                or not any(c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i for c in verb.children):
            return None
        return next((c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "obj"}
                     and c.pos_ in {"NOUN", "PROPN"}), None)

    def _speaker_glued_before(self, verb: Token, subject: Token) -> list[Token]:
        """The words that name a source right before a reporting verb, deep inside a subject that names none ("A
        barrage of rocket fire ... in Aleppo city state media said": "state media")."""
        head_words = [*(c for c in subject.children if c.dep_ in {"compound", "amod"} and c.i < subject.i), subject]
        if verb.i == 0 or self._names_a_source(" ".join(t.lower_ for t in head_words)):
            return []
        last = verb.doc[verb.i - 1]
        if last.pos_ not in {"NOUN", "PROPN"} or last == subject or not subject.is_ancestor(last):
            return []
        # Glued to a clause inside the subject ("... rebels killed at least 14 people in ... state media"), not a
        # phrase of the subject's own ("the General Staff of the Armed Forces said").
        between = itertools.takewhile(lambda t: t != subject, last.ancestors)
        if not any(t.pos_ in {"VERB", "AUX"} for t in between):
            return []
        words = [last]
        while words[0].i > subject.i and verb.doc[words[0].i - 1].dep_ == "compound" \
                and verb.doc[words[0].i - 1].head == words[0]:
            words.insert(0, verb.doc[words[0].i - 1])
        # "Aleppo city state media": the source's words, not the place the compounds glued to them (the tagger may
        # read a city glued so as a people's name).
        while len(words) > 1 and (words[0].ent_type_ in PLACE_LABELS | {"NORP"}
                                  or words[0].lower_ in SETTLEMENT_NOUNS | AREA_NOUNS):
            words.pop(0)
        return words if self._names_a_source(" ".join(t.lower_ for t in words)) else []

    def _names_a_source(self, text: str) -> bool:
        return self._kind_named(text) is not None

    def _kind_named(self, text: str) -> SourceKind | None:
        """The first kind of source whose words ``text`` holds (lower case), if any."""
        return next((kind for kind, pattern in self.kinds if pattern.search(text)), None)

    def _accuser(self, verb: Token) -> Token | None:
        """Who accuses: the subject of an active verb, the agent of a passive one ("the attack, which was blamed on
        rebels": the attack is what is blamed, and no one is named blaming)."""
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            return self._subject(verb)
        return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)

    def _subject(self, verb: Token) -> Token | None:
        # "DAMASCUS, SANA - A military source denied": the parser gives the verb two subjects.
        dateline = dateline_token_end(verb.doc)
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i >= dateline:
                if child.lower_ in self.grammar.relative_pronouns and verb.dep_ == "relcl":
                    return verb.head  # "HRW, which accused ...": the relative pronoun stands for HRW
                return child
        return None

    def _source(self, head: Token, sent: SpacySpan, name_of: dict[int, str], context: str = "") -> Source:
        return self._source_from_tokens(without_clauses(head), sent, name_of, context)

    def _source_from_tokens(self, tokens: list[Token], sent: SpacySpan, name_of: dict[int, str],
                            context: str = "") -> Source:
        dateline = dateline_token_end(sent.doc)
        # Not the dateline ("DAMASCUS, SANA - A source") nor a date the parser hung on the speaker ("a source on Sunday").
        tokens = sorted((t for t in tokens if t.i >= dateline and not _dates_only(t)), key=lambda t: t.i)
        text = " ".join(t.text for t in tokens if not t.is_punct or t.text in "-'").strip()
        actor_names = [name_of[t.i] for t in tokens if t.i in name_of]
        kind = self.source_kind(text, context)
        return Source(name=actor_names[0] if actor_names else _tidy(text), kind=kind)

    def outlets_named(self, text: str) -> list[str]:
        """News outlets a report names as its source ("sources reached by West Africa Report")."""
        found: list[str] = []
        for match in self.known_outlets.finditer(text.lower()):
            name = self._known_outlet_names.get(match.group(0), text[match.start() : match.end()])
            if name not in found:
                found.append(name)
        for cue in self.outlet_cues.finditer(text.lower()):
            tail = text[cue.end() :]
            name = re.match(r"\s+(?:the\s+)?((?:[A-Z][\w'&-]*\s+){0,4}[A-Z][\w'&-]*)", tail)
            if name and name.group(1).split()[-1] in self.outlet_endings and name.group(1) not in found:
                found.append(name.group(1))
        return found




class Attribution:
    """Every sentence's attribution, and the outlets the report names."""

    name = "attribution"
    requires = ("sentences", "mention_tokens", "resolved_actors")
    adds = ("sentence_attribution",)

    def __init__(self, attributor: Attributor) -> None:
        self.attributor = attributor

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.mention_tokens is not None and annotated.resolved_actors is not None
        resolved = annotated.resolved_actors
        annotated.document.outlets_named = self.attributor.outlets_named(annotated.document.text)
        name_of = {i: resolved[m.start].name for i, m in annotated.mention_tokens.items()}
        sentences = annotated.sentences or []
        annotated.sentence_attribution = [self.attributor.attribute(sent, name_of) for sent in sentences]
        for index, attribution in enumerate(annotated.sentence_attribution):
            if (attribution.denier is not None or attribution.denied_tokens) and attribution.denial_scope is None:
                # "... denied accusations that its drone killed civilians at the market. 'No civilian was hit,' the
                # statement said": the sentence after a denial often says what it denies.
                following = sentences[index + 1].text.lower() if index + 1 < len(sentences) else ""
                attribution.denial_scope = self.attributor.denial_scope(following) or "event"


class Claims:
    """Each draft's source, claim status and claims, from its sentence's attribution; then its confidence."""

    name = "claims"
    requires = ("drafts.actors", "drafts.event_date", "sentence_attribution", "toponyms")
    adds = ("drafts.claims", "drafts.confidence")

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.sentence_attribution is not None
        for draft in annotated.drafts or []:
            attribution = annotated.sentence_attribution[draft.sentence_index]
            self._attribute(draft.event, attribution, annotated.document, draft.sentence)
            draft.event.confidence = _confidence(draft.event, bool(annotated.sentence_toponyms(draft.sentence_index)))

    @staticmethod
    def _attribute(event: Event, attribution: SentenceAttribution, document: Document, sent: SpacySpan) -> None:
        outlet = Source(name=document.outlet or "reporting outlet", kind="outlet")
        source = attribution.claimant or outlet
        evidence, span = sent.text.strip(), Span(sent.start_char, sent.end_char)
        if event.kind == "denial":
            # Only the denial is this document's claim: the report or allegation it answers is someone else's.
            denier = attribution.denier or source
            event.source, event.claim_status = denier, "denied"
            event.claims.append(Claim(denier, "denied", evidence, span, document.doc_id,
                                      contests=attribution.denial_scope or "event"))
            return
        if attribution.claim_type == "denied":
            status = "denied"
        elif attribution.claim_type in {"alleged", "unverified"}:
            status = attribution.claim_type
        elif _same_side(source, event):
            status = "claimed"
        else:
            status = "reported"
        event.source = source
        event.claim_status = status  # type: ignore[assignment]
        claim_type: ClaimType = "asserted" if status == "reported" else status  # type: ignore[assignment]
        claimant = attribution.accuser if (attribution.is_allegation and attribution.accuser) else source
        event.claims.append(Claim(claimant, "alleged" if attribution.is_allegation else claim_type, evidence, span,
                                  document.doc_id))
        if attribution.denier is not None and status == "denied":
            event.claims.append(Claim(attribution.denier, "denied", evidence, span, document.doc_id,
                                      denies=answered(event.claims), contests=attribution.denial_scope or "event"))
        elif attribution.denier is not None and attribution.denial_scope in PARTIAL_DENIALS:
            # "The strikes hit only terrorist positions and no civilian was hurt": the report stands, and a part of it
            # (its victims, its toll, who did it) is denied; whatever another report says of that part is contested.
            event.claims.append(Claim(attribution.denier, "denied", evidence, span, document.doc_id,
                                      contests=attribution.denial_scope))


class ClaimLinks:
    """Sentences that answer earlier ones: a denial of the allegations before it, a doubt about a report."""

    name = "claim links"
    requires = ("events", "sentence_events", "continuations", "sentence_attribution", "drafts")
    adds = ("events.claim_links",)

    def __init__(self, grammar: Grammar, knowledge: Knowledge) -> None:
        self.back_reference = grammar.opening(knowledge.conventions["report_back_references"], openers=False)
        self.denied_objects = {w.lower() for w in knowledge.attribution["denied_objects"]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.sentence_attribution is not None and annotated.sentence_events is not None
        for index, sent in enumerate(annotated.sentences or []):
            if index in (annotated.continuations or set()):
                continue  # a sentence that goes on about an event is part of its report, not an answer to it
            attribution = annotated.sentence_attribution[index]
            if attribution.denies_earlier:
                self._link_denial(index, sent, attribution, annotated.sentence_events, annotated.document,
                                  self._whose_claims_denied(index, sent, attribution, annotated))
            if (not annotated.drafts_in(index) and attribution.claim_type == "unverified"
                    and self.back_reference.match(sent.text) is not None):
                # "The claim could not be verified": about the previous sentence's report.
                for event in annotated.sentence_events.get(index - 1, []):
                    if STATUS_RANK["unverified"] > STATUS_RANK[event.claim_status]:
                        event.claim_status = "unverified"

    def _whose_claims_denied(self, index: int, sent: SpacySpan, attribution: SentenceAttribution,
                             annotated: AnnotatedDocument) -> set[str]:
        """Whose claims a sentence denies, named with them: "the Syrian Army refuted terrorists' claims about winning
        back a key district", "denied the claims by the Islamic State" answer those claimants, not the army's own
        acts told before (not "denied that civilians had been targeted": the civilians claim nothing)."""
        resolved = annotated.resolved_actors or {}
        claimants = set()
        for mention in annotated.actor_mentions or []:
            words = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand") \
                if mention.sentence_index == index and mention.start in resolved else None
            if words is None or not len(words) or words.root.i not in attribution.denied_tokens:
                continue
            root = words.root
            claim = root.head.head if root.dep_ == "pobj" and root.head.lower_ in {"by", "of", "from"} else root.head
            if claim.lower_ in self.denied_objects and claim.i != root.i:
                claimants.add(resolved[mention.start].name)
        return claimants

    @staticmethod
    def _link_denial(index: int, sent: SpacySpan, attribution: SentenceAttribution,
                     sentence_events: dict[int, list[Event]], document: Document, claimants: set[str]) -> None:
        """'The government denied the allegations': mark the allegations of the sentences before as denied, and the
        acts laid on the denier, unless the denial names whose claims it answers (``claimants``): then their acts."""
        denier = attribution.denier or attribution.claimant
        if denier is None:
            return
        accused = (claimants - {denier.name}) or {denier.name}
        for earlier in range(index - 1, max(-1, index - 4), -1):
            alleged = [e for e in sentence_events.get(earlier, [])
                       if e.kind == "allegation" or (e.actor1 is not None and e.actor1.name in accused)]
            for event in alleged:
                event.claim_status = "denied"
                event.claims.append(Claim(denier, "denied", sent.text.strip(),
                                          Span(sent.start_char, sent.end_char), document.doc_id,
                                          denies=answered(event.claims), contests=attribution.denial_scope or "event"))
            if alleged:
                return


def answered(claims: list[Claim]) -> list[str]:
    """The claims a denial answers: every claim so far that does not itself deny."""
    return [c.claim_id for c in claims if c.claim_type != "denied"]


def _country_of(name: str) -> str | None:
    match = re.search(r"\bof ([A-Z][\w' -]+)$|\(([^)]+)\)$", name)
    return (match.group(1) or match.group(2)) if match else None


def _same_side(source: Source, event: Event) -> bool:
    """An official source of the perpetrator's side claims the event rather than reports it."""
    side = [a for a in [event.actor1, *event.assoc_actor_1] if a is not None]
    if not side or source.kind in {"unnamed_reports", "outlet", "media", "ngo", "witnesses", "local_sources"}:
        return False
    speaks_for = source.affiliation or source.name
    if any(speaks_for == a.name for a in side):
        return True
    source_country = _country_of(speaks_for)
    return source_country is not None and any(_country_of(a.name) == source_country for a in side)


def _confidence(event: Event, sentence_names_a_place: bool) -> float:
    score = 0.35
    score += 0.15 if event.actor1 else 0
    score += 0.1 if event.actor2 else 0
    score += 0.15 if sentence_names_a_place else 0
    score += 0.1 if event.time_precision == TimePrecision.DAY else 0
    score += 0.1 if event.source and event.source.kind not in {"unnamed_reports", "outlet"} else 0
    score -= 0.1 if event.claim_status in {"unverified", "alleged", "denied"} else 0
    return max(0.05, min(0.95, score))


def _speaker_after_the_quotation(subject: Token, verb: Token) -> Token:
    """"... after killing at least 30 members of the regime troops" the head of the Observatory told DPA: with the
    comma lost, the parse makes the quotation's last noun the verb's subject and the speaker hangs from it; the
    speaker is the phrase after the closing quotation mark."""
    quote = next((t for t in subject.subtree if t.is_quote and subject.i < t.i < verb.i), None)
    if quote is None:
        return subject
    after = [t for t in subject.subtree if quote.i < t.i < verb.i]
    speaker = next((t for t in after if t.head not in after and t.pos_ in {"NOUN", "PROPN"}), None)
    return speaker if speaker is not None else subject


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker of a reporting clause set after what it reports: "..., said the spokesman" /
    "..., a indiqué dimanche une source sécuritaire" (often parsed as the verb's object)."""
    first = min([verb, *(c for c in verb.children if c.i < verb.i and not c.is_punct)], key=lambda t: t.i)
    if first.i == first.sent.start or first.nbor(-1).text not in {",", "»", '"', "'"}:
        return None
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "nsubj", "nsubjpass"}
                 and c.pos_ in {"NOUN", "PROPN"}), None)


def _dates_only(token: Token) -> bool:
    """A date word, or a preposition that only introduces one ("on Sunday")."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    children = list(token.children)
    return token.dep_ == "prep" and bool(children) and all(c.ent_type_ in {"DATE", "TIME"} for c in children)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = re.sub(r"\s+'s\b", "'s", text)
    return text[:1].upper() + text[1:] if text else "unnamed source"


def blamed_acts(blame: Token) -> list[Token]:
    """What a verb of blame lays at someone's door: its object ("blaming the attack on IS"), or what it blames
    someone for ("blaming IS for the attack")."""
    objects = [c for c in blame.children if c.dep_ == "dobj"]
    return objects + [o for head in [blame, *objects] for p in head.children if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]


def accused_of(accuse: Token, act_nouns: Collection[str]) -> Token | None:
    """Whom a verb of accusation names: its object ("accused the army of shelling"), or, where its object is the
    act, whom it lays the act on ("blaming the attack on forces loyal to Assad")."""
    accused = next((c for c in accuse.children if c.dep_ == "dobj"), None)
    laid_on = accused is None and accuse.dep_ == "acl"  # "a car bombing blamed on Daesh"
    if laid_on or (accused is not None and accused.lemma_.lower() in act_nouns):
        return next((o for word in (accuse, accused) if word is not None for p in word.children
                     if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"), None)
    return accused


def blames_the_act_told(blame: Token, grammar: Grammar) -> bool:
    """Whether a verb of blame lays an act the text has told at someone's door ("blaming the attack on ...")."""
    return any(grammar.refers_back(act) for act in blamed_acts(blame))
