"""Analyst review: API tokens, each event's current review, and the audit trail."""

import sqlalchemy as sa
from alembic import op

revision = "0005_review"
down_revision = "0004_feeds"


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("overrides", sa.Text, nullable=False, server_default="{}"),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("reviewed_at", sa.Text, nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("audit_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
    )
    op.create_index("audit_event", "audit", ["event_id"])
