"""The coder: one document's text in, ACLED-coded events out, in stages (``pipeline.py`` lists them in order).

One module per stage, each reading the layers earlier stages added to an ``AnnotatedDocument`` and adding
its own; the coding rule that makes a decision lives in the stage that makes it. Cross-document fusion's
decisions (``fusion.py``) live here too. May import the core (``model``, ``config``, ``errors``,
``knowledge``) and its own modules; never the store, the server, scale-out or evaluation.
"""
