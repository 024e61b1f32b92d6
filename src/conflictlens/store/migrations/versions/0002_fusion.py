"""Fused events, which report belongs to which, and the reports' sentence vectors."""

import sqlalchemy as sa
from alembic import op

revision = "0002_fusion"
down_revision = "0001_documents_events_failures"


def upgrade() -> None:
    op.create_table(
        "fused_events",
        sa.Column("fused_id", sa.Text, primary_key=True),
        sa.Column("event_date", sa.Text),
        sa.Column("window_start", sa.Text),
        sa.Column("window_end", sa.Text),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("stale", sa.Integer, nullable=False, server_default="0"),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("fused_window", "fused_events", ["window_start", "window_end"])
    op.create_index("fused_status", "fused_events", ["status"])
    op.create_table(
        "fusion",
        sa.Column("event_id", sa.Text, sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("fused_id", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("fusion_fused", "fusion", ["fused_id"])
    op.create_table(
        "event_vectors",
        sa.Column("event_id", sa.Text, sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
