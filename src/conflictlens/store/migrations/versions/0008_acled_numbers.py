"""ACLED-shaped event IDs: each fused event's number within its country prefix ("SYR12"), kept so that an event
keeps its ID from one export to the next."""

import sqlalchemy as sa
from alembic import op

revision = "0008_acled_numbers"
down_revision = "0007_filter_indexes"


def upgrade() -> None:
    op.create_table(
        "event_numbers",
        sa.Column("fused_id", sa.Text, primary_key=True),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.UniqueConstraint("prefix", "number", name="event_numbers_unique"),
    )
