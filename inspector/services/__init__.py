"""Use cases: the only code that writes to the local store.

Each mutating call runs in one transaction, appends its audit event in that same
transaction, and returns an :class:`~inspector.services.changes.Outcome` naming what
changed. Services run on the DB thread (or inline in the command line and tests); they
never touch Qt.
"""
