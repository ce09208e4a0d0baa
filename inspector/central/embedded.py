"""Running the platform inside the current process, on a loopback port (tests, benchmarks).

Contract: :func:`serve_in_thread` starts the real application under uvicorn in a daemon
thread on ``127.0.0.1`` (port 0 picks a free one), waits until it accepts connections,
yields the API base URL, and stops the server when the block ends.
:func:`scratch_postgres_database` creates an empty database on a PostgreSQL server for
the duration of a block and drops it afterwards (closing its connections first).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

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
