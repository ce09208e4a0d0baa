"""Passwords and tokens.

Contract: passwords are hashed with Argon2id (memory-hard; argon2-cffi's defaults,
64 MiB and 3 passes) and never stored or logged in clear. Tokens are 32 random bytes
(URL-safe text) shown once to the client; the database keeps only their SHA-256, so a
stolen database yields no usable token.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
