"""The fault proxy against a small real HTTP/1.1 server, through real sockets and requests."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from tests.sync.fault_proxy import FaultProxy, Faults

TIMEOUT = 10


def payload(size: int) -> bytes:
    return random.Random(size).randbytes(size)


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    body: bytes
    connection: int  # the port the proxy's upstream connection came from


class EchoServer(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the handler threads

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), EchoHandler)
        self.hits: list[Hit] = []
        self.lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def record(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connections cut by the proxy are expected; stay quiet."""


class EchoHandler(BaseHTTPRequestHandler):
    """POST echoes the body; GET /bytes/N, /chunked/N and /eof/N send N bytes framed by
    Content-Length, chunked encoding or the end of the connection."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    timeout = TIMEOUT
    server: EchoServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(body)
                body += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def _record(self, body: bytes) -> None:
        self.server.record(Hit(self.command, self.path, body, self.client_address[1]))

    def do_POST(self) -> None:
        body = self._read_body()
        self._record(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._record(b"")
        _, kind, size = self.path.split("/")
        body = payload(int(size))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if kind == "bytes":
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif kind == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 30_000):
                piece = body[start:start + 30_000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\nX-Trailer: yes\r\n\r\n")
        else:
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True


@pytest.fixture
def server() -> Iterator[EchoServer]:
    echo = EchoServer()
    thread = threading.Thread(target=echo.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield echo
    finally:
        echo.shutdown()
        echo.server_close()
        thread.join()


def session() -> requests.Session:
    http = requests.Session()
    http.trust_env = False  # never route loopback through a proxy from the environment
    return http


def test_passes_requests_and_responses_through_unchanged(server: EchoServer) -> None:
    big = payload(3_000_000)
    with FaultProxy("127.0.0.1", server.port) as proxy, session() as http:
        for _ in range(5):
            response = http.get(proxy.base_url("/bytes/1000"), timeout=TIMEOUT)
            assert response.status_code == 200
            assert response.content == payload(1000)
        echoed = http.post(proxy.base_url("/echo"), data=big, timeout=TIMEOUT)
        assert echoed.status_code == 200
        assert echoed.content == big
        streamed = http.post(proxy.base_url("/echo"), timeout=TIMEOUT,
                             data=(big[i:i + 100_000] for i in range(0, 1_000_000, 100_000)))
        assert streamed.content == big[:1_000_000]
        chunked = http.get(proxy.base_url("/chunked/200000"), timeout=TIMEOUT)
        assert chunked.content == payload(200_000)
        assert http.get(proxy.base_url("/bytes/7"), timeout=TIMEOUT).content == payload(7)
        # every request so far went over one keep-alive connection
        assert len({hit.connection for hit in server.hits}) == 1
        until_eof = http.get(proxy.base_url("/eof/50000"), timeout=TIMEOUT)
        assert until_eof.content == payload(50_000)
        stats = proxy.stats.snapshot()
    assert stats.requests == 10 == len(server.hits)
    assert stats.bytes_up > 4_000_000
    assert stats.bytes_down > 4_250_000
    assert stats.cuts == stats.injected_errors == stats.duplicates == 0


def test_bandwidth_cap_slows_a_transfer_down(server: EchoServer) -> None:
    with (FaultProxy("127.0.0.1", server.port, Faults(rate_bytes_per_s=1_000_000)) as proxy,
          session() as http):
        started = time.monotonic()
        response = http.get(proxy.base_url("/bytes/400000"), timeout=TIMEOUT)
        elapsed = time.monotonic() - started
    assert response.content == payload(400_000)
    assert elapsed >= 0.35


def test_latency_is_added_to_request_and_response(server: EchoServer) -> None:
    with (FaultProxy("127.0.0.1", server.port, Faults(latency_s=0.1)) as proxy,
          session() as http):
        started = time.monotonic()
        assert http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT).status_code == 200
        elapsed = time.monotonic() - started
    assert elapsed >= 0.2


def test_error_rate_one_answers_503_and_never_reaches_the_server(server: EchoServer) -> None:
    with (FaultProxy("127.0.0.1", server.port, Faults(error_rate=1.0)) as proxy,
          session() as http):
        for _ in range(3):
            for response in (http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT),
                             http.post(proxy.base_url("/echo"), data=payload(200_000),
                                       timeout=TIMEOUT)):
                assert response.status_code == 503
                assert response.headers["Retry-After"] == "0"
                assert response.json()["code"] == "unavailable"
        stats = proxy.stats.snapshot()
    assert server.hits == []
    assert stats.requests == stats.injected_errors == 6
    assert stats.bytes_up == 0


def test_duplicate_rate_one_delivers_each_post_twice(server: EchoServer) -> None:
    big = payload(2_000_000)  # larger than the in-memory spool
    with (FaultProxy("127.0.0.1", server.port, Faults(duplicate_rate=1.0)) as proxy,
          session() as http):
        response = http.post(proxy.base_url("/echo"), data=b"payload", timeout=TIMEOUT)
        assert response.status_code == 200
        assert response.content == b"payload"
        assert http.post(proxy.base_url("/echo"), data=big, timeout=TIMEOUT).content == big
        stats = proxy.stats.snapshot()
    assert [hit.body for hit in server.hits] == [b"payload", b"payload", big, big]
    assert stats.requests == 2
    assert stats.duplicates == 2


def test_cuts_break_a_long_slow_transfer(server: EchoServer) -> None:
    faults = Faults(seed=3, cut_every_s=0.05, rate_bytes_per_s=500_000)
    with FaultProxy("127.0.0.1", server.port, faults) as proxy, session() as http:
        with pytest.raises((requests.ConnectionError, requests.exceptions.ChunkedEncodingError)):
            http.get(proxy.base_url("/bytes/2000000"), timeout=TIMEOUT)
        assert proxy.stats.cuts >= 1
        proxy.set_faults(Faults())
        assert http.get(proxy.base_url("/bytes/1000"), timeout=TIMEOUT).content == payload(1000)


def test_offline_refuses_and_cuts_until_back_online(server: EchoServer) -> None:
    with FaultProxy("127.0.0.1", server.port) as proxy, session() as http:
        assert http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT).status_code == 200
        proxy.set_offline(True)
        assert proxy.stats.cuts == 1  # the idle keep-alive connection
        with pytest.raises(requests.ConnectionError):
            http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT)
        with session() as fresh, pytest.raises(requests.ConnectionError):
            fresh.post(proxy.base_url("/echo"), data=b"x", timeout=TIMEOUT)
        assert proxy.stats.refused >= 1
        proxy.set_offline(False)
        assert http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT).content == payload(10)


def test_same_seed_gives_the_same_error_decisions(server: EchoServer) -> None:
    def statuses(seed: int) -> list[int]:
        with (FaultProxy("127.0.0.1", server.port, Faults(seed=seed, error_rate=0.5)) as proxy,
              session() as http):
            return [http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT).status_code
                    for _ in range(20)]

    first, second = statuses(42), statuses(42)
    assert first == second
    assert set(first) == {200, 503}
    assert len(server.hits) == 2 * first.count(200)


def test_exit_closes_open_keep_alive_connections_promptly(server: EchoServer) -> None:
    with session() as http:
        with FaultProxy("127.0.0.1", server.port) as proxy:
            assert http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT).status_code == 200
            started = time.monotonic()
        assert time.monotonic() - started < 1.0
        with pytest.raises(requests.ConnectionError):
            http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT)


def test_unreachable_server_drops_the_client_connection(server: EchoServer) -> None:
    with FaultProxy("127.0.0.1", server.port) as closed:
        port = closed.port  # a port nothing listens on any more
    with FaultProxy("127.0.0.1", port) as proxy, session() as http:
        with pytest.raises(requests.ConnectionError):
            http.get(proxy.base_url("/bytes/10"), timeout=TIMEOUT)
        assert proxy.stats.requests == 1


def test_faults_are_validated() -> None:
    with pytest.raises(ValueError, match="error_rate"):
        Faults(error_rate=1.5)
    with pytest.raises(ValueError, match="cut_every_s"):
        Faults(cut_every_s=0)
