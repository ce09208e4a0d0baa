"""The evidence package of a case-clue referral: one .zip anyone can verify.

Contract: :func:`build_referral_package` writes ``线索移送-<entity>-<date>.zip`` into
``out_dir`` (whole: built under a temporary name, flushed, then renamed) holding

- ``现场检查笔录.pdf``, the finalized record (:mod:`.inspection_record`);
- ``照片原件/NN-<sha256 prefix>.<ext>``: every photo of the record, the original bytes
  exactly as taken (NN is the record's evidence number);
- ``照片标注/NN-<prefix>.annotations.json`` and ``…-标注.jpg`` for an annotated photo:
  its latest annotation layer and the picture drawn with it (the original is above);
- ``涉案物品清单.csv`` (UTF-8 with a BOM, so Excel opens it) when goods are listed;
- ``线索移送.json``: the referral (recipient, summary, findings, goods, deadlines);
- ``manifest.json``: the package format, the referral, the inspection and its record
  hash, and for every other file its path, size and SHA-256.

A photo whose original is not on this laptop stops the build with
:class:`PackageError` naming it (a package without its evidence is worse than none).
The package's own SHA-256 is written beside it (``.zip.sha256``, ``sha256sum`` format),
recorded on the referral and in the audit chain. :func:`verify_referral_package` checks
a package against its manifest and returns the problems found (none: intact).
The record's renderer (fpdf2) is imported when a package is built, not with this module,
which the window imports through the referrals screen before it first paints.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.content_store import ContentStore
from inspector.db.models import Photo, Referral
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.file_output import write_file_atomically
from inspector.services.inspection_record import record_document
from inspector.services.photo_annotations import latest_annotations
from inspector.services.referrals import RECIPIENT_LABELS, ReferralView, referral_view
from inspector.services.workspace import Workspace

FORMAT = "inspector-referral-package-1"
MANIFEST = "manifest.json"
RECORD = "现场检查笔录.pdf"
GOODS = "涉案物品清单.csv"
REFERRAL = "线索移送.json"
PHOTOS = "照片原件"
ANNOTATIONS = "照片标注"
GOODS_COLUMNS = (("name", "物品名称"), ("specification", "规格型号"), ("batch", "批号/生产日期"),
                 ("quantity", "数量"), ("unit", "单位"), ("kept_at", "存放地点/保存方式"),
                 ("note", "备注"))
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/heic": "heic",
               "image/tiff": "tif", "image/webp": "webp"}


class PackageError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class BuiltPackage:
    path: Path
    sha256: str
    files: int  # besides the manifest


def build_referral_package(workspace: Workspace, actor: Actor, referral_uuid: str,
                           out_dir: Path, *, now: datetime | None = None
                           ) -> Outcome[BuiltPackage]:
    from inspector.services.record_pdf import render_record_pdf

    moment = now or datetime.now(UTC)
    referral = referral_view(workspace.store, referral_uuid)
    document = record_document(workspace, referral.inspection_uuid, now=moment)
    entries: list[tuple[str, bytes | Path]] = [(RECORD, render_record_pdf(document))]
    entries += _originals(workspace, [p.sha256 for p in document.photos],
                          [p.number for p in document.photos])
    entries += _annotations(workspace, [p.sha256 for p in document.photos],
                            [p.number for p in document.photos])
    if referral.goods:
        entries.append((GOODS, _goods_csv(referral)))
    entries.append((REFERRAL, _referral_json(referral, document.content_hash)))
    manifest = {"format": FORMAT, "referral": referral.uuid,
                "inspection": referral.inspection_uuid, "record_sha256": document.content_hash,
                "created_at": moment.astimezone(UTC).isoformat(),
                "files": [_manifest_entry(name, data) for name, data in entries]}
    name = re.sub(r"[^\w.-]", "_", referral.entity_name) or "referral"
    day = moment.astimezone(CHINA_TIME).strftime("%Y%m%d")
    path = out_dir / f"线索移送-{name}-{day}-{referral.uuid[:8]}.zip"
    sha = _write_zip(path, entries, json.dumps(manifest, ensure_ascii=False, indent=2))
    write_file_atomically(path.with_name(path.name + ".sha256"),
                          f"{sha}  {path.name}\n".encode())
    with workspace.store.write() as session:
        row = session.scalars(select(Referral).where(Referral.uuid == referral.uuid)).one()
        row.package_sha256, row.pending = sha, True
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="referral.packaged", object_kind="referral", object_id=row.uuid,
                     payload={"sha256": sha, "files": len(entries),
                              "record_sha256": document.content_hash})
    return Outcome(BuiltPackage(path, sha, len(entries)),
                   frozenset({Topic.REFERRALS, Topic.AUDIT}))


def verify_referral_package(path: Path) -> list[str]:
    """Every way ``path`` differs from its manifest (missing, extra or altered files)."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            listed = {entry["path"]: entry for entry in manifest["files"]}
            problems = [f"not in the manifest: {n}" for n in archive.namelist()
                        if n != MANIFEST and n not in listed]
            present = set(archive.namelist())
            for name, entry in listed.items():
                if name not in present:
                    problems.append(f"missing: {name}")
                    continue
                digest = hashlib.sha256(archive.read(name)).hexdigest()
                if digest != entry["sha256"]:
                    problems.append(f"altered: {name}")
            return problems
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [f"unreadable package: {exc}"]


def _originals(workspace: Workspace, shas: list[str], numbers: list[int]
               ) -> list[tuple[str, bytes | Path]]:
    files = ContentStore(workspace.paths.files)
    with workspace.store.read() as session:
        types = {p.original_sha256: p.media_type for p in session.scalars(
            select(Photo).where(Photo.original_sha256.in_(shas)))}
    entries: list[tuple[str, bytes | Path]] = []
    for sha, number in zip(shas, numbers, strict=True):
        if not files.has(sha) or not files.intact(sha):
            raise PackageError(LocalText(
                f"照片 {number} 的原件（SHA-256 {sha[:12]}…）不在本机或已损坏，无法打包",
                f"the original of photo {number} (SHA-256 {sha[:12]}…) is missing or "
                "damaged on this laptop"))
        extension = _EXTENSIONS.get(types.get(sha, ""), "bin")
        entries.append((f"{PHOTOS}/{number:02d}-{sha[:12]}.{extension}", files.path(sha)))
    return entries


def _annotations(workspace: Workspace, shas: list[str], numbers: list[int]
                 ) -> list[tuple[str, bytes | Path]]:
    """For each annotated photo: its latest layer (JSON) and the picture drawn with it."""
    files = ContentStore(workspace.paths.files)
    with workspace.store.read() as session:
        photos = {p.id: p.original_sha256 for p in session.scalars(
            select(Photo).where(Photo.original_sha256.in_(shas)))}
        layers = {photos[photo_id]: (row.layer, row.rendered_sha256) for photo_id, row
                  in latest_annotations(session, list(photos)).items()}
    entries: list[tuple[str, bytes | Path]] = []
    for sha, number in zip(shas, numbers, strict=True):
        if sha not in layers:
            continue
        layer, rendered = layers[sha]
        stem = f"{ANNOTATIONS}/{number:02d}-{sha[:12]}"
        entries.append((f"{stem}.annotations.json", layer.encode("utf-8")))
        if rendered and files.has(rendered):
            entries.append((f"{stem}-标注.jpg", files.path(rendered)))
    return entries


def _goods_csv(referral: ReferralView) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["序号", *(title for _key, title in GOODS_COLUMNS)])
    for number, row in enumerate(referral.goods, start=1):
        writer.writerow([number, *(getattr(row, key) for key, _title in GOODS_COLUMNS)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _referral_json(referral: ReferralView, record_sha256: str) -> bytes:
    def moment(value: datetime | None) -> str | None:
        return value.astimezone(UTC).isoformat() if value is not None else None

    content = {
        "referral": referral.uuid, "inspection": referral.inspection_uuid,
        "record_sha256": record_sha256, "entity": referral.entity_name,
        "recipient_kind": referral.recipient_kind.value,
        "recipient_kind_label": RECIPIENT_LABELS[referral.recipient_kind].zh,
        "recipient": referral.recipient, "summary": referral.summary,
        "findings": list(referral.item_keys), "referred_by": referral.referred_by,
        "referred_at": moment(referral.referred_at),
        "decision_due": moment(referral.decision_due), "status": referral.status.value,
        "decided_at": moment(referral.decided_at), "decision_note": referral.decision_note,
        "transfer_due": moment(referral.transfer_due),
        "goods": [{key: getattr(row, key) for key, _title in GOODS_COLUMNS}
                  for row in referral.goods]}
    return json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")


def _manifest_entry(name: str, data: bytes | Path) -> dict[str, object]:
    digest, size = hashlib.sha256(), 0
    for block in _blocks(data):
        digest.update(block)
        size += len(block)
    return {"path": name, "size": size, "sha256": digest.hexdigest()}


def _blocks(data: bytes | Path) -> Iterator[bytes]:
    if isinstance(data, bytes):
        yield data
        return
    with data.open("rb") as handle:
        while block := handle.read(1 << 20):
            yield block


def _write_zip(path: Path, entries: list[tuple[str, bytes | Path]], manifest: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            archive.writestr(MANIFEST, manifest, zipfile.ZIP_DEFLATED)
            for name, data in entries:
                # Photos are compressed already: stored as they are.
                info = zipfile.ZipInfo(name, _zip_time())
                compressed = name.startswith(PHOTOS) or name.endswith(".jpg")
                info.compress_type = zipfile.ZIP_STORED if compressed else zipfile.ZIP_DEFLATED
                with archive.open(info, "w") as member:
                    for block in _blocks(data):
                        member.write(block)
        digest = hashlib.sha256()
        with temporary.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise PackageError(LocalText(f"无法写入 {path}：{exc.strerror}",
                                     f"cannot write {path}: {exc.strerror}")) from exc
    return digest.hexdigest()


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now(CHINA_TIME)
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)
