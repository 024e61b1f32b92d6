"""Documents, their events, and the inputs that failed."""

import sqlalchemy as sa
from alembic import op

revision = "0001_documents_events_failures"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("source_path", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published_at", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("outlets_named", sa.Text, nullable=False, server_default="[]"),
        sa.Column("warnings", sa.Text, nullable=False, server_default="[]"),
        sa.Column("processed_at", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_date", sa.Text),
        sa.Column("end_date", sa.Text),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer, nullable=False, server_default="0"),
        sa.Column("claim_status", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("events_doc", "events", ["doc_id"])
    op.create_index("events_date", "events", ["event_date"])
    op.create_index("events_type", "events", ["event_type"])
    op.create_index("events_country", "events", ["country"])
    op.create_table(
        "failures",
        sa.Column("source_path", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("doc_id", sa.Text),
        sa.Column("failed_at", sa.Text, nullable=False),
    )
