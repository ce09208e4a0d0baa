"""Directory kinds: market entities and inspectors, maintained by administrators.

They travel down the ``directory`` feed to everyone of the unit that owns them.
"""

from inspector.central.kinds import ADMINISTRATORS, RecordKind, Visibility, register
from inspector.sync.protocol import EntityBody, InspectorBody

register(RecordKind("entity", "directory", ADMINISTRATORS, Visibility.UNIT, EntityBody))
register(RecordKind("inspector", "directory", ADMINISTRATORS, Visibility.UNIT, InspectorBody))
