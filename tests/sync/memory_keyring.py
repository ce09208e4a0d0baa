"""A system keyring for the tests: real enough for CredentialStore, kept in a dict.

keyring registers every backend class it sees and would pick this one (priority 1 beats
the fail backend) for a plain ``CredentialStore()`` elsewhere in the suite, so the class
is taken out of keyring's registry as soon as it is defined; tests pass instances of it
explicitly.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # keyring declares it as a class property

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


KeyringBackend._classes.discard(MemoryKeyring)  # type: ignore[attr-defined]  # keyring's own registry
