"""Running the platform inside the current process, on a loopback port (tests, benchmarks).

Contract: :func:`serve_in_thread` starts the real application under uvicorn in a daemon
thread on ``127.0.0.1`` (port 0 picks a free one), waits until it accepts connections,
yields the API base URL, and stops the server when the block ends.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

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
