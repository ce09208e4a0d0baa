"""HTTP to the central platform: typed calls, timeouts, retries with backoff.

Contract: every request has a connect and a read timeout. A request that fails in a
way worth retrying (no connection, a cut connection, a timeout, 429, 5xx) is retried
up to ``RetryPolicy.attempts`` times, waiting an exponential, fully jittered delay, or
the server's ``Retry-After`` when it gives one. What is left after that becomes:

- :class:`OfflineError`: the server could not be reached (the caller keeps everything
  queued and tries again later);
- :class:`AuthError`: 401, with the server's code (expired or revoked token, revoked
  device): the user must sign in again; nothing queued is touched;
- :class:`ServerError`: any other answer the call cannot use, with status and message.

TLS certificates are always verified, against the system's authorities or a provincial
CA file. The token never appears in an exception or a log line. Runs on the caller's
thread (never the UI thread); one instance per thread (see :meth:`Transport.clone`).
requests is imported when the first transport is made, not with this module, which the
window imports through its sync screens before it first paints.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from inspector.sync.protocol import (
    API_PREFIX,
    DeviceInfo,
    EnrollRequest,
    FeedPage,
    LoginRequest,
    LoginResponse,
    MissingBlobs,
    PushItem,
    PushRequest,
    PushResponse,
    PushResult,
    SyncState,
    UploadStart,
    UploadState,
    UserInfo,
)

if TYPE_CHECKING:
    import requests

M = TypeVar("M", bound=BaseModel)


class TransportError(Exception):
    """Base of what a call to the platform can raise."""


class OfflineError(TransportError):
    """The platform could not be reached (after the retries)."""


class AuthError(TransportError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ServerError(TransportError):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 60.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2**attempt)]."""
        return rng.uniform(0, min(self.max_delay_s, self.base_delay_s * 2 ** attempt))


@dataclass
class TransferCounters:
    """Bytes put on the wire and requests retried (for the report); shared by clones."""

    bytes_sent: int = 0
    requests: int = 0
    retries: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, *, sent: int = 0, requests: int = 0, retries: int = 0) -> None:
        with self._lock:
            self.bytes_sent += sent
            self.requests += requests
            self.retries += retries


@dataclass
class Transport:
    server: str  # e.g. "https://central.example.gov.cn"; the API prefix is added here
    token: str | None = None
    ca_file: Path | None = None
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    rng: random.Random = field(default_factory=random.Random)
    sleep: Callable[[float], None] = time.sleep
    counters: TransferCounters = field(default_factory=TransferCounters)

    def __post_init__(self) -> None:
        import requests

        self._http = requests.Session()
        self._http.verify = str(self.ca_file) if self.ca_file is not None else True
        self._base = self.server.rstrip("/") + API_PREFIX

    def clone(self) -> Transport:
        """Another connection with the same server, token and counters (one per thread)."""
        return Transport(self.server, token=self.token, ca_file=self.ca_file,
                         policy=self.policy, rng=random.Random(self.rng.random()),
                         sleep=self.sleep, counters=self.counters)

    def close(self) -> None:
        self._http.close()

    # -- accounts ------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        response = self._call("GET", "/health", attempts=1)
        result: dict[str, Any] = response.json()
        return result

    def login(self, username: str, password: str, device_uuid: str | None) -> LoginResponse:
        body = LoginRequest(username=username, password=password, device_uuid=device_uuid)
        response = self._call("POST", "/auth/login", json=body.model_dump(mode="json"))
        login = _parse(LoginResponse, response)
        self.token = login.token
        return login

    def me(self) -> UserInfo:
        return _parse(UserInfo, self._call("GET", "/auth/me"))

    def enroll(self, device_uuid: str, name: str) -> DeviceInfo:
        body = EnrollRequest(device_uuid=device_uuid, name=name)
        return _parse(DeviceInfo, self._call("POST", "/devices/enroll",
                                             json=body.model_dump(mode="json")))

    # -- records -------------------------------------------------------------------------

    def push(self, items: Sequence[PushItem]) -> list[PushResult]:
        # The items were validated when they were made: build the request without
        # validating every one of them a second time.
        payload = PushRequest.model_construct(items=list(items)).model_dump_json().encode("utf-8")
        response = self._call("POST", "/push", data=payload,
                              headers={"Content-Type": "application/json"})
        return _parse(PushResponse, response).results

    def feed(self, feed: str, cursor: int, limit: int, *, others_only: bool = False,
             ) -> FeedPage:
        params: dict[str, str | int] = {"cursor": cursor, "limit": limit}
        if others_only:
            params["others_only"] = "true"
        return _parse(FeedPage, self._call("GET", f"/feeds/{feed}", params=params))

    def state(self, feed: str) -> SyncState:
        return _parse(SyncState, self._call("GET", f"/sync/state/{feed}"))

    def save_checkpoint(self, feed: str, cursor: int) -> None:
        self._call("PUT", f"/sync/checkpoints/{feed}", json={"cursor": cursor})

    def missing_blobs(self, uuid: str) -> list[str]:
        return _parse(MissingBlobs, self._call("GET", f"/records/{uuid}/missing-blobs")).missing

    # -- blobs ---------------------------------------------------------------------------

    def start_upload(self, sha256: str, size: int, media_type: str) -> UploadState:
        body = UploadStart(size=size, media_type=media_type)
        return _parse(UploadState, self._call("POST", f"/blobs/{sha256}",
                                              json=body.model_dump(mode="json")))

    def upload_state(self, sha256: str) -> UploadState:
        return _parse(UploadState, self._call("GET", f"/blobs/{sha256}/state"))

    def put_chunk(self, sha256: str, offset: int, data: bytes) -> UploadState:
        """One chunk, one attempt: the caller asks for the offset again after a failure
        (a retry of the same bytes could land at the wrong place)."""
        response = self._call("PUT", f"/blobs/{sha256}", params={"offset": offset}, data=data,
                              headers={"Content-Type": "application/octet-stream"},
                              attempts=1)
        return _parse(UploadState, response)

    # -- the one place requests are made ---------------------------------------------------

    def _call(self, method: str, path: str, *, attempts: int | None = None,
              json: dict[str, Any] | None = None, data: bytes | None = None,
              params: Mapping[str, str | int] | None = None,
              headers: Mapping[str, str] | None = None) -> requests.Response:
        import requests

        total = attempts if attempts is not None else self.policy.attempts
        all_headers = dict(headers or {})
        if self.token is not None:
            all_headers["Authorization"] = f"Bearer {self.token}"
        last_problem = ""
        for attempt in range(total):
            wait: float | None = None
            try:
                self.counters.count(requests=1, retries=1 if attempt else 0,
                                    sent=len(data) if data is not None else 0)
                response = self._http.request(
                    method, self._base + path, json=json, data=data, params=params,
                    headers=all_headers,
                    timeout=(self.policy.connect_timeout_s, self.policy.read_timeout_s))
            except (requests.ConnectionError, requests.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                # A connection cut while the answer was arriving is as good as no answer.
                last_problem = type(exc).__name__
            else:
                if response.status_code < 400:
                    return response
                if response.status_code == 429 or response.status_code >= 500:
                    last_problem = f"HTTP {response.status_code}"
                    wait = _retry_after(response)
                else:
                    raise _refusal(response)
            if attempt + 1 < total:
                self.sleep(wait if wait is not None else self.policy.delay(attempt, self.rng))
        raise OfflineError(f"{method} {path}: no usable answer after {total} attempts "
                           f"({last_problem})")


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _refusal(response: requests.Response) -> TransportError:
    code, message = "", response.reason or ""
    try:
        body = response.json()
        code, message = str(body.get("code", "")), str(body.get("message", message))
    except ValueError:
        pass
    if response.status_code == 401:
        return AuthError(code or "unauthenticated", message)
    return ServerError(response.status_code, code, message)


def _parse(model: type[M], response: requests.Response) -> M:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        raise ServerError(response.status_code, "invalid_answer",
                          f"the platform's answer is not a valid {model.__name__}: "
                          f"{exc.error_count()} problem(s)") from None
