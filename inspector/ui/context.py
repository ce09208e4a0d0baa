"""The application context: everything a screen needs, built once at start and passed down.

Contract: main thread only. Holds the DB worker, the compute pool, the change bus, the
language and the acting role, the credential store (where sign-in tokens live: the
system keyring, or this run's memory) with the interval of the automatic connectivity
check, and the workspace information once the workspace is open. There are no globals:
windows and screens receive the context in their constructors; tests build one with
inline executors (and an in-memory keyring when they sign in).
"""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from inspector.core.roles import Actor, Role
from inspector.core.text import Lang
from inspector.services.workspace_location import local_actor
from inspector.sync.credentials import CredentialStore
from inspector.ui.change_bus import ChangeBus
from inspector.ui.db_worker import DbWorker, WorkspaceInfo
from inspector.ui.i18n import Translations

if TYPE_CHECKING:
    from inspector.media.camera import Camera

DEFAULT_SYNC_INTERVAL_MS = 60_000


class AppContext(QObject):
    language_changed = Signal(object)  # Lang
    role_changed = Signal(object)  # Role
    workspace_opened = Signal(object)  # WorkspaceInfo

    def __init__(
        self,
        *,
        data_dir: Path,
        lang: Lang,
        db: DbWorker,
        compute: Executor,
        bus: ChangeBus,
        translations: Translations | None,
        role: Role = Role.ADMINISTRATOR,
        credentials: CredentialStore | None = None,
        sync_interval_ms: int = DEFAULT_SYNC_INTERVAL_MS,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.db = db
        self.compute = compute
        self.bus = bus
        self.credentials = credentials if credentials is not None else CredentialStore()
        # How often the sync controller checks the link (0: never on its own).
        self.sync_interval_ms = sync_interval_ms
        # A still camera, where one exists (none ships: inspector.media.camera); photo
        # items then offer "拍照" beside "添加照片…".
        self.camera: Camera | None = None
        self._translations = translations
        self._lang = lang
        self._role = role
        self._user_name = local_actor(role).name
        self.workspace: WorkspaceInfo | None = None

    @property
    def lang(self) -> Lang:
        return self._lang

    @property
    def role(self) -> Role:
        return self._role

    @property
    def actor(self) -> Actor:
        """The person at this computer (the OS account, looked up once) in the role chosen."""
        return Actor(self._user_name, self._role)

    def set_lang(self, lang: Lang) -> None:
        lang = Lang(lang)  # tolerate the plain str Qt returns for item data
        if lang is self._lang:
            return
        self._lang = lang
        if self._translations is not None:
            self._translations.apply(lang)
        self.language_changed.emit(lang)

    def set_role(self, role: Role) -> None:
        role = Role(role)
        if role is self._role:
            return
        self._role = role
        self.role_changed.emit(role)

    def set_workspace(self, info: WorkspaceInfo) -> None:
        self.workspace = info
        self.workspace_opened.emit(info)
