"""Where coded documents and events are kept: the SQL store (SQLite by default, PostgreSQL + PostGIS as the
server store), its Alembic migrations, analysts' reviews and API tokens, and exports of what it holds.

May import the core only: the store keeps the model's records and knows nothing of how they were coded.
``review`` uses the store; the store never imports ``review``.
"""
