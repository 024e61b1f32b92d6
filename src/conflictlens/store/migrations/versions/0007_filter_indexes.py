"""Indexes for the API's filters: case-insensitive equality, and (PostgreSQL) substring search on actors.

Filters compare lower(column) so that "niger" finds "Niger"; an index on that expression lets both
backends use it. Actor filters match a part of a name (LIKE '%jnim%'), which only a trigram index
serves: PostgreSQL's pg_trgm, where the server has it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_filter_indexes"
down_revision = "0006_filters_search_geometry"


def upgrade() -> None:
    for column, plain in (("country", "fused_country"), ("event_type", "fused_type"), ("admin1", "fused_admin1")):
        op.drop_index(plain, table_name="fused_events")  # filters never compare the column as written
        op.execute(f"CREATE INDEX fused_{column}_lower ON fused_events (lower({column}), event_date)")
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first() is None:
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return  # no right to create the extension: actor filters scan
    op.execute("CREATE INDEX fused_actors_trigram ON fused_events USING gin (actors gin_trgm_ops)")
