import datetime as dt
from collections import Counter

import pytest

from conflictlens.coding.actors import ActorDictionary, DocumentActors
from conflictlens.coding.entities import actor_mentions
from conflictlens.knowledge import Knowledge


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.from_knowledge(Knowledge.load())


def canonical(pipeline, text):  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    mentions = actor_mentions(doc, pipeline.actors)
    context = DocumentActors.from_mentions(mentions, "Mali")
    return [(m.text, pipeline.actors.resolve(m, context).name) for m in mentions]


def test_country_templates_and_acronyms(pipeline):
    assert canonical(pipeline, "FAMa and the Burkinabe army fought JNIM near the border.") == [
        ("FAMa", "Military Forces of Mali"),
        ("Burkinabe army", "Military Forces of Burkina Faso"),
        ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
    ]


def test_every_countrys_state_forces_by_template(pipeline):
    assert canonical(pipeline, "Kenyan police and the Brazilian army met Myanmar troops.") == [
        ("Kenyan police", "Police Forces of Kenya"),
        ("Brazilian army", "Military Forces of Brazil"),
        ("Myanmar troops", "Military Forces of Myanmar"),
    ]


def test_a_countrys_initials_stand_for_its_peoples_adjective(pipeline):
    assert canonical(pipeline, "The US Air Force and UK troops met U.S. forces.") == [
        ("US Air Force", "Military Forces of United States"),
        ("UK troops", "Military Forces of United Kingdom"),
        ("U.S. forces", "Military Forces of United States"),
    ]


def test_possessive_country_forms(pipeline):
    assert canonical(pipeline, "Niger's armed forces said the Nigerien government approved it.") == [
        ("Niger's armed forces", "Military Forces of Niger"),
        ("Nigerien government", "Government of Niger"),
    ]


def test_vague_rebels_take_the_rebel_group_the_report_names(pipeline):
    assert canonical(pipeline, "The rebels withdrew. Tuareg separatists later returned.") == [
        ("rebels", "Tuareg rebels"), ("Tuareg separatists", "Tuareg rebels")]


def test_vague_rebels_are_not_a_group_the_report_first_names_much_later(pipeline):
    # The report's own "rebels" for a while, then a group named otherwise for other fighting: another group. The
    # headline's "rebels" named in the lead are that group.
    assert canonical(pipeline, "Rebels advanced in Aleppo. The rebels shelled a district. Shops closed. Prices rose. "
                               "Schools shut. The rebels retreated. To the east the SDF took Manbij.") == [
        ("Rebels", "Rebel group"), ("rebels", "Rebel group"), ("rebels", "Rebel group"),
        ("SDF", "SDF: Syrian Democratic Forces")]
    assert canonical(pipeline, "Rebels seize town. Fighters of the SDF took Tabqa on Sunday.")[0] == (
        "Rebels", "SDF: Syrian Democratic Forces")
    # Not one the lead names beside the kind's word, told apart from it.
    assert canonical(pipeline, "Rebels kill 7 in Aleppo assault. Seven people died in shelling of a district held by "
                               "the Kurdish YPG militia as rebels took villages to the south.")[0] == (
        "Rebels", "Rebel group")
    # A group the report names later by the same word is the one it meant.
    assert canonical(pipeline, "The rebels withdrew. Prices rose. Schools shut. Shops closed. The rebels hid. "
                               "Officials blamed the Tuareg rebels.")[:2] == [
        ("rebels", "Tuareg rebels"), ("rebels", "Tuareg rebels")]
    # Nor the Kurdish-led forces of Syria, whom the news does not call rebels.
    assert canonical(pipeline, "Kurdish militia expelled jihadists from Ras al-Ain. The YPG held the town. Elsewhere "
                               "rebels attacked a checkpoint.")[-1] == ("rebels", "Rebel group")
    # Not one named later by a word any side is called by: opposition forces are not the Kurdish-led forces.
    assert canonical(pipeline, "Barrel bombs hit opposition forces near the border. Prices rose. Schools shut. "
                               "Shops closed. The Kurdish-led forces attacked them on Monday.")[0] == (
        "opposition forces", "Rebel group")


def test_vague_army_is_the_document_country_forces(pipeline):
    assert canonical(pipeline, "The army said soldiers repelled the attack.") == [
        ("army", "Military Forces of Mali"), ("soldiers", "Military Forces of Mali")]


def test_ministry_pattern_is_qualified_by_country(pipeline):
    assert canonical(pipeline, "The Ministry of Mines suspended permits.") == [
        ("Ministry of Mines", "Ministry of Mines (Mali)")]


def test_a_capitalised_is_before_its_peoples_word_is_the_islamic_state(pipeline):
    assert canonical(pipeline, "Kurdish units killed 10 IS members near Kobane.") == [
        ("Kurdish units", "Kurdish armed groups"),
        ("IS members", "Islamic State (Sahel)")]  # the vague names take the report's country (Mali here)
    assert canonical(pipeline, "The concern is members of the council, who met on Monday.") == []
    assert canonical(pipeline, "Three IS suicide bombers attacked the base.") == [
        ("IS suicide bombers", "Islamic State (Sahel)")]


def test_forces_loyal_to_the_president_are_his_states_military(pipeline):
    assert canonical(pipeline, "Forces loyal to the Syrian President Bashar al-Assad shelled the town.") == [
        ("Forces loyal to the Syrian President Bashar al-Assad", "Military Forces of Syria")]
    assert canonical(pipeline, "Rebels loyal to the opposition and Assad's rivals shelled the town.") == [
        ("Rebels", "Rebel group")]


def test_a_capitalised_is_after_a_preposition_is_the_islamic_state(pipeline):
    assert canonical(pipeline, "Rebels clashed with IS near Azaz on Monday.") == [
        ("Rebels", "Rebel group"), ("IS", "Islamic State (Sahel)")]
    assert [name for _, name in canonical(pipeline, "WHO IS BEHIND THE ATTACK ON THE ARMY")] == [
        "Military Forces of Mali"]


def test_the_islamic_states_long_names_are_one_name_not_a_place_in_it(pipeline):
    assert canonical(pipeline, "The so-called Islamic State in Iraq and the Levant claimed the attack.") == [
        ("Islamic State in Iraq and the Levant", "Islamic State (Sahel)")]


@pytest.mark.parametrize("written, name", [
    # The spellings of Syrian groups in Iranian and Lebanese outlets' English.
    ("Jeish al-Islam", "Jaish al-Islam"), ("Jaish Al Fath", "Jaish al-Fatah"), ("Jund Al Aqsa", "Jund al-Aqsa"),
    ("Ahrar al-Shams", "Ahrar al-Sham"), ("Fatah al-Shams", "Jabhat al-Nusra"),
])
def test_syrian_groups_are_known_by_their_transliterations(pipeline, written, name):
    assert canonical(pipeline, f"{written} fighters attacked an army checkpoint near Saraqib.")[0] == (
        f"{written} fighters", name)


def test_the_islamic_states_acronyms_written_as_names_are_the_islamic_state(pipeline):
    # British outlets write "Isis" and "Isil".
    assert canonical(pipeline, "A car bomb attack carried out by Isis killed 20 soldiers. Isil claimed it.") == [
        ("Isis", "Islamic State (Sahel)"), ("soldiers", "Military Forces of Mali"), ("Isil", "Islamic State (Sahel)")]


def test_a_generic_word_that_heads_a_groups_name_is_not_the_state(pipeline):
    assert canonical(pipeline, "The rebel Army of Mujahideen detained an activist, and the army arrested two.") == [
        ("Army of Mujahideen", "Jaysh al-Mujahideen"), ("army", "Military Forces of Mali")]
    assert canonical(pipeline, "The rebel Army of Liberation detained an activist, and the army arrested two.") == [
        ("army", "Military Forces of Mali")]


def test_lowercase_acronym_is_not_an_actor(pipeline):
    assert canonical(pipeline, "The aes of the town were quiet.") == []


def test_every_pattern_names_a_known_entry(actors):
    keys = Counter(p["id"] for p in actors.ruler_patterns())
    assert set(keys) <= set(actors.entries)
    assert actors.actor_for("Wagner Group").inter == 8


def test_either_or_actors_are_named_the_acled_way(code):
    for text in ("Presumed ISWAP or Boko Haram militants abducted two girls near Diffa on 2 May 2024.",
                 "Presumed ISWAP/Boko Haram militants abducted two girls near Diffa on 2 May 2024."):
        event = code(text).events[0]
        assert event.actor1.name == ("Islamic State (West Africa) and/or "
                                     "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad")


def test_a_groups_short_name_is_the_group(code):
    events = code("Syria: Nusra fighters attacked an army checkpoint near Idlib on Monday.").events
    assert events and events[0].actor1 is not None and events[0].actor1.name == "Jabhat al-Nusra"


def test_the_regime_is_the_state_forces(code):
    events = code("Syria: the Assad regime committed a massacre in the village of al-Bureij northeast of Aleppo on "
                  "Tuesday, killing 18 civilians. Regime forces shelled Daraa on Monday.").events
    assert {e.actor1.name for e in events if e.actor1 is not None} == {"Military Forces of Syria"}


@pytest.mark.parametrize("means", [
    "air strikes suspected to be carried out by the regime",  # a hedge's participle names the agent
    "air raids by the regime",  # the parse hangs "by" on the verb of the dying
    "air strikes believed to have been launched by Syrian warplanes",
])
def test_the_states_word_or_its_weapons_as_the_agent_of_the_act_name_its_military(code, means):
    events = code(f"Syria: at least 13 civilians died in {means} around the town of Saraqib on Friday, the Observatory "
                  "said.").events
    assert [(e.actor1.name if e.actor1 else None, e.fatalities) for e in events] == [("Military Forces of Syria", 13)]


def test_the_states_word_on_the_act_that_killed_names_its_military(code):
    # The parse makes "Wednesday regime" the day's phrase and leaves "killed" with no subject.
    events = code("Eight people were killed in air strikes in Douma on Tuesday. On Wednesday regime shelling on the town of "
                  "Harasta killed three civilians.", published_at=dt.date(2017, 11, 2)).events
    assert [(e.actor1.name if e.actor1 else None, e.fatalities) for e in events if e.fatalities == 3] == [
        ("Military Forces of Syria", 3)]


def test_whoever_harmed_the_one_who_died_of_wounds_did_it(code):
    events = code("Syria: a farmer died of his wounds on Monday after he was shot by soldiers near Daraa.").events
    assert [(e.event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
            for e in events] == [("Violence against civilians", "Military Forces of Syria", "Civilians (Syria)")]


def test_a_countrys_aerospace_forces_are_its_military(pipeline):
    assert canonical(pipeline, "The Russian Aerospace Forces struck the town.") == [
        ("Russian Aerospace Forces", "Military Forces of Russia")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia's Aerospace Forces struck the town.", ("Russia's Aerospace Forces", "Military Forces of Russia")),
    ("Russias air force struck the town.", ("Russias air force", "Military Forces of Russia")),
    ("Turkey's special forces entered the town.", ("Turkey's special forces", "Military Forces of Turkey")),
])
def test_a_countrys_own_air_force_and_forces_are_its_military(pipeline, text, expected):
    assert canonical(pipeline, text) == [expected]


def test_a_groups_name_as_news_also_spells_it_is_the_group(pipeline):
    assert canonical(pipeline, "The so-called Free Syria Army attacked the town.") == [
        ("Free Syria Army", "Free Syrian Army")]


def test_a_name_printed_without_its_apostrophes_is_the_name(pipeline):
    """Scraped news drops apostrophes: "Peoples Protection Units", "Syrias army"."""
    assert canonical(pipeline, "The Peoples Protection Units fought Syrias army near Hasakah.") == [
        ("Peoples Protection Units", "YPG: People's Protection Units"),
        ("Syrias army", "Military Forces of Syria"),
    ]


def test_a_partys_military_wing_is_no_states_military_and_servicemen_are(pipeline):
    assert canonical(pipeline, "The party's military wing attacked Turkish servicemen in Afrin.") == [
        ("Turkish servicemen", "Military Forces of Turkey")]


def test_a_groups_possessive_without_its_apostrophe_and_its_long_names(code):
    events = code("Syrian jets struck ISILs positions near Raqqa in Syria on Monday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Islamic State (Syria)")]
    events = code("Army troops killed 33 members of the Islamic State in Iraq and Levant near Raqqa in Syria on "
                  "Monday.").events
    assert [e.actor2.name for e in events] == ["Islamic State (Syria)"]


def test_a_named_groups_vague_head_noun_is_the_groups(pipeline, code):
    assert canonical(pipeline, "Jaysh al-Fateh terrorists attacked an army post.")[0] == (
        "Jaysh al-Fateh terrorists", "Jaish al-Fatah")
    # A group named by its province where it acts is a name too.
    assert canonical(pipeline, "ISIS terrorists attacked an army post.")[0] == ("ISIS terrorists", "Islamic State (Sahel)")
    events = code("200 Jeish Al Fatah Terrorists Killed by Syrian Army in Aleppo.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Jaish al-Fatah")]
    for text in ("On March 3, presumed ISWAP militants abducted two herders in the village of Toumour, Niger.",
                 "On March 3, presumed ISWAP militants abducted and executed two herders near Toumour, Niger."):
        assert [e.actor1.name for e in code(text).events] == ["Islamic State (West Africa)"]


def test_whom_an_actor_is_tied_to_is_not_the_actor(pipeline):
    assert canonical(pipeline, "The Al-Qaeda-affiliated Nusra Front abducted a priest.") == [
        ("Nusra Front", "Jabhat al-Nusra")]
    assert [text for text, _ in canonical(pipeline, "ISIS-inspired gunmen attacked a church.")] == ["gunmen"]
    # A patron named before its tie noun, past the affiliate's country or a determiner.
    for text in ("Members of al-Qaedas affiliate in Syria the Nusra Front attacked an army post.",
                 "Al-Qaeda's Syrian affiliate, the Nusra Front, attacked an army post."):
        assert next(name for _, name in canonical(pipeline, text)) == "Jabhat al-Nusra"


@pytest.mark.parametrize("text", ["50 ISIS Terrorists Killed in Syrian Army Anti-Terrorism Operations in Eastern Homs.",
                                  "50 ISIS terrorists killed in Syrian army operations in eastern Homs."])
def test_the_state_that_owns_the_operations_a_headlines_dead_came_in_is_the_doer(code, text):
    events = code(text).events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Islamic State (Syria)")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Syrian tanks shelled the central city of Hama on Monday.", "Military Forces of Syria"),
    ("Israeli warships shelled a Hamas post in Gaza on Monday.", "Military Forces of Israel"),
])
def test_a_peoples_tanks_and_warships_are_its_military(code, text, expected):
    assert [e.actor1.name for e in code(text).events] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # Before an act of war other than a state's weapon, a foreign people's adjective names that state's military ...
    ("At least 10 Syrian soldiers were killed in Israeli raids on positions near Quneitra on Monday.",
     ("Military Forces of Israel", "Military Forces of Syria")),
    # ... but the local people's does not: a "Syrian attack" in Syria may be anyone's.
    ("A Syrian attack on Afrin killed 12 Kurdish fighters on Monday.",
     ("Unidentified Armed Group (Syria)", "YPG: People's Protection Units")),
])
def test_a_foreign_peoples_adjective_on_an_act_of_war_names_its_military(code, text, expected):
    assert [(e.actor1.name, e.actor2.name) for e in code(text).events] == [expected]


def test_the_islamic_states_other_spellings(pipeline):
    assert canonical(pipeline, "Daish fighters attacked an army post.")[0] == ("Daish fighters", "Islamic State (Sahel)")


def test_the_coalitions_aircraft_are_the_coalitions(code):
    events = code("Coalition war planes carried out 10 air strikes near Tel Abyad in Raqqa province in Syria on "
                  "Saturday.").events
    assert [e.actor1.name for e in events] == ["Global Coalition Against Daesh"]
    # The Syrian Coalition is a political body that condemns; it strikes no one.
    events = code("Syrian Coalition Condemns Attack on Syrian Interim Government Headquarters in Azaz Aleppo. At least "
                  "five civilians were killed in the attack.").events
    assert all(e.actor1 is None or e.actor1.name != "Global Coalition Against Daesh" for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    # The agent of the act's noun, or of what it acted on.
    ("The bombing of several locations in Hasakah by Syrian jets killed five people on Monday.",
     ("Military Forces of Syria", "Civilians (Syria)")),
    # The outcome the parse hangs on the object of the jets' verb.
    ("Opposition sources said on Sunday that Russian jets hit an outpost in Idlib province killing at least one "
     "opposition fighter.", ("Military Forces of Russia", "Unidentified Armed Group (Syria)")),
])
def test_the_aircraft_that_did_the_act_name_its_state_however_the_parse_hangs_them(code, text, expected):
    assert [(e.actor1.name, e.actor2.name) for e in code(text).events] == [expected]


def test_whom_a_pronoun_counts_among_the_harmed_were_named_before_it(code):
    events = code("In Deir Ezzor a unit of the Syrian armed forces destroyed two dens for ISIL terrorists in the city "
                  "on Monday killing and injuring several of them.").events
    assert [(e.event_type, e.actor2.name) for e in events] == [("Battles", "Islamic State (Syria)")]
    # "many of their members": the members of the groups named before.
    events = code("Army units destroyed terrorist organizations dens killing many of their members in Salma in the "
                  "countryside of Latakia in Syria on Monday.").events
    assert [(e.event_type, e.actor2.name) for e in events] == [("Battles", "Unidentified Armed Group (Syria)")]
    # Only the last people named, outside a parenthesis.
    events = code("Soldiers crushed two unarmed men they had detained (described as Boko Haram fighters) near Diffa in "
                  "Niger on Monday, and killed one of them.").events
    assert [(e.event_type, e.actor2.name) for e in events] == [("Violence against civilians", "Civilians (Niger)")]


def test_a_vague_group_tied_to_a_named_one_is_the_named_group(code):
    events = code("Two people were injured on Sunday when terrorist organizations affiliated to Jabhat al-Nusra fired a "
                  "mortar shell on the al-Sabil neighbourhood in Daraa, Syria.").events
    assert [e.actor1.name for e in events] == ["Jabhat al-Nusra"]
    events = code("The army killed and injured a number of operatives tied to Jabhat Fath al-Sham in Daraa province, "
                  "Syria, on Wednesday.").events
    assert [(e.event_type, e.actor2.name) for e in events] == [("Battles", "Jabhat al-Nusra")]


def test_the_other_sides_government_is_no_state(pipeline):
    text = "A minister in Syria's opposition government was among 12 people killed in a car bomb attack in Daraa."
    assert [mention for mention, _ in canonical(pipeline, text)] == ["people"]


def test_the_dead_a_passive_verb_names_are_no_doer_and_a_compounds_people_names_the_aircraft(code):
    events = code("Over 100 terrorists have been killed in the Russian fighter jets air raids on ISIL positions in Homs "
                  "province in Syria on Friday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Russia", "Islamic State (Syria)")]


def test_clashes_between_two_groups_have_the_first_as_one_side_and_the_second_as_the_other(code):
    events = code("On Monday about 70 rebels were killed in clashes between the Islamic State of Iraq and the Levant and "
                  "the Nusra Front near Deir ez-Zor in Syria, the Observatory said.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Islamic State (Syria)", "Jabhat al-Nusra")]
    # The state's own word first between them names its military.
    events = code("Clashes between the regime and Kurdish forces erupted in Hassakeh city in Syria on Wednesday, killing "
                  "23 people.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [
        ("Military Forces of Syria", "YPG: People's Protection Units")]


def test_regime_and_pro_assad_fighters_are_the_states_military(pipeline):
    for text in ("Rebels clashed with regime fighters near Aleppo, Syria, on Monday.",
                 "Rebels clashed with regime soldiers near Aleppo, Syria, on Monday.",
                 "Rebels clashed with pro-Assad fighters near Aleppo, Syria, on Monday.",
                 "Rebels clashed with pro-government militiamen near Aleppo, Syria, on Monday."):
        events = pipeline.process_text(text).events
        assert [(e.actor1.name, e.actor2.name) for e in events] == [("Rebel group", "Military Forces of Syria")], text


def test_a_states_government_fighters_are_its_military_and_the_islamic_front_is_a_group(pipeline):
    assert canonical(pipeline, "About 30 Syrian government fighters were killed when insurgents from the Islamic Front "
                               "set off a bomb.") == [("Syrian government fighters", "Military Forces of Syria"),
                                                      ("insurgents", "Islamic Front"),
                                                      ("Islamic Front", "Islamic Front")]


@pytest.mark.parametrize(("text", "actor1"), [
    ("The so-called Democratic Syria Troops captured a village near Manbij, Syria, on Sunday after clashes with IS "
     "militants.", "SDF: Syrian Democratic Forces"),
    ("Jets of the US-led anti-Daesh coalition killed five people in an air strike near Raqqa, Syria, on Sunday.",
     "Global Coalition Against Daesh"),
    ("Airstrikes led by the international coalition have killed dozens of people in Tokhar near Manbij on Tuesday.",
     "Global Coalition Against Daesh"),
    # A participle of blame on the act lays it on its doer.
    ("A car bombing blamed on Daesh killed at least 26 displaced people in Deir Ezzor province on Friday the "
     "Observatory said.",
     "Islamic State (Syria)"),
])
def test_the_names_outlets_give_a_group_name_it(code, text, actor1):
    assert [e.actor1.name for e in code(text).events] == [actor1]


@pytest.mark.parametrize("text", [
    "Syrian government forces executed six families of rebel fighters in the village of Rityan near Aleppo on Tuesday.",
    "Gunmen killed the wives of two Islamic State commanders in Raqqa on Monday.",
])
def test_a_group_whose_kin_were_harmed_is_no_side_the_kin_are_civilians(code, text):
    events = code(text).events
    assert [(e.event_type, e.actor2.name) for e in events] == [("Violence against civilians", "Civilians (Syria)")]


def test_a_sports_club_named_like_an_armed_group_is_no_actor(pipeline):
    text = "Three members of al-Shabab team and their trainer were beheaded by Islamic State militants in Raqqa."
    assert [name for _, name in canonical(pipeline, text)] == ["Islamic State (Sahel)"]


def test_troops_from_a_group_are_not_a_states_troops(code):
    events = code("Thousands of troops from a Kurdish-Arab alliance launched an attack on Islamic State fighters near "
                  "Manbij on Wednesday.").events
    assert events and all(e.actor1 is None or e.actor1.name != "Military Forces of Syria" for e in events)


def test_whom_the_verb_joined_to_the_act_acted_on_is_the_other_side(code):
    events = code("The Kurdish-led Syrian Democratic Forces (SDF) killed 23 Daesh members and liberated three "
                  "neighborhoods of the Syrian northern city of al-Tabqa on Friday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [
        ("SDF: Syrian Democratic Forces", "Islamic State (Syria)")]


@pytest.mark.parametrize("text", [
    "Airstrikes by the United States killed 11 civilians in Idlib on Wednesday.",
    "Airstrikes carried out by the United States against Nusra Front insurgents killed 11 civilians in Idlib on "
    "Wednesday.",
])
def test_a_state_named_as_the_agent_of_the_act_or_of_a_participle_on_it_did_it_not_whom_it_was_against(code, text):
    events = code(text).events
    assert [e.actor1.name for e in events] == ["Military Forces of United States"]
    assert all(e.actor2.name != "Jabhat al-Nusra" or e.actor1.name != "Jabhat al-Nusra" for e in events)


def test_whom_the_acts_subject_was_against_is_no_doer_of_the_deaths_it_left(code):
    # The parse may even read "strikes" as a verb; the group after "against" is still whom they were against.
    events = code("Coalition strikes against Daesh terrorists in the eastern Syrian city of Abu Kamal left at least 31 "
                  "civilians dead, Syrian media reported on Tuesday.").events
    assert events and all(e.actor1 is None or e.actor1.name != "Islamic State (Syria)" for e in events)


def test_a_subject_after_a_relative_clause_with_no_object_is_that_clauses_object(code):
    events = code('The "Army of Conquest" an opposition coalition that includes Al-Qaedas Syria affiliate Al-Nusra '
                  "Front began its assault on Fuaa and Kafraya on Wednesday.").events
    assert [(e.actor1.name, e.place.name) for e in events] == [("Jaish al-Fatah", "al-Fuah"), ("Jaish al-Fatah", "Kafraya")]


@pytest.mark.parametrize("name", ["Al-Qaeda's Syrian affiliate", "Al-Qaedas Syrian affiliate"])
def test_al_qaedas_syrian_affiliate_is_the_nusra_front(code, name):
    events = code(f"Fighters of {name} attacked army positions in the city of Aleppo in Syria on Thursday.").events
    assert [e.actor1.name for e in events] == ["Jabhat al-Nusra"]


def test_kurdish_troops_are_the_kurdish_fighters_not_a_states_army(code):
    # "troops" alone are the state's; with the Kurds' name they are the Kurdish fighters of the report's country.
    events = code("At least 30 jihadists were killed in clashes with Kurdish troops in Hasakeh province in Syria on "
                  "Thursday, a monitor said.", dt.date(2014, 12, 25)).events
    assert [e.actor1.name for e in events] == ["YPG: People's Protection Units"]
