"""The words and small values of the sync link, shared by the controller and the views.

Contract: pure values and functions, called on the main thread: the link's states, the
progress of a file in flight as the main thread sees it, the canonical form of a
platform address, and a failed sign-in put in plain words in the user's language
(translated in the ``SyncController`` context of the catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from inspector.sync.protocol import API_PREFIX, ErrorCode
from inspector.sync.transport import AuthError, OfflineError, RetryPolicy, ServerError

# The link check: one attempt, short timeouts; it must cost next to nothing.
CHECK_POLICY = RetryPolicy(attempts=1, connect_timeout_s=3.0, read_timeout_s=5.0)


class LinkState(StrEnum):
    NOT_SIGNED_IN = "not_signed_in"  # no platform configured yet
    UNKNOWN = "unknown"  # configured, not checked yet
    ONLINE = "online"
    OFFLINE = "offline"
    SIGNING_IN = "signing_in"
    SYNCING = "syncing"
    SIGNED_OUT = "signed_out"  # the token expired or was revoked: the password is needed


@dataclass(frozen=True, slots=True)
class TransferProgress:
    """The file being sent, as the main thread sees it."""

    sha256: str
    role: str
    sent: int
    size: int
    bytes_per_s: float
    seconds_left: float | None


def normalized_server(text: str) -> str:
    """The platform's address as typed, or pasted with its API path, made canonical."""
    server = text.strip().rstrip("/")
    server = server.removesuffix(API_PREFIX).rstrip("/")
    if server and "://" not in server:
        server = "https://" + server  # TLS unless the user says otherwise
    return server


def sign_in_error_text(error: BaseException) -> str:
    """Why a sign-in failed, as the inspector should read it (no technical detail)."""
    translate = QCoreApplication.translate
    if isinstance(error, AuthError):
        if error.code == ErrorCode.DEVICE_REVOKED:
            return translate("SyncController", "This computer has been withdrawn from the "
                             "platform. Ask your administrator to enroll it again.")
        return translate("SyncController", "Wrong user name or password.")
    if isinstance(error, OfflineError):
        if "SSLError" in str(error):  # requests' SSLError, after the transport's retries
            return translate("SyncController", "The platform's certificate could not be "
                             "verified. If your province uses its own certificate authority, "
                             "choose its CA certificate file.")
        return translate("SyncController", "Cannot reach the platform: check the address "
                         "and the network connection.")
    if isinstance(error, ServerError):
        if error.status == 404:
            return translate("SyncController", "No Inspector platform answers at this address.")
        return translate("SyncController", "The platform refused the sign-in: %1").replace(
            "%1", error.message)
    return translate("SyncController", "Sign-in failed: %1").replace(
        "%1", type(error).__name__)
