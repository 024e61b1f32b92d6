"""Inputs whose text is a document already stored: each is recorded under its own path, pointing at that document,
so that every input of a batch is either a document, a copy of one, or a failure."""

import sqlalchemy as sa
from alembic import op

revision = "0010_document_copies"
down_revision = "0009_token_lifetimes"


def upgrade() -> None:
    op.create_table(
        "document_copies",
        sa.Column("source_path", sa.Text, primary_key=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("seen_at", sa.Text, nullable=False),
    )
    op.create_index("document_copies_doc_id", "document_copies", ["doc_id"])
