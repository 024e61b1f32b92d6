"""The role stage: who did what to whom, on sentences written in reporting style."""

import pytest


def roles(pipeline, text):  # type: ignore[no-untyped-def]
    return [(i.action, i.source.text if i.source else None, i.target.text if i.target else None)
            for i in pipeline.interactions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # the reported clause is the action, not "said"
    ("Jihadists killed 12 villagers near Djibo on Tuesday, a local official said.",
     ("killed", "Jihadists", "12 villagers near Djibo")),
    # an obligation laid on another: the speaker demands it of them
    ("The ECOWAS chairman said the junta must release President Bazoum.", ("said", "The ECOWAS chairman", "the junta")),
    # a pronoun subject stands for the subject above it; "to" names the recipient
    ("The army was quoted as saying it would hand over the detainees to the Red Cross.",
     ("hand", "The army", "the Red Cross")),
    # passives: the agent did it, the subject suffered it
    ("A convoy was ambushed by JNIM fighters near Boni.", ("ambushed", "JNIM fighters near Boni", "A convoy")),
    ("Three soldiers were killed near Menaka.", ("killed", None, "Three soldiers")),
    # the parties of a meeting; a thing given is not whom it was given to
    ("Mali's foreign minister hosted a meeting between Algeria and the CSP rebels in Bamako.",
     ("hosted", "Mali's foreign minister", "Algeria and the CSP rebels in Bamako")),
    ("Burkina Faso offered military aid to Niger on Saturday.", ("offered", "Burkina Faso", "Niger")),
    # a gazetteer place counts as a name even where spaCy's entities miss it; a day never does
    ("The governor arrived in Agadez on Monday.", ("arrived", "The governor", "Agadez")),
    # the purpose clause says against whom a protest was
    ("Hundreds of students staged a sit-in to protest against the junta's decision.",
     ("staged", "Hundreds of students", "the junta's decision")),
    # a clause subject after "demanded that"
    ("Niger demanded that the U.S. withdraw its troops from Agadez.", ("demanded", "Niger", "the U.S.")),
])
def test_main_action_source_and_target(pipeline, text, expected):
    assert roles(pipeline, text) == [expected]


def test_one_interaction_per_sentence_and_object_fallback(pipeline):
    text = "Rebels in northern Mali rejected the peace plan. The army said it would retaliate."
    assert roles(pipeline, text) == [("rejected", "Rebels in northern Mali", "the peace plan"),
                                     ("retaliate", "The army", None)]
    assert [i.sentence_index for i in pipeline.interactions(text)] == [0, 1]


def test_spans_point_into_the_text(pipeline):
    text = "Burkina Faso offered military aid to Niger on Saturday."
    [interaction] = pipeline.interactions(text)
    assert interaction.source is not None and interaction.target is not None
    assert text[interaction.source.span.start:interaction.source.span.end] == "Burkina Faso"
    assert text[interaction.target.span.start:interaction.target.span.end] == "Niger"
    assert text[interaction.action_span.start:interaction.action_span.end] == "offered"
    assert (interaction.source.head, interaction.target.head) == ("Faso", "Niger")


def test_french_goes_to_the_french_pipeline(pipeline):
    [(action, source, _)] = roles(pipeline, "Le gouverneur de Gao a rencontré les chefs de village lundi à Ansongo.")
    assert (action, source) == ("rencontré", "Le gouverneur de Gao")
