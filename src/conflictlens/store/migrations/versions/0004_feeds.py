"""Feed polling state (ETag, Last-Modified) and the items already seen."""

import sqlalchemy as sa
from alembic import op

revision = "0004_feeds"
down_revision = "0003_runs"


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("checked_at", sa.Text, nullable=False),
    )
    op.create_table(
        "feed_items",
        sa.Column("item_id", sa.Text, primary_key=True),
        sa.Column("feed_url", sa.Text, nullable=False),
        sa.Column("seen_at", sa.Text, nullable=False),
    )
