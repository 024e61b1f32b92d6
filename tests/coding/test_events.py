import datetime as dt

import pytest

from conflictlens.model import TimePrecision


def coded(code, text):  # type: ignore[no-untyped-def]
    return [(e.event_type, e.sub_event_type) for e in code(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JNIM fighters clashed with the Burkinabe army near Djibo on Sunday.", ("Battles", "Armed clash")),
        ("Infighting between rebel groups in Idlib in Syria killed 20 fighters on Monday.", ("Battles", "Armed clash")),
        # A raid the sentence says aircraft carried out is an air strike.
        ("Three children were among the dead in Milis on Saturday, and the raids were carried out by Russian or "
         "regime warplanes, the monitor said.", ("Explosions/Remote violence", "Air/drone strike")),
        ("Raids by warplanes killed ten people in Milis on Saturday.", ("Explosions/Remote violence", "Air/drone strike")),
        # Raids that hit what they struck flew, whoever they killed; a state's raids, in a report of its aircraft, too.
        ("Ten Russian raids hit the city of Raqqa on Thursday, killing 30 people.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("Russian raids killed 30 people in Raqqa on Thursday. The monitor said the warplanes took off from Hmeimim.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("Army troops raided the village of Milis on Saturday, killing two fighters.", ("Battles", "Armed clash")),
        # The state's shelling, however the tagger reads "shelling" after the state's word.
        ("At least four schoolchildren were among eight people killed in Syrian regime shelling in the town of Douma "
         "on Tuesday.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        # The coalition's strikes are air strikes, as "air strikes" are ("strikes" alone may be a labour strike's).
        ("At least 10 civilians were killed in coalition strikes near Raqqa on Saturday.",
         ("Explosions/Remote violence", "Air/drone strike")),
        # Torching with no crowd is destruction; a crowd that torches riots.
        ("The churches in two villages near Hasaka have been torched on Monday, the charity said.",
         ("Strategic developments", "Looting/property destruction")),
        ("Angry youths torched tyres and a police car in Kano on Monday.", ("Riots", "Violent demonstration")),
        ("Gunmen killed 12 villagers in an attack near Djibo on Tuesday.", ("Violence against civilians", "Attack")),
        ("A drone strike hit a wedding near Gao on Monday, killing 9 people.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("A roadside bomb struck a military convoy near Boni on Sunday.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("Militants kidnapped three aid workers near Menaka on Monday.",
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("The army recaptured the town of Anefis from rebels on Sunday.", ("Battles", "Government regains territory")),
        # Ground taken back from the state, by someone the sentence does not name, is taken by a non-state side.
        ("The town of Anefis was recaptured from the army on Sunday.", ("Battles", "Non-state actor overtakes territory")),
        # A bombing is an air strike when a state's people's word says whose, a placed bomb otherwise.
        ("More than 33 people were killed in Syrian regime and Russian bombing of Aleppo on Wednesday.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("A bombing outside a mosque in Damascus killed seven people on Wednesday.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        # A bomb attack in a sentence that says what dropped it, however the parse hangs the words, is an air strike.
        ("At least 10 people have been killed on Friday in Syrias southwestern province of Daraa in barrel bomb "
         "attacks dropped by regime warplanes according to a Syrian opposition statement.",
         ("Explosions/Remote violence", "Air/drone strike")),
        # Destruction by a weapon of war is that weapon's attack.
        ("The Syrian armys air force destroyed ISIL terrorists dens and vehicles near Palmyra on Monday.",
         ("Explosions/Remote violence", "Air/drone strike")),
        # Driving a foe out of a place takes it, the foe named inside the act's words.
        ("The SDF drove the Islamic State group out of the town of Manbij on Saturday.",
         ("Battles", "Non-state actor overtakes territory")),
        ("Hundreds of protesters marched in Niamey on Tuesday against the French presence.",
         ("Protests", "Peaceful protest")),
        ("Thousands of people took to the streets of Zinder on Friday against the new finance law.",
         ("Protests", "Peaceful protest")),
        ("Police arrested two journalists in Bamako on Monday.", ("Strategic developments", "Arrests")),
        ("The junta and the rebels signed a ceasefire agreement in Algiers on Monday.",
         ("Strategic developments", "Agreement")),
        # An attack on the post forces hold is a battle with them, even when a bystander dies.
        ("Unknown gunmen attacked a gendarmerie post near Tera on Monday, wounding a civilian.",
         ("Battles", "Armed clash")),
        ("ISWAP attacked an outpost near Chetimari on Sunday, killing two national guards and a child.",
         ("Battles", "Armed clash")),
        # Only the state arrests: an armed group that detains people abducts them.
        ("Presumed ISGS militants detained villagers in a shop near Bomanga on Monday.",
         ("Violence against civilians", "Abduction/forced disappearance")),
        # Pattern words match in any form: "seize * goods" finds "seized goods".
        ("Gunmen seized goods and solar panels from the health centre in Gueskerou on Monday.",
         ("Strategic developments", "Looting/property destruction")),
        ("Some 150 rebels laid down their arms during a ceremony in Dirkou on Tuesday.",
         ("Strategic developments", "Agreement")),
        # A chemical weapon is the means, however it was delivered.
        ("Government forces attacked the town of Khan Sheikhoun with chlorine gas on Tuesday, killing 20 people.",
         ("Explosions/Remote violence", "Chemical weapon")),
        # The agent used in the act, told as the subject of its use.
        ("Chemical substances were used in the attack on the town of Khan Sheikhoun which left at least 70 people dead.",
         ("Explosions/Remote violence", "Chemical weapon")),
        # A gerund with "of" names the act like a noun; it does not describe the people before it.
        ("At least four people were killed by terrorists shelling of Aleppo on Saturday, local media reported.",
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("The army's air force carried out sorties targeting militant positions near Palmyra on Sunday.",
         ("Explosions/Remote violence", "Air/drone strike")),
        # What the sorties destroyed, a truck laden with explosives among it, is no bomb of their own.
        ("The Syrian air force's sorties destroyed two vehicles and killed 10 militants near Palmyra on Sunday, "
         "destroying a truck filled with explosives.", ("Explosions/Remote violence", "Air/drone strike")),
        ("Army units dismantled scores of explosive devices and mines left behind in Palmyra on Sunday.",
         ("Strategic developments", "Disrupted weapons use")),
        ("A suicide truck bombing killed 12 soldiers at a checkpoint near Aleppo on Monday.",
         ("Explosions/Remote violence", "Suicide bomb")),
        # An attack that sparks fighting met armed resistance.
        ("Gunmen attacked a village near Menaka on Sunday, sparking clashes in which 12 people were killed.",
         ("Battles", "Armed clash")),
        # Aircraft that pound a place strike it from the air; rain that pounds it does not.
        ("Syrian regime jets pounded the town of Khan Shaykhun on Tuesday.",
         ("Explosions/Remote violence", "Air/drone strike")),
    ],
)
def test_event_typing(code, text, expected):
    assert coded(code, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists could attack the town of Gao, officials warned.",
        "The army did not attack the village, residents said.",
        "All strikes are clearly targeted against fighters, the ministry said.",
        "Officials said talks aim to prevent fighting around Kidal.",
        "Rebels claim the Lebanese group wants to set up a permanent base near Daraa.",
        "A commander said the militia was trying to set up a permanent base in the south.",
        # A gerund that names a kind of thing is no act.
        "Officials inspected an ISIS fighting position near Raqqa on Monday.",
        # What is called for or urged has not happened.
        "France and Britain called for UN sanctions against the Syrian regime on Tuesday.",
        "The opposition urged a ceasefire in Aleppo on Tuesday.",
        "On Monday the opposition urged the coalition to suspend its bombardments in Manbij.",
        # An agreement's end or breach is no agreement.
        "Diplomats in Geneva on Monday discussed the collapse of the ceasefire in Aleppo.",
        "Observers in Donetsk reported dozens of ceasefire violations on Monday.",
        # A cessation of hostilities is a truce, not hostilities; a truce told by how it fares is no new one.
        "On Sunday the cessation of hostilities in Aleppo was hanging by a thread, diplomats said.",
        "On Sunday the ceasefire in Aleppo was holding, diplomats said.",
        # "A demonstration of" a thing is a showing.
        "Officials called the vote on Tuesday a demonstration of the strength of the government in Damascus.",
        # A side's long struggle, owned by a pronoun, is its cause, not one act.
        "The United States is backing moderate rebels in their fight against the regime in Idlib.",
        # To show is not to demonstrate; an act named as the aim of an aim has not happened.
        "On Monday this crime demonstrated that Russia is unwilling to change its stance, the coalition said.",
        "On Monday the envoy urged pressure on Damascus to force it to take part in the Geneva process and engage in "
        "serious negotiations.",
        # Acts named as the support a side had tell how it fought.
        "In Kobani on Monday Kurdish fighters backed by US-led coalition air strikes have held out, officials said.",
        # The campaign a thing is for, named by its foe, is the whole campaign.
        "He said on Monday that a new government is the only way to win popular support for the fight against ISIS.",
        "Turkey on Tuesday called the Kurdish militia in Manbij a weak partner in the war on Islamic State.",
        # An agreement named as the means of another act, with no day of its own, is that act's background.
        "Idlib was a target on Tuesday because rebels had moved there from Aleppo through an agreement brokered by "
        "Turkey and Russia.",
        # An agreement named as one already in place is background.
        "Officials said on Tuesday that the recent ceasefires in Aleppo and Latakia can give the rebel groups time to "
        "regroup.",
        # An act told as so many days old or weeks long is a campaign, not one day's act.
        "The US-led coalition on Monday was supporting a 10-day-old assault by Iraqi and Kurdish forces on Mosul.",
        "The SDF said on Monday they had been trying to capture Manbij in a weeks-long offensive.",
        # A role a side has in acts of a kind is no act held.
        "The opposition said on Monday that Russia has lost its credibility as a sponsor of negotiations in Syria.",
        # So is a struggle a side takes part in or plays a role in.
        "On Monday the brigade, which has played a pivotal role in the fight against ISIS in Aleppo, chose a new "
        "commander.",
        "Officials said on Tuesday that fighters from Idlib joined the fight against the Islamic State in Raqqa.",
        "The Kurdish militia in Hasakeh has participated in the war on Islamic State since 2014, officials said on "
        "Monday.",
        # Fighting alongside someone tells whose side one is on.
        "In Idlib the rebels are fighting alongside the Nusra Front, officials said on Monday.",
        # Fighting under someone's banner tells in whose ranks one is.
        "Fighting under the banner of the Syrian Democratic Forces, the YPG has emerged as a key ally in Raqqa.",
        # A siege is a state of the fighting, not an event of its own.
        "The siege of Raqqa has severed a key supply route from the Turkish border.",
        # What a side stopped doing is not done that day.
        "Moscow said on Tuesday that the Russian air forces had stopped bombing Aleppo.",
        "The army halted its shelling of Douma on Friday, state media said.",
        "Rebels ceased firing rockets at the city on Sunday.",
        # What a thing or a move is aimed at has not happened by that telling.
        "On Monday 17 armed factions near Hama agreed to form an operations room aimed at fighting the regime.",
        "The rebels in Idlib set up a new command on Tuesday with the aim of attacking the airbase.",
        # So is what a move claims to be for.
        "On Wednesday the army said any Turkish advance under the pretext of fighting Daesh would not be tolerated.",
        "Critics said on Monday that the new law was passed under the guise of fighting the rebels.",
        # Nor are the acts a plan names, through the verbs joined to its own and their objects.
        "The terrorists planned to break the army's defence lines near Aleppo and recapture the areas using car "
        "bombs, a military source said on Friday.",
        # An agreement's end, or one told by what it is, is no agreement.
        "Diplomats in Geneva discussed an end to the Russian-US brokered ceasefire in Syria on Tuesday.",
        "US Secretary of State John Kerry insisted on Tuesday that the ceasefire in Syria was not dead.",
        # A person's name is no act.
        "UN Secretary-General Ban Ki-moon arrived in Damascus on Monday for talks.",
    ],
)
def test_hypothetical_negated_and_generic_triggers_code_nothing(code, text):
    assert code(text).events == []


def test_an_act_told_as_a_purpose_has_not_happened_but_a_protest_so_told_has(code):
    assert [e.event_type for e in code("Niger requested assistance from its neighbours on Tuesday to fight Boko "
                                       "Haram.").events] == ["Strategic developments"]
    assert coded(code, "Thousands of people took to the streets of Niamey on Sunday to protest the finance law.") == [
        ("Protests", "Peaceful protest")]
    # A call for an inquiry into an act still tells the act.
    assert coded(code, "The UN called for an investigation into the air strike that killed 20 people in Idlib on "
                       "Tuesday.") == [("Explosions/Remote violence", "Air/drone strike")]


def test_roles_from_subject_object_and_allies(code):
    event = code("Malian troops, in coordination with Wagner mercenaries, attacked JNIM fighters near Boni on "
                 "Sunday.").events[0]
    assert event.actor1.name == "Military Forces of Mali"
    assert [a.name for a in event.assoc_actor_1] == ["Wagner Group"]
    assert event.actor2.name == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize("text", [
    "Near Deir Ezzor the army backed by its Russian ally Wagner shelled the village of Tabni on Monday.",
    "In the north, the soldiers supported by their allies Wagner shelled rebel positions near Tessit on Monday.",
])
def test_an_ally_named_by_what_it_is_to_the_side_does_not_take_the_sides_place(code, text):
    # The tagger makes the ally the subject of the verb and hangs the side on the participle ("backed").
    event = code(text).events[0]
    assert event.actor1.name.startswith("Military Forces of")
    assert [a.name for a in event.assoc_actor_1] == ["Wagner Group"]


def test_passive_voice_puts_the_agent_first(code):
    event = code("Nine civilians were killed by Islamic State militants near Tillaberi on Sunday.").events[0]
    assert (event.actor1.name, event.actor2.name) == ("Islamic State (Sahel)", "Civilians (Niger)")
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 9)


@pytest.mark.parametrize("text", [
    "At least 15 militants were killed on Thursday in northern Iraq during a military operation by the Turkish Armed "
    "Forces the ministry said.",
    "At least 15 militants were killed on Thursday in northern Iraq in an operation by the Turkish Armed Forces.",
    # The phrase after the verbs joined to the death's tells how all came about.
    "At least 15 militants were killed and their vehicles were destroyed on Thursday in northern Iraq during an "
    "operation by the Turkish Armed Forces.",
])
def test_the_agent_of_the_act_the_dead_fell_in_did_it(code, text):
    """The act's adjective ("a military operation") describes it; the agent after it names who carried it out."""
    assert code(text).events[0].actor1.name == "Military Forces of Turkey"


@pytest.mark.parametrize(("text", "actor1"), [
    ("Russian air strikes hit a market in Raqqa on Monday, killing 10 people.", "Military Forces of Russia"),
    ("Turkish shelling killed three fighters in Afrin on Monday.", "Military Forces of Turkey"),
    ("Three fighters were martyred as an Israeli drone struck their position in Quneitra on Monday.",
     "Military Forces of Israel"),
    ("Posted on July 2 2016 by Staff Thirty Killed in Syrian Strikes on Suburb Town Thirty civilians were killed on "
     "Saturday in intensive Syrian air strikes on a town near Damascus a day after the execution of a Syrian air "
     "force pilot a monitor said.",
     "Military Forces of Syria"),
])
def test_a_peoples_adjective_before_a_states_weapon_names_whose_military_struck(code, text, actor1):
    assert code(text).events[0].actor1.name == actor1


def test_a_states_weapon_that_is_the_acts_own_subject_is_not_lent_another_clauses_doer(code):
    events = code("Syria's army threatened on Tuesday to shoot down any Turkish warplane after Turkish jets raided "
                  "villages in northern Syria on Monday.").events
    assert [e.actor1.name for e in events] == ["Military Forces of Turkey"]


def test_relative_clause_subject(code):
    event = code("Rebels received help from the Algerian army, which shelled a base of the jihadists near Kidal "
                 "on Monday.").events[0]
    assert event.actor1.name == "Military Forces of Algeria"
    assert event.actor2.name == "Islamist militants"


def test_continuation_sentence_adds_its_deaths(code):
    events = code("Nigerien troops launched an offensive against militants near Tera on Sunday. "
                  "The operation resulted in the neutralisation of 23 attackers.").events
    assert len(events) == 1 and events[0].fatalities == 23


def test_a_later_sentence_about_the_act_tells_where_in_its_region_it_happened(code):
    events = code("At least 20 civilians were killed on Monday when air strikes hit a village in Deir ez-Zor province. "
                  "The monitor said the strikes hit the village of Al-Shafah in Deir ez-Zor province.").events
    assert [(e.place.surface, e.fatalities) for e in events] == [("Al-Shafah", 20)]


def test_a_country_wide_event_is_not_placed_by_a_town_named_in_passing(code):
    events = code("Air strikes killed 20 people in Syria on Monday. "
                  "The attack was the worst since an attack on Damascus in 2013.").events
    assert [e.place.level for e in events] == ["country"]


def test_one_event_per_type_place_and_day(code):
    events = code("Soldiers clashed with JNIM near Boni on Sunday. The clashes near Boni lasted hours, "
                  "and fighting near Boni resumed on Sunday evening.").events
    assert len(events) == 1 and len(events[0].evidence) == 2


def test_claimed_by_the_perpetrator_side(code):
    event = code("The Malian army said in a statement that its aircraft struck a convoy of terrorists near Gao "
                 "on Monday.").events[0]
    assert (event.actor1.name, event.source.kind, event.claim_status) == (
        "Military Forces of Mali", "official_statement", "claimed")


def test_denial_links_to_the_allegation(code):
    events = code("Human Rights Watch accused soldiers of executing 20 herders near Djibo on 3 March. "
                  "The government denied the allegations.").events
    event = events[0]
    assert (event.kind, event.claim_status, event.event_type) == ("allegation", "denied", "Violence against civilians")
    assert [c.claim_type for c in event.claims] == ["alleged", "denied"]
    assert event.event_date == dt.date(2024, 3, 3)


def test_a_denial_of_anothers_claims_does_not_deny_the_deniers_own_acts(code):
    text = ("Syrian warplanes struck Islamic State positions near Deir ez-Zor in Syria on Saturday. The Syrian army "
            "refuted the claims of Islamic State fighters about winning back a key district.")
    assert [e.claim_status for e in code(text).events] == ["reported"]
    # Denying what it is said to have done denies its own act.
    denied = code("Syrian warplanes struck a market in Idlib in Syria on Saturday, activists said. The Syrian army "
                  "denied the allegations.").events
    assert [e.claim_status for e in denied] == ["denied"]
    # The victims named in what is denied claim nothing: the denier's own act is denied.
    victims = code("Islamic State fighters attacked a village near Menaka in Mali on Sunday, killing 14 civilians. A "
                   "spokesman for the Islamic State denied that civilians had been targeted, calling the accusations "
                   "fabricated.").events
    assert [e.claim_status for e in victims] == ["denied"]

def test_future_battles_are_not_events(code):
    assert code("The military said it is training recruits for the battles ahead near Gao.").events == []


def test_a_violence_verb_whose_object_is_a_thing_of_its_other_sense_is_no_event(code):
    assert code("On Thursday morning, police executed two search warrants at his home in Concord.").events == []
    assert code("The crew shot a film in Kabul on Monday.").events == []
    executed = code("Militants executed five prisoners in Raqqa on Monday.").events
    assert [(e.event_type, e.fatalities) for e in executed] == [("Violence against civilians", 5)]


def test_fighting_a_fire_or_a_trade_that_fights_fires_is_no_battle(code):
    struck = code("A U.S. missile strike on an airbase near the Syrian city of Homs on Friday caused deaths, the governor "
                  "said. Speaking at dawn he said rescue and fire-fighting operations had been going on for two hours at "
                  "the base.").events
    assert [e.event_type for e in struck] == ["Explosions/Remote violence"]
    assert code("Firefighters were fighting the blaze in Homs on Friday.").events == []
    assert code("Crews battled the fire near Kabul for hours on Monday.").events == []
    fought = code("Rebels were fighting the army in Homs on Friday.").events
    assert [e.event_type for e in fought] == ["Battles"]
    gun_battle = code("Soldiers killed two rebels in a fire fight near Agadez in Niger on Friday.").events
    assert [e.event_type for e in gun_battle] == ["Battles"]


def test_a_perfect_in_a_clause_about_a_noun_tells_an_act(code):
    events = code("Residents fled the villages that rebels have shelled near Diffa on Tuesday.").events
    assert [(e.event_type, e.place.name if e.place else None) for e in events] == [
        ("Explosions/Remote violence", "Diffa")]


def test_attacks_being_prepared_are_not_events(code):
    events = code("The army said it killed ten terrorists near Diffa on Tuesday who were preparing drone attacks on "
                  "Niamey.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Battles", "Armed clash")]


def test_armed_men_among_the_dead_make_a_battle(code):
    """Like soldiers among the dead, members of an armed group make violence a battle, not violence against
    civilians."""
    events = code("Eight civilians and four militants were killed in Menaka on Sunday.").events
    assert [(e.event_type, e.actor2.inter if e.actor2 else None) for e in events] == [("Battles", 3)]


def test_who_were_among_the_dead_were_what_the_act_was_done_to(code):
    events = code("Two commanders of Jabhat al-Nusra were among the dead in Idlib on Monday, activists said.").events
    assert [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Unidentified Armed Group (Syria)", "Jabhat al-Nusra")]


def test_a_countrys_name_before_a_weapon_names_who_struck_and_the_target_of_the_strike_is_struck(code):
    event = code("A US missile strike on a military airfield near Homs killed five people on Friday.").events[0]
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of United States", "Military Forces of Syria")


def test_armed_men_as_the_object_of_coordinated_verbs_make_a_battle(code):
    events = code("Army troops targeted a gathering of rebel leaders near Rastan on Monday, killing and wounding "
                  "several commanders.").events
    assert [e.event_type for e in events] == ["Battles"]


def test_the_crowd_is_the_first_side_of_a_protest_or_riot_the_forces_who_faced_it_the_second(code):
    event = code("Police used tear gas to disperse stone-pelting protesters in Srinagar on Friday.").events[0]
    assert (event.event_type, event.actor1.name, event.actor2.name) == (
        "Riots", "Rioters (India)", "Police Forces of India")


def test_a_date_in_a_clause_about_a_noun_does_not_date_the_event(code):
    event = code("Rebel shelling killed two civilians in Aleppo, a city that has been divided since July 2012.").events[0]
    assert (event.event_date, event.time_precision) == (dt.date(2024, 5, 8), TimePrecision.WEEK)


def test_whose_ground_a_place_is_names_no_side(code):
    event = code("Rebel shelling of government-held districts killed two civilians in Aleppo on Monday.").events[0]
    assert "Government" not in " ".join(a.name for a in event.all_actors())


def test_a_headline_keeps_its_day_when_a_later_mention_gives_none(code):
    events = code("Bombs Kill 22 at Army Checkpoint in Homs. The Al-Zahraa district of Homs has been targeted in "
                  "multiple bomb attacks in the past including in late December when 19 people were killed in several "
                  "simultaneous blasts.").events
    assert events and all(e.event_date is not None for e in events)


def test_expelling_the_enemy_in_a_battles_sentence_is_part_of_the_battle(code):
    events = code("The Islamic State launched a counteroffensive in Raqqa province on Monday, killing 40 soldiers and "
                  "expelling many others, a monitoring group said.").events
    assert [e.event_type for e in events] == ["Battles"]


def test_a_retreat_forced_in_a_battles_sentence_is_part_of_the_battle(code):
    events = code("Government forces on Monday repelled a renewed opposition assault southwest of the city of Aleppo, "
                  "forcing opposition forces to retreat from positions they seized a day earlier.").events
    assert [e.event_type for e in events] == ["Battles"]


def test_arrests_at_a_demonstration_are_how_it_was_met_not_an_event_of_their_own(code):
    events = code("Students staged a protest in Delhi on Thursday against a new law, and police detained 40 of "
                  "them.").events
    assert [(e.event_type, e.sub_event_type, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Protests", "Protest with intervention", "Police Forces of India")]



def test_property_destroyed_by_no_one_named_beside_the_reported_violence_is_its_damage(code):
    events = code("Rebels launched an assault on government-held districts of Aleppo on Monday, killing 19 soldiers. "
                  "Ahmed, a resident of the west of the city, said his home in the Syria quarter was completely "
                  "destroyed.").events
    assert [e.event_type for e in events] == ["Battles"]


def test_deaths_during_an_explosion_are_its_toll(code):
    events = code("Fifteen people died during an explosion near central Damascus on Monday, state media said.").events
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 15)]


def test_forces_killing_the_demonstrators_in_a_protests_sentence_are_excessive_force_against_it(code):
    events = code("Security forces killed at least eight protesters in Khartoum on Thursday as tens of thousands "
                  "marched against military rule, medics said.").events
    assert [(e.event_type, e.sub_event_type, e.fatalities, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Protests", "Excessive force against protesters", 8, "Military Forces of Sudan")]


def test_a_sentence_tells_one_demonstration_whatever_words_it_uses(code):
    events = code("Opposition supporters clashed with police in Nairobi on Wednesday, throwing stones and burning "
                  "tyres, and police responded with tear gas.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert events[0].actor2.name == "Police Forces of Kenya"


@pytest.mark.parametrize("text", [
    "Stocks rallied in Mumbai on Monday as investors cheered the central bank's rate cut.",
    "Thousands of pilgrims marched to the temple in Sabarimala on Friday for the annual festival.",
])
def test_a_protest_verb_whose_subject_is_of_its_other_sense_is_no_protest(code, text):
    assert code(text).events == []


def test_a_strike_told_with_a_march_is_one_protest(code):
    events = code("Doctors in Lagos went on strike on Monday over unpaid salaries and staged a march to the governor's "
                  "office.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Peaceful protest")]


def test_an_attack_stopped_by_the_defenders_was_still_fought(code):
    assert [e.event_type for e in code("Soldiers stopped an attack by militants on the army base in Inates on "
                                       "Monday.").events] == ["Battles"]


def test_armed_men_where_they_gather_as_the_target_make_a_battle(code):
    events = code("Army units targeted gatherings of terrorists in Kafr Nabl in Idlib province on Monday, killing a "
                  "big number of them.").events
    # "them" are the terrorists named before it (the dictionary's name for them).
    assert [(e.event_type, e.actor2.name, e.fatalities) for e in events] == [
        ("Battles", "Unidentified Armed Group (Syria)", 10)]
    # The doer the parse left after the act is no target.
    found = code("On March 9, villagers found the corpse of a man killed by militants near Tillaberi.").events
    assert [e.event_type for e in found] == ["Violence against civilians"]


def test_a_crowds_violence_is_a_riot_whoever_it_hits(code):
    events = code("A mob lynched a man suspected of cattle theft in Ramgarh district on Saturday.").events
    assert [(e.event_type, e.sub_event_type, e.actor1.name) for e in events] == [
        ("Riots", "Mob violence", "Rioters (India)")]


def test_forces_firing_on_protesters_use_excessive_force_against_them(code):
    events = code("Two people were killed when police opened fire on protesters in Omdurman on Thursday, a doctors' "
                  "committee said.").events
    assert [(e.event_type, e.sub_event_type, e.fatalities, e.actor2.name) for e in events] == [
        ("Protests", "Excessive force against protesters", 2, "Police Forces of Sudan")]


def test_a_demonstration_the_police_dispersed_is_a_protest_with_intervention(code):
    events = code("Thousands of opposition supporters marched through Nairobi on Monday, chanting slogans, before "
                  "police dispersed them with water cannon.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Protest with intervention")]


def test_the_police_who_tell_of_a_clash_did_not_face_the_crowd(code):
    events = code("Supporters of two rival parties clashed in Cooch Behar on Sunday, leaving five people injured, "
                  "police said.").events
    assert [(e.event_type, e.actor2) for e in events] == [("Riots", None)]


def test_a_named_kind_of_development_tells_the_sentences_event_before_the_catch_all(code):
    events = code("On February 18, unknown gunmen entered the village of Tiloa, threatened villagers and seized "
                  "livestock.").events
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


@pytest.mark.parametrize(("text", "protests"), [
    ("Activists gathered in front of the parliament in Santiago on Tuesday, demanding a new constitution.", 1),
    ("About 200 people gathered outside the governor's office in Kano on Monday to demand the release of a "
     "journalist.", 1),
    ("Fans gathered at the stadium in Lagos on Sunday to watch the final.", 0),
])
def test_people_gathered_to_demand_something_demonstrate(code, text, protests):
    assert [e.event_type for e in code(text).events] == ["Protests"] * protests


def test_people_killed_in_fighting_name_no_one_who_fought(code):
    events = code("Syrian warplanes bombed Idlib on Sunday. Civilians were killed in fighting near Hama, Syria, on "
                  "Monday.").events
    assert [e.event_type for e in events] == ["Explosions/Remote violence", "Battles"]


def test_raids_that_hit_a_place_were_flown(code):
    events = code("Syria: several raids overnight hit Babeska, a village in Idlib province, on Sunday.").events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_forces_that_established_control_of_a_village_took_it(code):
    events = code("The Syrian army on Wednesday established full control of the village of Kinsabba in Latakia.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Battles", "Government regains territory")]


def test_an_act_another_is_dated_from_is_not_the_sentences_act(code):
    events = code("Just days after a deadly regime chemical attack, a woman was killed and 20 others were wounded on a "
                  "bus in a town south of Homs, Syria, on Saturday.").events
    assert "Chemical weapon" not in [e.sub_event_type for e in events]
    events = code("Six people were killed in a blast in Aleppo in Syria on Wednesday. The evacuation resumed on "
                  "Wednesday, state media said, days after a bombing killed more than 120 evacuees.").events
    assert [e.fatalities for e in events] == [6]


def test_a_chemical_attack_is_one_whatever_carried_it(code):
    events = code("Jet fighters from the Syrian regime attacked settlements in the Syrian province of Idlib with chemical "
                  "weapons on Tuesday, killing at least 70 people.").events
    assert [e.sub_event_type for e in events] == ["Chemical weapon"]


def test_a_chemical_agent_dropped_on_a_town_is_a_chemical_attack(code):
    events = code("Regime helicopters dropped barrels filled with chlorine on the town of Saraqib in Idlib province on "
                  "Monday night, rescuers said.").events
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Chemical weapon", "Saraqib")]
    # Tear gas fired at a crowd is no chemical weapon.
    events = code("Police fired tear gas at protesters in Aleppo, Syria, on Monday.").events
    assert [e.sub_event_type for e in events] != ["Chemical weapon"]


def test_an_aircraft_that_only_flies_strikes_no_one(code):
    for text in ("Russian warplanes flew over Idlib, Syria, on Friday, residents said.",
                 "The Pentagon said coalition fighter jets scrambled to protect Kurdish forces in Hasakeh, Syria."):
        assert code(text).events == [], text
    # What it drops tells the strike, and the aircraft's people did it.
    events = code("Syrian helicopters circled over Idlib on Friday and bombed the market, killing 5.").events
    assert [(e.sub_event_type, e.actor1.name, e.fatalities) for e in events] == [
        ("Air/drone strike", "Military Forces of Syria", 5)]


def test_aerospace_forces_strike_from_the_air(code):
    events = code("The Russian Aerospace Forces destroyed a Daesh command center near Mayadin in Deir ez-Zor province, "
                  "Syria, on Tuesday and killed 34 terrorists.").events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_an_aircraft_shot_down_is_what_was_hit_not_the_means(code):
    for text in ("A Syrian army helicopter was shot down by rebels near Saraqib in Idlib province on Monday, killing "
                 "the crew.", "Rebels shot down a Syrian army helicopter near Saraqib in Idlib province on Monday."):
        events = code(text).events
        assert [e.event_type for e in events] == ["Battles"], text


def test_an_aircraft_only_heard_or_seen_passing_strikes_no_one(code):
    assert code("The roar of warplanes was heard over Idlib, Syria, on Friday, residents said.").events == []
    assert code("Peacekeepers in Tskhinvali in Georgia recorded eight flyovers of Georgian warplanes on Friday, an "
                "officer said.").events == []


def test_a_weapon_told_as_shot_down_is_what_was_hit_not_the_means(code):
    events = code("Two soldiers were killed in Hama, Syria, on Monday when their helicopter was shot down.").events
    assert events and all(e.sub_event_type != "Air/drone strike" for e in events)


def test_a_drone_shot_down_is_no_drone_strike(code):
    # The parse reads "down" as a preposition here: the drone is still what was hit.
    for text in ("The army advances on Tabqa in Raqqa, shoots down a drone for the terrorists.",
                 # or as a particle with an object of its own
                 "11 June 2016 The army advances on al-Rasafa in Raqqa shoots down a drone for ISIS terrorists.",
                 "Rebels brought down a government drone near Saraqib in Idlib, Syria, on Monday."):
        assert [e.sub_event_type for e in code(text).events if e.sub_event_type == "Air/drone strike"] == [], text
    # A drone that strikes is one.
    events = code("A drone struck a car near Saraqib in Idlib, Syria, on Monday, killing two men.").events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_a_name_in_a_relative_clause_on_the_agent_is_not_the_doer(code):
    # The barracks are where the shell fell, not who fired it.
    events = code("Three people were wounded by a mortar shell that hit a school near army barracks in Damascus, Syria, "
                  "on Monday.").events
    assert [(e.sub_event_type, e.actor1.name) for e in events] == [
        ("Shelling/artillery/missile attack", "Unidentified Armed Group (Syria)")]


def test_a_force_that_fights_only_from_the_air_strikes_in_the_air_strike_of_it(code):
    # "Claimed the lives" takes lives; it says nothing, so the coalition is no claimant.
    events = code("An airstrike of the US-led anti-terror coalition has claimed the lives of six civilians in the "
                  "Syrian city of Raqqa on Sunday.").events
    assert [(e.actor1.name, e.actor2.name, e.fatalities) for e in events] == [
        ("Global Coalition Against Daesh", "Civilians (Syria)", 6)]


def test_the_object_of_a_participle_on_the_act_is_whom_it_hit_and_us_led_strikes_are_the_coalitions(code):
    # Without commas the parse makes the monitor's saying the verb and "killed" a participle on the strikes.
    events = code("US-led air strikes killed at least 20 Islamic State fighters in Hasakeh province an organisation "
                  "monitoring the war said on Thursday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [
        ("Global Coalition Against Daesh", "Islamic State (Syria)")]
    # What the act's own words hang on it ("in the Daesh stronghold") is neither side.
    events = code("A US-led coalition air strike killed at least 18 civilians on Monday in the Daesh groups former "
                  "stronghold of Raqqa the Syrian Observatory for Human Rights said.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Global Coalition Against Daesh", "Civilians (Syria)")]


def test_the_doer_of_the_raids_an_act_was_one_of_did_it(code):
    events = code("Nearly 40 air strikes hit rebel-held districts of Aleppo, Syria, on Sunday in some of the heaviest "
                  "raids by Syrian government aircraft this year, residents said.").events
    assert [e.actor1.name for e in events] == ["Military Forces of Syria"]


@pytest.mark.parametrize("furniture", [
    "Syrian Army Allies Free New Areas in Deir Ezzor Kill Scores of Terrorists in Hama Syria Iraq Ksa "
    "pic.twitter.com/AbCdEf (@someone) 29 2017 .",
    "READ MORE WATCH Russian Airstrikes Send Terrorists Fleeing in Syrias Hama",
])
def test_an_embedded_post_or_a_read_more_link_tells_no_act(code, furniture):
    events = code("Syrian troops clashed with Nusra Front fighters in Hama province, Syria, on Sunday, the army said. "
                  f"{furniture}").events
    assert [(e.event_type, e.place.name) for e in events] == [("Battles", "Hama")]


@pytest.mark.parametrize(("text", "expected"), [
    # An armed attack foiled was fought off: a battle.
    ("The army foiled an attack by militants on a checkpoint near Diffa, Niger, on Monday.",
     ("Battles", "Armed clash")),
    # A bombing foiled is a disrupted weapon's use.
    ("Police in Niamey, Niger, foiled a suicide bomb attack on a market on Monday, arresting two men.",
     ("Strategic developments", "Disrupted weapons use")),
    # So is an attempt foiled, whatever weapon its aim names.
    ("The army foiled an attempt by terrorists to attack Aleppo city, Syria, with suicide bomb attacks on Friday.",
     ("Strategic developments", "Disrupted weapons use")),
    # So is a bomb destroyed before it went off.
    ("Kurdish forces destroyed two car bombs near Raqqa in Syria on Sunday, officials said.",
     ("Strategic developments", "Disrupted weapons use")),
    ("The army intercepted a car bomb near Deir ez-Zor in Syria on Sunday before it reached its positions.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Jihadists destroyed an army tank by IED detonation near Diffa in Niger on Sunday.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
])
def test_a_foiled_attack_is_a_battle_and_a_foiled_bombing_a_disrupted_weapon(code, text, expected):
    assert coded(code, text) == [expected]


def test_the_air_force_named_in_the_acts_words_carries_it(code):
    events = code("Syrian air force strikes killed at least 70 people in Aleppo on Tuesday following rocket attacks by "
                  "rebels that had hit the capital, a monitoring group said.").events
    assert [(e.sub_event_type, e.actor1.name, e.fatalities) for e in events] == [
        ("Air/drone strike", "Military Forces of Syria", 70)]


def test_acts_in_the_subject_of_how_often_they_happen_are_a_kind_not_an_act(code):
    events = code("High death tolls from air force attacks are not rare, but the monitor said the barrage was a response "
                  "to rocket attacks by Islam Army insurgents on Tuesday which killed 10 people in Damascus, Syria.").events
    assert [(e.sub_event_type, e.actor1.name, e.fatalities) for e in events] == [
        ("Shelling/artillery/missile attack", "Jaish al-Islam", 10)]


def test_a_group_glossed_in_parentheses_before_its_fighters_noun_did_the_act(code):
    events = code("In the same context al-Nusra Front (al-Qaeda branch in the Levant) terrorists fired rockets at the town "
                  "of Mhardeh in Hama, Syria, on Tuesday.").events
    assert [e.actor1.name for e in events] == ["Jabhat al-Nusra"]


def test_a_vague_doer_yields_to_the_group_another_mention_names(code):
    events = code("Civilian killed in terrorist rocket attack on Kafraya town in Idlib In the same context a civilian was "
                  "killed on Tuesday as terrorists from Jaish al-Fatah fired rocket shells on Kafraya town in Idlib, "
                  "Syria.").events
    assert [e.actor1.name for e in events] == ["Jaish al-Fatah"]


def test_a_vague_target_yields_to_the_group_another_mention_of_the_act_names(code):
    events = code("Air strikes kill more than 20 jihadists in Syria. US-led strikes in Hama province killed more than 20 "
                  "Islamic State jihadists early Tuesday, a monitor said.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Global Coalition Against Daesh", "Islamic State (Syria)")]


@pytest.mark.parametrize("blame", ["blaming the attack on Daesh", "blaming Daesh for the attack"])
def test_whom_a_clause_of_blame_lays_the_act_at_the_door_of_did_it_allegedly(code, blame):
    events = code(f"A car bomb killed 12 people in Azaz, Syria, on Monday, the Observatory said, {blame}.").events
    assert [(e.sub_event_type, e.actor1.name, e.fatalities, e.claim_status) for e in events] == [
        ("Remote explosive/landmine/IED", "Islamic State (Syria)", 12, "alleged")]


def test_a_sentence_that_blames_the_act_told_before_names_its_doer(code):
    events = code("At least 18 civilians were killed on Tuesday when a missile struck a neighbourhood of Aleppo, Syria, a "
                  "monitoring group said. Another 50 were wounded, the Observatory said, blaming the attack on forces "
                  "loyal to President Bashar al-Assad.").events
    assert [(e.actor1.name, e.fatalities) for e in events] == [("Military Forces of Syria", 18)]


@pytest.mark.parametrize("blame, doer", [
    ("Neither the Nusra Front nor the Islamic Front blamed any group for the blast.", "Unidentified Armed Group (Syria)"),
    ("The Nusra Front has not claimed the bombing.", "Unidentified Armed Group (Syria)"),
    ("The Islamic Front blamed the Nusra Front for the blast.", "Jabhat al-Nusra"),
])
def test_who_blames_or_denies_a_claim_is_no_doer_whom_a_blame_names_is(code, blame, doer):
    events = code(f"A bombing killed 40 commanders of Ahrar al-Sham at a meeting in Ram Hamdan in Idlib, Syria, on "
                  f"Tuesday. {blame}").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [(doer, "Ahrar al-Sham")]


@pytest.mark.parametrize("told", [
    "Five civilians were killed when regime forces bombed the town of Douma in Syria on Saturday.",
    "At least 13 civilians were killed and over 30 others were wounded on Saturday when regime forces shelled a market "
    "in the town of Douma in Syria.",
])
def test_those_harmed_as_an_act_happened_are_whom_it_was_done_to(code, told):
    events = code(told).events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Civilians (Syria)")]


def test_those_harmed_by_their_own_weapon_are_not_its_target(code):
    events = code("Three Boko Haram militants died when a bomb they were transporting exploded near Diffa, Niger, on "
                  "Monday.").events
    assert [(e.actor1.name, e.actor2) for e in events] == [
        ("Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", None)]


@pytest.mark.parametrize("denial", ["Many pointed their fingers at the Syrian government, which denied any "
                                    "responsibility for the attack.",
                                    "The Nusra Front denied any responsibility for the attack."])
def test_a_denial_of_responsibility_for_the_act_told_is_no_act_of_its_own(code, denial):
    events = code(f"Warplanes dropped barrel bombs on the town of Kafr Zita in Hama, Syria, on Tuesday, killing 20 "
                  f"people. {denial}").events
    assert [(e.event_type, e.actor1, e.fatalities) for e in events] == [("Explosions/Remote violence", None, 20)]


@pytest.mark.parametrize("strike, retold", [
    # An act believed to have been done by someone names its doer.
    ("Warplanes", "the attack believed to have been carried out by Russian jets"),
    # A count told after only a vague word counted the dead is no rival toll.
    ("Russian warplanes", "the attack"),
])
def test_an_act_told_again_by_another_teller_with_its_doer_or_its_count(code, strike, retold):
    events = code(f"{strike} struck the town of Kafr Zita in Hama, Syria, on Tuesday, killing dozens of people. The "
                  f"Observatory said {retold} killed at least 58 people.").events
    assert [(e.actor1.name, e.fatalities) for e in events] == [("Military Forces of Russia", 58)]


def test_those_a_copula_puts_among_the_dead_of_the_act_told_are_not_its_doers(code):
    events = code("Rebels shelled a rally in the city of Daraa, Syria, on Thursday, killing at least 21 people. "
                  "Pro-government militiamen were also among those killed in the mortar attack, which was carried out by "
                  "an Islamist brigade, the monitor said.").events
    assert [(e.actor1.name, e.fatalities) for e in events] == [("Rebel group", 21)]


def test_a_claim_for_the_bombing_after_a_device_defused_claims_the_bombing(code):
    events = code("A bomb targeted a bus carrying pilgrims in the Kallaseh neighbourhood of Damascus, Syria, on Sunday, "
                  "killing six people. Security forces dismantled another explosive device which had been planted near "
                  "the bus. The Nusra Front claimed responsibility for the bombing.").events
    assert [(e.event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Explosions/Remote violence", "Jabhat al-Nusra"), ("Strategic developments", "Military Forces of Syria")]


def test_whom_a_phrase_of_attack_names_before_the_act_is_not_its_doer(code):
    # The parse hangs the militants on "the north-west of Aleppo" and leaves the attempt without a subject.
    events = code("In the north-west of Aleppo Nusra Front militants attempted to launch an offensive on positions of "
                  "government forces in Sheikh Maqsood in Syria on Wednesday after performing artillery strikes with "
                  "multiple launch rocket systems.").events
    assert [e.actor1.name for e in events] == ["Jabhat al-Nusra"]


def test_a_days_possessive_names_the_act_told_before(code):
    events = code("A double suicide bombing in northern Syria on Tuesday targeted the headquarters of an Islamist rebel "
                  "group killing its leader and several other high ranking members. The attack was the second time in "
                  "less than a year that a bombing takes out the leadership of Ahrar al-Sham. Tuesdays attack struck the "
                  "headquarters of Ahrar al-Sham northwest of the town of Idlib killing the groups leader Abu Abdelrahman "
                  "Salqeen.").events
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


def test_a_place_abroad_named_beside_the_act_told_again_is_not_its_place(code):
    # "the Levant" of a group's gloss is a town in Maine to the gazetteer: no place inside Syria.
    events = code("A double suicide bombing in northern Syria on Tuesday killed the leader of an Islamist rebel group. The "
                  "attack was the second in a year that took out the leadership of Ahrar al-Sham (\"Free men of the "
                  "Levant\").").events
    assert [e.place.country for e in events] == ["Syria"]


def test_a_claim_that_is_not_of_the_act_names_no_doer(code):
    events = code("Gunmen attacked an army post near Djibo on Monday, killing 4 soldiers. The attack came days after an "
                  "Ansaroul Islam commander gave an interview claiming the group was ready for talks.").events
    assert [e.actor1.name for e in events] == ["Unidentified Armed Group (Burkina Faso)"]


def test_a_short_name_the_gazetteer_lacks_told_twice_is_one_place(code):
    # "Raqa" is Raqqa written with one q, too short to compare by likeness; told twice, it is one place.
    events = code("Syria: US-led strikes on the province of Raqa killed more than 20 Islamic State jihadists early "
                  "Tuesday, a monitor said. \"More than 20 members of IS were killed in strikes on two positions in "
                  "Raqa province,\" the Observatory said.").events
    assert [(e.place.name, e.fatalities) for e in events] == [("Ar-Raqqah", 20)]


@pytest.mark.parametrize("countryside", ["In Damascus Countryside", "In rural Damascus"])
def test_the_countryside_of_a_city_that_is_a_division_is_the_division_around_it(code, countryside):
    events = code(f"{countryside}, 9 people were injured on Tuesday when Jaish al-Islam fired mortar rounds on "
                  "al-Wafideen Camp, Syria.").events
    assert [(e.place.name, e.place.admin1) for e in events] == [("al-Wafideen Camp", "Rif-dimashq")]


def test_a_toll_over_a_period_is_not_the_days_act(code):
    events = code("Rebel shelling on Tuesday killed at least 20 people in Aleppo, Syria, state media said. The death toll "
                  "over the whole weekend was at least 44.").events
    assert [e.fatalities for e in events] == [20]


def test_two_days_with_two_tolls_are_two_acts(code):
    # The second day is told as the saying's (only its week is sure), the first day's act in its own words.
    events = code("Rebels hit government-held areas of Aleppo, Syria, in an escalation of mortar attacks. State media said "
                  "attacks on Tuesday on the Hamadaniyah and Midan neighbourhoods by insurgents killed at least 20 people "
                  "in the second day of intense shelling. The monitor said 13 people were killed on Monday in the "
                  "Kurdish-run area of the city by insurgents' mortars.").events
    assert sorted((e.event_date.day, e.fatalities) for e in events) == [(6, 13), (7, 20)]


def test_a_side_named_in_what_the_act_led_others_to_do_is_neither_side(code):
    events = code("Islamic State militants launched an assault on a Kurdish-controlled town on the border with Turkey on "
                  "Tuesday prompting air strikes by the US-led coalition to try to drive them back.").events
    assert [(e.actor1.name, e.actor2) for e in events] == [("Islamic State", None)]
    # What the act did is still whom it hit.
    events = code("Militants launched an attack on an army base in Hama, Syria, on Tuesday killing five soldiers.").events
    assert [e.actor2.name for e in events] == ["Military Forces of Syria"]


def test_the_doers_losses_in_the_act_named_again_are_no_act_of_their_own(code):
    events = code("ISIL killed more than 50 people in an attack on two villages in Hama province, Syria, on Tuesday, a "
                  "monitor said. The attack killed 15 civilians and 27 pro-government fighters. ISIL also lost 15 "
                  "militants in the attack, the monitor said.").events
    assert [(e.actor1.name, e.fatalities) for e in events] == [("Islamic State (Syria)", 50)]


def test_the_air_force_that_carried_out_the_strikes_named_as_their_subject_did_them(code):
    events = code("The monitor said the air force conducted 60 strikes on the town of Douma in Syria on Tuesday.").events
    assert [(e.sub_event_type, e.actor1.name, e.place.name) for e in events] == [
        ("Air/drone strike", "Military Forces of Syria", "Dūmā")]


def test_the_rest_named_after_between_is_the_other_side_when_the_parse_joins_it_to_the_first_sides_group(code):
    events = code("Fierce clashes between rebels from the Army of Islam and ISIL near the town of Hammuriyeh in Syria "
                  "killed 12 fighters on Tuesday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Jaish al-Islam", "Islamic State (Syria)")]


@pytest.mark.parametrize("text", [
    "Fierce fighting broke out on Monday between the army and Islamic State militants near Palmyra in Syria.",
    # The parse reads "On Monday clashes" as one phrase and hangs "between" on "the first time".
    "On Monday clashes erupted for the first time between the army and Islamic State militants near Palmyra in Syria.",
    # Or of a relative clause on the fight.
    "Eleven were killed on Monday in clashes that ensued between the army and Islamic State militants near Palmyra in "
    "Syria.",
    # Or of a place's other name in a phrase on that verb, where the parse hangs it.
    "Fighting raged further east in Syria's desert city Palmyra between the army and Islamic State militants on "
    "Monday, the Observatory said.",
])
def test_the_sides_named_after_the_between_of_the_verb_a_fight_is_the_subject_of(code, text):
    events = code(text).events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Islamic State (Syria)")]


def test_a_government_named_by_the_weapons_it_struck_with_is_its_military(code):
    events = code("The Observatory said rebels advanced south of Aleppo in Syria on Monday but reported fierce fighting as "
                  "well as government air strikes on the battlefield.", dt.date(2016, 8, 1)).events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Rebel group", "Military Forces of Syria")]


def test_kurdish_defenders_are_the_kurdish_armed_group_of_the_country(code):
    events = code("Eleven fighters were killed on Monday in clashes between Kurdish defenders and Islamic State militants "
                  "at the border in Kobani, Syria.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [
        ("YPG: People's Protection Units", "Islamic State (Syria)")]


def test_a_phrase_the_parse_hangs_on_the_first_side_after_the_rest_began_is_the_rests(code):
    events = code("Heavy clashes erupted near Shaddadeh in Syria on Monday between the Daesh fighters and members of the "
                  "US-backed Syrian Democratic Forces.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [
        ("Islamic State (Syria)", "SDF: Syrian Democratic Forces")]


def test_the_codebooks_number_for_a_vague_toll_makes_no_two_acts_one(code):
    events = code("Army units established full control over al-Halk area east of Aleppo city, Syria, on Sunday eliminating "
                  "large numbers of terrorists. Earlier army units launched intensive bombardments against terrorist "
                  "positions in al-Rashideen area, killing large numbers of terrorists.", dt.date(2016, 11, 27)).events
    assert [e.sub_event_type for e in events] == ["Government regains territory", "Shelling/artillery/missile attack"]


def test_whose_aircraft_dropped_the_weapon_did_the_act(code):
    events = code("Barrel bombs dropped from Syrian government helicopters on Tuesday killed at least 11 civilians in "
                  "raids on the town of Al Bab in Aleppo province, Syria, a monitoring group said.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Civilians (Syria)")]


@pytest.mark.parametrize("text", [
    "The monitor said that by nightfall there was no sign yet of resumed aerial bombardment of Aleppo, Syria.",
    "There was no evidence of shelling on the town of Douma in Syria on Tuesday, the monitor said.",
])
def test_an_act_there_is_no_sign_of_has_not_happened(code, text):
    assert code(text).events == []


def test_an_act_another_happened_in_spite_of_is_its_circumstance(code):
    events = code("A suicide attack on a wedding in Hasakah, Syria, killed 14 people on Monday. The YPG have expanded their "
                  "control of the city despite the bombing of several locations by Syrian jets.").events
    assert [(e.sub_event_type, e.actor1.name) for e in events] == [("Suicide bomb", "Unidentified Armed Group (Syria)")]


def test_a_place_told_by_the_countryside_around_a_city_division_may_be_that_citys_act(code):
    # The headline's unknown "Adra" lies in the report's Damascus; the body's, in Damascus countryside: one ambush.
    events = code("Syrian Army Kills Dozens of al-Nusra Members in Adra Ambush Middle East Syria Military 08-05-2024 A "
                  "Syrian army unit killed dozens of al-Nusra Front terrorists during an ambush carried out Wednesday "
                  "morning southwest of the industrial city of Adra in Damascus countryside. The Syrian Observatory "
                  "confirmed that at least 62 militants were killed in an ambush near Damascus.").events
    assert [(e.actor1.name, e.fatalities) for e in events] == [("Military Forces of Syria", 62)]


def test_a_town_the_gazetteer_lacks_is_no_wider_than_a_town_named_in_a_total_after_it(code):
    events = code("Syria: activists said regime airstrikes hit a public market in the town of Sarmin on Tuesday killing 10 "
                  "people. Russian jets launched multiple airstrikes on the main street in the town of Maaret Alnouman "
                  "killing eight people. Two more civilians were killed in regime airstrikes on the town of Maarrat "
                  "Masrin. In total over 40 civilians were killed in the aerial bombardment that hit at least 11 towns "
                  "and villages across Idlib on Tuesday.").events
    assert ("Maarrat Masrin", 2) in [(e.place.name, e.fatalities) for e in events]


def test_a_days_part_of_a_total_told_before_is_the_totals_doers_act_not_the_other_sides(code):
    events = code("Syrian government forces pounded the Eastern Ghouta region with artillery on Sunday, killing eight "
                  "civilians. Rebel groups meanwhile have fired rockets into Damascus neighbourhoods killing at least 16 "
                  "people since Thursday, the Observatory said. The toll included two people killed by rocket fire on "
                  "Sunday.").events
    assert {(e.actor1.name, e.fatalities) for e in events} == {("Military Forces of Syria", 8), ("Rebel group", 2)}



def test_an_opening_attack_on_civilians_told_without_its_means_is_the_strike_the_body_tells(code):
    events = code("9 Aug 2016 5 people were killed and 12 others wounded in the attack in the opposition-held district "
                  "of Sevre. Men and civil defence members look for survivors after an airstrike on a hospital in the "
                  "town of Meles western Idlib city in rebel-held Idlib province Syria August 6 2016. (Reuters) Syrian "
                  "opposition-held district of Sevre in the northwestern province of Idlib was hit by a vacuum bomb "
                  "attack aerially dropped by Syrian regime on Monday leaving five people dead and 12 injured.").events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 5)]


def test_an_opening_placed_where_the_report_is_takes_the_place_of_its_body_in_the_country_it_names(code):
    # The report names Iraq more than Syria; the opening names Syria, and its body places the strikes at Raqa.
    events = code("Syria air raids kill 20 Islamic State militants monitor. At least 20 members of IS were killed in air "
                  "strikes targeting an IS training base in Raqa, the monitor said on Wednesday. IS militants control "
                  "Raqa and swathes of territory in eastern Syria and in neighbouring Iraq. The Syrian regime and its air "
                  "force have escalated their raids since the group spearheaded an offensive in Iraq (when Mosul fell "
                  "from Iraqi government control). It brought in vehicles from Iraq.").events
    assert [(e.place.name, e.actor2.name, e.fatalities) for e in events] == [
        ("Ar Raqqah", "Islamic State (Syria)", 20)]


def test_an_act_named_again_by_its_means_at_a_town_is_where_the_act_told_only_by_its_country_was(code):
    # The shelling, told only in "northern Syria", took the place of the sentence before it.
    events = code("The Observatory said the forces captured 16 villages from Daesh and advanced to within nine miles of "
                  "Manbij. Meanwhile Turkish military forces shelled northern Syria claiming to have targeted positions "
                  "of the ISIS group. The Turkish General Staff said in a statement on Wednesday that at least 14 "
                  "members of the terrorist group were killed during the shelling on the town of Jarablus.").events
    shelling = [(e.actor1.name, e.place.name, e.fatalities) for e in events if e.sub_event_type.startswith("Shelling")]
    assert shelling == [("Military Forces of Turkey", "Jarābulus", 14)]


def test_a_vague_count_of_the_dead_does_not_replace_their_count(code):
    events = code("At least nine people were killed in three suicide-bomber attacks near a police station in Damascus on "
                  "Wednesday. Another explosion occurred shortly after when a third attacker detonated explosives near "
                  "the entrance to a Damascus market. A correspondent in Damascus said that several people were killed "
                  "as a result of the explosion.").events
    assert [e.fatalities for e in events] == [9]


def test_an_opening_placed_only_by_its_country_is_the_body_act_of_its_toll(code):
    events = code("At least four people were killed and 11 others were injured in airstrikes reportedly carried out by "
                  "the regime in Syria on Friday. A mosque was also destroyed by regime airstrikes north of Hama. A "
                  "civil defense official told Anadolu Agency four civilians were killed and seven others injured in an "
                  "airstrike which hit the town of Sarmin on Friday.").events
    # Not the mosque north of Hama, told in between, with the opening's toll.
    assert sorted((e.place.name, e.fatalities) for e in events) == [("Hama", 0), ("Sarmīn", 4)]


def test_a_battle_anticipated_has_not_happened(code):
    events = code("Last week Daesh militants had sent reinforcements of fighters and weapons into Tabaqa in anticipation "
                  "of a fierce battle to defend the town.").events
    assert "Battles" not in [e.event_type for e in events]


def test_an_attack_on_civilians_told_without_its_means_is_of_the_kind_of_the_explosives_told_next(code):
    events = code("A double terrorist attack in the western Syrian city of Homs has claimed the lives of 18 civilians "
                  "on Wednesday. According to earlier media reports two car bombs went off near the Akrameh al-Makhzumi "
                  "school and the Zaim hospital in the citys Akrameh region.").events
    assert [(e.sub_event_type, e.actor2.name, e.fatalities) for e in events] == [
        ("Remote explosive/landmine/IED", "Civilians (Syria)", 18)]


def test_explosive_rounds_fired_from_afar_are_shelling_not_a_placed_explosive(code):
    events = code("Rebels positioned in the hills fired a number of explosive rounds at a neighbourhood of Kidal on "
                  "Monday, injuring three civilians.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_what_an_attack_hit_counted_again_with_its_weapon_is_that_attack_told_again(code):
    events = code("Three civilians were injured on Monday in attacks carried out by JNIM militants on the neighbourhoods "
                  "of Aliou and Etambar in Kidal. The militants positioned outside the town targeted the two "
                  "neighbourhoods with mortar shells injuring three people in Aliou.").events
    assert [(e.sub_event_type, e.actor1.name, e.place.admin1) for e in events] == [
        ("Shelling/artillery/missile attack", "JNIM: Group for Support of Islam and Muslims", "Kidal")]



def test_them_counted_after_a_place_of_armed_men_are_those_armed_men(code):
    # The possessive's apostrophe lost: "the jihadists positions".
    [event] = code("The Malian army targeted the jihadists positions near Kidal killing a number of them on "
                   "Monday.").events
    assert (event.event_type, event.actor2.name != "Civilians (Mali)") == ("Battles", True)


def test_one_counted_toll_of_one_kind_at_one_place_told_a_day_apart_is_one_act(code):
    # The army's statement, quoted in the next day's report, says "today".
    events = code("Government jets killed 40 rebels in air strikes on the town of Tessit on Tuesday, the army said. "
                  '"Our warplanes carried out six air strikes today against the terrorists in Tessit" the army said in '
                  'a statement. "Forty terrorists were killed in these strikes."').events
    assert [(e.fatalities, str(e.event_date)) for e in events] == [(40, "2024-05-07")]



def test_a_gerund_after_a_preposition_has_the_subject_of_its_clause(code):
    events = code("After establishing control over the pumping station of Tabqa city, the army continued advancing in "
                  "Raqqa, Syria, a military source told SANA on Saturday.").events
    assert [(e.event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Battles", "Military Forces of Syria")]
    # A passive gerund's subject is what the act was done to, not its doer.
    events = code("Before being captured by soldiers, the rebels attacked a checkpoint near Menaka, Mali, on "
                  "Tuesday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Rebel group", "Military Forces of Mali")]


def test_armed_men_expelled_from_a_town_lost_it_diplomats_expelled_did_not(code):
    events = code("The Islamic State expelled rival rebels from Deir al-Zor city in Syria on Monday.").events
    assert [(e.event_type, e.actor1.name) for e in events] == [("Battles", "Islamic State (Syria)")]
    events = code("Russia expelled two British diplomats from Moscow on Monday.").events
    assert [e.event_type for e in events if e.event_type == "Battles"] == []


def test_the_kind_of_group_named_right_before_the_act_did_it(code):
    events = code("Rebel rocket fire on a government-held area of Aleppo, Syria, killed five children on Saturday.").events
    assert [e.actor1.name for e in events] == ["Rebel group"]
    # The report's own group of that kind.
    events = code("Fighters of the Free Syrian Army seized the town of Tal Rifaat in Syria on Friday. Rebel shelling "
                  "killed five civilians in Aleppo on Saturday.").events
    assert [e.actor1.name for e in events] == ["Free Syrian Army", "Free Syrian Army"]
    events = code("A jihadist attack killed five soldiers near Menaka in Mali on Saturday.").events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Islamist militants", "Military Forces of Mali")]
    # Before the words of the weapon that tell the act's kind.
    events = code("At least 21 people were killed on Sunday in a rebel mortar attack on regime-held districts of the "
                  "Syrian city of Aleppo.").events
    assert [e.actor1.name for e in events] == ["Rebel group"]
    # Not a group of that kind the act hit.
    events = code("At least seven people died in rebel shelling of a neighbourhood of the Syrian city of Aleppo held by "
                  "the Kurdish YPG militia at dawn on Saturday.").events
    assert [e.actor1.name for e in events] == ["Rebel group"]


def test_whom_a_by_names_as_the_doer_of_a_concurrent_act_is_no_target(code):
    events = code("More than a dozen airstrikes were carried out overnight on Thursday in rebel-held districts of east "
                  "Aleppo in Syria amid ongoing bombardment of the area by Syrian regime and Russian warplanes.").events
    assert [e.actor2.name for e in events if e.actor2 is not None and e.actor2.inter == 1] == []


def test_who_the_rest_of_the_dead_were_is_no_act_of_theirs(code):
    events = code("Militants attacked a mainly Kurdish town in northeastern Syria on Friday sparking fighting in which 17 "
                  "people were killed, two of them ambulance crew, a watchdog said. Four Kurdish militiamen and 11 "
                  "jihadists made up the rest of the dead, the watchdog said.").events
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 17)]


def test_defenders_foiling_the_attack_told_before_make_no_battle_of_their_own(code):
    events = code("Suicide bombers attacked a police station in the Midan neighbourhood of Damascus in Syria on Monday, "
                  "killing 17 people. Police officers and the army unit together resisted and foiled the attack, said "
                  "Tarek, a police officer.").events
    assert [(e.sub_event_type, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Suicide bomb", "Police Forces of Syria")]


def test_civilians_are_no_side_of_ground_changing_hands(code):
    events = code("Rebels took control of part of the town of Manbij in Syria on Tuesday, enabling civilians in the "
                  "area to flee the fighting.").events
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Non-state actor overtakes territory", None)]


def test_a_gas_attack_is_a_chemical_weapon_however_it_is_told_and_tear_gas_is_not(code):
    for text in ("Activists said more than 200 people were killed in a gas attack near Damascus, Syria, on Wednesday.",
                 "Rebels said a nerve gas attack killed 213 people near Damascus, Syria, on Wednesday."):
        assert [(e.event_type, e.sub_event_type) for e in code(text).events] == [
            ("Explosions/Remote violence", "Chemical weapon")], text
    events = code("Police launched a tear gas attack on protesters in Aleppo, Syria, on Monday.").events
    assert "Chemical weapon" not in {e.sub_event_type for e in events}


def test_a_chemical_agent_dropped_alongside_barrel_bombs_makes_them_a_chemical_attack(code):
    events = code("At least four people died when gas believed to be chlorine was dropped alongside barrel bombs on a "
                  "neighbourhood of the Syrian city of Aleppo on Wednesday, a hospital said.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Explosions/Remote violence", "Chemical weapon")]


def test_a_state_medias_terrorists_are_an_unidentified_armed_group(code):
    # "Terrorists" names no group: state media call every armed opponent so.
    events = code("Terrorists fired rocket shells at al-Hamadaniya neighbourhood in Aleppo city in Syria on Sunday, "
                  "killing one woman.").events
    assert [e.actor1.name for e in events] == ["Unidentified Armed Group (Syria)"]
    events = code("Two children were killed in a terrorist rocket attack on al-Midan neighbourhood in Aleppo, Syria, on "
                  "Friday.").events
    assert [e.actor1.name for e in events] == ["Unidentified Armed Group (Syria)"]


def test_a_states_snipers_are_its_military(code):
    events = code("Regime snipers positioned in the al-Izaa district fired into the besieged Zabadieh district of "
                  "Aleppo, Syria, on Thursday, killing a civilian.").events
    assert [e.actor1.name for e in events] == ["Military Forces of Syria"]


@pytest.mark.parametrize("text", [
    "Five rebel fighters were killed in clashes with government forces in western Aleppo, Syria, on Thursday.",
    "Another five rebel fighters were killed in the clashes that erupted with government forces in western Aleppo, "
    "Syria, on Thursday.",
])
def test_whom_the_dead_fought_killed_them(code, text):
    events = code(text).events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [("Military Forces of Syria", "Rebel group")]


def test_forces_doing_something_else_in_the_clashes_the_dead_fell_in_are_not_whom_they_fought(code):
    events = code("Islamic State jihadists attacked the YPG near Tal Abyad in Syria on Sunday. Four YPG fighters were "
                  "killed in those clashes with the Kurdish forces capturing the strategic Tal Baghdaq hilltop.").events
    assert [e.actor1.name for e in events] == ["Islamic State (Syria)"]


def test_an_act_asked_about_is_not_reported(code):
    assert code("Did the army storm the town of Douma in Syria on Monday, as the rebels say?").events == []
