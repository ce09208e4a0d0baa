"""The ops of signed assignment packages (任务包), for laptops with no network.

Contract: each op function builds an :class:`~inspector.ui.db_worker.Op` whose body runs
on the DB thread and calls :mod:`inspector.services.assignment_package`; the package
file is read and written there too, never on the UI thread. Bodies capture only
immutable arguments (paths, staff ids, the actor, a fingerprint).

:func:`import_assignment_package` turns the service's refusal of a validly signed
package from a key not yet trusted here into :class:`UntrustedKeyError`, which carries the
fingerprint the screen asks the user to confirm; every other refusal (a changed byte,
another format, an unreadable file) stays the service's :class:`PackageError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.services import assignment_package
from inspector.services.assignment_package import PackageError, PackageImport
from inspector.services.changes import Outcome
from inspector.ui.db_worker import Op, OpEnv


class UntrustedKeyError(PackageError):
    """The package is signed correctly, by a key this workspace does not trust yet."""

    def __init__(self, fingerprint: str, text: LocalText) -> None:
        super().__init__(text)
        self.fingerprint = fingerprint


@dataclass(frozen=True, slots=True)
class PackageExport:
    """What an export wrote, and the fingerprint the inspector must confirm."""

    staff_id: str
    path: Path
    tasks: int
    fingerprint: str


def export_assignment_package(staff_id: str, path: Path, actor: Actor) -> Op[PackageExport]:
    def body(env: OpEnv) -> Outcome[PackageExport]:
        store = env.workspace.store
        outcome = assignment_package.export_package(store, actor, staff_id=staff_id, path=path)
        done = PackageExport(staff_id, path, outcome.value,
                             assignment_package.signing_fingerprint(store))
        return Outcome(done, outcome.changes)

    return Op("export_assignment_package", body)


def import_assignment_package(path: Path, actor: Actor,
                              trust: str | None = None) -> Op[PackageImport]:
    """Import ``path``; ``trust`` is the fingerprint the user confirmed (None: ask first)."""

    def body(env: OpEnv) -> Outcome[PackageImport]:
        try:
            return assignment_package.import_package(env.workspace.store, actor, path,
                                                     trust=trust)
        except UntrustedKeyError:
            raise
        except PackageError as exc:
            if trust is not None:
                raise
            try:
                found = assignment_package.package_fingerprint(path)
            except PackageError:
                raise exc from None
            # A valid signature refused by name of its key is the one refusal the user
            # can lift, by confirming the fingerprint; the service names it in its text.
            if found in exc.text.en:
                raise UntrustedKeyError(found, exc.text) from None
            raise

    return Op("import_assignment_package", body)
