"""The local store: SQLAlchemy 2.0 models, engine setup, migrations and read repositories.

Only :mod:`inspector.services` writes through this package. Repositories return frozen
``*View`` DTOs, never ORM rows, so nothing mutable leaves the DB thread.
"""
