"""Alembic environment for the local store (runs inside the app; never from a CLI config).

The caller passes an open connection in ``config.attributes["connection"]``. Batch mode
renders ALTERs as table copies, which is how SQLite changes columns.
"""

from typing import Any

from alembic import context

from inspector.db import models  # noqa: F401  (registers every table on Base.metadata)
from inspector.db.base import Base, UTCDateTime

connection = context.config.attributes["connection"]
def render_item(type_: str, obj: object, _context: object) -> Any:
    """Render our UTC datetime type as the plain column type it stores."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


context.configure(
    render_item=render_item,
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
