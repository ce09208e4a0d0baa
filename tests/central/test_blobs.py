"""Blobs: content-addressed, chunked, resumable from the server's offset, verified by hash."""

from __future__ import annotations

import hashlib
import os
import random
import socket
import struct
import time
from urllib.parse import urlsplit

from inspector.core.roles import Role
from tests.central.support import Central, Session, item


def uploader(central: Central) -> Session:
    central.add_unit("ZD", "130123")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    return central.login("zhang")


def test_upload_cut_at_random_offsets_resumes_and_verifies(central: Central) -> None:
    user = uploader(central)
    rng = random.Random(7)
    for _ in range(3):
        data = os.urandom(rng.randint(10_000, 300_000))
        sha = hashlib.sha256(data).hexdigest()
        state = user.post(f"/blobs/{sha}", json={"size": len(data)}).json()
        while not state["verified"]:
            # A dropped connection: the client asks where the server stands and goes on.
            state = user.get(f"/blobs/{sha}/state").json()
            start = state["offset"]
            end = min(len(data), start + rng.randint(1, 70_000))
            response = user.put(f"/blobs/{sha}", params={"offset": start}, data=data[start:end])
            assert response.status_code == 200, response.text
            state = response.json()
        assert user.get(f"/blobs/{sha}").content == data


def test_a_chunk_at_the_wrong_offset_is_refused_with_the_right_one(central: Central) -> None:
    user = uploader(central)
    data = os.urandom(5000)
    sha = hashlib.sha256(data).hexdigest()
    user.post(f"/blobs/{sha}", json={"size": len(data)})
    user.put(f"/blobs/{sha}", params={"offset": 0}, data=data[:2000])
    again = user.put(f"/blobs/{sha}", params={"offset": 0}, data=data[:2000])
    assert again.status_code == 409
    assert again.json()["code"] == "offset_mismatch" and again.json()["detail"]["offset"] == 2000


def test_bytes_that_do_not_match_the_name_are_discarded(central: Central) -> None:
    user = uploader(central)
    data = os.urandom(4000)
    sha = hashlib.sha256(data).hexdigest()
    user.post(f"/blobs/{sha}", json={"size": len(data)})
    forged = bytes(reversed(data))
    response = user.put(f"/blobs/{sha}", params={"offset": 0}, data=forged)
    assert response.status_code == 422 and response.json()["code"] == "hash_mismatch"
    state = user.get(f"/blobs/{sha}/state").json()
    assert state == {"sha256": sha, "size": 4000, "offset": 0, "verified": False}
    assert user.get(f"/blobs/{sha}").status_code == 404
    assert user.put(f"/blobs/{sha}", params={"offset": 0}, data=data).json()["verified"]


def test_a_record_lists_what_it_still_lacks(central: Central) -> None:
    user = uploader(central)
    photo = os.urandom(3000)
    sha = hashlib.sha256(photo).hexdigest()
    record = item("photo", {"sha256": sha}, blobs=[sha])
    result = user.push(record)[0]
    assert result["missing_blobs"] == [sha]
    assert user.get(f"/records/{record['uuid']}/missing-blobs").json()["missing"] == [sha]
    user.post(f"/blobs/{sha}", json={"size": len(photo)})
    user.put(f"/blobs/{sha}", params={"offset": 0}, data=photo)
    assert user.get(f"/records/{record['uuid']}/missing-blobs").json()["missing"] == []
    assert user.push(record)[0]["missing_blobs"] == []


def test_verified_blobs_are_never_rewritten(central: Central) -> None:
    user = uploader(central)
    data = os.urandom(1000)
    sha = hashlib.sha256(data).hexdigest()
    user.post(f"/blobs/{sha}", json={"size": len(data)})
    user.put(f"/blobs/{sha}", params={"offset": 0}, data=data)
    restart = user.post(f"/blobs/{sha}", json={"size": len(data)}).json()
    assert restart["verified"] and restart["offset"] == len(data)
    late = user.put(f"/blobs/{sha}", params={"offset": 0}, data=b"x" * 1000)
    assert late.status_code == 200 and late.json()["verified"]
    assert user.get(f"/blobs/{sha}").content == data


def test_another_unit_cannot_download(central: Central) -> None:
    user = uploader(central)
    central.add_unit("XJ", "130181")
    central.add_user("wang", Role.INSPECTOR, "XJ")
    data = os.urandom(100)
    sha = hashlib.sha256(data).hexdigest()
    user.post(f"/blobs/{sha}", json={"size": len(data)})
    user.put(f"/blobs/{sha}", params={"offset": 0}, data=data)
    assert central.login("wang").get(f"/blobs/{sha}").status_code == 403


def test_size_limits(central: Central) -> None:
    user = uploader(central)
    sha = hashlib.sha256(b"abc").hexdigest()
    user.post(f"/blobs/{sha}", json={"size": 3})
    too_long = user.put(f"/blobs/{sha}", params={"offset": 0}, data=b"abcd")
    assert too_long.status_code == 413
    bad_name = user.post("/blobs/not-a-hash", json={"size": 3})
    assert bad_name.status_code == 422


def test_bytes_that_arrived_before_a_connection_dropped_are_kept(central: Central) -> None:
    user = uploader(central)
    data = os.urandom(200_000)
    sha = hashlib.sha256(data).hexdigest()
    assert user.post(f"/blobs/{sha}", json={"size": len(data)}).json()["offset"] == 0
    address = urlsplit(central.base)
    assert address.hostname is not None and address.port is not None
    sent = 120_000
    with socket.create_connection((address.hostname, address.port), timeout=10) as raw:
        raw.sendall((f"PUT {address.path}/blobs/{sha}?offset=0 HTTP/1.1\r\n"
                     f"Host: {address.netloc}\r\nAuthorization: Bearer {user.token}\r\n"
                     f"Content-Type: application/octet-stream\r\n"
                     f"Content-Length: {len(data)}\r\n\r\n").encode() + data[:sent])
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    deadline = time.monotonic() + 10
    while (offset := user.get(f"/blobs/{sha}/state").json()["offset"]) != sent:
        assert time.monotonic() < deadline, f"offset stayed at {offset}"
        time.sleep(0.05)  # the server notices the reset a moment later
    response = user.put(f"/blobs/{sha}", params={"offset": sent}, data=data[sent:])
    assert response.json()["verified"] is True
    assert user.get(f"/blobs/{sha}").content == data
