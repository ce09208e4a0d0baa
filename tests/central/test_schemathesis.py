"""Fuzzing the live server from its own OpenAPI document (schemathesis).

Every operation the server documents gets generated requests, valid and invalid, sent
with a fresh bearer token of an administrator (so authenticated endpoints are reached;
one token per request, since some operations sign out or bind the token to a device).
No answer may be a server error, and every answer must have the documented content type
and body schema. Generation is derandomized and bounded per operation. The broad run
is on SQLite; a narrower one, strings carrying a NUL character (which PostgreSQL text
cannot hold), runs on both backends.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from inspector.central.database import connect, sessions
from inspector.central.models import AccessToken, Account
from inspector.central.security import new_token, token_digest
from inspector.core.roles import Role
from tests.central.conftest import BACKENDS, postgres_database
from tests.central.support import Central, item, running_server

# status_code_conformance is left out: a body that is not UTF-8 gets FastAPI's own 400
# "There was an error parsing the body", which the document does not list (reported as
# a finding; it is not a server error).
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]
CONFIG = schemathesis.Config.from_dict({"seed": 20260401})

# schemathesis' own pytest integration (``from_fixture(...).parametrize()``) sets
# ``request.node._nodeid``, which pytest 9 no longer has; so each operation's strategy
# runs under Hypothesis here, one subtest per operation and generation mode.
FUZZ = settings(max_examples=20, derandomize=True, database=None, deadline=None,
                suppress_health_check=list(HealthCheck), print_blob=False)
NUL_FUZZ = settings(FUZZ, max_examples=6, phases=[Phase.explicit, Phase.generate])


@dataclass
class Target:
    central: Central
    engine: Engine
    db: sessionmaker[Session]
    admin_id: int

    def fresh_authorization(self) -> dict[str, str]:
        token = new_token()
        with self.db() as db:
            db.add(AccessToken(token_hash=token_digest(token), account_id=self.admin_id,
                               expires_at=datetime.now(UTC) + timedelta(days=1)))
            db.commit()
        return {"Authorization": f"Bearer {token}"}

    def schema(self) -> schemathesis.BaseSchema:
        root = self.central.base.removesuffix("/api/v1")
        return schemathesis.openapi.from_url(f"{root}/openapi.json", config=CONFIG)


def serve(url: str, folder: Path) -> Iterator[Target]:
    with running_server(url, folder / "blobs") as central:
        central.add_unit("ZD", "130123")
        central.add_user("admin", Role.ADMINISTRATOR, "ZD")
        central.add_user("zhang", Role.INSPECTOR, "ZD")
        # Something for the feeds, digests and blob reads to return.
        zhang = central.login("zhang")
        zhang.enroll()
        zhang.push(*(item("inspection", {"n": n}) for n in range(3)))
        data = os.urandom(2000)
        digest = hashlib.sha256(data).hexdigest()
        zhang.post(f"/blobs/{digest}", json={"size": len(data)})
        zhang.put(f"/blobs/{digest}", params={"offset": 0}, data=data)
        engine = connect(central.settings.db_url)
        db = sessions(engine)
        with db() as session:
            admin_id = session.scalar(select(Account.id).where(Account.username == "admin"))
        assert admin_id is not None
        try:
            yield Target(central, engine, db, admin_id)
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def sqlite_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp("fuzz")
    yield from serve(f"sqlite:///{folder / 'central.sqlite'}", folder)


@pytest.fixture(scope="module", params=BACKENDS)
def target(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp("fuzz_nul")
    if request.param == "sqlite":
        yield from serve(f"sqlite:///{folder / 'central.sqlite'}", folder)
    else:
        for url in postgres_database(f"t_{uuid.uuid4().hex[:16]}"):
            yield from serve(url, folder)


def operations_of(schema: schemathesis.BaseSchema) -> list[schemathesis.APIOperation]:
    results = list(schema.get_all_operations())
    broken = [str(r.err()) for r in results if not isinstance(r, Ok)]
    assert not broken, broken
    operations = [r.ok() for r in results]
    assert len(operations) >= 15
    return operations


def can_be_invalid(operation: schemathesis.APIOperation) -> bool:
    """Whether the operation takes anything a negative case can break: a body, query
    parameters, or a path parameter with more than a type (a pattern, say). (Its one
    header, the bearer token, is replaced by a valid one.)"""
    if len(operation.body) or len(operation.query):
        return True
    plain = {"type", "title", "description"}
    return any(set(p.definition.get("schema", {})) - plain for p in operation.path_parameters)


def test_no_generated_request_gets_a_server_error(
        sqlite_target: Target, subtests: pytest.Subtests) -> None:
    for operation in operations_of(sqlite_target.schema()):
        modes = [GenerationMode.POSITIVE]
        if can_be_invalid(operation):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            with subtests.test(msg=f"{operation.label} ({mode.value})"):

                @FUZZ
                @given(case=operation.as_strategy(mode))
                def fuzz(case: schemathesis.Case) -> None:
                    case.call_and_validate(headers=sqlite_target.fresh_authorization(),
                                           checks=CHECKS)

                fuzz()


def string_leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from string_leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from string_leaves(inner, (*path, index))


def with_nul(value: Any, path: tuple[Any, ...]) -> Any:
    if not path:
        return f"{value[:1]}\x00{value[1:]}"
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = with_nul(value[path[0]], path[1:])
    return copy


def test_strings_with_a_nul_character_get_no_server_error(
        target: Target, subtests: pytest.Subtests) -> None:
    """One string of a valid JSON body or query gets a NUL character: the answer may
    refuse it, but never with a server error (PostgreSQL text cannot store NUL)."""
    for operation in operations_of(target.schema()):
        if not (len(operation.body) or len(operation.query)):
            continue
        with subtests.test(msg=operation.label):

            @NUL_FUZZ
            @given(case=operation.as_strategy(GenerationMode.POSITIVE), data=st.data())
            def fuzz(case: schemathesis.Case, data: st.DataObject) -> None:
                where = [("body", p) for p in string_leaves(case.body)]
                where += [("query", p) for p in string_leaves(case.query or {})]
                if where:
                    part, path = data.draw(st.sampled_from(where))
                    if part == "body":
                        case.body = with_nul(case.body, path)
                    else:
                        case.query = with_nul(case.query, path)
                case.call_and_validate(headers=target.fresh_authorization(), checks=CHECKS)

            fuzz()
