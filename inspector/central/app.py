"""The HTTP API of the central platform (FastAPI), every route under ``/api/v1``.

Contract: :func:`create_app` builds a stateless application over one database and one
blob folder: nothing is kept in process memory between requests, so any number of
workers and processes can serve the same platform. Each request runs in one
transaction that commits only when the handler succeeds. Every route authenticates
the bearer token and applies the role and scope rules of :mod:`.principal`; errors
have one JSON shape (``ErrorBody``) and a documented status. Handlers are plain
functions: FastAPI runs them on its thread pool.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from inspector import __version__
from inspector.central import accounts, audit, custody, records
from inspector.central.blobs import BlobStore
from inspector.central.custody_messages import (
    LabEventRequest,
    PortionCustodyView,
    RecordedStep,
)
from inspector.central.database import connect, migrate, sessions
from inspector.central.errors import ERROR_RESPONSES, ApiError, not_found
from inspector.central.kinds import feeds
from inspector.central.models import Account, Unit
from inspector.central.principal import Principal, authenticate
from inspector.central.settings import MAX_CHUNK_BYTES, Settings
from inspector.core.roles import Role
from inspector.sync.protocol import (
    API_PREFIX,
    DEFAULT_FEED_PAGE,
    MAX_FEED_PAGE,
    PROTOCOL_VERSION,
    AuditVerdictBody,
    Checkpoint,
    CheckpointUpdate,
    DeviceInfo,
    EnrollRequest,
    ErrorBody,
    ErrorCode,
    FeedPage,
    LoginRequest,
    LoginResponse,
    MissingBlobs,
    PushRequest,
    PushResponse,
    Sha256Hex,
    SyncState,
    UploadStart,
    UploadState,
    UserInfo,
    Uuid,
)

Sha256Path = Annotated[Sha256Hex, Path(description="SHA-256 of the blob, lower-case hex")]
PortionCodePath = Annotated[str, Path(
    max_length=64, description="a portion code as a scanner types it, e.g. "
    "132601230A300017E-P01 (surrounding blanks and lower case are accepted)")]
CUSTODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Not a portion code: the reason is given "
          "(length, shape, or the check character)"},
    404: {"model": ErrorBody, "description": "No such sample or portion in the caller's scope"},
    409: {"model": ErrorBody, "description": "The platform's chain does not allow the step "
          "yet (the samplers have not synced the hand-over) or does not verify; or the "
          "event_uuid names another record"},
}


def create_app(settings: Settings) -> FastAPI:
    engine = connect(settings.db_url)
    migrate(engine)
    factory = sessions(engine)
    store = BlobStore(settings.blobs)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        yield
        engine.dispose()

    app = FastAPI(
        title="Inspector central platform",
        version=__version__,
        description="The server every Inspector laptop syncs with. "
        "See docs/sync-protocol.md for the rules behind these endpoints.",
        lifespan=lifespan,
        responses=ERROR_RESPONSES,
    )
    app.state.settings = settings
    app.state.sessions = factory
    app.state.blobs = store
    _install_error_handlers(app)
    _account_routes(app, settings)
    _sync_routes(app)
    _blob_routes(app, factory, store)
    _custody_routes(app)
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn workers call: settings come from the environment."""
    return create_app(Settings.resolve())


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body.model_dump(mode="json"), status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Starlette's own errors (a body that is not JSON, an unknown path, a wrong method)
        # get the same body shape as ours.
        code = {404: ErrorCode.NOT_FOUND, 401: ErrorCode.UNAUTHENTICATED,
                403: ErrorCode.FORBIDDEN}.get(exc.status_code, ErrorCode.INVALID)
        body = ErrorBody(code=code, message=str(exc.detail))
        return JSONResponse(body.model_dump(mode="json"), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "why": e.get("msg")}
                    for e in exc.errors()[:20]]
        body = ErrorBody(code=ErrorCode.INVALID, message="the request does not match its "
                         "schema", detail={"problems": problems})
        return JSONResponse(body.model_dump(mode="json"), status_code=422)


def _db(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the handler succeeds, before the
    response leaves (``scope="function"`` below): a client never holds an answer for
    a write that is not yet, or never, committed."""
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


Db = Annotated[Session, Depends(_db, scope="function")]


def _principal(session: Db, authorization: Annotated[str | None, Header()] = None) -> Principal:
    return authenticate(session, authorization)


Caller = Annotated[Principal, Depends(_principal)]
BLOB_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody}, 409: {"model": ErrorBody}, 413: {"model": ErrorBody}}


def _account_routes(app: FastAPI, settings: Settings) -> None:
    @app.get(f"{API_PREFIX}/health", tags=["platform"])
    def health() -> dict[str, Any]:
        """Liveness, the protocol version and the record kinds this server knows."""
        return {"status": "ok", "version": __version__, "protocol": PROTOCOL_VERSION,
                "feeds": sorted(feeds())}

    @app.post(f"{API_PREFIX}/auth/login", tags=["accounts"], response_model=LoginResponse)
    def login(body: LoginRequest, session: Db) -> LoginResponse:
        """Sign in; returns a bearer token (shown once) valid for the configured days."""
        return accounts.login(session, body.username, body.password, body.device_uuid,
                              settings.token_lifetime)

    @app.post(f"{API_PREFIX}/auth/logout", tags=["accounts"], status_code=204)
    def logout(caller: Caller, session: Db) -> None:
        """Revoke the token used for this request."""
        accounts.logout(session, caller)

    @app.get(f"{API_PREFIX}/auth/me", tags=["accounts"], response_model=UserInfo)
    def me(caller: Caller, session: Db) -> UserInfo:
        """Who the token belongs to."""
        account = session.get(Account, caller.account_id)
        unit = session.get(Unit, caller.unit_id)
        assert account is not None and unit is not None
        return accounts.user_info(account, unit)

    @app.post(f"{API_PREFIX}/devices/enroll", tags=["devices"], response_model=DeviceInfo)
    def enroll(body: EnrollRequest, caller: Caller, session: Db) -> DeviceInfo:
        """Enroll this laptop for the signed-in account and reserve its sample-code prefix.

        Enrolling the same laptop again returns the same prefix."""
        return accounts.enroll_device(session, caller, body.device_uuid, body.name)

    @app.get(f"{API_PREFIX}/devices", tags=["devices"], response_model=list[DeviceInfo])
    def devices(caller: Caller, session: Db) -> list[DeviceInfo]:
        """Enrolled devices in the caller's scope (administrators and auditors)."""
        caller.require(Role.ADMINISTRATOR, Role.AUDITOR)
        return accounts.list_devices(session, caller)

    @app.post(f"{API_PREFIX}/devices/{{device_uuid}}/revoke", tags=["devices"],
              response_model=DeviceInfo, responses={404: {"model": ErrorBody}})
    def revoke(device_uuid: Uuid, caller: Caller, session: Db) -> DeviceInfo:
        """Revoke a device: its tokens stop working at once (administrators)."""
        caller.require(Role.ADMINISTRATOR)
        scoped = {d.device_uuid for d in accounts.list_devices(session, caller)}
        if device_uuid not in scoped:
            raise not_found(f"no device {device_uuid} in your scope")
        return accounts.revoke_device(session, device_uuid, caller.username, caller.role.value)



def _sync_routes(app: FastAPI) -> None:
    @app.post(f"{API_PREFIX}/push", tags=["sync"], response_model=PushResponse)
    def push(body: PushRequest, caller: Caller, session: Db) -> PushResponse:
        """Push a batch of records; each item is answered on its own (see ItemStatus)."""
        return PushResponse(results=records.push(session, caller, body.items))

    @app.get(f"{API_PREFIX}/feeds/{{feed}}", tags=["sync"], response_model=FeedPage,
             responses={404: {"model": ErrorBody}})
    def feed(feed: str, caller: Caller, session: Db, *,
             cursor: Annotated[int, Query(ge=0)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_FEED_PAGE)] = DEFAULT_FEED_PAGE,
             others_only: Annotated[bool, Query(description=(
                 "leave out versions this device pushed itself (it holds them already); "
                 "a full re-read for a resync leaves this off"))] = False,
             ) -> FeedPage:
        """The records of one feed the caller may see, after ``cursor``, oldest first."""
        caller.require_syncing()
        if feed not in feeds():
            raise not_found(f"no feed '{feed}'")
        return records.feed_page(session, caller, feed, cursor, limit,
                                 skip_device=caller.device_id if others_only else None)

    @app.get(f"{API_PREFIX}/sync/state/{{feed}}", tags=["sync"], response_model=SyncState,
             responses={404: {"model": ErrorBody}})
    def state(feed: str, caller: Caller, session: Db) -> SyncState:
        """Per kind, how many records of the feed the caller sees and their digest, for the
        laptop's after-sync sanity check (a mismatch triggers a scoped resync)."""
        caller.require_syncing()
        if feed not in feeds():
            raise not_found(f"no feed '{feed}'")
        return SyncState(feed=feed, kinds=records.feed_state(session, caller, feed))

    @app.put(f"{API_PREFIX}/sync/checkpoints/{{feed}}", tags=["sync"],
             response_model=Checkpoint, responses={404: {"model": ErrorBody},
                                                    409: {"model": ErrorBody}})
    def save_checkpoint(feed: str, body: CheckpointUpdate, caller: Caller,
                        session: Db) -> Checkpoint:
        """Record how far this enrolled device has applied a feed."""
        caller.require_syncing()
        if feed not in feeds():
            raise not_found(f"no feed '{feed}'")
        return records.save_checkpoint(session, caller, feed, body.cursor)

    @app.get(f"{API_PREFIX}/sync/checkpoints", tags=["sync"], response_model=list[Checkpoint])
    def list_checkpoints(caller: Caller, session: Db) -> list[Checkpoint]:
        """This device's checkpoints, one per feed it has reported."""
        caller.require_syncing()
        return records.checkpoints(session, caller)

    @app.get(f"{API_PREFIX}/records/{{uuid}}/missing-blobs", tags=["sync"],
             response_model=MissingBlobs, responses={404: {"model": ErrorBody}})
    def missing(uuid: Uuid, caller: Caller, session: Db) -> MissingBlobs:
        """The files a record declared that are not yet verified on the server."""
        caller.require_syncing()
        result = records.missing_blobs(session, caller, uuid)
        if result is None:
            raise not_found(f"no record {uuid} in your scope")
        return MissingBlobs(uuid=uuid, missing=result)

    @app.get(f"{API_PREFIX}/audit/verify", tags=["platform"], response_model=AuditVerdictBody)
    def verify_audit(caller: Caller, session: Db) -> AuditVerdictBody:
        """Check the platform's audit hash chain (administrators and auditors)."""
        caller.require(Role.ADMINISTRATOR, Role.AUDITOR)
        verdict = audit.verify(session)
        return AuditVerdictBody(intact=verdict.intact, events_checked=verdict.events_checked,
                                broken_at=verdict.broken_at,
                                reason=verdict.message.en if verdict.message else None)


def _blob_routes(app: FastAPI, factory: sessionmaker[Session], store: BlobStore) -> None:
    @app.post(f"{API_PREFIX}/blobs/{{sha256}}", tags=["blobs"], response_model=UploadState,
              responses=BLOB_ERRORS)
    def start_upload(sha256: Sha256Path, body: UploadStart, caller: Caller,
                     session: Db) -> UploadState:
        """Start (or resume) an upload; the answer's ``offset`` is the next byte to send."""
        return store.start(session, caller, sha256, body)

    @app.get(f"{API_PREFIX}/blobs/{{sha256}}/state", tags=["blobs"],
             response_model=UploadState, responses=BLOB_ERRORS)
    def upload_state(sha256: Sha256Path, caller: Caller, session: Db) -> UploadState:
        """Where an upload stands: resume from ``offset``."""
        return store.state(session, caller, sha256)

    @app.put(f"{API_PREFIX}/blobs/{{sha256}}", tags=["blobs"], response_model=UploadState,
             responses={**BLOB_ERRORS, 422: {"model": ErrorBody}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
    async def append_chunk(sha256: Sha256Path, request: Request,
                           offset: Annotated[int, Query(ge=0)],
                           authorization: Annotated[str | None, Header()] = None,
                           ) -> UploadState:
        """Append the request body at ``offset`` (which must be the server's offset).

        When the last byte arrives the blob is hashed and verified, or discarded with
        422 hash_mismatch. If the connection drops mid-chunk, the bytes that did arrive
        are kept (the hash check at the end guards them), so the client resumes from
        the offset it then asks for and re-sends only what never arrived."""
        chunk = bytearray()
        try:
            async for part in request.stream():
                chunk += part
                if len(chunk) > MAX_CHUNK_BYTES:
                    raise ApiError(413, ErrorCode.TOO_LARGE,
                                   f"chunks are limited to {MAX_CHUNK_BYTES} bytes")
        except ClientDisconnect:
            if chunk:
                with suppress(ApiError):  # e.g. a concurrent upload moved on: keep nothing
                    await run_in_threadpool(_append, factory, store, authorization,
                                            _Chunk(sha256, offset, bytes(chunk)))
            raise ApiError(400, ErrorCode.INVALID, "the connection dropped mid-chunk; ask "
                           "for the offset and continue") from None
        return await run_in_threadpool(_append, factory, store, authorization,
                                       _Chunk(sha256, offset, bytes(chunk)))

    @app.get(f"{API_PREFIX}/blobs/{{sha256}}", tags=["blobs"], response_class=FileResponse,
             responses={200: {"content": {"application/octet-stream": {}}}, **BLOB_ERRORS})
    def download(sha256: Sha256Path, caller: Caller, session: Db) -> FileResponse:
        """A verified blob's bytes."""
        return FileResponse(store.open_verified(session, caller, sha256),
                            media_type="application/octet-stream")


def _custody_routes(app: FastAPI) -> None:
    @app.get(f"{API_PREFIX}/custody/{{portion_code}}", tags=["custody"],
             response_model=PortionCustodyView, responses=CUSTODY_ERRORS)
    def custody_chain(portion_code: PortionCodePath, caller: Caller,
                      session: Db) -> PortionCustodyView:
        """A portion's chain of custody as the platform holds it, verified (every problem
        listed), and the steps that may come next. Laboratories see the samples of their
        region, administrators and auditors theirs, team leads their unit's, inspectors
        their own."""
        return custody.show(session, caller, portion_code)

    @app.post(f"{API_PREFIX}/custody/{{portion_code}}/events", tags=["custody"],
              response_model=RecordedStep, responses=CUSTODY_ERRORS)
    def record_custody(portion_code: PortionCodePath, body: LabEventRequest, caller: Caller,
                       session: Db) -> RecordedStep:
        """Record a step in the lab (laboratory accounts): received, refused, result
        recorded, backup retained, released or destroyed, disposed; as the chain allows.

        The step is stored as a custody event of the portion, owned by the sample's
        owner, and flows back to their laptop with the next sync. Sending the same
        ``event_uuid`` again with the same step returns the stored event
        (``status: unchanged``)."""
        return custody.record(session, caller, portion_code, body)


@dataclass(frozen=True, slots=True)
class _Chunk:
    sha256: str
    offset: int
    data: bytes


def _append(factory: sessionmaker[Session], store: BlobStore, authorization: str | None,
            chunk: _Chunk) -> UploadState:
    """Runs on the thread pool: the body was read on the event loop first."""
    with factory() as session:
        try:
            caller = authenticate(session, authorization)
            state = store.append(session, caller, chunk.sha256, chunk.offset, chunk.data)
            session.commit()
            return state
        except BaseException:
            session.rollback()
            raise
