"""API tokens expire and can be revoked: when each one stops being accepted, and when it was revoked.

Tokens made before this migration have no expiry (NULL): they keep working until revoked, as they did.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_token_lifetimes"
down_revision = "0008_acled_numbers"


def upgrade() -> None:
    op.add_column("api_tokens", sa.Column("expires_at", sa.Text, nullable=True))
    op.add_column("api_tokens", sa.Column("revoked_at", sa.Text, nullable=True))
