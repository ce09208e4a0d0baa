"""Alembic environment of the central platform (run in-process by ``database.migrate``)."""

from typing import Any

from alembic import context

from inspector.central.models import Base, UTCDateTime


def render_item(type_: str, obj: object, _context: object) -> Any:
    """Render our UTC datetime type as the plain column type it stores."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


context.configure(
    render_item=render_item,
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    version_table="central_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
