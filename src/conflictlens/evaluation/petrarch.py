"""Who-did-what-to-whom regression on the PETRARCH2 unit-test records, coded with their own dictionaries.

The records file (PETR.UnitTest.records.xml) names the dictionaries it needs in its ``<Environment>``
(actors, agents, verbs, discards); they are read from the same folder in their TABARI/PETRARCH text
formats. Each sentence is parsed with the project's spaCy model rather than the records' Treebank
parses, so the set measures the dependency-based role logic: the source is the subject's actor, the
target the object's (or a prepositional object's); verb patterns may name the roles instead ($ source,
+ target). Actor names without a trailing underscore match as word prefixes, as in TABARI.

Scored per expected coding (source, target, CAMEO root = first two digits of the event code):
precision / recall / F1 of whole codings, and source / target / root agreement.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

from conflictlens.coding.interactions import INHERIT_SUBJECT_DEPS, SUBJECT_DEPS, phrase_tokens
from conflictlens.errors import ConflictLensError, ModelLoadError
from conflictlens.evaluation.acled import share

ROLE_MARKS = {"$", "+", "%"}
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "on", "inside", "outside", "across", "during"})


@dataclass(frozen=True, slots=True)
class Coding:
    source: str
    target: str
    code: str

    @property
    def root(self) -> str:
        return self.code[:2]

    def key(self) -> tuple[str, str, str]:
        return self.source, self.target, self.root


@dataclass(slots=True)
class Phrase:
    """A dictionary phrase: words that must follow one another; the last may match as a prefix."""

    words: tuple[str, ...]
    prefix: bool

    @classmethod
    def parse(cls, text: str) -> Phrase:
        text = text.strip().upper()
        exact = text.endswith("_")
        words = tuple(w for w in re.split(r"[_\s]+", text) if w)
        return cls(words, not exact)

    def matches_at(self, words: list[str], start: int) -> int:
        """Number of sentence words matched from ``start``, or 0."""
        if start + len(self.words) > len(words):
            return 0
        for offset, word in enumerate(self.words):
            candidate = words[start + offset]
            last = offset == len(self.words) - 1
            if candidate != word and not (last and self.prefix and candidate.startswith(word)):
                return 0
        return len(self.words)


@dataclass(slots=True)
class DatedCode:
    code: str
    after: dt.date | None = None
    before: dt.date | None = None

    def applies(self, day: dt.date) -> bool:
        return (self.after is None or day >= self.after) and (self.before is None or day < self.before)


@dataclass(slots=True)
class ActorEntry:
    phrases: list[Phrase]
    codes: list[DatedCode] = field(default_factory=list)

    def code_on(self, day: dt.date) -> str | None:
        restricted = [c for c in self.codes if c.after or c.before]
        for code in restricted:
            if code.applies(day):
                return code.code
        plain = [c for c in self.codes if not (c.after or c.before)]
        return plain[0].code if plain else None


@dataclass(slots=True)
class AgentEntry:
    phrases: list[Phrase]
    code: str
    prefix: bool  # "NGO~" goes before the actor's code, "~GOV" after it


@dataclass(slots=True)
class VerbPattern:
    elements: list[tuple[str, bool]]  # (token, joined to the previous token by "_")
    code: str

    @property
    def weight(self) -> int:
        return sum(1 for token, _ in self.elements if token != "*")


@dataclass(slots=True)
class VerbEntry:
    code: str
    patterns: list[VerbPattern] = field(default_factory=list)


def _strip_comments(text: str) -> list[str]:
    text = re.sub(r"<!\s*-\s*-.*?-->", "", text, flags=re.S)
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines()]


def _dictionary_date(text: str) -> dt.date:
    text = text.strip()
    if len(text) == 6:  # TABARI's YYMMDD: 91 is 1991, 08 is 2008
        year = int(text[:2])
        text = f"{1900 + year if year > 30 else 2000 + year}{text[2:]}"
    return dt.datetime.strptime(text, "%Y%m%d").date()


def _dated_code(body: str) -> DatedCode:
    body = body.strip()
    if match := re.fullmatch(r"(\S+)\s*<\s*(\d+)", body):
        return DatedCode(match[1], before=_dictionary_date(match[2]))
    if match := re.fullmatch(r"(\S+)\s*>\s*(\d+)", body):
        return DatedCode(match[1], after=_dictionary_date(match[2]))
    if match := re.fullmatch(r"(\S+)\s+(\d+)\s*-\s*(\d+)", body):
        return DatedCode(match[1], after=_dictionary_date(match[2]), before=_dictionary_date(match[3]))
    return DatedCode(body.split("/")[0].split()[0] if body else "---")


def read_actors(path: Path) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    for line in _strip_comments(_read(path)):
        if not line.strip():
            continue
        codes = [_dated_code(c) for c in re.findall(r"\[([^\]]*)\]", line)]
        name = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line[0] in " \t" and not name:
            if entries:
                entries[-1].codes.extend(codes)
        elif name.startswith("+"):
            if entries:
                entries[-1].phrases.append(Phrase.parse(name[1:]))
        elif name:
            entries.append(ActorEntry([Phrase.parse(name)], codes))
    return [e for e in entries if e.codes]


def read_agents(path: Path) -> list[AgentEntry]:
    lines = _strip_comments(_read(path))
    macros: dict[str, list[str]] = {}
    for line in lines:
        if match := re.fullmatch(r"\s*(![A-Z]+!)\s*=\s*(.+)", line):
            macros[match[1]] = [w.strip() for w in match[2].split(",") if w.strip()]
    agents: list[AgentEntry] = []
    for line in lines:
        match = re.fullmatch(r"\s*([^\s{\[]+(?:\s+[^\s{\[]+)*)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]+?)\s*\]", line)
        if not match:
            continue
        names = [match[1], *(match[2] or "").split()]
        for macro, replacements in macros.items():
            names = [n.replace(macro, r) for n in names for r in (replacements if macro in n else [n.replace(macro, "")])]
        if match[2] is None:  # no braces: regular plurals; "{}" means none
            names += [_plural(n) for n in names]
        raw_code = match[3].replace(" ", "")
        phrases = [Phrase(Phrase.parse(n).words, prefix=False) for n in names if n]
        agents.append(AgentEntry(phrases, raw_code.strip("~"), raw_code.endswith("~")))
    return agents


def _plural(name: str) -> str:
    if name.endswith("MAN"):
        return name[:-3] + "MEN"
    if name.endswith("Y") and not name.endswith(("AY", "EY", "OY")):
        return name[:-1] + "IES"
    return name + ("ES" if name.endswith(("S", "SH", "CH", "X")) else "S")


def read_verbs(path: Path) -> dict[str, VerbEntry]:
    """Verb lemma -> entry, with the block's patterns; synsets (&NAME) are expanded into patterns later."""
    lines = _strip_comments(_read(path))
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, VerbEntry] = {}
    current_synset: str | None = None
    block: VerbEntry | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("&"):
            current_synset, block = stripped.split()[0], None
            synsets[current_synset] = []
        elif match := re.fullmatch(r"---\s*(\S+)\s*\[([^\]]*)\]\s*---", stripped):
            current_synset = None
            block = VerbEntry(match[2].split(":")[0].strip())
            verbs[match[1]] = block
        elif stripped.startswith("+") and current_synset:
            synsets[current_synset].append(stripped[1:].strip())
        elif stripped.startswith("-") and block is not None:
            body = re.sub(r"\[[^\]]*\]", "", stripped[1:]).strip()
            code = re.search(r"\[([^\]]*)\]", stripped)
            pattern_code = code[1].split(":")[0].strip() if code else block.code
            block.patterns.append(VerbPattern(_pattern_elements(body), pattern_code))
        elif block is not None and re.match(r"[A-Z]", stripped):
            word = re.split(r"[\s{\[]", stripped)[0]
            if re.fullmatch(r"[A-Z]+", word):
                verbs.setdefault(word, block)
    for entry in verbs.values():
        entry.patterns = [p for pattern in entry.patterns for p in _expand_synsets(pattern, synsets)]
    return verbs


def _pattern_elements(body: str) -> list[tuple[str, bool]]:
    elements: list[tuple[str, bool]] = []
    for chunk in body.split():
        for position, token in enumerate(t for t in re.split(r"_", chunk)):
            if token:
                elements.append((token, position > 0))
    return elements


def _expand_synsets(pattern: VerbPattern, synsets: dict[str, list[str]], depth: int = 0) -> list[VerbPattern]:
    for index, (token, joined) in enumerate(pattern.elements):
        if token.startswith("&") and depth < 4:
            members = synsets.get(token, [])
            expanded = []
            for member in members:
                replacement = [(w, joined if i == 0 else True) for i, w in enumerate(member.replace("_", " ").split())]
                elements = pattern.elements[:index] + replacement + pattern.elements[index + 1:]
                expanded += _expand_synsets(VerbPattern(elements, pattern.code), synsets, depth + 1)
            return expanded
    return [pattern]


def read_discards(path: Path) -> list[Phrase]:
    return [Phrase.parse(line.strip().lstrip("+")) for line in _strip_comments(_read(path)) if line.strip()]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise ConflictLensError(f"PETRARCH dictionary {path} not found: keep it beside the records file") from exc


@dataclass(slots=True)
class Record:
    id: str
    day: dt.date
    text: str
    expected: list[Coding]


def read_records(path: Path) -> tuple[list[Record], dict[str, Path]]:
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError as exc:
        raise ConflictLensError(f"PETRARCH records file {path} not found: check the path") from exc
    except ET.ParseError as exc:
        raise ConflictLensError(
            f"PETRARCH records file {path} is not valid XML ({exc}): is it PETR.UnitTest.records.xml?") from exc
    environment = root.find("Environment")
    files = {}
    for tag in ("Actorfile", "Agentfile", "Verbfile", "Discardfile"):
        name = (environment.findtext(tag) or "").strip() if environment is not None else ""
        if not name:
            raise ConflictLensError(f"PETRARCH records file {path} names no <{tag}> in its <Environment>")
        files[tag] = path.parent / name
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        codings = [Coding(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
                   for c in sentence.findall("EventCoding") if c.get("eventcode")]
        day = dt.datetime.strptime(sentence.get("date", "20000101").strip(), "%Y%m%d").date()
        records.append(Record(sentence.get("id", "").strip(), day, text, codings))
    return records, files


class PetrarchCoder:
    """Codes sentences with PETRARCH dictionaries over spaCy dependency parses."""

    def __init__(self, nlp: Language, actors: list[ActorEntry], agents: list[AgentEntry],
                 verbs: dict[str, VerbEntry], discards: list[Phrase]) -> None:
        self.nlp = nlp
        self.actors = actors
        self.agents = agents
        self.verbs = verbs
        self.discards = discards

    @classmethod
    def from_files(cls, nlp: Language, files: dict[str, Path]) -> PetrarchCoder:
        return cls(nlp, read_actors(files["Actorfile"]), read_agents(files["Agentfile"]),
                   read_verbs(files["Verbfile"]), read_discards(files["Discardfile"]))

    def code(self, text: str, day: dt.date) -> list[Coding]:
        doc = self.nlp(text)
        words = [t.text.upper() for t in doc]
        if any(p.matches_at(words, i) for p in self.discards for i in range(len(words))):
            return []
        lemmas = [t.lemma_.upper() for t in doc]
        codings: list[Coding] = []
        for token in doc:
            entry = self.verbs.get(token.lemma_.upper()) if token.pos_ in ("VERB", "AUX") else None
            if entry is None:
                continue
            code, named = self._pattern_code(token, entry, words, lemmas, day)
            if not code or not re.match(r"\d", code):
                continue
            sources = named.get("$") or named.get("%") or self._subject_actors(token, day)
            targets = named.get("+") or named.get("%") or self._object_actors(token, day)
            if not targets and len(sources) > 1:  # "Gondor and Osgiliath renewed ties": each with the other
                targets = sources
            for source in sources:
                for target in targets:
                    if source != target and (coding := Coding(source, target, code)) not in codings:
                        codings.append(coding)
        return codings

    # -- actors -----------------------------------------------------------------------------------------

    def actor_codes(self, tokens: Iterable[Token], day: dt.date) -> list[str]:
        """Actor codes in a phrase: each named actor joined with any agent ("Bree Prime Minister" -> BREGOV)."""
        tokens = list(tokens)
        words = [t.text.upper() for t in tokens]
        actors: list[str] = []
        agents: list[AgentEntry] = []
        index = 0
        while index < len(words):
            length, found = self._longest_match(words, index, day)
            if found is None:
                index += 1
                continue
            if isinstance(found, AgentEntry):
                agents.append(found)
            else:
                actors.append(found)
            index += length
        if not actors:
            return [f"---{agents[0].code}"] if agents else []
        return [self._with_agents(actor, agents) for actor in actors]

    @staticmethod
    def _with_agents(actor: str, agents: list[AgentEntry]) -> str:
        code = actor
        for agent in agents:
            if agent.code in code:  # "Washington officials" is USAGOV, not USAGOVGOV
                continue
            code = f"{agent.code}{code}" if agent.prefix else f"{code}{agent.code}"
        return code

    def _longest_match(self, words: list[str], start: int, day: dt.date) -> tuple[int, str | AgentEntry | None]:
        best: tuple[int, str | AgentEntry | None] = (0, None)
        for actor in self.actors:
            for phrase in actor.phrases:
                length = phrase.matches_at(words, start)
                code = actor.code_on(day) if length else None
                if length > best[0] and code:
                    best = (length, code)
        for agent in self.agents:
            for phrase in agent.phrases:
                length = phrase.matches_at(words, start)
                if length > best[0]:
                    best = (length, agent)
        return best

    def _phrase_actors(self, head: Token, day: dt.date) -> list[str]:
        """Actors of a noun phrase; "soldiers of Osgiliath in Ithilen" is Osgiliath's, "lawmakers in Fornost" Fornost's."""
        core = self.actor_codes(phrase_tokens(head, skip_prepositions=LOCATIVE_PREPOSITIONS), day)
        if any(not code.startswith("---") for code in core):
            return core
        return self.actor_codes(phrase_tokens(head), day) or core

    def _subject_actors(self, verb: Token, day: dt.date) -> list[str]:
        current = verb
        for _ in range(4):
            passive = [c for c in current.children if c.dep_ == "agent"]
            if passive:
                return self._phrase_actors(passive[0], day)
            for child in current.children:
                if child.dep_ in SUBJECT_DEPS:
                    codes = self._phrase_actors(child, day)
                    if codes:
                        return codes
            if current.dep_ not in INHERIT_SUBJECT_DEPS or current.head is current:
                break
            current = current.head
        return []

    def _object_actors(self, verb: Token, day: dt.date) -> list[str]:
        if any(c.dep_ == "agent" for c in verb.children):
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if subjects and (codes := self._phrase_actors(subjects[0], day)):
                return codes
        for dep in ("dobj", "dative", "attr", "prep", "npadvmod", "advmod"):
            for child in verb.children:
                if child.dep_ == dep:
                    codes = self._phrase_actors(child, day)
                    if codes:
                        return codes
        for child in verb.children:
            if child.dep_ == "xcomp":
                codes = self._object_actors(child, day)
                if codes:
                    return codes
        return []

    # -- verb patterns ----------------------------------------------------------------------------------

    def _pattern_code(self, verb: Token, entry: VerbEntry, words: list[str], lemmas: list[str],
                      day: dt.date) -> tuple[str, dict[str, list[str]]]:
        sentence: Span = verb.sent
        best: tuple[int, str, dict[str, list[str]]] = (-1, entry.code, {})
        for pattern in entry.patterns:
            roles = self._match(pattern, verb, sentence, words, lemmas, day)
            if roles is not None and pattern.weight > best[0]:
                best = (pattern.weight, pattern.code, roles)
        return best[1], best[2]

    def _match(self, pattern: VerbPattern, verb: Token, sentence: Span, words: list[str], lemmas: list[str],
               day: dt.date) -> dict[str, list[str]] | None:
        tokens = [token for token, _ in pattern.elements]
        if "*" not in tokens:
            return None
        star = tokens.index("*")
        roles: dict[str, list[str]] = {}
        after = pattern.elements[star + 1:]
        # Read leftwards from the verb, a token is tied to the one read before it, its right neighbour.
        before_flags = [(pattern.elements[i][0], pattern.elements[i + 1][1]) for i in range(star - 1, -1, -1)]
        if not self._walk(after, verb.i + 1, 1, sentence, words, lemmas, day, roles):
            return None
        if not self._walk(before_flags, verb.i - 1, -1, sentence, words, lemmas, day, roles):
            return None
        return roles

    def _walk(self, elements: list[tuple[str, bool]], position: int, step: int, sentence: Span, words: list[str],
              lemmas: list[str], day: dt.date, roles: dict[str, list[str]]) -> bool:
        doc = sentence.doc
        for token, joined in elements:
            candidates = [position] if joined else range(position, sentence.end if step > 0 else sentence.start - 1, step)
            for index in candidates:
                if not sentence.start <= index < sentence.end:
                    return False
                if token in ROLE_MARKS:
                    phrase = phrase_tokens(doc[index]) if doc[index].pos_ in ("NOUN", "PROPN", "PRON") else []
                    codes = self.actor_codes(phrase, day) if phrase else []
                    if codes:
                        roles[token] = codes
                        position = (max(t.i for t in phrase) + 1) if step > 0 else (min(t.i for t in phrase) - 1)
                        break
                elif token == "^":
                    if doc[index].pos_ in ("NOUN", "PROPN", "PRON"):
                        position = index + step
                        break
                elif words[index] == token or lemmas[index] == token:
                    position = index + step
                    break
                if joined:
                    return False
            else:
                return False
        return True


@dataclass(slots=True)
class PetrarchReport:
    records: int = 0
    records_exact: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    source_agree: int = 0
    target_agree: int = 0
    root_agree: int = 0
    no_event_records: int = 0
    no_event_correct: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, record: Record, predicted: list[Coding]) -> None:
        expected_keys = {c.key() for c in record.expected}
        predicted_keys = {c.key() for c in predicted}
        self.records += 1
        self.records_exact += expected_keys == predicted_keys
        self.expected += len(expected_keys)
        self.predicted += len(predicted_keys)
        self.matched += len(expected_keys & predicted_keys)
        for source, target, root in expected_keys:
            self.source_agree += any(p[0] == source for p in predicted_keys)
            self.target_agree += any(p[1] == target for p in predicted_keys)
            self.root_agree += any(p[2] == root for p in predicted_keys)
        if not expected_keys:
            self.no_event_records += 1
            self.no_event_correct += not predicted_keys
        self.rows.append({"id": record.id, "expected": sorted(expected_keys), "predicted": sorted(predicted_keys)})

    def summary(self) -> dict[str, float | int]:
        precision, recall = share(self.matched, self.predicted), share(self.matched, self.expected)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "records": self.records,
            "records_exact": share(self.records_exact, self.records),
            "coding_precision": precision,
            "coding_recall": recall,
            "coding_f1": f1,
            "source_agreement": share(self.source_agree, self.expected),
            "target_agreement": share(self.target_agree, self.expected),
            "cameo_root_agreement": share(self.root_agree, self.expected),
            "no_event_records_correct": share(self.no_event_correct, self.no_event_records),
        }

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "rows": self.rows}


def score_petrarch(model_name: str, path: Path, *, limit: int | None = None) -> PetrarchReport:
    records, files = read_records(path)
    try:
        nlp = spacy.load(model_name, exclude=["ner"])
    except OSError as exc:
        raise ModelLoadError(f"spaCy model {model_name!r} is not installed: run 'make demo'") from exc
    coder = PetrarchCoder.from_files(nlp, files)
    report = PetrarchReport()
    for record in records[:limit]:
        report.add(record, coder.code(record.text, record.day))
    return report
