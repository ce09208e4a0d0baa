"""Pure domain core: identifiers, enums, value objects and rules.

Nothing in this package performs I/O or imports Qt, SQLAlchemy or HTTP libraries
(enforced by import-linter). Every function is deterministic given its inputs, except
:func:`inspector.core.ids.new_uuid`, which reads the clock and the system's randomness.
"""
