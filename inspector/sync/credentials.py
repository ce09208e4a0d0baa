"""Where the sign-in token lives: the operating system's keyring, or this run's memory.

Contract: a :class:`CredentialStore` keeps one token per (server, user). With a real
keyring backend (Windows Credential Manager, macOS Keychain, Secret Service) the token
survives restarts. When only keyring's *fail* backend exists (a headless Linux without
a secret service), :attr:`CredentialStore.persistent` is False, :attr:`notice` says so
in plain words, and the token is kept in memory for the current run only. A token or
password is never written to a file or a log by this module. Thread-safe.

Without a backend given, keyring is imported and its backend chosen at the first use of
the store, not when it is made: choosing scans the installed backends (a tenth of a
second or more), and the app makes its store before its window is first painted.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "inspector"


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._chosen = backend
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self._choosing = threading.Lock()

    @property
    def _backend(self) -> KeyringBackend:
        with self._choosing:
            if self._chosen is None:
                import keyring

                self._chosen = keyring.get_keyring()
            return self._chosen

    @property
    def persistent(self) -> bool:
        return not _is_fail_backend(self._backend)

    @property
    def notice(self) -> str:
        """Empty with a working keyring; otherwise what the user should know."""
        if self.persistent:
            return ""
        return ("此电脑没有可用的系统密钥环，登录只在本次运行中有效，关闭程序后需重新登录。"
                " (No system keyring is available: the sign-in lasts for this run only.)")

    def save(self, server: str, username: str, token: str) -> None:
        key = _key(server, username)
        with self._lock:
            if self.persistent:
                from keyring.errors import KeyringError

                try:
                    self._backend.set_password(SERVICE, key, token)
                    return
                except KeyringError:
                    pass  # a locked or broken keyring: fall back to memory for this run
            self._memory[key] = token

    def load(self, server: str, username: str) -> str | None:
        key = _key(server, username)
        with self._lock:
            if key in self._memory:
                return self._memory[key]
            if not self.persistent:
                return None
            from keyring.errors import KeyringError

            try:
                return self._backend.get_password(SERVICE, key)
            except KeyringError:
                return None

    def forget(self, server: str, username: str) -> None:
        key = _key(server, username)
        with self._lock:
            self._memory.pop(key, None)
            if self.persistent:
                from keyring.errors import KeyringError

                # Nothing stored, or the keyring refuses: either way nothing to forget.
                with suppress(KeyringError):
                    self._backend.delete_password(SERVICE, key)


def _key(server: str, username: str) -> str:
    return f"{username}@{server.rstrip('/')}"


def _is_fail_backend(backend: KeyringBackend) -> bool:
    return type(backend).__module__ == "keyring.backends.fail"
