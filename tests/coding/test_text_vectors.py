"""Fusion's text signal: two outlets' sentences about one event are closer than sentences about two events.
Sentences written for these tests."""

import numpy as np

from conflictlens.coding.text_vectors import DIMENSIONS, text_vectors


def test_one_event_told_twice_is_closer_than_two_events():
    first, second, other = text_vectors([
        "Government warplanes bombed the rebel-held town of Douma on Tuesday, killing 12 civilians.",
        "Air strikes on Douma on Tuesday killed 12 people including children, the Observatory said.",
        "Islamic State fighters attacked army positions near the airport of Deir ez-Zor.",
    ])
    assert float(first @ second) > 0.25 > float(first @ other)


def test_vectors_are_unit_length_and_of_one_size():
    vectors = text_vectors(["Rebels shelled the city.", "", "Rebels shelled the city."])
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    assert abs(float(np.linalg.norm(vectors[0])) - 1) < 1e-5
    assert not vectors[1].any()  # no words, no direction
    assert np.array_equal(vectors[0], vectors[2])
