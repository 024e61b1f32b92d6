"""Scorers behind ``conflictlens eval``: ACLED notes, geoparsing (LGL, GeoVirus), PLOVER roles, PETRARCH2
codings, and the hand-coding matcher (``expectations``). May import the core and the coder; the gold data is
read in place from ``../shared``.
"""
