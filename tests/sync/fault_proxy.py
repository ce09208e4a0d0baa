"""A fault-injecting HTTP/1.1 proxy that simulates a poor rural link for sync tests.

Contract
--------
``FaultProxy(host, port, faults)`` is a context manager. On ``__enter__`` it listens on
``127.0.0.1`` at a free port (``proxy.port``, ``proxy.base_url(prefix)``) and forwards
every client connection to its own upstream connection to ``host:port``, opened lazily on
the first request of that client connection (and reopened when the server has closed an
idle one). On ``__exit__`` it stops accepting, drops every open connection (even idle
keep-alive ones), closes all sockets and joins all its threads.

Bytes pass through unchanged: request and response heads and bodies are forwarded as
received, in pieces of at most 64 KiB (smaller when a bandwidth cap is set), never whole.
The proxy understands just enough HTTP/1.1 to find message boundaries on keep-alive
connections: a head ends at CRLFCRLF; a request body is framed by ``Content-Length`` or
``Transfer-Encoding: chunked`` (forwarded raw up to and including the trailers); a
response body is framed by ``Content-Length``, by chunked encoding, or runs to EOF, after
which both connections are closed. Interim ``1xx`` responses are passed on. ``Expect:
100-continue`` and protocol upgrades (``101``) are not supported.

Faults (:class:`Faults`, replaceable at run time with :meth:`FaultProxy.set_faults`):

* ``latency_s`` is waited once before a request head is forwarded to the server and once
  before a response head is forwarded to the client.
* ``rate_bytes_per_s`` caps each direction with a token bucket shared by all connections
  (a burst of 10 ms of traffic); bodies are then forwarded in pieces of about 50 ms.
* ``cut_every_s``: cut instants are drawn from an exponential distribution with this
  mean, on a global clock starting when the proxy starts (or when the setting changes).
  Every connection that is busy at a cut instant (from the first byte of a request until
  the last byte of its response) is cut: at its next piece it forwards a random prefix
  of that piece, then both its sockets are closed abruptly (``SO_LINGER`` 0, an RST).
  A connection waiting for data when a cut is due is cut at once.
* ``error_rate``: that fraction of requests is answered by the proxy itself with ``503
  Service Unavailable``, ``Retry-After: 0`` and a small JSON body in the shape of the
  central platform's error body; the request (body included) is read from the client and
  never reaches the server.
* ``duplicate_rate``: that fraction of requests is delivered to the server twice; the
  first response is read and discarded, the second goes to the client. The body is kept
  in a spooled temporary file (in memory up to 1 MiB) for the second delivery.

Randomness: each request draws exactly two numbers from ``random.Random(seed)`` (error,
then duplicate) under a lock, so with sequential requests a seed gives the same decisions
whatever the other settings. Cut instants and cut offsets come from two further
generators seeded from ``seed`` alone, so they do not disturb the per-request sequence.

``set_offline(True)`` simulates losing the network: open connections are cut and the
call returns once they are gone; new connections are accepted and reset at once.
``set_offline(False)`` restores service. ``stats`` (:class:`ProxyStats`) counts requests,
bytes forwarded each way, cuts (random and offline), injected errors, duplicated
deliveries and connections refused while offline.

Errors never escape the proxy's threads: a client or server that goes away, a framing
error or an unreachable server drops the connection pair (without a response).
"""

from __future__ import annotations

import contextlib
import random
import select
import socket
import struct
import tempfile
import threading
import time
from dataclasses import dataclass, field, fields
from types import TracebackType
from typing import IO, Literal

__all__ = ["MAX_PIECE", "FaultProxy", "Faults", "ProxyStats"]

MAX_PIECE = 64 * 1024
"""The largest piece forwarded at once; caps, cuts and offline checks apply per piece."""

_POLL_S = 0.05  # how often blocked threads look at stop, offline and cut flags
_MAX_HEAD = 64 * 1024
_MAX_LINE = 8 * 1024
_SPOOL_MAX = 1 << 20
_CONNECT_TIMEOUT_S = 5.0
_JOIN_TIMEOUT_S = 5.0

_ERROR_BODY = (b'{"code":"unavailable","message":"injected by the fault proxy",'
               b'"detail":{"fault":"error_rate"}}')

Direction = Literal["up", "down"]


@dataclass(frozen=True)
class Faults:
    """What the simulated link does to traffic; all faults are off by default."""

    seed: int = 0
    latency_s: float = 0.0
    rate_bytes_per_s: float | None = None
    cut_every_s: float | None = None
    error_rate: float = 0.0
    duplicate_rate: float = 0.0

    def __post_init__(self) -> None:
        if self.latency_s < 0:
            raise ValueError("latency_s must not be negative")
        if self.rate_bytes_per_s is not None and self.rate_bytes_per_s <= 0:
            raise ValueError("rate_bytes_per_s must be positive (or None: unlimited)")
        if self.cut_every_s is not None and self.cut_every_s <= 0:
            raise ValueError("cut_every_s must be positive (or None: no cuts)")
        for name in ("error_rate", "duplicate_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")


@dataclass
class ProxyStats:
    """Counters of a proxy, updated under a lock; read them directly or via snapshot().

    Event counters (requests, cuts, injected_errors, duplicates, refused) are counted
    before the client can observe the event; byte counters just after each send."""

    requests: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    cuts: int = 0
    injected_errors: int = 0
    duplicates: int = 0
    refused: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False,
                                  compare=False)

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def snapshot(self) -> ProxyStats:
        with self._lock:
            return ProxyStats(**{f.name: getattr(self, f.name) for f in fields(self)
                                 if f.init})


class _StopError(Exception):
    """The proxy is shutting down."""


class _CutError(Exception):
    """The link is cut (random cut or offline): drop both sockets with an RST."""


class _BrokenError(Exception):
    """A peer went away, misbehaved or could not be reached."""


class _Bucket:
    """A token bucket that may go into debt: reserve() says how long to wait."""

    def __init__(self, rate: float | None) -> None:
        self._lock = threading.Lock()
        self._rate = rate
        self._tokens = self._burst()
        self._last = time.monotonic()

    def _burst(self) -> float:
        return 0.0 if self._rate is None else max(1.0, self._rate * 0.01)

    def set_rate(self, rate: float | None) -> None:
        with self._lock:
            if rate != self._rate:
                self._rate = rate
                self._tokens = self._burst()
                self._last = time.monotonic()

    def reserve(self, amount: int) -> float:
        with self._lock:
            if self._rate is None:
                return 0.0
            now = time.monotonic()
            self._tokens = min(self._burst(), self._tokens + (now - self._last) * self._rate)
            self._last = now
            self._tokens -= amount
            return -self._tokens / self._rate if self._tokens < 0 else 0.0


class _Link:
    """One client connection and its upstream connection."""

    def __init__(self, client: socket.socket, number: int) -> None:
        self.number = number
        self.client = client
        self.upstream: socket.socket | None = None
        self.client_reader = _Reader(client)
        self.upstream_reader: _Reader | None = None
        self.busy = False
        self.cuts_seen = 0


class _Reader:
    """A receive buffer over one socket; the proxy fills it through its polling recv."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = bytearray()


@dataclass(frozen=True)
class _Framing:
    kind: Literal["none", "length", "chunked", "eof"]
    length: int = 0


@dataclass(frozen=True)
class _Head:
    raw: bytes
    start: list[bytes]
    version: bytes
    headers: dict[bytes, list[bytes]]

    def values(self, name: bytes) -> list[bytes]:
        return self.headers.get(name, [])

    def tokens(self, name: bytes) -> list[bytes]:
        return [t.strip().lower() for v in self.values(name) for t in v.split(b",")
                if t.strip()]

    def wants_close(self) -> bool:
        connection = self.tokens(b"connection")
        if self.version == b"HTTP/1.0":
            return b"keep-alive" not in connection
        return b"close" in connection

    def body_framing(self, *, response_to: bytes | None = None) -> _Framing:
        if response_to is not None:
            status = int(self.start[1])
            if response_to == b"HEAD" or status < 200 or status in (204, 304):
                return _Framing("none")
        codings = self.tokens(b"transfer-encoding")
        if codings:
            if codings[-1] == b"chunked":
                return _Framing("chunked")
            if response_to is None:
                raise _BrokenError("request body of unknown length")
            return _Framing("eof")
        lengths = {v.strip() for v in self.values(b"content-length")}
        if len(lengths) > 1:
            raise _BrokenError("conflicting Content-Length")
        if lengths:
            length = int(lengths.pop())
            if length < 0:
                raise _BrokenError("negative Content-Length")
            return _Framing("length", length)
        return _Framing("none") if response_to is None else _Framing("eof")


def _parse_head(raw: bytes, *, response: bool) -> _Head:
    lines = raw[:-4].split(b"\r\n")
    start = lines[0].split(b" ", 2)
    if len(start) < (2 if response else 3):
        raise _BrokenError("malformed start line")
    version = start[0] if response else start[2]
    if not version.startswith(b"HTTP/1.") or (response and not start[1].isdigit()):
        raise _BrokenError("not HTTP/1.x")
    headers: dict[bytes, list[bytes]] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if not sep:
            raise _BrokenError("malformed header line")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return _Head(raw, start, version, headers)


def _abort(sock: socket.socket | None) -> None:
    """Close a socket abruptly, with an RST where the platform allows it."""
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _close(sock: socket.socket | None) -> None:
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


class FaultProxy:
    """A threaded HTTP/1.1 proxy on 127.0.0.1 that injects :class:`Faults`."""

    def __init__(self, target_host: str, target_port: int, faults: Faults = Faults()) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.port = 0
        self.stats = ProxyStats()
        self._faults = faults
        self._lock = threading.Lock()
        self._gone = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._offline = False
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._links: set[_Link] = set()
        self._threads: list[threading.Thread] = []
        self._accepted = 0
        self._up = _Bucket(faults.rate_bytes_per_s)
        self._down = _Bucket(faults.rate_bytes_per_s)
        self._seed(faults.seed)
        self._cut_count = 0
        self._next_cut: float | None = None

    # -- public API ---------------------------------------------------------------------

    def __enter__(self) -> FaultProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", 0))
            listener.listen(128)
            listener.settimeout(_POLL_S)
        except OSError:
            listener.close()
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]
        with self._lock:
            self._schedule_cuts(time.monotonic())
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True,
                                          name=f"fault-proxy-{self.port}-accept")
        self._acceptor.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._stop.set()
        if self._acceptor is not None:
            self._acceptor.join(_JOIN_TIMEOUT_S)
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(_JOIN_TIMEOUT_S)
        if self._listener is not None:
            self._listener.close()

    def base_url(self, prefix: str = "") -> str:
        return f"http://127.0.0.1:{self.port}{prefix}"

    @property
    def faults(self) -> Faults:
        return self._faults

    def set_faults(self, faults: Faults) -> None:
        """Change the faults; a new seed restarts the random sequences, a new cut_every_s
        restarts the cut schedule from now."""
        with self._lock:
            old, self._faults = self._faults, faults
            if faults.seed != old.seed:
                self._seed(faults.seed)
            if faults.seed != old.seed or faults.cut_every_s != old.cut_every_s:
                self._schedule_cuts(time.monotonic())
        self._up.set_rate(faults.rate_bytes_per_s)
        self._down.set_rate(faults.rate_bytes_per_s)

    def set_offline(self, offline: bool) -> None:
        """Lose (True) or regain (False) the network. Going offline cuts every open
        connection and returns once they are closed; new ones are reset at once."""
        with self._lock:
            self._offline = offline
            if offline:
                self._gone.wait_for(lambda: not self._links, timeout=_JOIN_TIMEOUT_S)

    # -- randomness -----------------------------------------------------------------------

    def _seed(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._cut_time_rng = random.Random(f"fault-proxy:{seed}:cut-times")
        self._cut_offset_rng = random.Random(f"fault-proxy:{seed}:cut-offsets")

    def _schedule_cuts(self, now: float) -> None:
        """Start the cut clock at now (caller holds the lock)."""
        mean = self._faults.cut_every_s
        self._next_cut = None if mean is None else now + self._cut_time_rng.expovariate(1 / mean)

    def _cuts_until(self, now: float) -> int:
        with self._lock:
            mean = self._faults.cut_every_s
            while mean is not None and self._next_cut is not None and self._next_cut <= now:
                self._cut_count += 1
                self._next_cut += self._cut_time_rng.expovariate(1 / mean)
            return self._cut_count

    def _decide(self) -> tuple[Faults, bool, bool]:
        with self._lock:
            faults = self._faults
            error = self._rng.random() < faults.error_rate
            duplicate = self._rng.random() < faults.duplicate_rate
        return faults, error, duplicate and not error

    # -- connections ----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        listener = self._listener
        assert listener is not None
        while not self._stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                self._stop.wait(_POLL_S)
                continue
            if self._offline:
                self.stats.add("refused")
                _abort(client)
                continue
            try:
                client.settimeout(_POLL_S)
                client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                _abort(client)
                continue
            with self._lock:
                self._accepted += 1
                link = _Link(client, self._accepted)
                self._links.add(link)
                self._threads = [t for t in self._threads if t.is_alive()]
                thread = threading.Thread(target=self._serve, args=(link,), daemon=True,
                                          name=f"fault-proxy-{self.port}-{link.number}")
                self._threads.append(thread)
            thread.start()

    def _serve(self, link: _Link) -> None:
        graceful = False
        try:
            self._serve_requests(link)
            graceful = True
        except _CutError:
            self.stats.add("cuts")
        except Exception:  # _StopError, _BrokenError, OSError, bad framing: never print a traceback
            pass
        finally:
            if graceful:
                _close(link.upstream)
                _close(link.client)
            else:
                _abort(link.upstream)
                _abort(link.client)
            with self._lock:
                self._links.discard(link)
                self._gone.notify_all()

    def _serve_requests(self, link: _Link) -> None:
        while True:
            raw = self._read_head(link, link.client_reader)
            if raw is None:
                return
            if not link.busy:
                self._begin_busy(link)
            request = _parse_head(raw, response=False)
            method = request.start[0]
            framing = request.body_framing()
            self.stats.add("requests")
            faults, error, duplicate = self._decide()
            self._wait(link, faults.latency_s, cuts=True)
            if error:
                self.stats.add("injected_errors")  # counted before the client can see it
                self._relay_body(link, link.client_reader, framing, None, "up")
                self._wait(link, faults.latency_s, cuts=True)
                self._transmit(link, self._error_response(request), link.client, "down")
                keep = not request.wants_close()
            else:
                keep = self._forward(link, request, method, framing, duplicate=duplicate)
                keep = keep and not request.wants_close()
            link.busy = False
            if not keep:
                return

    def _forward(self, link: _Link, request: _Head, method: bytes, framing: _Framing, *,
                 duplicate: bool) -> bool:
        upstream = self._ensure_upstream(link)
        if not duplicate:
            self._transmit(link, request.raw, upstream, "up")
            self._relay_body(link, link.client_reader, framing, upstream, "up")
            return self._relay_response(link, method, deliver=True)
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_MAX) as spool:
            self._transmit(link, request.raw, upstream, "up")
            self._relay_body(link, link.client_reader, framing, upstream, "up", spool=spool)
            if not self._relay_response(link, method, deliver=False):
                self._drop_upstream(link)
            upstream = self._ensure_upstream(link)
            self._transmit(link, request.raw, upstream, "up")
            spool.seek(0)
            while piece := spool.read(MAX_PIECE):
                self._transmit(link, piece, upstream, "up")
        self.stats.add("duplicates")
        return self._relay_response(link, method, deliver=True)

    @staticmethod
    def _error_response(request: _Head) -> bytes:
        lines = [b"HTTP/1.1 503 Service Unavailable", b"Content-Type: application/json",
                 b"Content-Length: %d" % len(_ERROR_BODY), b"Retry-After: 0",
                 b"Cache-Control: no-store"]
        if request.wants_close():
            lines.append(b"Connection: close")
        return b"\r\n".join(lines) + b"\r\n\r\n" + _ERROR_BODY

    def _ensure_upstream(self, link: _Link) -> socket.socket:
        if link.upstream is not None and link.upstream_reader is not None:
            try:
                readable, _, _ = select.select([link.upstream], [], [], 0)
            except (OSError, ValueError):
                readable = [link.upstream]
            if not readable and not link.upstream_reader.buf:
                return link.upstream
            self._drop_upstream(link)  # closed by the server while idle (or talking out of turn)
        self._check(link, cuts=True)
        try:
            upstream = socket.create_connection((self.target_host, self.target_port),
                                                timeout=_CONNECT_TIMEOUT_S)
        except OSError as exc:
            raise _BrokenError("upstream unreachable") from exc
        try:
            upstream.settimeout(_POLL_S)
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as exc:
            upstream.close()
            raise _BrokenError("upstream unusable") from exc
        link.upstream = upstream
        link.upstream_reader = _Reader(upstream)
        return upstream

    @staticmethod
    def _drop_upstream(link: _Link) -> None:
        _close(link.upstream)
        link.upstream = None
        link.upstream_reader = None

    # -- responses and bodies -------------------------------------------------------------

    def _relay_response(self, link: _Link, method: bytes, *, deliver: bool) -> bool:
        """Pass one response from upstream to the client (or discard it when deliver is
        False); True when both connections may be reused afterwards."""
        reader = link.upstream_reader
        assert reader is not None
        dest = link.client if deliver else None
        latency_due = deliver
        while True:
            raw = self._read_head(link, reader)
            if raw is None:
                raise _BrokenError("upstream closed before answering")
            response = _parse_head(raw, response=True)
            if latency_due:
                self._wait(link, self._faults.latency_s, cuts=True)
                latency_due = False
            self._transmit(link, raw, dest, "down")
            status = int(response.start[1])
            if status == 101:
                raise _BrokenError("protocol upgrades are not supported")
            if status >= 200:
                break
        framing = response.body_framing(response_to=method)
        self._relay_body(link, reader, framing, dest, "down")
        return framing.kind != "eof" and not response.wants_close()

    def _relay_body(self, link: _Link, reader: _Reader, framing: _Framing,
                    dest: socket.socket | None, direction: Direction, *,
                    spool: IO[bytes] | None = None) -> None:
        limit = self._piece_size()
        if framing.kind == "length":
            remaining = framing.length
            while remaining:
                data = self._read_some(link, reader, min(remaining, limit))
                if not data:
                    raise _BrokenError("body cut short")
                self._transmit(link, data, dest, direction, spool)
                remaining -= len(data)
        elif framing.kind == "eof":
            while data := self._read_some(link, reader, limit):
                self._transmit(link, data, dest, direction, spool)
        elif framing.kind == "chunked":
            self._relay_chunked(link, reader, dest, direction=direction, spool=spool,
                                limit=limit)

    def _relay_chunked(self, link: _Link, reader: _Reader, dest: socket.socket | None, *,
                       direction: Direction, spool: IO[bytes] | None, limit: int) -> None:
        out = bytearray()

        def flush(*, line_next: bool = False, force: bool = False) -> None:
            """Pass on what is gathered when it is a full piece or the next read may block."""
            blocking = b"\r\n" not in reader.buf if line_next else not reader.buf
            if out and (force or blocking or len(out) >= limit):
                self._transmit(link, bytes(out), dest, direction, spool)
                out.clear()

        while True:
            flush(line_next=True)
            line = self._read_line(link, reader)
            out += line
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError as exc:
                raise _BrokenError("malformed chunk size") from exc
            if size < 0:
                raise _BrokenError("malformed chunk size")
            if size == 0:
                while True:  # trailers, up to the empty line
                    flush(line_next=True)
                    trailer = self._read_line(link, reader)
                    out += trailer
                    if trailer == b"\r\n":
                        flush(force=True)
                        return
            remaining = size + 2  # the data and its CRLF
            while remaining:
                flush()
                data = self._read_some(link, reader, min(remaining, limit))
                if not data:
                    raise _BrokenError("chunk cut short")
                out += data
                remaining -= len(data)

    # -- reading --------------------------------------------------------------------------

    def _fill(self, link: _Link, reader: _Reader) -> bool:
        data = self._recv(link, reader.sock)
        reader.buf += data
        return bool(data)

    def _read_head(self, link: _Link, reader: _Reader) -> bytes | None:
        """The next head, or None at a clean EOF between messages."""
        while True:
            while reader.buf.startswith(b"\r\n"):  # stray CRLFs between messages
                del reader.buf[:2]
            end = reader.buf.find(b"\r\n\r\n")
            if end >= 0:
                head = bytes(reader.buf[:end + 4])
                del reader.buf[:end + 4]
                return head
            if len(reader.buf) > _MAX_HEAD:
                raise _BrokenError("head too large")
            if not self._fill(link, reader):
                if reader.buf:
                    raise _BrokenError("EOF inside a head")
                return None

    def _read_line(self, link: _Link, reader: _Reader) -> bytes:
        while True:
            end = reader.buf.find(b"\r\n")
            if end >= 0:
                line = bytes(reader.buf[:end + 2])
                del reader.buf[:end + 2]
                return line
            if len(reader.buf) > _MAX_LINE:
                raise _BrokenError("line too long")
            if not self._fill(link, reader):
                raise _BrokenError("EOF inside a line")

    def _read_some(self, link: _Link, reader: _Reader, limit: int) -> bytes:
        """Up to limit bytes, b"" at EOF."""
        if not reader.buf and not self._fill(link, reader):
            return b""
        data = bytes(reader.buf[:limit])
        del reader.buf[:limit]
        return data

    def _recv(self, link: _Link, sock: socket.socket) -> bytes:
        while True:
            self._check(link, cuts=True)
            try:
                data = sock.recv(MAX_PIECE)
            except TimeoutError:
                continue
            except OSError as exc:
                raise _BrokenError("receive failed") from exc
            if data and sock is link.client and not link.busy:
                self._begin_busy(link)
            return data

    # -- sending, shaping and cutting ---------------------------------------------------

    def _piece_size(self) -> int:
        rate = self._faults.rate_bytes_per_s
        return MAX_PIECE if rate is None else max(512, min(MAX_PIECE, int(rate / 20)))

    def _transmit(self, link: _Link, data: bytes, dest: socket.socket | None,
                  direction: Direction, spool: IO[bytes] | None = None) -> None:
        """Send data to dest (None: across the link but nowhere) through the shaper and
        the cutter, one piece at a time; spool keeps a copy of what was read."""
        bucket = self._up if direction == "up" else self._down
        view = memoryview(data)
        limit = self._piece_size()
        for offset in range(0, len(view), limit):
            piece = view[offset:offset + limit]
            if spool is not None:
                spool.write(piece)
            if dest is None and direction == "down":
                self._check(link, cuts=True)  # a discarded response does not cross the link
                continue
            self._wait(link, bucket.reserve(len(piece)), cuts=False)
            if self._cut_due(link):
                with self._lock:
                    keep = self._cut_offset_rng.randrange(len(piece))
                if dest is not None and keep:
                    self._send_all(link, dest, piece[:keep], direction)
                raise _CutError
            if dest is not None:
                self._send_all(link, dest, piece, direction)

    def _send_all(self, link: _Link, sock: socket.socket, data: memoryview,
                  direction: Direction) -> None:
        while data:
            self._check(link, cuts=False)
            try:
                sent = sock.send(data)
            except TimeoutError:
                continue
            except OSError as exc:
                raise _BrokenError("send failed") from exc
            self.stats.add("bytes_up" if direction == "up" else "bytes_down", sent)
            data = data[sent:]

    def _begin_busy(self, link: _Link) -> None:
        link.busy = True
        link.cuts_seen = self._cuts_until(time.monotonic())

    def _cut_due(self, link: _Link) -> bool:
        return link.busy and self._cuts_until(time.monotonic()) > link.cuts_seen

    def _check(self, link: _Link, *, cuts: bool) -> None:
        if self._stop.is_set():
            raise _StopError
        if self._offline or (cuts and self._cut_due(link)):
            raise _CutError

    def _wait(self, link: _Link, seconds: float, *, cuts: bool) -> None:
        deadline = time.monotonic() + seconds
        while True:
            self._check(link, cuts=cuts)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self._stop.wait(min(remaining, _POLL_S))
