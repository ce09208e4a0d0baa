"""Running the platform inside the current process, on a loopback port (tests, benchmarks).

Contract: :func:`serve_in_thread` starts the real application under uvicorn in a daemon
thread on ``127.0.0.1`` (port 0 picks a free one), waits until it accepts connections,
yields the API base URL, and stops the server when the block ends.
:func:`serve_in_subprocess` does the same with ``inspector-central serve`` in a process
of its own, as a deployment runs it (a client in the same process would otherwise
share the interpreter lock with the server and add its hand-offs to every request).
:func:`scratch_postgres_database` creates an empty database on a PostgreSQL server for
the duration of a block and drops it afterwards (closing its connections first).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import requests
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from inspector.central.app import create_app
from inspector.central.settings import Settings
from inspector.sync.protocol import API_PREFIX

START_TIMEOUT_S = 30.0


@contextmanager
def serve_in_thread(settings: Settings, port: int = 0) -> Iterator[str]:
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="inspector-central", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the central server did not start")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{bound}{API_PREFIX}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT_S)


@contextmanager
def serve_in_subprocess(settings: Settings) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}{API_PREFIX}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "inspector.central.cli", "--db", settings.db_url,
             "--blobs", str(settings.blobs), "serve", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(base, process, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=START_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            if requests.get(base + "/health", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            log.seek(0)
            raise RuntimeError("the central server did not start:\n"
                               + log.read().decode("utf-8", "replace"))
        time.sleep(0.1)  # polling a starting server


@contextmanager
def scratch_postgres_database(server_url: str, name: str) -> Iterator[str]:
    """Yield the URL of a new database ``name`` on the server of ``server_url``."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
