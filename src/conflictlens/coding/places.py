"""Stages ``places`` and ``event places``: toponyms recognised against the gazetteer (not spaCy labels
alone) and resolved in document context; then each event's place among its sentence's.

spaCy's small English model tags "Tinzaouatene" and "Mali" as PERSON, so a capitalised span is a
candidate whatever its label; it becomes a toponym when the gazetteer knows the name and the
context says "place" (a locative word around it, a place label, or a well-known place). Among
same-named places the resolver prefers the document's countries, populated places over wadis
and hills, bigger places, and places near the document's other places.

An event takes the most precise place its own sentence names, leaving out the claimant's words ("the
governor of Tillaberi said"); a district in parentheses only qualifies a place; "across the country"
is the country; with no place of its own, the report's focus place (approximately), else its country.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from conflictlens.coding.actors import ACTOR_LABEL
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    admin_key,
    clean_admin_name,
    haversine_km,
    name_key,
    spelt_alike,
    without_article,
)
from conflictlens.coding.grammar import (
    DATELINE_DASHES,
    Grammar,
    dateline_token_end,
    doer,
    in_an_embedded_post,
    in_another_clause,
    in_another_times_clause_than,
    in_page_furniture,
    noun_it_is_of,
    token_at,
    told_as_another,
    with_what_it_is_of,
)
from conflictlens.knowledge import Knowledge, phrase_pattern
from conflictlens.model import GeoPrecision, Place

LOCATIVE_BEFORE = {"in", "near", "at", "from", "to", "around", "outside", "towards", "toward", "into",
                   "across", "between", "through", "throughout", "inside", "within", "via"}
# Capitalised words that are dates, not places, whatever the gazetteer holds.
CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday"}
# How many words may stand between a place and the one that locates it ("Tokhar, 14 km west of Manbij").
LANDMARK_GAP = 6
NEAR_CUES = {"near", "outskirts", "around", "outside", "vicinity", "close", "surroundings", "environs", "nearby",
             "countryside", "suburbs",
             "between", "towards", "toward", "east", "west", "north", "south", "northeast", "northwest",
             "southeast", "southwest", "km", "kilometres", "kilometers", "miles"}
# A place this big is a fair reading of a capitalised name on its own.
FAMOUS_POPULATION = 100_000
# Near-words that, as a town's adjective, say where the town lies, not that the act was outside it.
DESCRIBED_AS_NEAR = {"nearby"}
AREA_NOUNS = {"sector", "area", "areas", "region", "regions", "zone", "axis", "commune", "district", "districts",
              "province", "governorate", "circle", "cercle", "department", "departments",
              "road", "border", "corridor", "outskirts", "streets", "suburb", "suburbs", "capital", "municipality",
              "localities", "villages", "towns"}
# A province's possessive, its apostrophe lost or not ("in Idlib provinces Maaret al-Numan"), before a place in it;
# a state's, a county's or a department's may be an office's ("United States Centers for Disease Control", "the
# department's Emergency Response Team").
PROVINCE_POSSESSIVES = {"provinces", "governorates"}
# "the X district of Y": words for a part of a town or region.
PART_NOUNS = {"district", "neighbourhood", "neighborhood", "quarter", "suburb", "suburbs", "outskirts", "area", "region",
              "sector", "camp"}
# A place's parts and lands named before it: "the southwestern part of al-Ramouseh", "the barrens of Assal al-Ward",
# "the farms of Beit Jinn" (a name after them and "of" is a place's).
PARTS_OF_A_PLACE = {"part", "parts", "side", "edge", "edges", "fringes", "entrance", "entrances", "barrens", "hills",
                    "heights", "farms", "orchards", "plains", "mountains", "desert", "countryside", "vicinity"}
# Verbs whose direct object is usually a place: "attacked Djibo", "seized Kidal".
PLACE_OBJECT_VERBS = {"attack", "storm", "raid", "seize", "capture", "shell", "bomb", "enter", "besiege", "overrun",
                      "recapture", "retake", "target", "strike", "hit", "occupy", "liberate", "encircle", "surround",
                      "reach", "visit", "flee", "leave", "evacuate"}
# Administrative divisions named after a place to say where it lies ("in Aleppo province").
DIVISION_NOUNS = {"province", "governorate", "region", "district", "state", "county", "department", "prefecture"}
# Words before a name that make it the division, not its town: "rural Homs" (the Syrian usage for a governorate).
DIVISION_PREFIXES = {"rural"}
COUNTRYSIDE_NOUNS = {"countryside"}
PROVINCE_WORDS = DIVISION_NOUNS | COUNTRYSIDE_NOUNS  # words after a name that make it the division a place is in
SPEAKER_GAP = 4  # how far before its verb a name that speaks stands: "The White House on Tuesday condemned"
SETTLEMENT_NOUNS = {"town", "village", "city", "locality", "hamlet", "camp", "base", "market"}
VILLAGE_NOUNS = {"village", "villages", "hamlet"}
# Words for a place by who holds it: "the rebel stronghold of Urom al-Joz" names a place.
HELD_PLACE_NOUNS = {"stronghold", "bastion", "enclave"}
# Unnamed settlements a name after "in" contains: "a town in Idlib" is in Idlib province.
TOWNS_WITHIN = VILLAGE_NOUNS | {"town", "towns", "locality", "localities"}
# Words after a name that make it a part of a town ("Sana neighborhood"), never a city or region of that name.
TOWN_PART_NOUNS = {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter"}
# Words after a name that say what kind of place it is ("Tillaberi Region", "Kano State"), not more of the name.
# Words between a people's adjective and the kind of place it qualifies: "the Syrian (northern border) town of".
KIND_OF_PLACE_WORDS = 3
PLACE_KIND_WORDS = AREA_NOUNS | SETTLEMENT_NOUNS | {"state", "county", "governorate", "prefecture", "department",
                                                    "city", "island", "islands", "valley", "river", "lake", "border"}
LIST_SEPARATORS = {",", "and", "or", "&"}
# Plural division nouns that close a list of the divisions' names ("Hama, Idlib and Homs provinces").
DIVISIONS_NAMED_TOGETHER = {"provinces", "governorates", "regions", "districts", "departments"}
# What joins two countries naming the border between them ("the Syria-Turkey border").
PAIR_JOINERS = {"-", "–", "/"}
# Nouns of ground a side holds, after a country's name: "ISILs Syria stronghold".
HELD_GROUND_NOUNS = {"stronghold", "strongholds", "bastion", "territory", "territories", "side", "frontier"}
# Words between a name the gazetteer lacks and the known place that locates it: "near Damascus", "northeast of
# Aleppo", "in the northern countryside of Hama".
# "Maaret Harmeh is close to the town of Khan Sheikhoun": a sentence that says where the name lies locates it too.
LOCATING_WORDS = NEAR_CUES | PART_NOUNS | {"in", "of", "the", "city", "town", "province", "governorate", "northern",
                                           "southern", "eastern", "western", "central", "rural", "countryside", "km",
                                           "kilometres", "is", "lies", "located", "situated", "to", "just"}
LOCATING_GAP = 6
# What being a capital or an administrative seat adds to a reading of a name.
SEAT_BONUS = {"PPLC": 1.0, "PPLA": 0.5, "PPLA2": 0.5}
NAMED_CAPITAL_WEIGHT = 2.0  # a capital of a country the report names
# A place this populous is a town or a city, not what a text calls a village.
CITY_POPULATION = 50_000
# Words that introduce a place rather than a company or a person ("in Holle Hamani"; but "at Taco Bell").
PLACE_INTRODUCERS = {"in", "near", "around", "outside", "between", "towards", "toward"}
# Words before two names that make them one place between them: "between Nguigmi and Kabelawa", "a supply route
# linking Palmyra and Deir ez-Zor".
ONE_PLACE_BETWEEN = {"between", "linking", "links", "linked", "connecting", "connects", "connected", "joining"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NON_PLACE_LABELS = {"PERSON", "NORP", "WORK_OF_ART", "LANGUAGE"}
LEVEL_RANK = {"populated_place": 0, "feature": 1, "admin2": 2, "admin1": 3, "country": 4}
NATIONWIDE = re.compile(r"\b(?:throughout|across|all over)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:country|"
                        r"republic|national territory)|\bnationwide\b|\bthroughout\s+(?:the\s+)?Republic of\b",
                        re.IGNORECASE)
MAX_TOKENS = 5  # "Democratic Republic of the Congo"
# Arabic articles that join the words of one place name: "Orum al-Kubra", "Deir el-Balah".
NAME_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ez", "es", "ed", "er", "et",
                 "en", "ul"}
# Of those, the ones that join a name without their hyphen: the others are English or French words too ("at", "an").
BARE_NAME_ARTICLES = {"al", "el", "ul"}
# Words of organisations' names beside those that are never places (conventions' not_place_words).
ORGANISATION_WORDS = {"observatory", "rights", "watch", "network", "centre", "center", "group", "organisation",
                      "organization", "council", "institute", "foundation", "society", "federation"}
# "London-based", "Paris-headquartered": a place that locates an organisation.
DESCRIPTOR_WORDS = {"based", "headquartered", "registered", "funded", "backed", "led", "run", "owned", "born", "trained",
                    "armed", "supported", "allied", "affiliated", "linked", "made", "brokered", "sponsored"}
# Words of an apposition between a place and the region it lies in: "Bangui, a town in the region of Tahoua".
APPOSITION_WORDS = {"a", "an", "the", "small", "town", "village", "city", "locality", "commune", "hamlet", "settlement",
                    "in", "of", "region", "province", "district", "department", "state", "county"}
# How many tokens may stand between a place and the names that say where it lies.
QUALIFIER_GAP = 8
# A dateline in capitals is looked for among a report's first tokens; the words a page puts before it.
DATELINE_SEARCH_TOKENS = 20
CALENDAR_ABBREVIATIONS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul",
                          "aug", "sep", "sept", "oct", "nov", "dec"}
PAGE_FURNITURE_WORDS = {"published", "last", "updated", "update", "posted", "at", "on", "am", "pm", "gmt", "utc",
                        "date", "of", "publication"} | CALENDAR_ABBREVIATIONS
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# How much the share of a document's other places lying in a candidate's first-level division counts:
# a report from Texas that names "Paris" means Paris, Texas.
REGION_WEIGHT = 1.5
# Places this close anchor each other: "near the document's other places".
ANCHOR_KM = 300
# What a candidate gains for a coherent reading: lying inside a district named elsewhere in the document,
# being that district, or being a region named alongside another region of its country.
NESTED_WEIGHT = 1.0
# Another spelling of a known town is read as that town only this near the places named beside it.
FUZZY_NEAR_KM = 100
# A place more than this far from the district and region named after it is another place of that name.
QUALIFIER_KM = 250


@dataclass(slots=True)
class Toponym:
    """A place named in the text, with its candidates and the one chosen."""

    text: str
    start: int  # character offsets in the document
    end: int
    sentence_index: int
    token_start: int
    token_end: int
    country_code: str | None = None  # set when the name is a country
    candidates: list[GazetteerEntry] = field(default_factory=list)
    chosen: GazetteerEntry | None = None
    near: bool = False
    area_word: bool = False
    # The text means the division, not its town: "rural Homs", "the Idlib countryside"; for a name the gazetteer
    # has only in another spelling, also "the province of Hassakeh" (a known name in "Diffa region" stays its seat).
    division_word: bool = False
    village_word: bool = False  # "the village of Bima", "Koutou village": a small place, not a city of that name
    town_part: bool = False  # "Sana neighborhood": a part of a town, in the country the report is about
    weak: bool = False  # accepted only for being a proper noun: kept if it lies in the document's countries
    qualifier: bool = False  # "(Ayorou, Tillaberi)" or ", Tenn." after a place name: where it lies, not the place
    qualifiers: list[Toponym] = field(default_factory=list)  # the qualifiers that follow this toponym
    street: bool = False  # a street or road: a place the text names that a gazetteer of towns cannot place
    # "the London-based monitor", "Observatory for Human Rights", "BEIRUT (Reuters) -": the name says where an
    # organisation sits, is part of its name, or is where the report was filed, not where anything happened.
    not_a_scene: bool = False
    # "The US launched 59 missiles", "US missile attack", "Moscow said": a country or capital named for its state.
    acting: bool = False
    # "Turkey has denied the accusations", "backed by Iran": a country that is a verb's doer says who acts, not where.
    doer: bool = False
    # "evacuees from the villages of Zahra and Nubl", "rockets fired from Gaza": where someone or something set out
    # from, not where an act happened.
    set_out_from: bool = False
    part_of_unknown_name: bool = False  # the opening words of a longer name the gazetteer lacks
    with_article: bool = False  # found only with the Arabic article joined to it ("al-Bab")
    # A name the text presents as a place ("in Khan Tuman", "the village of Tal Qarrah") that the gazetteer lacks,
    # even spelt loosely: the event keeps the name, placed approximately by what the text says around it.
    unresolved: bool = False
    country_hint: str | None = None  # the document's leading country, for an unresolved name


class PlaceResolver:
    """Finds and resolves toponyms; built once per pipeline from the knowledge files and gazetteer."""

    def __init__(self, knowledge: Knowledge, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.countries = gazetteer.country_names()
        self.countries.update({n.lower(): c.iso2 for c in knowledge.countries for n in (c.name, *c.forms)})
        self.country_names = {c.iso2: c.name for c in knowledge.countries}
        self.reporting_verbs = {w.lower() for w in knowledge.attribution["reporting_verbs"]}
        self.perception_words = {w.lower() for w in knowledge.conventions["perception_words"]}
        self.speaking_verbs = self.reporting_verbs | {w.lower() for w in (
            *knowledge.conventions["reaction_verbs"], *knowledge.attribution["accusation_verbs"],
            *knowledge.attribution["denial_verbs"])}
        # "CAR", "DRC": initials name a country only in capitals ("Car Bomb" in a headline is no country).
        self.country_initials = {n.lower() for c in knowledge.countries for n in c.forms if n.isupper()}
        self.demonyms = gazetteer.demonyms()
        self.demonyms.update({d.lower(): c.iso2 for c in knowledge.countries for d in c.demonyms})
        self.directional = {k.lower(): v for k, v in knowledge.conventions["directional_regions"].items()}
        self.word_spellings = {k.lower(): v for k, v in knowledge.conventions["place_word_spellings"].items()}
        self.direction_words = {w.lower() for key, words in self.directional.items() for w in [key, *words]}
        outlets = {name for o in (knowledge.outlets or {}).get("outlets", []) for name in [o["name"], *o.get("aliases", [])]}
        names = sorted((n for n in outlets if " " in n or "-" in n), key=len, reverse=True)
        self.outlet_names = re.compile(r"\b(?:" + "|".join(_outlet_pattern(n) for n in names) + r")\b" if names else r"(?!)")
        self.outlet_words = {n for n in outlets if " " not in n}
        self.not_place_words = {w.lower() for w in knowledge.conventions["not_place_words"]}
        self.countryside_divisions = dict(knowledge.conventions.get("countryside_divisions", {}))
        self.border_words = {w.lower() for w in knowledge.conventions.get("border_words", [])}
        self.state_participles = {w.lower() for w in knowledge.conventions["state_participles"]}
        self.act_nouns = {w.lower() for w in knowledge.conventions["act_nouns"]}
        self.party_relations = {w.lower() for w in knowledge.conventions["party_relation_nouns"]}
        self.party_ties = {w.lower() for w in knowledge.conventions["party_tie_words"]}
        self.government_nouns = {w.lower() for w in knowledge.conventions["seat_of_government_nouns"]}
        self.origin_nouns = {w.lower() for w in knowledge.conventions["origin_nouns"]}
        self.legal_status_words = {w.lower() for w in knowledge.conventions["legal_status_words"]}
        self.making_words = {w.lower() for w in knowledge.conventions["making_words"]}
        self.made_in_words = {w.lower() for w in knowledge.conventions["made_in_words"]}
        self.weapons = {w.lower() for words in knowledge.conventions["remote_means"].values() for w in words}
        self.weapon_names = self.weapons - {w.lower() for w in knowledge.conventions["remote_means_ambiguous"]}
        self.not_place_alone = {w.lower() for w in knowledge.conventions["not_place_alone"]}
        self.city_part_names = {w.lower() for w in knowledge.conventions["city_part_names"]}
        self.name_prefixes = {w.lower() for w in knowledge.conventions["place_name_prefixes"]}
        self.compound_name_heads = {w.lower() for w in knowledge.conventions["compound_place_name_heads"]}
        self.death_words = {w.lower() for w in knowledge.conventions["death_words"]}
        self.street_suffixes = set(knowledge.conventions["street_suffixes"])
        self.road_prefixes = set(knowledge.conventions["numbered_road_prefixes"])
        self.operation_nouns = {w.lower() for w in knowledge.conventions["operation_nouns"]}
        self.embeds = [w.lower() for w in knowledge.conventions.get("page_furniture_embeds", [])]
        self.naming_participles = {w.lower() for w in knowledge.conventions["operation_naming_verbs"]}
        self.region_abbreviations = {abbreviation: (code, name)
                                     for code, names in knowledge.conventions.get("region_abbreviations", {}).items()
                                     for abbreviation, name in names.items()}

    def country_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code in self.country_names:
            return self.country_names[code]
        point = self.gazetteer.country_point(code)
        return point[0] if point else code

    def find(self, doc: Doc, excluded_tokens: set[int]) -> list[Toponym]:
        """Candidate toponyms: capitalised spans the gazetteer knows, outside actor mentions, and names the text
        presents as places that it lacks (``unresolved``)."""
        toponyms: list[Toponym] = []
        # "Wichita Street" is no more Wichita than "Taco Bell" is Bell.
        excluded_tokens = excluded_tokens | {j for s in self.street_names(doc) for j in range(s.token_start, s.token_end)}
        # "told The New Arab", "Al-Masdar News reported": an outlet's name is no place.
        excluded_tokens |= {t.i for m in self.outlet_names.finditer(doc.text) if (found := doc.char_span(
            m.start(), m.end(), alignment_mode="expand")) is not None for t in found}
        excluded_tokens |= self._operation_names(doc)
        for s_index, sent in enumerate(doc.sents):
            i = sent.start
            while i < sent.end:
                token = doc[i]
                if i in excluded_tokens or not _capitalised(token.text):
                    i += 1
                    continue
                initials = self._abbreviated_region(doc, i, s_index, initials_only=True)
                if initials is not None:
                    toponyms.append(initials)
                    i += 1
                    continue
                capital = self._capital_by_demonym(doc, i, s_index)
                if capital is not None:
                    toponyms.append(capital)
                    i = capital.token_end
                    continue
                match = None
                # "on al-Bab": the name with its article first, as the gazetteer may know only that ("Bab" alone may
                # read as a person's name).
                starts = [i - 2, i] if _after_joined_article(doc, i, sent.start) else [i]
                # "in Damascus Aleppo and Idleb": a name that goes on a list of places (its commas lost in scraping).
                listed = self._goes_on_a_list(doc, i, sent.end, toponyms[-1] if toponyms else None, s_index)
                for length in range(MAX_TOKENS, 0, -1):
                    end = i + length
                    if end > sent.end or not _capitalised(_elided(doc[end - 1].text)):
                        continue
                    match = next((named for start in starts if not any(
                        j in excluded_tokens or not _name_token(doc[j].text) for j in range(start, end))
                        and (named := self._match(doc[start:end], s_index, sent.start, listed=listed)) is not None),
                        None)
                    if match is not None:
                        match.with_article = match.token_start < i
                        break
                run_end = _name_run_end(doc, i, sent.end)
                if run_end == i + 1 and doc[i].lower_ in self.compound_name_heads and i + 2 < sent.end \
                        and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
                        and _capitalised(doc[i + 2].text):
                    run_end = _name_run_end(doc, i + 2, sent.end)  # "Khan-Arnab": a place's head word, hyphened on
                elif run_end == i + 1 and doc[i].lower_ in self.compound_name_heads and i + 1 < sent.end \
                        and (match is None or match.token_end <= i + 1) \
                        and doc[i + 1].is_alpha and _capitalised(doc[i + 1].text) \
                        and doc[i + 1].lower_ not in self.countries:
                    # "the neighborhood of Bab Alnairab": the word after a place's head word is its name's, however
                    # the tagger reads a transliteration it does not know.
                    run_end = i + 2
                # "Deir al-Zor Syrias SANA": a name ends where a country's name or possessive begins.
                run_end = next((j for j in range(i + 1, run_end) if doc[j].lower_ in self.countries
                                or self._country_possessive(doc[j : j + 1]) is not None), run_end)
                # "Chemical Attack Kills Five Syrians in Aleppo SANA": an agency's acronym credits the report.
                run_end = next((j for j in range(i + 1, run_end) if _agency_acronym(doc[j].text, self.outlet_words)),
                               run_end)
                # "the city of Hassakeh ISIS suicide bombers": a name ends where an actor's name begins.
                run_end = next((j for j in range(i + 1, run_end) if j in excluded_tokens), run_end)
                # "Syrias Hassakeh city": a country's possessive is no part of the name after it.
                possessive = match is not None and self._country_possessive(doc[i : i + 1]) is not None
                if match is not None and not possessive and (match.token_start > i or match.token_end < run_end):
                    match.weak = True  # "Gana" inside the unknown "N'Garoua Gana" is likely another place
                    # "Tal" of "Tal Hamis", "Bab" of "Bab al-Salama": the first word of a longer name the gazetteer
                    # lacks is that name's generic part, not the town that happens to bear it.
                    match.part_of_unknown_name = (match.token_start == i and match.token_end < run_end
                                                  and doc[match.token_end].lower_ not in PLACE_KIND_WORDS)
                unresolved = None
                if match is None and i - 2 >= sent.start and doc[i - 1].lower_ == "of" \
                        and doc[i - 2].lower_ in SETTLEMENT_NOUNS | VILLAGE_NOUNS:
                    run_end = self._end_before_known_place(doc, i, run_end)
                if match is None or match.part_of_unknown_name:
                    previous = toponyms[-1] if toponyms and toponyms[-1].sentence_index == s_index else None
                    unresolved = self._unresolved_name(doc, i, run_end, sent.start, excluded_tokens, s_index,
                                                       listed_after=previous)
                    if unresolved is not None:
                        toponyms.append(unresolved)
                if match is not None and match.part_of_unknown_name and (
                        _joining_article(doc, match.token_end, sent.end)
                        or (unresolved is not None and doc[i].lower_ in self.compound_name_heads)):
                    # "Bab al-Salama", "Tal al-Jabiyeh", "Khan Tuman": the first word of such a name is a noun of it
                    # ("gate", "hill", "inn"), not the town (Al Bab) that bears that noun alone, and its words are
                    # no other places.
                    i = unresolved.token_end if unresolved is not None else run_end
                    continue
                if match is None:
                    # "Killed in Barrel Bomb Attack": a headline's capitalised words that name a weapon are no name,
                    # nor is any word of their run ("Attack").
                    words_of_a_weapon = any(doc[j].lower_ in self.weapon_names for j in range(i, run_end))
                    i = unresolved.token_end if unresolved is not None else run_end if words_of_a_weapon else i + 1
                    continue
                toponyms.append(match)
                i = match.token_end
        for t in toponyms:
            t.qualifier = _in_parenthetical_after_name(doc, t.token_start)
            # "Tags Syria Ahrar al-Sham ... Hezbollah Zabadani": a page's keywords name no scene of the report.
            t.not_a_scene = _dateline(doc, t) or self._byline(doc, t) or _organisation_descriptor(doc, t.token_end) \
                or in_page_furniture(doc[t.token_start : t.token_end]) \
                or in_an_embedded_post(doc[t.token_start : t.token_end], self.embeds) \
                or _stance(doc, t.token_start) or self._across_the_border(doc, t, toponyms) \
                or self._where_it_was_said(doc, t) or self._speaker(doc, t) \
                or self._where_it_was_perceived(doc, t) \
                or _inside_organisation_name(doc, t, self.not_place_words | ORGANISATION_WORDS) \
                or self._named_as_a_party(doc, t) or self._where_a_person_is_from(doc, t) \
                or self._where_it_is_banned(doc, t) or self._where_it_was_made(doc, t)
            t.acting = _country_as_actor(doc, t)
            t.doer = t.acting and t.country_code is not None and doer(doc[t.token_end - 1])
        self._mark_comma_qualifiers(doc, toponyms)
        _mark_part_of_qualifiers(doc, toponyms)
        for t in toponyms:
            t.qualifiers = _qualifiers_after(doc, t, toponyms)
        _locate_unknown_names(doc, toponyms)
        return toponyms

    def _named_as_a_party(self, doc: Doc, toponym: Toponym) -> bool:
        """ "its ally Russia", "the regime's backer Iran", "Damascus ally Russia": a country or capital named as a
        party's ally or foe (`party_relation_nouns`) is that party, not where anything happened; so is one a side is
        tied to ("troops loyal to Damascus", "rebels backed by Ankara": `party_tie_words`), and a capital before its
        rulers ("the Damascus government", "the Kabul regime": `seat_of_government_nouns`)."""
        name = doc[toponym.token_end - 1]
        if name.dep_ == "pobj" and name.head.lower_ in {"to", "with", "by"} \
                and name.head.head.lemma_.lower() in self.party_ties:
            return True
        if name.dep_ == "compound" and name.head.lemma_.lower() in self.government_nouns \
                and any(c.feature_code == "PPLC" for c in toponym.candidates):
            return True
        return name.dep_ in {"appos", "compound"} and name.head.lemma_.lower() in self.party_relations

    def _where_a_person_is_from(self, doc: Doc, toponym: Toponym) -> bool:
        """ "a native of Kazakhstan", "a national of Tunisia" (`origin_nouns`): the person's country, not where
        anything happened."""
        name = doc[toponym.token_end - 1]
        origin = noun_it_is_of(name)
        return origin is not None and origin.lemma_.lower() in self.origin_nouns

    def _where_it_was_made(self, doc: Doc, toponym: Toponym) -> bool:
        """"missiles manufactured in Russia" (`made_in_words`), "US-made missiles" (`making_words`): where a thing was
        made, not where anything happened."""
        end = toponym.token_end
        return _after_word_and_in(doc, toponym, self.made_in_words) or (
            end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in self.making_words)

    def _where_it_is_banned(self, doc: Doc, toponym: Toponym) -> bool:
        """"terrorists from the Islamic State terrorist organization (banned in Russia)" (`legal_status_words`): where
        a group is outlawed, not where anything happened."""
        return _after_word_and_in(doc, toponym, self.legal_status_words)

    def _where_it_was_said(self, doc: Doc, toponym: Toponym) -> bool:
        """"an opposition figure said in Turkey the attack had killed 1,300", "told reporters in Paris": where the
        speaker was, not where the act happened (a passive report has no speaker)."""
        name = doc[toponym.token_end - 1]
        prep = name.head if name.dep_ == "pobj" else None
        # "In Iraq at least 17 people were reported killed": a passive report names no speaker to be anywhere.
        # A speaker named as the subject keeps the report active whatever the parse hangs on the verb.
        passive = prep is not None and any(c.dep_ in {"auxpass", "nsubjpass"} for c in prep.head.children) \
            and not any(c.dep_ == "nsubj" for c in prep.head.children)
        # "IS claimed the car bomb attack in Damascus": an act claimed is placed by the words the parse hangs on the
        # claim.
        claims_an_act = prep is not None and any(
            w.dep_ == "dobj" and w.lemma_.lower() in self.act_nouns for w in [prep.head, *prep.head.children])
        return prep is not None and prep.lower_ in {"in", "at", "from"} and not passive and not claims_an_act and (
            prep.head.lemma_.lower() in self.reporting_verbs or (
                prep.head.dep_ in {"dobj", "dative"} and prep.head.head.lemma_.lower() in self.reporting_verbs))

    def _speaker(self, doc: Doc, toponym: Toponym) -> bool:
        """"The White House condemned what it said was a reprehensible attack": a place's name that speaks or reacts,
        right before its verb, is an institution, not a scene (nor a namesake town: White House, Tennessee). A
        country's name stays the country whose government acts (`_country_as_actor`), and one far from the verb is a
        misparse ("Syria: at least 22 people were killed ..., the Observatory said")."""
        name = doc[toponym.token_end - 1]
        return toponym.country_code is None and name.dep_ == "nsubj" and 0 < name.head.i - name.i <= SPEAKER_GAP \
            and name.head.lemma_.lower() in self.speaking_verbs

    def _where_it_was_perceived(self, doc: Doc, toponym: Toponym) -> bool:
        """"the sound of gunfire audible from the town of Akcakale on the Turkish side", "smoke could be seen from
        Kilis": where the act was heard or seen from, across a border or a valley, not where it happened."""
        name = doc[toponym.token_end - 1]
        kind = noun_it_is_of(name)
        if kind is not None and kind.lemma_.lower() in PLACE_KIND_WORDS:
            name = kind  # "the town of Akcakale"
        prep = name.head if name.dep_ == "pobj" else None
        return prep is not None and prep.lower_ == "from" and prep.head.lemma_.lower() in self.perception_words

    def _byline(self, doc: Doc, toponym: Toponym) -> bool:
        """A city before an agency and a day, where a scraped page's byline was filed: "Moscow AFP Saturday 7 Oct" (not
        the place a headline ends on: "... militants killed in northern Syria Reuters Sunday 9 Oct")."""
        after = doc[toponym.token_end : toponym.token_end + 2]
        before = doc[toponym.token_start - 1] if toponym.token_start > 0 else None
        if before is not None and (before.pos_ == "ADP" or before.lower_ in self.direction_words):
            return False
        return len(after) == 2 and after[0].text in self.outlet_words and after[1].lower_ in CALENDAR_WORDS

    def _across_the_border(self, doc: Doc, toponym: Toponym, toponyms: list[Toponym]) -> bool:
        """ "on the Syrian side of the border with Iraq", "near the Atmeh border crossing with Turkey": the country a
        border is shared with is the side the report is not on, as is the one a place borders ("an eastern province
        bordering Iraq"), the second of the two countries a border is named by ("Blast at Syria-Turkey border"), and
        the country that names a border ("Flita ... near the Lebanon border": Syria's border with Lebanon)."""
        if toponym.country_code is None:
            return False
        start, end = toponym.token_start, toponym.token_end
        last = doc[end - 1]
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.pos_ == "VERB" and before.lemma_.lower() in self.border_words:
            return True
        if end < len(doc) and doc[end].lemma_.lower() in self.border_words and start >= 2 \
                and doc[start - 1].text in PAIR_JOINERS \
                and any(t.country_code is not None and t.token_end == start - 1 for t in toponyms):
            return True
        if end < len(doc) and doc[end].lemma_.lower() in self.border_words and start > 0 \
                and doc[start - 1].lower_ == "the":
            return True  # "rebel enclaves near the Lebanon border": the country across it, not where they are
        if last.dep_ != "pobj" or last.head.lower_ != "with":
            return False
        shared = last.head.head
        # "a town on Syrias border with Turkey", the parse hanging "with Turkey" on the town: the words still say it.
        said_next = last.head.i > 0 and doc[last.head.i - 1].lemma_.lower() in self.border_words
        return said_next or shared.lemma_.lower() in self.border_words or any(
            c.dep_ == "compound" and c.lemma_.lower() in self.border_words for c in shared.children)

    def _operation_names(self, doc: Doc) -> set[int]:
        """The words, wherever the report repeats them, of a name given to an operation: 'Ankara's offensive dubbed
        "Euphrates Shield"', then "fighters participating in Euphrates Shield" (no place, however it is used)."""
        names: set[tuple[str, ...]] = set()
        for token in doc:
            if token.dep_ == "acl" and token.lemma_.lower() in self.naming_participles \
                    and token.head.lemma_.lower() in self.operation_nouns:
                start = next((j for j in range(token.i + 1, min(len(doc), token.i + 3)) if not doc[j].is_quote), None)
                if start is not None and _capitalised(doc[start].text):
                    names.add(tuple(t.text for t in doc[start : _name_run_end(doc, start, token.sent.end)]))
        if not names:
            return set()
        return {j for i in range(len(doc)) for name in names
                if tuple(t.text for t in doc[i : i + len(name)]) == name for j in range(i, i + len(name))}

    def street_names(self, doc: Doc) -> list[Toponym]:
        """Streets and roads the text names: "Main Street", "West 11th Street", "Highway 19", "S.C. 6"."""
        cached = doc.user_data.get("street_names")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        streets: list[Toponym] = []
        for s_index, sent in enumerate(doc.sents):
            floor = sent.start
            for i in range(sent.start, sent.end):
                if i < floor:
                    continue
                text = doc[i].text
                numbered = (text in self.road_prefixes or text in self.region_abbreviations) and i + 1 < sent.end \
                    and doc[i + 1].text.isdigit()
                if not numbered and text not in self.street_suffixes:
                    continue
                start = _street_name_start(doc, i, floor)
                if numbered:
                    end = i + 2
                elif start < i and not (
                        text.endswith(".") and i + 1 < sent.end and _capitalised(doc[i + 1].text)):  # "St. Louis"
                    end = i + 1
                else:
                    continue
                streets.append(Toponym(doc[start:end].text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                                       s_index, start, end, street=True))
                floor = end
        doc.user_data["street_names"] = streets
        return streets

    def demonym_references(self, doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
        """"Russian", "Palestinians", "Sri Lankan": a people's name refers to its country. These are references
        for geoparsing; an event never takes place at a nationality ("Malian soldiers" fight in Burkina Faso)."""
        taken = {j for t in toponyms for j in range(t.token_start, t.token_end)}
        references: list[Toponym] = []
        for s_index, sent in enumerate(doc.sents):
            i = sent.start
            while i < sent.end:
                found = None
                for end in range(min(i + 3, sent.end), i, -1):
                    words = range(i, end)
                    if any(j in taken or not _capitalised(doc[j].text) for j in words):
                        continue
                    code = self.demonyms.get(doc[i:end].text.lower())
                    if code is not None:
                        found = Toponym(doc[i:end].text, doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text),
                                        s_index, i, end, country_code=code)
                        break
                if found is None:
                    i += 1
                    continue
                references.append(found)
                i = found.token_end
        return references

    def kind_of_place_votes(self, doc: Doc) -> Counter[str]:
        """"the Syrian border town of Kobani", "the Iraqi city of Mosul": a people's adjective on the kind of place a
        name is says the name's country, however many foreign forces the report names."""
        votes: Counter[str] = Counter()
        for token in doc:
            if token.lower_ not in PLACE_KIND_WORDS or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "of":
                continue
            for word in reversed(doc[max(token.sent.start, token.i - KIND_OF_PLACE_WORDS) : token.i]):
                code = self.demonyms.get(word.lower_) if _capitalised(word.text) else None
                if code is not None:
                    votes[code] += 2  # as a country named as a place
                    break
        return votes

    def _mark_comma_qualifiers(self, doc: Doc, toponyms: list[Toponym]) -> None:
        """"Paris, Tenn.", "Gao, Mali", "Bangui, a town in the region of Tahoua": a region or country after a
        comma that holds the place before it.

        "Menaka, Gao and Timbuktu" is a list, so a name followed by "and"/"or" qualifies nothing.
        """
        by_start = {t.token_start: t for t in toponyms}
        for t in list(toponyms):
            after = t.token_end + 1
            while after < len(doc) and doc[after].lower_ in APPOSITION_WORDS and after - t.token_end < QUALIFIER_GAP:
                after += 1
            if t.country_code or after >= len(doc) or doc[t.token_end].text != "," \
                    or doc[after].sent.start != doc[t.token_start].sent.start:
                continue
            named, abbreviated = by_start.get(after), self._abbreviated_region(doc, after, t.sentence_index)
            for region in (abbreviated, named):
                if region is None or (region.token_end < len(doc) and doc[region.token_end].lower_ in {"and", "or"}):
                    continue
                if any(_inside(c, region) for c in t.candidates):
                    region.qualifier = True
                    if region is abbreviated:  # "Ala." is Alabama here, whatever else the gazetteer calls Ala
                        if named is not None:
                            toponyms.remove(named)
                        by_start[after] = region
                        toponyms.append(region)
                    break
        toponyms.sort(key=lambda t: t.token_start)

    def _abbreviated_region(self, doc: Doc, i: int, sentence_index: int, *, initials_only: bool = False
                            ) -> Toponym | None:
        """"Tenn.", "W.Va." at token ``i`` as the region it stands for; ``initials_only`` takes only forms made of
        initials ("W.Va.", "S.C."), which are never words."""
        abbreviation = doc[i].text
        if abbreviation not in self.region_abbreviations and i + 1 < len(doc) and doc[i + 1].text == ".":
            abbreviation += "."  # "CHARLESTON, W.Va. --": spaCy splits the last full stop off
        found = self.region_abbreviations.get(abbreviation)
        if found is None or (initials_only and abbreviation.count(".") < 2):
            return None
        code, name = found
        regions = [e for e in self.gazetteer.lookup(name) if e.country_code == code and e.level == "admin1"]
        if not regions:
            return None
        token = doc[i]
        return Toponym(token.text, token.idx, token.idx + len(token.text), sentence_index, i, i + 1,
                       candidates=regions)

    def _capital_by_demonym(self, doc: Doc, i: int, s_index: int) -> Toponym | None:
        """ "the Syrian capital", "the Malian capital": the capital of the country the people's name refers to."""
        if i + 1 >= len(doc) or doc[i + 1].lower_ != "capital" or i == 0 or doc[i - 1].lower_ != "the":
            return None
        code = self.demonyms.get(doc[i].lower_)
        entry = self.gazetteer.capital(code) if code else None
        if entry is None:
            return None
        capital = Toponym(doc[i : i + 2].text, doc[i].idx, doc[i + 1].idx + len(doc[i + 1].text), s_index, i, i + 2,
                          candidates=[entry])
        # "a rebel-held town northeast of the Syrian capital": near it, not in it.
        capital.near = any(t.lower_ in NEAR_CUES for t in doc[max(doc[i].sent.start, i - 4) : i - 1])
        return capital

    @staticmethod
    def _goes_on_a_list(doc: Doc, i: int, sent_end: int, previous: Toponym | None, s_index: int) -> bool:
        """The name at token ``i`` follows a place the context or its size vouches for, after a list's separator, or
        right after it with a separator after the name ("in Damascus Aleppo and Idleb", the commas lost in scraping)."""
        if previous is None or previous.sentence_index != s_index or previous.country_code or (
                previous.weak and max((c.population for c in previous.candidates), default=0) < FAMOUS_POPULATION):
            return False
        run_end = _name_run_end(doc, i, sent_end)
        return (previous.token_end == i - 1 and doc[i - 1].lower_ in LIST_SEPARATORS) or (
            previous.token_end == i and run_end < sent_end and doc[run_end].lower_ in LIST_SEPARATORS)

    def _match(self, span: Any, s_index: int, sent_start: int, *, listed: bool = False) -> Toponym | None:
        text = span.text
        code = (self.countries.get(text.lower()) if text.isupper() or text.lower() not in self.country_initials
                else None) or self._country_possessive(span)
        if code is not None:
            return Toponym(text, span.start_char, span.end_char, s_index, span.start, span.end, country_code=code)
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if text.lower() in self.demonyms or text.lower() in CALENDAR_WORDS or all(t.is_stop for t in span) or (
                text.lower() in CALENDAR_ABBREVIATIONS and (span.root.ent_type_ in {"DATE", "TIME"} or (
                    following is not None and (following.like_num or following.lower_ in CALENDAR_WORDS
                                               or following.lower_ in CALENDAR_ABBREVIATIONS)))):
            return None  # "Jan 20" is no Dschang, "Mon Jul 11 2016" no Mon State of Myanmar
        if _acronym(span):
            return None  # "SANA", "SOHR": an agency's or a monitor's initials, not GeoNames' "Sana" (Sanaa)
        after = span.doc[span.end : span.end + 1]
        if text.lower() in self.direction_words and len(after) and (
                after.text.lower() in self.countries or self._country_possessive(after)):
            return None  # "Northern Syria": a part of the country, not a region named Northern elsewhere
        if any(t.lower_ in self.not_place_words for t in span) or (
                len(span) == 1 and span[0].lower_ in self.not_place_alone) or text.lower() in self.city_part_names:
            return None
        candidates = self.gazetteer.lookup(text) or self._possessive_place(span)
        doc = span.doc
        prev = doc[span.start - 1] if span.start > sent_start else None
        if prev is not None and self._ends_another_name(span, prev):
            candidates = [c for c in candidates if c.feature_class == "A"]  # "Kanawha Circuit Court": the county
        elif prev is not None and self._after_another_word(span, prev) and span.root.ent_type_ != "GPE":
            # "in the Rose Garden": a town's other name ("Garden", for Hawarden) that ends a longer name is its word.
            candidates = [c for c in candidates if c.is_primary_name or c.feature_class == "A"]
        if prev is not None and _capitalised(prev.text) and prev.lower_ in self.demonyms:
            # "in Syrian Main Battlefields": a people's adjective says whose place it is; no Jordanian Ma'in.
            candidates = [c for c in candidates if c.country_code == self.demonyms[prev.lower_]]
        if not candidates:
            return None
        before_words = doc[max(sent_start, span.start - 3) : span.start]
        if prev is not None and self._country_possessive(doc[prev.i : prev.i + 1]) is not None:
            # "in northern Syrias Afrin": the words before the country's possessive, and its direction, place it.
            start = prev.i - (1 if prev.i - 1 >= sent_start and doc[prev.i - 1].lower_ in self.direction_words else 0)
            before_words = doc[max(sent_start, start - 3) : start]
        before = [t.lower_ for t in before_words]
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        # "fired rockets into Damascus neighbourhoods": one name before the plural is the city whose parts they are;
        # "the Sheikh Maqsoud and Ashrafieh neighbourhoods" lists the parts' own names.
        parts_of_the_named = bool(after) and after[0] in TOWN_PART_NOUNS and doc[span.end].tag_ == "NNS" \
            and not (prev is not None and prev.lower_ in LIST_SEPARATORS)
        town_part = bool(after) and after[0] in TOWN_PART_NOUNS and not parts_of_the_named
        if town_part:
            # "infiltrate from Sana neighborhood" in Damascus: not Sanaa, the capital of Yemen; a part of a town is
            # a section of a town, or a village a town grew over, else a name the gazetteer lacks.
            candidates = [c for c in candidates if c.feature_code == "PPLX" or (
                c.feature_class == "P" and c.population < CITY_POPULATION and c.feature_code not in SEAT_BONUS)]
            if not candidates:
                return None
        sentence_initial = span.start == sent_start or (prev is not None and prev.is_punct and prev.text in "\"'(")
        verb_object = prev is not None and prev.lemma_.lower() in PLACE_OBJECT_VERBS
        place_nouns = AREA_NOUNS | SETTLEMENT_NOUNS
        # "Khan Sheikhun in Idlib province suffered air strikes": a name the report places in the division it lies in.
        cue = (verb_object or bool(before and before[-1] in LOCATIVE_BEFORE) or any(a in place_nouns for a in after)
               or any(b in place_nouns | NEAR_CUES | PARTS_OF_A_PLACE for b in before)
               or _lies_in(candidates, _division_placed_in(doc, span.end)))
        # "Amarsingue (Tera, Tillaberi)": a name opening a parenthesis after a name is its district.
        cue = cue or (prev is not None and prev.text == "(" and span.start - 2 >= sent_start
                      and _capitalised(doc[span.start - 2].text))
        labelled = span.root.ent_type_ in PLACE_LABELS
        famous = max(c.population for c in candidates) >= FAMOUS_POPULATION
        # "Franklin said" after "Benjamin Franklin": a person, unless the context says place, or a city goes on a list
        # of places ("in Damascus Aleppo and Idleb", beside a crosshead "Aleppo Death toll" read as a person's name).
        if not cue and not (listed and famous) and text.lower() in self._person_name_parts(doc):
            return None
        proper = all(t.pos_ == "PROPN" for t in span)
        if not (cue or labelled or famous or (proper and not sentence_initial and len(text) > 3)):
            return None
        if sentence_initial and not (proper or cue or labelled):
            return None  # "Mobile networks are often cut": a capitalised common word, not Mobile, Alabama
        topo = Toponym(text, span.start_char, span.end_char, s_index, span.start, span.end, candidates=candidates)
        topo.near = any(_near_word(b) for b in before_words) or _near_through_description(doc, span.start, sent_start)
        # "Lattakia province" and "the province of Lattakia" alike: the province, placed at its town.
        topo.area_word = any(a in AREA_NOUNS for a in after) or (bool(after) and after[0] in PROVINCE_POSSESSIVES) or (
            len(before) >= 2 and before[-1] == "of" and before[-2] in DIVISION_NOUNS) or _listed_before_divisions(span)
        # "Diffa region" stays the town its region is named after, as ACLED places a region's events at its
        # seat; "rural Homs" and "the Idlib countryside" are the province's villages, not the city.
        topo.division_word = (bool(before) and before[-1] in DIVISION_PREFIXES) or (
            bool(after) and after[0] in COUNTRYSIDE_NOUNS) or (
            # "a rebel-held town in Idlib", "villages in Aleppo": the unnamed town lies in the province ("Ngarwa
            # village in Diffa" names its village)
            len(before) >= 2 and before[-1] == "in" and before[-2] in TOWNS_WITHIN and _unnamed(doc[span.start - 2]))
        topo.village_word = bool(set(before[-2:]) & VILLAGE_NOUNS) or bool(after and after[0] in VILLAGE_NOUNS)
        # spaCy's small model calls many Sahel towns persons, so that label only weakens a name.
        # A town's part vouches for no country: it lies in the one the report is about.
        topo.weak = not (cue or labelled or famous) or (span.root.ent_type_ in NON_PLACE_LABELS and not cue) or town_part
        topo.town_part = town_part
        if topo.weak and _modifies_a_weapon(span, self.weapons):
            return None  # "59 Tomahawk cruise missiles": a weapon's name, not the town of that name
        return topo

    def _possessive_place(self, span: Any) -> list[GazetteerEntry]:
        """A city's or a province's possessive that lost its apostrophe, before a part of it ("Idlibs countryside",
        "Aleppos outskirts"): the place, when the name without its "s" is one large enough to have parts."""
        text = span.text
        after = span.doc[span.end : span.end + 1]
        if not text.endswith("s") or len(text) < 5 or not len(after) or after[0].lower_ not in PARTS_OF_A_PLACE | {
                "province", "governorate", "outskirts", "suburbs"}:
            return []
        return [c for c in self.gazetteer.lookup(text[:-1])
                if c.feature_class == "A" or (c.feature_class == "P" and c.population >= CITY_POPULATION)]

    def _spelt_otherwise(self, text: str, leading: list[str]) -> GazetteerEntry | None:
        """A name one of whose words the report transliterates otherwise than the gazetteer ("Kfar Zeita" for "Kafr
        Zeita", `place_word_spellings`): the place of the name so spelt, in a country the document points at."""
        respelt = " ".join(self.word_spellings.get(word.lower(), word) for word in text.split())
        if respelt.lower() == text.lower():
            return None
        found = [e for e in self.gazetteer.lookup(respelt) if e.country_code in leading]
        return max(found, key=lambda e: e.population) if found else self.gazetteer.closest(respelt, leading)

    def _closest_without_kind(self, text: str, leading: list[str]) -> GazetteerEntry | None:
        """"Qamishli City" in a headline: the kind of place, capitalised, may be no part of the name."""
        name, _, kind = text.rpartition(" ")
        if not name or kind.lower() not in SETTLEMENT_NOUNS | AREA_NOUNS:
            return None
        return self.gazetteer.closest(name, leading)

    def _person_name_parts(self, doc: Doc) -> set[str]:
        """Words of multi-word person names in the document ("Benjamin Franklin" gives "benjamin", "franklin")."""
        cached = doc.user_data.get("person_name_parts")
        if cached is None:
            # "Tags Aleppo Idlib Syria", read as a person, is a page's keyword list; "Syrias Aleppo", a country's
            # possessive that lost its apostrophe before a city.
            cached = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                      and not in_page_furniture(ent) and self._country_possessive(ent[:1]) is None for t in ent}
            doc.user_data["person_name_parts"] = cached
        return cached

    def _country_possessive(self, span: Any) -> str | None:
        """ "Syrias Aleppo", "Iraqs Mosul": a country's possessive that lost its apostrophe (as scraped text often
        does), before another name."""
        text = span.text
        end = span.end
        if len(span) != 1 or len(text) < 5 or not text.endswith("s") or end >= len(span.doc) \
                or not _capitalised(span.doc[end].text):
            return None
        return self.countries.get(text[:-1].lower())

    def _ends_another_name(self, span: Any, prev: Any) -> bool:
        """"Taco Bell", "Consumers Energy", "Matthew Arnold": a town's name after another capitalised word is the
        end of a name that is not the town's, unless the word places it ("South Philadelphia"), spaCy reads the
        whole as a place, or the text presents the whole name as a place ("the village of Koulo Koura", "in Holle
        Hamani": a two-word village whose second word is another village's name)."""
        return span.root.ent_type_ not in {"GPE", "LOC"} and self._after_another_word(span, prev)

    def _after_another_word(self, span: Any, prev: Any) -> bool:
        """The name follows a capitalised word that neither places it nor presents the two as a place's name."""
        return (_capitalised(prev.text) and not prev.is_stop and prev.lower_ not in self.name_prefixes
                and not _introduced_as_place(span.doc, prev.i)
                and self._country_possessive(span.doc[prev.i : prev.i + 1]) is None)

    def _end_before_known_place(self, doc: Doc, i: int, end: int) -> int:
        """Where a run of names the gazetteer lacks as a whole, after "the town of", ends: before a known place that
        follows the first name ("Town of Atareb Aleppo Province", scraped text without its comma); a place's generic
        head ("Tel", "Kafr") takes the word after it, and an article joins the words ("Bab al-Salama")."""
        for j in range(i + 1 + (doc[i].lower_ in self.compound_name_heads), end):
            if doc[j].lower_ in NAME_ARTICLES or _within_joined_name(doc, j):
                return end
            if any(self.gazetteer.lookup(doc[j:stop].text) for stop in range(end, j, -1)):
                return j
        return end

    def _unresolved_name(self, doc: Doc, i: int, end: int, sent_start: int, excluded_tokens: set[int],
                         s_index: int, *, listed_after: Toponym | None = None) -> Toponym | None:
        """The name ``doc[i:end]`` as a place the gazetteer lacks, when the text presents it as one: "the village
        of X", "X village", "in X" where spaCy reads X as a place, or listed after a town ("the towns of Rastan and
        Talbeesah")."""
        name_start = i  # where the name proper starts: "Bureij" is al-Bureij, not a known place inside it
        if _after_joined_article(doc, i, sent_start):
            i -= 2  # "a camp near al-Habeet": the article is part of the name
        span = doc[i:end]
        text = span.text
        before = [t.lower_ for t in doc[max(sent_start, i - 2) : i]]
        after = doc[end].lower_ if end < len(doc) else ""
        # A stronghold may be a side's, not a place: "a stronghold of Bashar al-Assads regime" (the name qualifies the
        # noun after it; "the city of Hassakeh ISIS suicide bombers ..." is still a city).
        sides_stronghold = bool(before) and before[0] in HELD_PLACE_NOUNS \
            and doc[end - 1].dep_ in {"compound", "poss", "amod"} and doc[end - 1].head.i >= end
        kind_of = len(before) == 2 and before[1] == "of" and not sides_stronghold and before[0] in (
            SETTLEMENT_NOUNS | AREA_NOUNS | PARTS_OF_A_PLACE | HELD_PLACE_NOUNS
            | {"province", "neighbourhood", "neighborhood"})
        # "the al-Jafra area", "Jabal al-Torkman region", "the Kalassa district": a name before a word for a part of a
        # country or town.
        place_head = doc[name_start].lower_ in self.compound_name_heads  # "Khan", "Tel", "Deir"
        arabic = i != name_start or place_head
        kind_after = after in SETTLEMENT_NOUNS | VILLAGE_NOUNS or (
            after in PART_NOUNS | TOWN_PART_NOUNS and (arabic or (bool(before) and before[-1] == "the")))
        introducer = self._introducer(doc, i, sent_start)
        if introducer is not None and introducer.lower_ == "the" and after in DIVISION_NOUNS:
            introducer = self._introducer(doc, introducer.i, sent_start)  # "in the Hassakeh province"
        introduced = introducer is not None and (introducer.lower_ in PLACE_INTRODUCERS | {"at", "on"}
                                                 or introducer.lemma_.lower() in PLACE_OBJECT_VERBS)
        # A name joined to its Arabic article ("on al-Latamineh", "in al-Baath") is a place's, as a person's is not
        # introduced by these words.
        # "attacked Tel Abyad": a name whose head word is a place's ("Tel", "Khan", "Deir") is a place's, whatever
        # the tagger calls it.
        headed = end - name_start > 1 and place_head
        located = introduced and (all(t.ent_type_ in PLACE_LABELS for t in span if _capitalised(t.text))
                                  or _placed_in_division(doc, end) or i != name_start or headed)
        listed = listed_after is not None and bool(before) and before[-1] in LIST_SEPARATORS \
            and listed_after.token_end == i - 1 and any(c.level == "populated_place" for c in listed_after.candidates)
        # "in Idlib provinces Maaret al-Numan": a name after a division's possessive (its apostrophe lost or not) is a
        # place in it.
        in_division = bool(before) and (before[-1] in PROVINCE_POSSESSIVES or (
            before[-1] in {"'s", "’s"} and len(before) == 2 and before[0] + "s" in PROVINCE_POSSESSIVES))
        if not (kind_of or kind_after or located or listed or in_division):
            return None
        lowered = text.lower()
        if (any(j in excluded_tokens for j in range(i, end)) or len(name_key(text)) < 4 or _acronym(span)
                or lowered in self.countries or lowered in self.demonyms or lowered.rstrip("s") in self.countries
                or lowered in CALENDAR_WORDS or lowered in self.direction_words
                or any(t.lower_ in self.not_place_words for t in span)
                or (len(span) == 1 and span[0].lower_ in self.not_place_alone)  # "a Syria Kurd town"
                # "a bomb attack hit Nohas bus", "Ankaras offensive": a possessive without its apostrophe
                or (len(span) == 1 and self._possessive_without_apostrophe(doc, lowered))
                or any(t.lower_ in self.weapon_names for t in span)
                # "a Fulani camp": a people, not a place (but "Bab Alnairab" is a name its head word makes a place's; not
                # a headline's run of capitalised words after it: "Tell Abyad Terroirst Attack")
                or (not (headed and end - name_start == 2) and any(t.ent_type_ == "NORP" for t in span))
                or all(t.lower_ in PLACE_KIND_WORDS | VILLAGE_NOUNS | PART_NOUNS for t in span)  # "Airstrike on Village"
                or doc[name_start].pos_ in {"DET", "PRON"}  # "Liberate Another Village", "Each Village": no name
                # "near the town of Manbij Killing 80 terrorists": a headline's capitalised word of death ends the name
                or any(t.pos_ in {"VERB", "AUX"} or t.lower_ in self.death_words for t in span[1:])
                or (not (kind_of or kind_after or in_division or (introduced and (i != name_start or headed)))
                    and any(t.ent_type_ in NON_PLACE_LABELS for t in span))
                or not all(_name_token(t.text) for t in span)
                or (not place_head
                    and any(self.gazetteer.lookup(doc[j:end].text) for j in range(name_start + 1, end)
                            if not _within_joined_name(doc, j)))):
            # "Syrias Aleppo": a possessive without its apostrophe, then a known place; "al-Gharia al-Gharbiya" is
            # one name whose article joins its words, whatever place "Gharbiya" alone names.
            return None
        return Toponym(text, span.start_char, span.end_char, s_index, i, end, unresolved=True,
                       village_word=kind_after or (kind_of and before[0] in VILLAGE_NOUNS),
                       division_word=(kind_of and before[0] in DIVISION_NOUNS) or after in DIVISION_NOUNS)

    def _introducer(self, doc: Doc, i: int, sent_start: int) -> Token | None:
        """The word before a name, past who holds it ("strikes on rebel-held Atareb", "in regime-controlled Homs")."""
        if i <= sent_start:
            return None
        held = doc[i - 1]
        if held.tag_ == "VBN" and held.lemma_.lower() in self.state_participles and held.dep_ == "amod" \
                and held.head.i >= i:
            i = held.left_edge.i
        return doc[i - 1] if i > sent_start else None

    def _possessive_without_apostrophe(self, doc: Doc, word: str) -> bool:
        """A name with the "s" its lost apostrophe left: one the text gives a person, or anything but a place ("Nohas"
        after "Noha"), or a country's or a city's ("Ankaras offensive")."""
        stem = word[:-1]
        if not word.endswith("s"):
            return False
        if stem in self._person_name_parts(doc) or any(
                t.lower_ == stem and _capitalised(t.text) and t.ent_type_ not in PLACE_LABELS for t in doc):
            return True
        return len(stem) >= 4 and (stem in self.countries or any(
            c.population >= CITY_POPULATION and c.feature_class == "P" for c in self.gazetteer.lookup(stem)))

    def resolve(self, toponyms: list[Toponym], *, extra_country_votes: Counter[str] | None = None) -> Counter[str]:
        """Choose one gazetteer entry per toponym, dropping weak ones outside the document's countries.

        Returns the document's country votes; ``toponyms`` is pruned in place.
        """
        votes: Counter[str] = Counter(extra_country_votes or {})
        for t in toponyms:
            # A state named as a verb's doer ("Turkey denied supporting the group") or as its act's owner ("US air
            # strikes") says less of where the report is than a country named as a place ("the Niger-Libya border").
            if t.country_code and not t.not_a_scene:
                votes[t.country_code] += 1 if t.acting else 2
        for t in toponyms:
            if _votes_for_itself(t):
                votes[t.candidates[0].country_code] += 1
        # Another spelling is looked for only in the countries the report is mostly about: a Syrian report that
        # quotes Washington once has no "Abedin" camp in Aberdeen, South Dakota.
        top = max(votes.values(), default=0)
        leading = [code for code, n in votes.most_common(3) if n > 0 and 2 * n >= top]
        unknown_names: dict[str, list[Toponym]] = defaultdict(list)
        for t in toponyms:
            if t.unresolved and leading:
                unknown_names[name_key(t.text)].append(t)

        def near_its_neighbours(t: Toponym, entry: GazetteerEntry) -> bool:
            beside = [c for o in toponyms if o is not t and o.sentence_index == t.sentence_index
                      and not o.country_code and not o.weak for c in o.candidates[:1]
                      if c.country_code in leading]  # "Human Rights" read as a Uman afar places nothing
            return not beside or any(haversine_km(entry.latitude, entry.longitude, c.latitude, c.longitude)
                                     <= FUZZY_NEAR_KM for c in beside)

        for mentions in unknown_names.values():
            # Another spelling of a place the gazetteer has, in a country the document points at, and near the
            # places the sentences that name it name with it, if any, more often than not ("Bossieye in the Yatakala
            # area" is no Bossèye afar; "al-Halk area east of Aleppo city", then "who fled al-Halk area", is no Al Hal
            # in Hasakah).
            text = mentions[-1].text
            entry = self._spelt_otherwise(text, leading) or self.gazetteer.closest(text, leading) \
                or self._closest_without_kind(text, leading)
            fits = [near_its_neighbours(t, entry) and _in_its_named_divisions(t, entry) for t in mentions] \
                if entry is not None else []
            if entry is None or 2 * sum(fits) <= len(fits):
                continue
            for t in mentions:
                reading = (self._division_named_like(entry) or entry) if t.division_word else entry
                t.unresolved, t.candidates, t.weak = False, [reading], True
        nested = _nested_readings(toponyms) | _sibling_regions(toponyms)
        named_countries = {t.country_code for t in toponyms if t.country_code}
        anchors: list[tuple[str, GazetteerEntry]] = []

        def best(t: Toponym, candidates: list[GazetteerEntry]) -> GazetteerEntry:
            # Only other names anchor a toponym: a repeated name must not vouch for itself.
            others = [entry for key, entry in anchors if key != name_key(t.text)]
            regions = Counter(_region_of(entry) for entry in others)
            return max(candidates, key=lambda c: self._score(c, t, votes, others)
                       + REGION_WEIGHT * regions[_region_of(c)] / max(1, regions.total())
                       + (3.0 if any(_inside(c, q) for q in t.qualifiers) else 0.0)
                       + (NESTED_WEIGHT if c.geonameid in nested else 0.0)
                       # "in Moscow" in a report that names Russia: its capital, whatever the other places
                       + (NAMED_CAPITAL_WEIGHT if c.feature_code == "PPLC" and c.country_code in named_countries
                          else 0.0))

        for _ in range(2):  # the second pass can use the first pass's places as anchors
            for t in toponyms:
                if t.candidates:
                    divisions = ([c for c in t.candidates if c.level == "admin1"]
                                 or self._countryside_divisions(t.candidates)) if t.division_word else []
                    t.chosen = best(t, divisions or t.candidates)
            anchors = [(name_key(t.text), t.chosen) for t in toponyms
                       if t.chosen is not None and t.chosen.feature_class in "PA"]
        # "the Mallah and Handarat fronts ... near the rebel supply route into Aleppo": no hamlet afar.
        toponyms[:] = [t for t in toponyms if not _far_from_its_neighbours(t, toponyms)]
        misread: dict[str, list[Toponym]] = {}
        for t in toponyms:
            if self._far_from_its_qualifiers(t):
                # The wrong namesake ("the Kalassa district of Damascus" is no Kalassa of Mali): the name stays,
                # placed by the district or region named with it.
                t.chosen, t.candidates, t.unresolved = None, [], True
                misread.setdefault(name_key(t.text), t.qualifiers)
        for t in toponyms:
            if not t.qualifiers and t.chosen is not None and name_key(t.text) in misread:
                # "the town of Hader", then "at the entrance of Hader in Quneitra province": one name is one place in
                # a report, the one its located mention says, not another province's namesake.
                t.chosen, t.candidates, t.unresolved = None, [], True
                t.qualifiers = misread[name_key(t.text)]
        self._states_named_like_countries(toponyms, votes)
        strong = Counter(votes)
        strong.update(t.chosen.country_code for t in toponyms
                      if t.chosen is not None and not t.weak and not t.not_a_scene)
        for t in toponyms:
            if t.chosen is not None and not t.country_code and not self._fits_document(t.chosen, t.weak, votes, strong):
                # "the village of Lada" in a report on Boko Haram: not the bigger Lada in Spain, but the namesake
                # in a country the report points at, when there is one.
                fitting = [c for c in t.candidates if self._fits_document(c, t.weak, votes, strong)]
                if fitting:
                    t.chosen = best(t, fitting)
        # A name's own evidence, per name: the votes its mentions cast, and (in ``strong``) their readings too.
        own_votes = Counter(name_key(t.text) for t in toponyms if _votes_for_itself(t))
        own_readings = Counter(name_key(t.text) for t in toponyms
                               if t.chosen is not None and not t.weak and not t.not_a_scene)
        for t in toponyms:
            if t.with_article and t.chosen is not None:
                # "the village of al-Bureij northeast of Aleppo" is no Al Bureij in Gaza: a name found only with
                # its article, in a country no other name of the report points at, is one the gazetteer lacks.
                others = Counter(strong)
                others[t.chosen.country_code] -= own_votes[name_key(t.text)] + own_readings[name_key(t.text)]
                if +others and others[t.chosen.country_code] <= 0:
                    t.chosen, t.candidates, t.unresolved = None, [], True
        # "the White Helmets said" in a report on Syria: the first word of a longer name the gazetteer lacks is a
        # town of that name only in a country the report is mostly about, not in one it names once.
        top = max(strong.values(), default=0)
        toponyms[:] = [t for t in toponyms if not (t.part_of_unknown_name and t.chosen is not None
                                                   and 2 * strong[t.chosen.country_code] < top)]
        toponyms[:] = [t for t in toponyms if t.country_code or (t.unresolved and strong) or (
            t.chosen is not None and self._fits_document(
                t.chosen, t.weak, _without_own_votes(t.chosen, votes, own_votes[name_key(t.text)]),
                _without_own_votes(t.chosen, strong, own_votes[name_key(t.text)] + own_readings[name_key(t.text)])))]
        votes.update(t.chosen.country_code for t in toponyms
                     if t.chosen is not None and not t.weak and not t.not_a_scene)
        leader = votes.most_common(1)[0][0] if votes else None
        # "infiltrate from Sana neighborhood" in a report on Syria: a neighbourhood abroad is a namesake.
        toponyms[:] = [t for t in toponyms if not (t.town_part and t.chosen is not None
                                                   and t.chosen.country_code != leader)]
        kept = {id(t) for t in toponyms}
        for t in toponyms:
            if t.unresolved:
                t.country_hint = leader
            # "Khan Touman in the Northern Province of Aleppo": a qualifier dropped as a namesake abroad (Sri Lanka's
            # Northern Province) locates nothing.
            t.qualifiers = [q for q in t.qualifiers if id(q) in kept]
        return votes

    def _states_named_like_countries(self, toponyms: list[Toponym], votes: Counter[str]) -> None:
        """'Georgia' in a report about the United States is the state: a region of the document's country
        named like another country is read as that region."""
        mentions_of = Counter(name_key(t.text) for t in toponyms if t.country_code)
        evidence = Counter(votes)
        evidence.update(t.chosen.country_code for t in toponyms if t.chosen is not None and not t.weak)
        for t in toponyms:
            if not t.country_code:
                continue
            others = Counter(evidence)
            others[t.country_code] -= 2 * mentions_of[name_key(t.text)]  # the name's own votes do not count
            leader = next((code for code, n in others.most_common() if n > 0 and code != t.country_code), None)
            if leader is None or others[leader] <= others[t.country_code]:
                continue
            regions = [e for e in self.gazetteer.lookup(t.text) if e.country_code == leader and e.feature_code == "ADM1"]
            if regions:
                votes[t.country_code] -= 2
                t.country_code, t.candidates, t.chosen = None, regions, regions[0]

    @staticmethod
    def _fits_document(chosen: GazetteerEntry, weak: bool, votes: Counter[str], strong: Counter[str]) -> bool:
        """Whether a reading lies in a country the document points at (or is a big city); ``weak`` for a name
        accepted only for being a proper noun.

        ``votes`` is the evidence before resolution; ``strong`` adds the countries of well-attested places.
        """
        if weak:
            # With no country evidence at all, a sizeable town is still a fair reading of a proper noun.
            return bool(strong.get(chosen.country_code)) or (
                not strong and chosen.feature_class in "PA" and chosen.population >= 5000)
        return bool(votes.get(chosen.country_code)) or chosen.population >= 1_000_000 or (
            not votes and (not strong or bool(strong.get(chosen.country_code))))

    @staticmethod
    def _far_from_its_qualifiers(toponym: Toponym) -> bool:
        """A place outside, and farther than a region's breadth from, every district and region named after it."""
        chosen = toponym.chosen
        around = [q for q in toponym.qualifiers if q.chosen is not None]
        return chosen is not None and bool(around) and all(
            not _inside(chosen, q) and haversine_km(chosen.latitude, chosen.longitude,
                                                    q.chosen.latitude, q.chosen.longitude) > QUALIFIER_KM  # type: ignore[union-attr]
            for q in around)

    def _countryside_divisions(self, towns: list[GazetteerEntry]) -> list[GazetteerEntry]:
        """The division around a city that is a division of its own ("Damascus Countryside", "rural Damascus":
        Rif Dimashq, not the capital's governorate), by `countryside_divisions`."""
        return [e for town in towns if town.admin1_name in self.countryside_divisions
                for e in self.gazetteer.lookup(self.countryside_divisions[town.admin1_name])
                if e.level == "admin1" and e.country_code == town.country_code]

    def _division_named_like(self, town: GazetteerEntry) -> GazetteerEntry | None:
        """The first-level division that bears its town's name ("Al-Hasakah" governorate, whose seat is Al Ḩasakah),
        for a spelling the text calls a province."""
        if not town.admin1_name or without_article(name_key(town.admin1_name)) != without_article(name_key(town.name)):
            return None
        return next((e for e in self.gazetteer.lookup(town.admin1_name)
                     if e.level == "admin1" and e.country_code == town.country_code), None)

    @staticmethod
    def _score(entry: GazetteerEntry, toponym: Toponym, votes: Counter[str], anchors: list[GazetteerEntry]) -> float:
        score = {"P": 2.0, "A": 1.8}.get(entry.feature_class, 0.3)
        # "Paris", "London", "Athens": the capital, unless the document says otherwise.
        seat_bonus = SEAT_BONUS.get(entry.feature_code, 0.0)
        if seat_bonus and not _another_citys_own_name(entry, toponym):
            score += seat_bonus
        if entry.level == "admin1" and not _named_after_own_town(entry, toponym):
            # "California" is the state, not California, Maryland; but "Tahoua" is the town its region is named after.
            score += 0.8
        if toponym.area_word and entry.feature_class == "A":
            score += 0.4
        if toponym.village_word and entry.population >= CITY_POPULATION:
            score -= 0.5  # and no credit for its size
        else:
            score += 0.25 * math.log10(entry.population + 1)
        if entry.is_primary_name:
            score += 0.3
        total_votes = sum(votes.values())
        if total_votes:
            # A share of the evidence, weighed by how much evidence there is: one actor's vote is a hint,
            # a named country a fact.
            score += 3.0 * min(1.0, total_votes / 2) * votes.get(entry.country_code, 0) / total_votes
        if anchors and any(_related(a, entry) for a in anchors):
            score += 1.0
        return score

    def to_place(self, toponym: Toponym) -> Place | None:
        if toponym.street:
            return Place(name=toponym.text, country=None, geo_precision=GeoPrecision.NEAR, level="feature",
                         surface=toponym.text)
        if toponym.country_code:
            return self.country_place(toponym.country_code, surface=toponym.text)
        if toponym.unresolved:
            return self.unresolved_place(toponym)
        if toponym.chosen is None:
            return None
        return self.entry_place(toponym.chosen, surface=toponym.text, near=toponym.near or toponym.area_word)

    def entry_place(self, entry: GazetteerEntry, *, surface: str, near: bool = False) -> Place:
        """A place for a gazetteer entry; ``near`` when the text says "near X" or "the X area"."""
        level = entry.level
        if level == "populated_place":
            precision = GeoPrecision.NEAR if near else GeoPrecision.EXACT
        elif level in {"feature", "admin2"}:
            precision = GeoPrecision.NEAR
        else:
            precision = GeoPrecision.AREA
        admin1 = entry.admin1_name if level != "admin1" else (entry.admin1_name or entry.name)
        return Place(
            name=entry.name, country=self.country_name(entry.country_code), country_code=entry.country_code,
            admin1=admin1, admin2=entry.admin2_name, latitude=entry.latitude, longitude=entry.longitude,
            geo_precision=precision, level=level if level in LEVEL_RANK else "feature",  # type: ignore[arg-type]
            geonameid=entry.geonameid, surface=surface,
        )

    def unresolved_place(self, toponym: Toponym, around: Place | None = None) -> Place:
        """A named place the gazetteer lacks: its name, with the coordinates and divisions of the district or
        region named with it, else of ``around`` (the event's other places, the report's focus, its country), always
        approximate; with neither, no coordinates."""
        qualifier = next((q.chosen for q in toponym.qualifiers if q.chosen is not None), None)
        if qualifier is not None:
            around = self.entry_place(qualifier, surface=qualifier.name)
        elif around is not None and around.country_code != toponym.country_hint:
            around = self.country_place(toponym.country_hint) if toponym.country_hint else None
        if around is None:  # named, in the report's country, but not located
            return Place(name=toponym.text, country=self.country_name(toponym.country_hint),
                         country_code=toponym.country_hint, surface=toponym.text)
        # Near a town or in a district named with it, ACLED's "near" (2); in a region or country, its area (3).
        precision = GeoPrecision.NEAR if around.level in {"populated_place", "feature", "admin2"} else GeoPrecision.AREA
        if around.geonameid is None:
            precision = max(precision, around.geo_precision)  # no nearer than the other unknown place it lies by
        return Place(name=toponym.text, country=around.country, country_code=around.country_code,
                     admin1=around.admin1, admin2=around.admin2, latitude=around.latitude, longitude=around.longitude,
                     geo_precision=precision, level="populated_place", surface=toponym.text)

    def directional_region(self, sentence_text: str, country_code: str | None) -> Place | None:
        """'the eastern region' -> the first-level division named Est/East in the sentence's country."""
        if country_code is None:
            return None
        match = re.search(r"\b(" + "|".join(map(re.escape, self.directional)) + r")\s+(?:region|regions|part|"
                          r"province|zone|provinces)\b", sentence_text, re.IGNORECASE)
        if not match:
            return None
        found = self.gazetteer.admin1(country_code, self.directional[match.group(1).lower()])
        if found is None:
            return None
        name, lat, lon = found
        return Place(name=name, country=self.country_name(country_code), country_code=country_code, admin1=name,
                     latitude=lat, longitude=lon, geo_precision=GeoPrecision.AREA, level="admin1",
                     surface=match.group(0))

    def country_place(self, country_code: str, surface: str | None = None) -> Place:
        point = self.gazetteer.country_point(country_code)
        name = self.country_name(country_code) or country_code
        return Place(name=name, country=name, country_code=country_code,
                     latitude=point[1] if point else None, longitude=point[2] if point else None,
                     geo_precision=GeoPrecision.AREA, level="country", surface=surface)

    @staticmethod
    def is_nationwide(sentence_text: str) -> bool:
        return NATIONWIDE.search(sentence_text) is not None


# The sentences a report opens with, from the first that names a place: its focus is among their places.
OPENING_SENTENCES = 4


class Places:
    """Finds and resolves the report's toponyms; votes on its country (its places, and its actors' countries)
    and finds the place it is about."""

    name = "places"
    requires = ("doc", "actor_mentions", "mention_tokens")
    adds = ("toponyms", "country_votes", "country", "focus")

    def __init__(self, resolver: PlaceResolver, knowledge: Knowledge, *, focus_countries: tuple[str, ...] = ()) -> None:
        self.resolver = resolver
        self.country_codes = {c.name: c.iso2 for c in knowledge.countries}
        self.focus_countries = focus_countries
        self.moving_verbs = {v.lower() for v in knowledge.conventions.get("moving_verbs", [])}
        self.people_from = {v.lower() for v in knowledge.conventions.get("people_from", [])}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.doc is not None and annotated.mention_tokens is not None
        toponyms = self.resolver.find(annotated.doc, set(annotated.mention_tokens))
        # Foreign forces say little about where a report is; a country's own actors say more, and a
        # group active in several countries shares one vote among them.
        actor_votes: Counter[str] = Counter()
        for m in annotated.actor_mentions or []:
            if m.entry.generic or m.entry.inter == 8:
                continue
            homes = [m.entry.country] if m.entry.country else list(m.entry.operates_in)
            codes = [self.country_codes[c] for c in homes if c in self.country_codes]
            for code in codes:
                actor_votes[code] += 1 / len(codes)  # type: ignore[assignment]  # Counter holds shares too
        actor_votes.update({code.upper(): 1 for code in self.focus_countries})
        actor_votes.update(self.resolver.kind_of_place_votes(annotated.doc))
        votes = self.resolver.resolve(toponyms, extra_country_votes=actor_votes)
        # Again, now that other spellings are read: "Maaret Harmeh is close to the town of Khan Sheikhoun".
        _locate_unknown_names(annotated.doc, toponyms)
        for toponym in toponyms:
            toponym.set_out_from = self._set_out_from(annotated.doc, toponym)
        annotated.document.warnings.extend(
            f"unknown place {name!r}: not in the gazetteer; its events are placed by context "
            "(import a GeoNames dump that has it)" for name in dict.fromkeys(t.text for t in toponyms if t.unresolved))
        annotated.toponyms = toponyms
        annotated.country_votes = votes
        annotated.country = self.resolver.country_name(votes.most_common(1)[0][0] if votes else None)
        annotated.focus = self._focus_place(annotated.doc, toponyms, votes.most_common(1)[0][0] if votes else None)

    def _set_out_from(self, doc: Doc, toponym: Toponym) -> bool:
        """ "terrorists who arrived from the territory of Iraq", "rockets fired from Gaza", "evacuees from the
        villages of Zahra and Nubl": where someone or something set out from, or people come from, is not where the
        act happened."""
        word = doc[toponym.token_end - 1]
        while word.dep_ in {"conj", "appos"} or (word.dep_ == "compound" and word.head.pos_ == "PROPN") or (
                word.dep_ == "pobj" and word.head.lower_ in {"of", "in"} and word.head.head.pos_ == "NOUN"):
            # "Zahra and Nubl", "the territory of Iraq", "ran from the fighting in Manbij"; a list the parse glued
            # ("from Chechnya China")
            word = word.head.head if word.dep_ == "pobj" else word.head
        if word.dep_ != "pobj" or word.head.lower_ != "from":
            return False
        came = word.head.head
        # "hundreds of families from ...": the people a number counts.
        people = with_what_it_is_of(came)
        return came.lemma_.lower() in self.moving_verbs or (
            came.pos_ in {"NOUN", "NUM"} and any(p.lemma_.lower() in self.people_from for p in people))

    def _focus_place(self, doc: Doc, toponyms: list[Toponym], country_code: str | None) -> Place | None:
        """The place a report is about: its most-named town, else region, else country, in the report's country
        when it names a place there (a report on Syria that once names "Assads" is not about a Moroccan village);
        among those its opening sentences name, if they name any (news tells its story first: a report on a camp in
        Hasakeh that ends on a chemical attack in Khan Sheikhun is about Hasakeh).
        """
        scenes = [(t.sentence_index, p) for t in toponyms
                  if not t.not_a_scene and not t.unresolved and not _another_names_part(t) and not t.acting
                  and not t.set_out_from
                  and (p := self.resolver.to_place(t)) is not None]
        scenes = [(i, p) for i, p in scenes if p.country_code == country_code] or scenes
        first = min((i for i, _ in scenes), default=0)
        places = [p for i, p in scenes if i < first + OPENING_SENTENCES] or [p for _, p in scenes]
        if not places:
            return None
        best_level = min(LEVEL_RANK[p.level] for p in places)
        counts = Counter(p.name for p in places if LEVEL_RANK[p.level] == best_level)
        name = counts.most_common(1)[0][0]
        return next(p for p in places if p.name == name)


def elsewhere_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    """Words that tell an act somewhere other than the act told before, unnamed ("Elsewhere in the country", "in an
    eastern province"); matched on lower-cased text."""
    return phrase_pattern([*knowledge.conventions["other_place_openers"], *knowledge.conventions["unnamed_places"]])


class EventPlaces:
    """Each draft's place, from its own sentence, else from the sentence before it, else from the report."""

    name = "event places"
    requires = ("drafts", "toponyms", "focus", "country", "sentence_attribution")
    adds = ("drafts.place",)

    def __init__(self, resolver: PlaceResolver, knowledge: Knowledge, grammar: Grammar) -> None:
        self.resolver = resolver
        self.grammar = grammar
        self.country_codes = {c.name: c.iso2 for c in knowledge.countries}
        self.post_nouns = {v.lower() for v in knowledge.conventions["post_nouns"]}
        self.stationed_words = {v.lower() for v in knowledge.conventions["stationed_words"]}
        self.death_words = {w.lower() for w in knowledge.conventions["death_words"]}
        self.other_time_marks = {w.lower() for w in knowledge.conventions["other_time_marks"]}
        self.adding_words = {w.lower() for w in knowledge.conventions["adding_words"]}
        self.elsewhere = elsewhere_pattern(knowledge)

    def __call__(self, annotated: AnnotatedDocument) -> None:
        placed: dict[int, Place] = {}  # sentence -> the place its words, or the sentence before, gave an event
        kind_placed: dict[str, Place] = {}  # event type -> where the last act of that type was
        for draft in sorted(annotated.drafts or [], key=lambda d: d.sentence_index):
            # "It mounted a counterattack ... to the eastern city of Deir Ezzor. At least 128 troops were killed as
            # the army battled": a sentence that names no place goes on where the one before it was, and the next
            # sentence that names none goes on there too; one told elsewhere ("in an eastern province") does not.
            elsewhere = self.elsewhere.search(draft.sentence.text.lower()) is not None
            told_before = None if elsewhere else self._place_told_before(draft.sentence_index, annotated, placed)
            kind = draft.trigger.group.event_type
            here = self._place(draft, annotated, told_before)
            head = draft.trigger.head
            if here is None and kind in kind_placed and (
                    self.grammar.refers_back(head) or self.grammar.owned_by_a_pronoun(head)):
                # "The town lies north of Raqqa ... the attack was launched on two fronts", "The Army of Conquest said
                # its attack was a response to ...": the act named again is where it was told, not where the sentence
                # before it is.
                here = kind_placed[kind]
            here = here or told_before
            if here is not None:
                placed[draft.sentence_index] = here
                kind_placed[kind] = here
            elif not elsewhere:
                here = self._other_country_told_before(draft.sentence_index, annotated, placed)
            # "An overnight airstrike struck an eastern Syrian town ... Another airstrike hit a village in the
            # northwest": another act, after acts told nowhere named, is not where the report is about (after
            # "Gunmen attacked the village of Tera", another attack may well be there).
            another = not placed and told_as_another(head, self.adding_words)
            draft.event.place = here or self._report_place(annotated, elsewhere=elsewhere or another)

    def _place_told_before(self, index: int, annotated: AnnotatedDocument, placed: dict[int, Place]) -> Place | None:
        """Where the sentence before ``index`` is: the place it gave its event (below the country, wherever it is),
        else the most precise scene it names in the report's country."""
        if index == 0:
            return None
        document_code = self.country_codes.get(annotated.country or "")
        # "Peshmerga shot dead six bombers west of Kirkuk ... the bombers attacked the base": the act told before was
        # there, in whatever country.
        before = placed.get(index - 1)
        if before is None and annotated.doc is not None:
            # A village the gazetteer lacks lies in the part of the country the report is about.
            scenes = [p for t in annotated.sentence_toponyms(index - 1)
                      if not t.not_a_scene and not t.qualifier and not _another_names_part(t)
                      and not t.set_out_from
                      for p in [self.resolver.unresolved_place(t, area_of_unknown_place(None, annotated.focus))
                                if t.unresolved
                                else self.resolver.to_place(t)] if p is not None]
            before = min(scenes, key=lambda p: LEVEL_RANK[p.level], default=None)
            if before is not None and before.country_code != document_code:
                return None
        if before is None or before.level == "country":
            return None
        return replace(before, geo_precision=max(before.geo_precision, GeoPrecision.NEAR))

    def _other_country_told_before(self, index: int, annotated: AnnotatedDocument,
                                   placed: dict[int, Place]) -> Place | None:
        """"At least 20 Daesh members were killed in northern Syria during an operation by the Turkish Armed
        Forces", then "Turkish Armed Forces and the coalition hit 34 Daesh targets in three airstrikes": an act that
        names no place goes on in the country the act before it was told in, not the one the report names most."""
        before = placed.get(index - 1)
        return before if before is not None and before.level == "country" \
            and before.country != annotated.country else None

    def _post_of_a_person(self, doc: Doc, toponym: Toponym, sentence_toponyms: list[Toponym]) -> bool:
        """"the Al-Nusra Front commander in Lattakia was killed in Jabal al-Torkman": where a person holds a post is
        no scene, when the sentence names another place."""
        word = doc[toponym.token_end - 1]
        return word.dep_ == "pobj" and word.head.lower_ == "in" and word.head.head.pos_ == "NOUN" \
            and word.head.head.lemma_.lower() in self.post_nouns and any(
                t is not toponym and name_key(t.text) != name_key(toponym.text) for t in sentence_toponyms)

    def _where_the_attackers_are(self, doc: Doc, toponym: Toponym, sentence_toponyms: list[Toponym]) -> bool:
        """"terrorists positioned in al-Rashidin neighborhood fired rockets that fell in al-Ramouseh", "organizations
        located in Binnish and Maaret Masrin fired mortar shells on al-Fouaa": where the attackers are is not where
        their fire struck, when the sentence names another place."""
        names = [t for t in sentence_toponyms if not t.qualifier]
        within_names = {i for t in names for i in range(t.token_start, t.token_end)}
        i = toponym.token_start - 1
        sentence_start = doc[toponym.token_start].sent.start
        # Back over the list the name is in ("Binnish and Maaret Masrin") and its article.
        while i > sentence_start and (i in within_names or doc[i].lower_ in LIST_SEPARATORS or doc[i].pos_ == "DET"):
            i -= 1
        return i > sentence_start and doc[i].lower_ in {"in", "at", "inside"} \
            and doc[i - 1].lower_ in self.stationed_words and any(
                t.token_start >= toponym.token_end and doc[t.token_start - 1].lower_ not in LIST_SEPARATORS
                for t in names if t is not toponym)

    def _province_the_sentence_names(self, toponyms: list[Toponym], told_before: Place | None,
                                     document_code: str | None) -> Place | None:
        """"A source at Damascus Police Command said terrorists in Eastern Ghouta fired rounds at the neighborhood of
        al-Mazraa", after a sentence about Aleppo: a name the gazetteer lacks lies by the places its own sentence names
        in the report's country (whose source, where its attackers were), not in the province told before, when none
        of them lies there."""
        named = [p for t in toponyms if not t.unresolved and not _another_names_part(t)
                 for p in [self.resolver.to_place(t)]
                 if p is not None and p.country_code == document_code and p.level != "country"]
        if not named or (told_before is not None and any(admin_key(p.admin1) == admin_key(told_before.admin1)
                                                          for p in named)):
            return None
        return min(named, key=lambda p: LEVEL_RANK[p.level])

    def _report_place(self, annotated: AnnotatedDocument, *, elsewhere: bool = False) -> Place | None:
        """Where the report as a whole is: its focus, else (or for an act told elsewhere) its country."""
        focus = annotated.focus
        if focus is not None and not elsewhere:
            return replace(focus, geo_precision=max(focus.geo_precision, GeoPrecision.NEAR)
                           if focus.level == "populated_place" else focus.geo_precision)
        if annotated.country and annotated.country in self.country_codes:
            return self.resolver.country_place(self.country_codes[annotated.country])
        return None

    def _place(self, draft: EventDraft, annotated: AnnotatedDocument, told_before: Place | None = None) -> Place | None:
        """The place the draft's own sentence gives it, if any (``told_before``: where the sentence before it is)."""
        sent, index = draft.sentence, draft.sentence_index
        assert annotated.sentence_attribution is not None
        text = sent.text
        claimant_starts = {sent.doc[i].idx for i in annotated.sentence_attribution[index].claimant_tokens}
        toponyms = annotated.sentence_toponyms(index)
        trigger = draft.trigger.span.root
        candidates = [(t, p) for t in toponyms
                      if t.start not in claimant_starts and not t.not_a_scene and not _another_names_part(t)
                      and not t.acting and not t.set_out_from
                      and not self._post_of_a_person(sent.doc, t, toponyms)
                      and not self._where_the_attackers_are(sent.doc, t, toponyms)
                      and not in_another_clause(sent.doc[t.token_end - 1], trigger)
                      and not self.grammar.told_of_another_act(sent.doc[t.token_end - 1], trigger, self.other_time_marks)
                      for p in [self.resolver.to_place(t)] if p is not None]
        document_code = self.country_codes.get(annotated.country or "")
        if any(p.country_code == document_code and p.level != "country" for _, p in candidates):
            # "shelling of the Sulaymaniyah neighbourhood in Aleppo": in a report on Syria, a sentence that names a
            # Syrian place means it, not a namesake abroad, unless it names that other country too.
            named = {t.country_code for t in toponyms if t.country_code}
            candidates = [(t, p) for t, p in candidates if p.country_code in {document_code, *named}]
        codes = [p.country_code for _, p in candidates if p.country_code]
        region = self.resolver.directional_region(
            text, self._first_country_in(text, codes[0] if codes else document_code))
        if self.resolver.is_nationwide(text):
            code = codes[0] if codes else document_code
            if code:
                return self.resolver.country_place(code)
        # District and region in parentheses qualify a place; they are the event's place only
        # when the place itself is unknown, and then only approximately.
        qualifiers_only = bool(candidates) and all(t.qualifier for t, _ in candidates)
        if qualifiers_only:
            candidates = [(t, replace(p, geo_precision=max(p.geo_precision, GeoPrecision.NEAR))) for t, p in candidates]
        else:
            candidates = [(t, p) for t, p in candidates if not t.qualifier]
        options = [p for _, p in candidates]
        if region is not None:
            options.append(region)
        if options:
            anchor = draft.trigger.span.start_char
            positions = {id(p): abs(t.start - anchor) for t, p in candidates}
            unresolved = {id(p): t for t, p in candidates if t.unresolved}
            if qualifiers_only:
                # "(Tera, Tillaberi)" after an unknown village: its district comes first and lies nearest to it.
                return min(options, key=lambda p: positions.get(id(p), 10_000))
            # A place the gazetteer knows comes before one it lacks at the same level, unless the text places the
            # one it lacks by the known one: "the airfield in Ash Shairat near Homs"; a town the text places by
            # another named right after it is the one meant ("in the town of Jayrud near Damascus").
            landmarks = {id(p) for t, p in candidates if t.near and not t.unresolved and (
                unresolved or _locates_a_place_before(sent.doc, t, [o for o, _ in candidates]))}
            acts = {t.i for d in annotated.drafts_in(index) for t in d.trigger.span}
            done_above = {id(p) for t, p in candidates if self._where_its_teller_was(sent.doc, t, trigger, acts)}
            regions = {id(p) for t, p in candidates if _region_another_lies_in(sent.doc, t, p, candidates)}
            # "shelling in Eastern Ghouta ... in the rebel enclave outside Damascus": a town told only by nearness,
            # beside a named area (GeoNames' class L: a region, an area), says where the area lies; the area is the
            # scene. Not beside a well or a hill: those are as often a people's or a person's namesake.
            beside_an_area = {id(p) for t, p in candidates if t.near and p.level == "populated_place"} if any(
                t.chosen is not None and t.chosen.feature_class == "L" and not t.near for t, _ in candidates) else set()
            chosen = min(options, key=lambda p: (id(p) in beside_an_area, LEVEL_RANK[p.level], id(p) in regions,
                                                 id(p) in done_above,
                                                 id(p) in landmarks,
                                                 id(p) in unresolved and not landmarks, positions.get(id(p), 10_000)))
            if id(chosen) in unresolved:
                known = [p for p in options if id(p) not in unresolved]
                # "Terrorists attacked al-Ramouseh neighborhood in Aleppo city ... rockets that fell in the
                # southwestern part of al-Ramouseh": with no known place beside it, a name the gazetteer lacks lies
                # where the report just was, before the part of the country the report is about.
                around = area_of_unknown_place(
                    min(known, key=lambda p: (id(p) not in landmarks, LEVEL_RANK[p.level])) if known
                    else self._province_the_sentence_names(toponyms, told_before, document_code) or told_before,
                    annotated.focus)
                if around is None and document_code:
                    around = self.resolver.country_place(document_code)
                return self.resolver.unresolved_place(unresolved[id(chosen)], around)
            return chosen
        # "in the capital": the country's; "in the capital of the group's self-proclaimed caliphate" is not.
        capital = re.search(r"\b(?:in|from|of|around|near|across)\s+the\s+capital\b(?!\s+of\b)", text, re.IGNORECASE)
        word = token_at(sent, sent.start_char + capital.end() - 1) if capital else None
        if word is not None and in_another_times_clause_than(word, trigger, self.other_time_marks):
            capital = None  # "The attacks came one day after two neighbourhoods around the capital were targeted"
        if capital and document_code:
            entry = self.resolver.gazetteer.capital(document_code)
            if entry is not None:
                return self.resolver.entry_place(entry, surface=capital.group(0))
        return None

    def _where_its_teller_was(self, doc: Doc, toponym: Toponym, trigger: Token, acts: set[int]) -> bool:
        """ "sent a letter of condolence to the Civil Defense in Aleppo following the death of five rescue workers in
        airstrikes ... in the town of Al-Atareb": a place on a verb the act is told under, that is neither an act nor
        a death, is where that verb's doing was, not the act's (the words the place and the act first meet at are
        that verb, not a noun of the act's: "the death of five rescue workers in airstrikes ... in Al-Atareb")."""
        meeting = next((a for a in doc[toponym.token_end - 1].ancestors if a == trigger or a.is_ancestor(trigger)), None)
        # "Warplanes struck the town of Khan Sheikhoun in Idlib, killing 100 civilians": the verb a participle of
        # what the act did hangs on is the act.
        outcome_of = trigger.head if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" else None
        return meeting is not None and meeting != trigger and meeting.pos_ in {"VERB", "AUX"} and meeting.dep_ != "prep" \
            and meeting.i not in acts and meeting != outcome_of and meeting.lemma_.lower() not in self.death_words \
            and meeting.lower_ not in self.death_words

    def _first_country_in(self, text: str, fallback: str | None) -> str | None:
        """The country a directional phrase refers to: the first one the sentence names, by place or actor."""
        first: tuple[int, str] | None = None
        for name, code in self.country_codes.items():
            match = re.search(rf"\b{re.escape(name)}\b", text)
            if match and (first is None or match.start() < first[0]):
                first = (match.start(), code)
        return first[1] if first else fallback


def _after_word_and_in(doc: Doc, toponym: Toponym, words: set[str]) -> bool:
    """The name follows one of ``words`` and "in": "banned in Russia", "manufactured in Turkey"."""
    start = toponym.token_start
    return start >= 2 and doc[start - 1].lower_ == "in" and doc[start - 2].lower_ in words


def _country_as_actor(doc: Doc, toponym: Toponym) -> bool:
    """ "The US launched 59 missiles", "US missile attack", "Turkey's army": a country named as the one acting or
    owning, not as where anything happened; and a capital named for its government ("Moscow said", "trained by
    Washington", "Damascus's allies")."""
    last = doc[toponym.token_end - 1]
    listed = last
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head  # "a ceasefire brokered by the US and Russia": Russia is an agent too
    if listed.dep_ == "pobj" and listed.head.dep_ == "agent":
        return True  # places do not act: "trained by Washington", "backed by Lebanon's Hezbollah"
    if last.dep_ == "nsubj" and last.head.tag_ == "VBG" and last.head.dep_ == "pcomp":
        return False  # "fired rockets on Damascus killing three civilians", parsed as Damascus doing the killing
    if toponym.country_code is not None:
        after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
        if last.dep_ == "compound" and after in PLACE_KIND_WORDS | HELD_GROUND_NOUNS:
            return False  # "ISILs Syria Stronghold", "the Syria border": a place of the country
        return last.dep_ in {"nsubj", "compound", "poss"} or (
            last.dep_ == "nmod" and last.head.pos_ == "NOUN")  # "the US latest airstrike"
    capital = any(c.feature_code == "PPLC" for c in toponym.candidates)
    following = doc[last.i + 1 : last.i + 3]
    # "prompting Damascus to bomb", "leading to Damascus to bomb": its government; "marched in Niamey to protest",
    # "the streets of Niamey to protest": the place.
    acts = len(following) == 2 and following[0].lower_ == "to" and following[1].tag_ == "VB" \
        and (last.dep_ == "dobj" or (last.dep_ == "pobj" and last.head.lower_ == "to"))
    # "the single deadliest incident for Moscow since it intervened": whom something befell, a capital's government.
    befell = last.dep_ == "pobj" and last.head.lower_ == "for"
    return capital and (last.dep_ in {"nsubj", "poss"} or acts or befell)


def _listed_before_divisions(span: Any) -> bool:
    """A name in a list that a plural division noun closes: "in Daraa, Hama, Idlib and Homs provinces" names four
    provinces, not the city of Idlib."""
    for token in span.doc[span.end : span.sent.end]:
        if token.lower_ in DIVISIONS_NAMED_TOGETHER:
            return True
        if not (token.lower_ in LIST_SEPARATORS or token.pos_ == "PROPN" or token.text == "-"):
            return False
    return False


def place_list(doc: Doc, toponyms: list[Toponym], member: Toponym) -> list[Toponym]:
    """The places listed together with ``member``: "the towns of Diffa, Arlit, Zinder, and Agadez", "in Tagabatt
    and Ingoule (Ayorou, Tillaberi)". Only names joined by commas and a closing "and" or "or" (their parenthesised
    districts between them) and resolved at the same level; "between Nguigmi and Kabelawa" (or a road
    "linking" them) is one place between two."""
    # A name the gazetteer lacks, listed with towns it knows ("the towns of Rastan and Talbeesah"), is one of them.
    listed = sorted((t for t in toponyms if not t.qualifier and not t.street and not t.country_code
                     and (t.chosen is not None or t.unresolved) and t.sentence_index == member.sentence_index),
                    key=lambda t: t.token_start)
    if member not in listed:
        return [member]
    index = listed.index(member)
    first = last = index
    while first > 0 and _joined(doc, listed[first - 1], listed[first]):
        first -= 1
    while last + 1 < len(listed) and _joined(doc, listed[last], listed[last + 1]):
        last += 1
    run = listed[first : last + 1]
    sentence_start = doc[member.token_start].sent.start
    before = {t.lower_ for t in doc[max(sentence_start, run[0].token_start - 4) : run[0].token_start]}
    # A well or a hill named among villages is as local as they are; a region among towns is not one of them.
    levels = {"local" if t.chosen is None or t.chosen.level in {"populated_place", "feature"} else t.chosen.level
              for t in run}
    # "Assamakka, Arlit" names a place and the district it lies in; a list closes with "and" or "or".
    closed = any(token.lower_ in LIST_SEPARATORS - {","} for token in doc[run[0].token_end : run[-1].token_start])
    if len(run) < 2 or not closed or before & ONE_PLACE_BETWEEN or len(levels) > 1:
        return [member]
    return run


def _joined(doc: Doc, left: Toponym, right: Toponym) -> bool:
    """Whether only list separators, and parentheses with what they hold, stand between two names."""
    depth, separated = 0, False
    for token in doc[left.token_end : right.token_start]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if token.lower_ not in LIST_SEPARATORS:
                return False
            separated = True
    return separated


def _mark_part_of_qualifiers(doc: Doc, toponyms: list[Toponym]) -> None:
    """ "the Kalassa district of Damascus", "the Sulaymaniyah neighbourhood of Aleppo": the town after "district of"
    says where the place before it lies; so does the division after "in" ("the village of Tal Qarrah in Aleppo
    province", "Talbiseh in the northern province of Homs", "Tal Arn in Aleppo countryside")."""
    by_start = {t.token_start: t for t in toponyms}
    for t in toponyms:
        end = t.token_end
        if end + 1 < len(doc) and doc[end].lower_ in PLACE_KIND_WORDS and doc[end + 1].lower_ == "in":
            end += 1  # "in Jabal al-Torkman region in the Lattakia province"
        if t.country_code is None and end < len(doc) and doc[end].lower_ == "in":
            division = next((u for u in toponyms if end < u.token_start <= end + 5 and u.country_code is None), None)
            # "in Aleppo countryside", "in rural Damascus", "in the countryside of Hama" name the province too.
            if division is not None and (
                    (division.token_end < len(doc) and doc[division.token_end].lower_ in PROVINCE_WORDS)
                    or doc[division.token_start - 1].lower_ in DIVISION_PREFIXES
                    or (doc[division.token_start - 1].lower_ == "of"
                        and doc[division.token_start - 2].lower_ in PROVINCE_WORDS)):
                division.qualifier = True
        if t.country_code is None and end + 2 < len(doc) and doc[end].lower_ in PART_NOUNS \
                and doc[end + 1].lower_ == "of":
            # "the Kalassa region of the Syrian capital": the article may stand before the town.
            town = by_start.get(end + 2) or (by_start.get(end + 3) if doc[end + 2].lower_ == "the" else None)
            if town is not None:
                town.qualifier = True


def names_its_province(place: Place) -> bool:
    """A place that bears the name of the province it lies in ("Idlib", "Ariha"), and so may mean the province."""
    return bool(place.admin1) and without_article(name_key(place.name)) == without_article(name_key(place.admin1 or ""))


def _region_another_lies_in(doc: Doc, toponym: Toponym, place: Place, candidates: list[tuple[Toponym, Place]]) -> bool:
    """ "the town of Khan Sheikhoun in Idlib": a name right after another's "in" (or comma) that names the province
    the other lies in, or the city that bears the province's name, says where the other is."""
    if place.admin1 is None or not (place.level == "admin1" or names_its_province(place)):
        return False
    return any(other is not toponym and 0 < toponym.token_start - other.token_end <= 2
               and all(w.lower_ in {"in", ","} for w in doc[other.token_end : toponym.token_start])
               and located.geonameid != place.geonameid and located.country_code == place.country_code
               and located.admin1 == place.admin1 and LEVEL_RANK[located.level] <= LEVEL_RANK[place.level]
               for other, located in candidates)


def _qualifiers_after(doc: Doc, toponym: Toponym, toponyms: list[Toponym]) -> list[Toponym]:
    """The names just after a toponym that say where it lies: "Tangouchmane (Ayorou, Tillaberi)", "Paris, Tenn."

    Within a few tokens and the same sentence; "and", "or" or ";" start another place's names, as does another name
    that qualifies nothing, unless a parenthesis says where all that comes before it lies ("evacuated to Idlib from the
    Damascus suburb of Qudsaya": Qudsaya is no part of Idlib; "Doutchi, near Diffa (Diffa)" is in Diffa region), or
    only an article joins the two ("Aqareb es Safi village in the Syrian Hama province": one name, read as two).
    """
    found = []
    for t in toponyms:
        gap = t.token_start - toponym.token_end
        if not t.qualifier or t.sentence_index != toponym.sentence_index or not 0 < gap <= QUALIFIER_GAP:
            continue
        if any(token.lower_ in {"and", "or", ";"} for token in doc[toponym.token_end : t.token_start]):
            continue
        if _opening_parenthesis(doc, t.token_start) is None and any(
                not u.qualifier and toponym.token_end <= u.token_start and u.token_end <= t.token_start
                and not all(w.lower_ in NAME_ARTICLES or w.text == "-" for w in doc[toponym.token_end : u.token_start])
                for u in toponyms):
            continue
        found.append(t)
    return found


def _locate_unknown_names(doc: Doc, toponyms: list[Toponym]) -> None:
    """A name the gazetteer lacks is located by the known place the text puts it near or in ("Eastern Ghouta near
    Damascus", "al-Bureij northeast of Aleppo"), and, once the report has located it so, wherever else it is named
    ("shelling killed 21 civilians in Eastern Ghouta" in a report filed from Idlib)."""
    for t in toponyms:
        if not t.unresolved or t.qualifiers:
            continue
        after = next((u for u in toponyms if u.sentence_index == t.sentence_index and u.token_start >= t.token_end
                      and not u.unresolved and u.country_code is None), None)
        if after is not None and 0 < after.token_start - t.token_end <= LOCATING_GAP and all(
                w.lower_ in LOCATING_WORDS for w in doc[t.token_end : after.token_start]) \
                and any(w.lower_ in NEAR_CUES | {"in"} for w in doc[t.token_end : after.token_start]):
            t.qualifiers = [after]
    located = {name_key(t.text): t.qualifiers for t in toponyms if t.unresolved and t.qualifiers}
    for t in toponyms:
        if t.unresolved and not t.qualifiers:
            t.qualifiers = located.get(name_key(t.text), [])


def _nested_readings(toponyms: list[Toponym]) -> set[int]:
    """Candidates that lie inside a district named elsewhere in the document, and the districts that hold them.

    "Paris and Henry County": of all the Parises and Henry Counties, the pair where one holds the other is
    the coherent reading, whichever each name would be on its own. A district earns this only when its name
    names no town: "Agadez and Tchirozerine" says nothing for the Tchirozerine department over the town.
    """
    districts = [(name_key(t.text), c, not any(other.feature_class == "P" for other in t.candidates))
                 for t in toponyms if not t.country_code for c in t.candidates if c.level == "admin2"]
    found: set[int] = set()
    for t in toponyms:
        key = name_key(t.text)
        for candidate in t.candidates:
            for district_key, district, only_districts in districts:
                if district_key != key and _within_region(candidate, district):
                    found.add(candidate.geonameid)
                    if only_districts:
                        found.add(district.geonameid)
    return found


def _sibling_regions(toponyms: list[Toponym]) -> set[int]:
    """First-level divisions named alongside another division of the same country: "California, Oregon and
    Illinois" are states, not towns that share their names. A division named after one of its own towns
    ("Tahoua") earns nothing here: the town is as likely."""
    regions: dict[str, list[GazetteerEntry]] = {}
    for t in toponyms:
        if t.country_code:
            continue
        own = [c for c in t.candidates if c.level == "admin1" and not _named_after_own_town(c, t)]
        if own:
            regions.setdefault(name_key(t.text), []).extend(own)
    found: set[int] = set()
    for key, candidates in regions.items():
        countries = {c.country_code for other, entries in regions.items() if other != key for c in entries}
        found.update(c.geonameid for c in candidates if c.country_code in countries)
    return found


def _another_citys_own_name(entry: GazetteerEntry, toponym: Toponym) -> bool:
    """A seat's old or foreign name that is the own name of a city of comparable size means that city
    ("Philadelphia" is not Amman); a hamlet sharing a seat's spelling does not ("Guidan Roumdji")."""
    return not entry.is_primary_name and any(
        c.is_primary_name and c.feature_class == "P" and c.geonameid != entry.geonameid
        and c.population * 10 >= entry.population for c in toponym.candidates)


def _named_after_own_town(region: GazetteerEntry, toponym: Toponym) -> bool:
    """"Tahoua" the region holds a town the name also means: the name is no evidence for the region."""
    return any(c.feature_class == "P" and _within_region(c, region) for c in toponym.candidates)


def _region_of(entry: GazetteerEntry) -> tuple[str, str]:
    """The first-level division a place lies in (a region's own name for a region)."""
    return entry.country_code, name_key(entry.admin1_name or (entry.name if entry.level == "admin1" else ""))


def _region_keys(region: GazetteerEntry) -> set[str]:
    return {name_key(region.name), name_key(clean_admin_name(region.name) or "")}


def _within_region(entry: GazetteerEntry, region: GazetteerEntry) -> bool:
    """True when ``entry`` lies in the first- or second-level division ``region``, by their admin names."""
    if entry.country_code != region.country_code or entry.geonameid == region.geonameid:
        return False
    if region.level == "admin1":
        return name_key(entry.admin1_name or "") in _region_keys(region)
    if region.level == "admin2":
        # Districts repeat across regions (a Henry County in ten states): the region must agree where known.
        same_region = not (entry.admin1_name and region.admin1_name) or (
            name_key(entry.admin1_name) == name_key(region.admin1_name))
        return same_region and name_key(entry.admin2_name or "") in _region_keys(region)
    return False


def _inside(entry: GazetteerEntry, region: Toponym) -> bool:
    """True when ``entry`` lies in the country, or the division named, by the toponym ``region``."""
    if region.country_code:
        return entry.country_code == region.country_code
    keys = {name_key(region.text)}
    if name_key(entry.admin1_name or "") in keys or name_key(entry.admin2_name or "") in keys:
        return True
    return any(_within_region(entry, candidate) for candidate in region.candidates)


def _in_its_named_divisions(toponym: Toponym, entry: GazetteerEntry) -> bool:
    """Another spelling's place lies in a province the mention is said to lie in, when it is said to lie in one
    ("al-Qadahat valley in Homs countryside" is no al-Qardahah of Latakia)."""
    divisions = [q for q in toponym.qualifiers
                 if q.division_word or any(c.level == "admin1" for c in q.candidates)]
    return not divisions or any(_inside(entry, q) for q in divisions)


def _related(anchor: GazetteerEntry, entry: GazetteerEntry) -> bool:
    """Two places of a document that vouch for each other: close together, or one inside the other."""
    if anchor.geonameid == entry.geonameid:
        return False
    return (haversine_km(anchor.latitude, anchor.longitude, entry.latitude, entry.longitude) < ANCHOR_KM
            or _within_region(anchor, entry) or _within_region(entry, anchor))


def _modifies_a_weapon(span: Any, weapons: set[str]) -> bool:
    """The name modifies a weapon: "Tomahawk cruise missiles", "Bell helicopters" ("Hartford police" stays a
    place)."""
    head = span.root.head
    return span.root.dep_ == "compound" and head.i >= span.end and (
        head.lower_ in weapons or head.lemma_.lower() in weapons)


def _name_run_end(doc: Doc, i: int, sent_end: int) -> int:
    """End of the run of capitalised tokens starting at ``i`` ("Abdou Ngaram", "N'Garoua Gana"), through Arabic
    articles that join a name's words ("Orum al-Kubra", "Deir el-Balah")."""
    j = i
    while j < sent_end and j - i < MAX_TOKENS:
        if j > i and doc[j].lower_ in CALENDAR_WORDS:
            break  # "Hama Monday": the day after a name is no part of it
        if _capitalised(doc[j].text) and doc[j].pos_ == "PROPN":
            j += 1
        elif j > i and (article := _joining_article(doc, j, sent_end)):
            j += article + 1
        else:
            break
    return max(min(j, sent_end), i + 1)


def _within_joined_name(doc: Doc, j: int) -> bool:
    """Whether a name's word at ``j`` is, or follows, an article that joins it to the words before it."""
    return doc[j].lower_ in NAME_ARTICLES or doc[j - 1].text == "-" or doc[j - 1].lower_ in BARE_NAME_ARTICLES


def _joining_article(doc: Doc, j: int, sent_end: int) -> int:
    """How many tokens an article joining two words of one name takes: "al-", "el-", "ad-" in "Orum al-Kubra", or
    "al" without its hyphen, as scraped text often has it ("Bab al Salama"); 0 if none."""
    if j + 2 < sent_end and doc[j].lower_ in NAME_ARTICLES and doc[j + 1].text == "-" and _capitalised(doc[j + 2].text):
        return 2
    if j + 1 < sent_end and doc[j].lower_ in BARE_NAME_ARTICLES and _capitalised(doc[j + 1].text):
        return 1
    return 0


def _dateline(doc: Doc, toponym: Toponym) -> bool:
    """The city a report opens with as its dateline, where it was filed: "BEIRUT (Reuters) - ...", "GAZA - ...", or,
    in scraped text that lost its punctuation, a city run straight into the lead's first capitalised word ("Beirut
    Syrian government air strikes on Tuesday killed ..."); or a wire's dateline in capitals with its agency, wherever
    the page put it ("... in Afghanistan - Reports MOSCOW (Sputnik) According to ...")."""
    first = next((t for t in doc if not t.is_space), None)
    if first is None or toponym.token_end >= len(doc) or toponym.country_code:
        return False  # "Syria: ..." labels the report's country, as a summary does
    if toponym.token_start < dateline_token_end(doc):
        return True
    word, next_word = doc[toponym.token_start], doc[toponym.token_start + 1]
    if word.i < DATELINE_SEARCH_TOKENS and len(word) > 3 and word.is_alpha and word.is_upper \
            and not (len(next_word) > 3 and next_word.is_alpha and next_word.is_upper):
        return True  # "Last updated at Oct 03 2017 BEIRUT A US-led coalition air strike ...": capitals set it apart
    if word.is_upper and len(word) > 3 and word.is_alpha and next_word.text == "(" and any(
            t.text == ")" and all(w.text[:1].isupper() for w in doc[next_word.i + 1 : t.i])
            for t in doc[next_word.i + 2 : next_word.i + 5]):
        return True  # "MOSCOW (Sputnik) According to ...": a wire's dateline, wherever the page put it
    if any(not _page_furniture(t) for t in doc[first.i : toponym.token_start]):
        return False
    after = doc[toponym.token_end]
    if after.text in DATELINE_DASHES:
        return True
    if after.text == "(":
        close = next((t for t in doc[after.i : after.i + 8] if t.text == ")"), None)
        return close is not None and close.i + 1 < len(doc) and doc[close.i + 1].text in DATELINE_DASHES
    last = doc[toponym.token_end - 1]
    return after.text[:1].isupper() and after.ent_type_ in {"NORP", ACTOR_LABEL} \
        and last.dep_ not in {"nsubj", "nsubjpass"}


def _page_furniture(token: Token) -> bool:
    """What a scraped page puts before its dateline: a date or time, "Published", "Last updated at"."""
    return token.is_space or token.is_punct or token.like_num or token.lower_ in CALENDAR_WORDS \
        or token.lower_ in PAGE_FURNITURE_WORDS or bool(ORDINAL.fullmatch(token.lower_))


def _agency_acronym(word: str, outlet_words: set[str]) -> bool:
    """An outlet's name in capitals ("SANA", "AFP"): the credit a scraped headline or paragraph ends with."""
    return len(word) > 1 and word.isupper() and word in outlet_words


def _outlet_pattern(name: str) -> str:
    """An outlet's name however the text joins its words and writes its Arabic article: "Al-Manar" is also "al-Manar"
    and "Al Manar"."""
    words = re.split(r"[\s-]+", name)
    if words[0] in {"Al", "El"}:
        words[0] = f"[{words[0][0]}{words[0][0].lower()}]{words[0][1:]}"
    else:
        words[0] = re.escape(words[0])
    return r"[\s-]".join([words[0], *(re.escape(w) for w in words[1:])])


def _organisation_descriptor(doc: Doc, end: int) -> bool:
    """The name ends in "-based", "-headquartered", or any other past participle: "the London-based Syrian
    Observatory", "US-formed militants", "Iranian-built drones"; or, with the hyphen lost, a word of describing on
    the noun after it ("a Russian-US brokered ceasefire")."""
    if end >= len(doc):
        return False
    if doc[end].text != "-":
        return doc[end].lower_ in DESCRIPTOR_WORDS and doc[end].dep_ == "amod"
    if end + 1 >= len(doc):
        return False
    word = doc[end + 1]
    return word.lower_ in DESCRIPTOR_WORDS or (word.tag_ in {"VBN", "VBD"} and word.lower_.endswith(("ed", "en")))


def area_of_unknown_place(around: Place | None, focus: Place | None) -> Place | None:
    """Where a village the gazetteer lacks lies: the place named with it, unless none is, or only its country is and
    the report is about a part of that country (its focus)."""
    if focus is not None and (around is None or (
            around.level == "country" and focus.country_code == around.country_code)):
        return focus
    return around


def _unnamed(settlement: Token) -> bool:
    """"a town", "villages": a settlement told by its kind only, with an indefinite article or in the plural."""
    return settlement.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in settlement.children)


def _locates_a_place_before(doc: Doc, landmark: Toponym, toponyms: list[Toponym]) -> bool:
    """Whether a place told by nearness follows another place the sentence names, with no verb between: "Jayrud near
    Damascus", "Tokhar, 14 km west of Manbij" (not "a road south of the town Ouallam in the Tillabery Region")."""
    return any(0 <= landmark.token_start - other.token_end <= LANDMARK_GAP and not any(
        w.pos_ in {"VERB", "AUX"} for w in doc[other.token_end : landmark.token_start])
        for other in toponyms if other is not landmark)


def _near_word(word: Token) -> bool:
    """A word that puts an act near a place ("near Ariha", "on the outskirts of Ariha"), not one that describes the
    place as near another ("the nearby town of Ariha": the act was in Ariha)."""
    return word.lower_ in NEAR_CUES and not (word.lower_ in DESCRIBED_AS_NEAR and word.dep_ == "amod")


def _near_through_description(doc: Doc, start: int, sent_start: int) -> bool:
    """"a village near Syria's second city Aleppo", "near the northern city of Homs": "near" before the words that
    describe the town."""
    i = start - 1
    while i >= max(sent_start, start - 7):
        word = doc[i]
        if _near_word(word):
            return True
        if not (word.lower_ in SETTLEMENT_NOUNS | {"of", "capital", "second", "third", "largest", "main"}
                or word.pos_ in {"DET", "ADJ", "NUM"} or word.dep_ == "poss" or word.text == "'s"
                or (word.pos_ == "PROPN" and word.text.endswith("s"))):
            return False
        i -= 1
    return False


def _votes_for_itself(toponym: Toponym) -> bool:
    return bool(toponym.candidates) and not toponym.weak and not toponym.not_a_scene \
        and len({c.country_code for c in toponym.candidates}) == 1


# A town this big is a fair reading of its name on its own evidence; a village abroad is not.
SELF_VOUCHING_POPULATION = 50_000
OUTVOTING_EVIDENCE = 4


def _without_own_votes(chosen: GazetteerEntry, votes: Counter[str], own: int) -> Counter[str]:
    """The document's country votes less the ``own`` a name cast for its reading ``chosen``: "al-Gajar", whose one
    reading is a Slovak village, must not vouch for Slovakia in a report on Syria."""
    rest = Counter(votes)
    if own and chosen.feature_class == "P" and chosen.population < SELF_VOUCHING_POPULATION:
        rest[chosen.country_code] -= own
    rest = +rest
    # Only weighty evidence elsewhere outvotes a name: a report that names one other place is no report on it.
    return rest if rest.total() >= OUTVOTING_EVIDENCE else votes


def _stance(doc: Doc, start: int) -> bool:
    """ "pro-Damascus media", "anti-Kiev rebels": a side taken, not a place."""
    if start >= 1 and doc[start - 1].lower_ in {"pro-", "anti-"}:
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"pro", "anti"}


def _another_names_part(toponym: Toponym) -> bool:
    """ "Tal" of "Tal Hamis" read as At Tall (GeoNames' other name for it): the opening word of a longer name the
    gazetteer lacks, read as a place of another name. "Alla" of "Alla N'Glaro", read as the village named Alla, is
    often the place itself; "Damascus" of "Damascus Countryside" names the division its word calls it."""
    chosen = toponym.chosen
    return toponym.part_of_unknown_name and not toponym.division_word and chosen is not None \
        and name_key(chosen.name) != name_key(toponym.text)


def _inside_organisation_name(doc: Doc, toponym: Toponym, organisation_words: set[str]) -> bool:
    """A name within a longer organisation's name that it does not open: "Observatory for Human Rights",
    "University of Alabama" (the university, not the state, is what the words name)."""
    token = doc[toponym.token_start]
    if token.ent_type_ != "ORG" or token.ent_iob_ == "B":
        return False
    entity = next((e for e in doc.ents if e.start <= toponym.token_start < e.end), None)
    # The organisation's own words come first ("Observatory for", "University of"), not just "the" of "the Ouallam
    # Department"; spaCy's small model calls many Sahel places organisations, so its label alone says nothing.
    return entity is not None and any(_capitalised(t.text) for t in doc[entity.start : toponym.token_start]) \
        and any(t.lower_ in organisation_words for t in entity)


def _acronym(span: Any) -> bool:
    """One word in capitals, two to five letters, in a sentence not written in capitals."""
    text = span.text
    if len(span) != 1 or not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()):
        return False
    letters = [ch for ch in span.sent.text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) < 0.5 * len(letters)


def _street_name_start(doc: Doc, i: int, floor: int) -> int:
    """First word of the name that ends just before token ``i``: "E. Main", "West 11th", "Hyland-Croy"."""
    j = i
    while j > floor and i - j < MAX_TOKENS and not doc[j - 1].is_stop and (
            _capitalised(doc[j - 1].text) or ORDINAL.fullmatch(doc[j - 1].text)
            or (doc[j - 1].text == "-" and j - 1 > floor and _capitalised(doc[j - 2].text))):
        j -= 1
    return j


def _placed_in_division(doc: Doc, end: int) -> bool:
    """The name ending before token ``end`` is placed in a named division: "near al-Habeet in the northern province
    of Idlib", "in Kafr Nabl in Idlib province"."""
    return _division_placed_in(doc, end) is not None


def _division_placed_in(doc: Doc, end: int) -> str | None:
    """The name of the division the name ending before token ``end`` is placed in ("Idlib" for "Kafr Nabl in Idlib
    province", "in the northern province of Idlib")."""
    words = list(doc[end : min(doc[end - 1].sent.end, end + 7)])
    if not words or words[0].lower_ != "in":
        return None
    for k, word in enumerate(words[1:], start=1):
        if word.lower_ in DIVISION_NOUNS:
            following = words[k + 1 : k + 3]
            if k >= 2 and _capitalised(words[k - 1].text):
                return words[k - 1].text
            return following[1].text if len(following) == 2 and following[0].lower_ == "of" \
                and _capitalised(following[1].text) else None
        if not (word.lower_ == "the" or word.pos_ == "ADJ" or _capitalised(word.text)):
            return None
    return None


def _lies_in(candidates: list[GazetteerEntry], division: str | None) -> bool:
    """One of the places a name may be lies in the division of that name: "Khan Sheikhun in Idlib province"."""
    key = name_key(division or "")
    return bool(key) and any(spelt_alike(admin_key(c.admin1_name), key)
                             for c in candidates if c.admin1_name)


def _introduced_as_place(doc: Doc, i: int) -> bool:
    """True when the name starting at token ``i`` follows "in", "near" or "the village/area of"."""
    start = doc[i].sent.start
    before = [t.lower_ for t in doc[max(start, i - 2) : i]]
    return bool(before) and (before[-1] in PLACE_INTRODUCERS or (
        before[-1] == "of" and len(before) == 2 and before[0] in SETTLEMENT_NOUNS | AREA_NOUNS))


def _in_parenthetical_after_name(doc: Doc, i: int) -> bool:
    """True inside "(District, Region)" that directly follows a capitalised name."""
    opening = _opening_parenthesis(doc, i)
    return opening is not None and _capitalised(doc[opening - 1].text)


def _opening_parenthesis(doc: Doc, i: int) -> int | None:
    """Where the parenthesis the token at ``i`` stands in opens, if it stands in one (after the sentence's first word)."""
    sent_start = doc[i].sent.start
    j = i - 1
    while j >= sent_start and doc[j].text not in "()":
        j -= 1
    return j if j > sent_start and doc[j].text == "(" else None


def _after_joined_article(doc: Doc, i: int, sent_start: int) -> bool:
    """The word at ``i`` follows an Arabic article joined to it by a hyphen: "al-Bab", "el-Balah"."""
    return i - 2 >= sent_start and doc[i - 2].lower_ in NAME_ARTICLES and doc[i - 1].text == "-"


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _name_token(text: str) -> bool:
    # Inside a name: "Côte d'Ivoire", "Queen Anne's County", "Democratic Republic of the Congo".
    return _capitalised(_elided(text)) or text in NAME_ARTICLES or text in {"-", "de", "du", "la", "n", "of", "the",
                                                                            "'s", "’s"}


def _elided(text: str) -> str:
    """A word without its elided French article or preposition: "d'Ivoire" -> "Ivoire"."""
    return text[2:] if text[:2].lower() in {"d'", "d’", "l'", "l’"} and len(text) > 2 else text


def _far_from_its_neighbours(toponym: Toponym, toponyms: list[Toponym]) -> bool:
    """A hamlet taken only for being a proper noun, far from every well-attested place its sentence names with it:
    "the pressure on the Mallah and Handarat fronts ... near the rebel supply route into Aleppo" is no Malah of
    As-Suwayda, three hundred kilometres away."""
    chosen = toponym.chosen
    if chosen is None or not toponym.weak or chosen.population > 0 or chosen.feature_class != "P":
        return False
    beside = [o for o in toponyms if o is not toponym and o.sentence_index == toponym.sentence_index
              and o.chosen is not None and not o.weak and not o.country_code and not o.not_a_scene
              and o.chosen.feature_class in "PA"]  # not "the London-based Syrian Observatory"
    return bool(beside) and all(not _inside(chosen, o) and haversine_km(
        chosen.latitude, chosen.longitude, o.chosen.latitude, o.chosen.longitude) > FUZZY_NEAR_KM  # type: ignore[union-attr]
        for o in beside)
