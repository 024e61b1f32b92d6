"""Stage ``scope``: ACLED's scope rules, which leave out what is not political violence, protest or a strategic
development however violent its words.

Two rules, their word lists in ``data/conventions.yaml``:

* **Accidents, disasters and illness** are never events: a trigger whose sentence names such a cause
  ("a two-car accident kills one", "the flood killed 12") and no weapon or armed actor is dropped.
* **Ordinary crime** is not political violence: violence against people by no one the sentence names or
  describes as armed ("a woman was stabbed", "a man shot his neighbour", the police only telling of it) and
  against no political target (a party, a candidate, an official, a journalist), in a
  report that shows no conflict at all (no armed group, military, weapon of war, clash or protest anywhere in it),
  is dropped. The same words in a report on an insurgency stay events: there, ACLED codes the unnamed
  perpetrator as an unidentified armed group.
"""

from __future__ import annotations

from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.roles import ARMED_INTERS, NON_STATE_ARMED_INTERS, target_lemmas
from conflictlens.knowledge import Knowledge

CRIME_TYPE = "Violence against civilians"


class Scope:
    """Drops the drafts ACLED's scope leaves out: accidents and disasters, and ordinary crime."""

    name = "scope"
    requires = ("drafts.type", "drafts.sides", "sentences", "actor_mentions", "mention_tokens", "sentence_attribution")
    adds = ("drafts.in_scope",)

    def __init__(self, knowledge: Knowledge) -> None:
        conventions = knowledge.conventions
        self.non_conflict_causes = {w.lower() for w in conventions["non_conflict_causes"]}
        self.armed_signs = {w.lower() for w in conventions["conflict_cues"]}
        self.political_targets = {w.lower() for w in conventions["political_targets"]}
        self.conflict_context = {w.lower() for w in conventions["conflict_context"]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        drafts = annotated.drafts or []
        if not drafts:
            return
        context = self._shows_conflict(annotated)
        annotated.drafts = [d for d in drafts if not self._accident(d)
                            and (context or not self._ordinary_crime(d, annotated))]

    def _accident(self, draft: EventDraft) -> bool:
        words = target_lemmas(list(draft.sentence))
        return bool(words & self.non_conflict_causes) and not words & self.armed_signs and not any(
            a.inter in NON_STATE_ARMED_INTERS for a in draft.side_one)

    def _ordinary_crime(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """Violence against people with no armed perpetrator in its sentence, outside the words of who tells it."""
        if draft.event.event_type != CRIME_TYPE or draft.side_one:
            return False
        assert annotated.sentence_attribution is not None
        told_by = annotated.sentence_attribution[draft.sentence_index].claimant_tokens
        sentence = draft.sentence
        armed_actor = any(sentence.start <= i < sentence.end and i not in told_by and m.entry.inter in ARMED_INTERS
                          for i, m in (annotated.mention_tokens or {}).items())
        words = target_lemmas([t for t in sentence if t.i not in told_by])
        return not armed_actor and not words & (self.armed_signs | self.political_targets)

    def _shows_conflict(self, annotated: AnnotatedDocument) -> bool:
        """Anywhere in the report: an organised armed group named, or a word of armed conflict or protest."""
        if any(m.entry.inter in NON_STATE_ARMED_INTERS and not m.entry.generic
               for m in annotated.actor_mentions or []):
            return True
        return any(target_lemmas(list(sentence)) & self.conflict_context for sentence in annotated.sentences or [])

