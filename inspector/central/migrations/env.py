"""Alembic environment of the central platform (run in-process by ``database.migrate``)."""

from alembic import context

from inspector.central.models import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    version_table="central_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
