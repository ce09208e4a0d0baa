"""The transport's retry rules and the credential store, against a scripted HTTP server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from inspector.sync.credentials import CredentialStore
from inspector.sync.transport import (
    AuthError,
    OfflineError,
    RetryPolicy,
    ServerError,
    Transport,
)
from tests.sync.memory_keyring import MemoryKeyring


class Script:
    """Answers to hand out in order: (status, headers, body)."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, dict[str, str], dict[str, Any]]] = []
        self.hits = 0


@pytest.fixture
def scripted() -> Iterator[tuple[str, Script]]:
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            script.hits += 1
            status, headers, body = script.answers.pop(0)
            data = json.dumps(body).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", script
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def transport(base: str, waits: list[float], attempts: int = 4) -> Transport:
    return Transport(base, policy=RetryPolicy(attempts=attempts, base_delay_s=1.0,
                                              max_delay_s=8.0, connect_timeout_s=2,
                                              read_timeout_s=5),
                     sleep=waits.append)


def test_retry_after_is_honoured_then_backoff_is_jittered_and_capped(
        scripted: tuple[str, Script]) -> None:
    base, script = scripted
    script.answers = [(503, {"Retry-After": "7"}, {}), (502, {}, {}), (500, {}, {}),
                      (200, {}, {"feed": "fieldwork", "kinds": []})]
    waits: list[float] = []
    assert transport(base, waits).state("fieldwork").feed == "fieldwork"
    assert script.hits == 4
    assert waits[0] == 7.0  # the server said when
    assert 0 <= waits[1] <= 2.0 and 0 <= waits[2] <= 4.0  # full jitter under 1 s x 2^n


def test_after_the_last_attempt_the_platform_counts_as_unreachable(
        scripted: tuple[str, Script]) -> None:
    base, script = scripted
    script.answers = [(503, {}, {})] * 3
    waits: list[float] = []
    with pytest.raises(OfflineError, match="3 attempts"):
        transport(base, waits, attempts=3).me()
    assert len(waits) == 2  # no wait after the last attempt


def test_refusals_are_not_retried(scripted: tuple[str, Script]) -> None:
    base, script = scripted
    script.answers = [(401, {}, {"code": "token_expired", "message": "expired"}),
                      (404, {}, {"code": "not_found", "message": "no such feed"})]
    waits: list[float] = []
    http = transport(base, waits)
    with pytest.raises(AuthError) as signed_out:
        http.me()
    assert signed_out.value.code == "token_expired"
    with pytest.raises(ServerError) as missing:
        http.state("nowhere")
    assert (missing.value.status, missing.value.code) == (404, "not_found")
    assert waits == [] and script.hits == 2


def test_the_connectivity_check_asks_once() -> None:
    waits: list[float] = []
    with pytest.raises(OfflineError, match="1 attempts"):
        transport("http://127.0.0.1:9", waits, attempts=4).health()
    assert waits == []


def test_tokens_go_to_the_keyring_when_there_is_one() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    assert store.persistent and store.notice == ""
    store.save("https://central.example/", "zhang", "secret-token")
    assert CredentialStore(backend).load("https://central.example", "zhang") == "secret-token"
    store.forget("https://central.example", "zhang")
    assert backend.passwords == {}


def test_without_a_keyring_the_token_lives_for_this_run_only() -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    store = CredentialStore(FailKeyring())
    assert not store.persistent and "本次运行" in store.notice
    store.save("https://central.example", "zhang", "secret-token")
    assert store.load("https://central.example", "zhang") == "secret-token"
    assert CredentialStore(FailKeyring()).load("https://central.example", "zhang") is None
