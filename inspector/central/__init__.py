"""The central platform (``inspector-central``): the server every laptop syncs with.

It may import ``inspector.core``, ``inspector.forms`` and ``inspector.sync.protocol``;
nothing outside this package may import it (an import-linter contract checked in CI
from the first commit, before the server itself is built).
"""
