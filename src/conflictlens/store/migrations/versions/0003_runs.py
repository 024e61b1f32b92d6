"""Runs, so that a killed run can be resumed."""

import sqlalchemy as sa
from alembic import op

revision = "0003_runs"
down_revision = "0002_fusion"


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("run_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("inputs", sa.Text, nullable=False),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("finished_at", sa.Text),
    )
