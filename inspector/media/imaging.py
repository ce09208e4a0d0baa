"""Reading a photo's bytes and decoding them once, at the size needed; encoding JPEGs.

Contract: pure computation on bytes in memory (the only I/O is reading the source file
in :func:`read_original`); safe on any worker thread, never on the UI thread (decoding a
12 MP photo takes tens of milliseconds). Pillow releases the GIL while it decodes,
resizes and encodes, so a decode on a worker does not stall the UI thread.

Every way a file can fail to be a photo becomes a :class:`PhotoRefusedError` with its
reason, raised before anything is stored:

- the header is read first, and width x height is checked against
  ``PhotoPolicy.max_pixels`` before a single pixel is decoded. Pillow's own guard runs
  inside ``Image.open`` (``Image.MAX_IMAGE_PIXELS``, about 89 MP warns and 179 MP
  fails); its ``DecompressionBombError``, and its ``DecompressionBombWarning`` where
  the warnings filter turns it into an error (as the test suite does), become the same
  refusal. The warnings filter is left alone: it is process-wide and not thread-safe.
- PNG chunk checksums are verified (cheap, no decompression) so a damaged PNG is
  refused even where zlib would not notice;
- decoding errors are refused as damaged, or as truncated when the data stops early.
  ``ImageFile.LOAD_TRUNCATED_IMAGES`` must stay False (its default) for the latter.

Speed: a JPEG much larger than the target is decoded with ``Image.draft`` at 1/2, 1/4
or 1/8 scale (the DCT does the shrinking), never below the target size; the picture is
resized before it is rotated to its EXIF orientation, so only small images are turned.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from inspector.core.text import LocalText
from inspector.media.errors import PhotoRefusedError, RefusalReason
from inspector.media.exif import ExifFacts, read_exif
from inspector.media.policy import PhotoPolicy

_READ_BLOCK = 1 << 20
_JPEG_FORMATS = frozenset({"JPEG", "MPO"})
_SIGNATURES = {
    "JPEG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "WEBP": (b"RIFF",),
}
_FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
#: What the EXIF orientation asks for, as the transpose that shows the stored pixels
#: upright (EXIF 2.32, tag 0x0112; 1 is "as stored").
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError,
                  TypeError, KeyError, ZeroDivisionError)
#: Bicubic, as Pillow's own thumbnails: Lanczos costs a third more for a difference that
#: does not survive JPEG at quality 80, and most shrinking is done by draft decoding.
RESAMPLE = Image.Resampling.BICUBIC


@dataclass(frozen=True, slots=True)
class Original:
    """A photo file's bytes, exactly as they were, and their SHA-256 (hex)."""

    data: bytes
    sha256: str


@dataclass(frozen=True, slots=True)
class DecodedPhoto:
    """One decode of a photo.

    ``image`` is RGB, upright (EXIF orientation applied), transparent areas on white,
    its long edge at most the requested one and never larger than the photo; it is a
    fresh image owned by the caller, who may draw on it. ``width``/``height`` are the
    whole photo's as displayed (after orientation), ``format`` is Pillow's name."""

    image: Image.Image
    format: str
    media_type: str
    width: int
    height: int
    exif: ExifFacts
    icc_profile: bytes | None


def read_original(source: Path | bytes, policy: PhotoPolicy) -> Original:
    """The bytes of ``source`` (a file or bytes), hashed while they are read.

    Refuses (UNREADABLE, EMPTY, FILE_TOO_LARGE) before reading more than the limit."""
    if isinstance(source, bytes):
        _check_length(len(source), policy)
        return Original(source, hashlib.sha256(source).hexdigest())
    digest = hashlib.sha256()
    blocks: list[bytes] = []
    total = 0
    try:
        with source.open("rb") as stream:
            _check_length(max(1, _file_size(stream)), policy)
            while block := stream.read(_READ_BLOCK):
                total += len(block)
                _check_length(total, policy)
                digest.update(block)
                blocks.append(block)
    except OSError as exc:
        raise PhotoRefusedError(RefusalReason.UNREADABLE, LocalText(
            f"无法读取照片文件 {source}：{exc.strerror or exc}",
            f"cannot read the photo file {source}: {exc.strerror or exc}")) from exc
    _check_length(total, policy)
    return Original(b"".join(blocks), digest.hexdigest())


def decode_photo(data: bytes, policy: PhotoPolicy, long_edge: int) -> DecodedPhoto:
    """Decode ``data`` once, upright, fitted into ``long_edge`` (see the module's contract)."""
    try:
        image = Image.open(io.BytesIO(data), formats=sorted(policy.formats))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(None, policy) from exc
    except UnidentifiedImageError as exc:
        raise _unidentified(data, policy) from exc
    except _DECODE_ERRORS as exc:
        raise _damaged(exc) from exc
    with image:
        width, height = image.size
        if width * height > policy.max_pixels:
            raise _too_many_pixels((width, height), policy)
        if image.format == "PNG":
            _verify_png(data)
        target = fit(width, height, long_edge)
        if image.format in _JPEG_FORMATS and target != image.size:
            image.draft("RGB", target)
        try:
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels((width, height), policy) from exc
        except _DECODE_ERRORS as exc:
            raise _damaged(exc) from exc
        facts = _exif_facts(image)
        icc_profile = image.info.get("icc_profile") or None
        picture = _resizable(image)
        if picture.size != target:
            # After draft decoding (the DCT already halved, quartered or eighthed the
            # photo) less than 2x is left to shrink, and bilinear is then within about a
            # decibel of bicubic (PSNR ~43 vs ~44 dB against a full-size Lanczos
            # reference), far finer than JPEG at the upload quality, for two thirds of
            # the time.
            drafted = image.size != (width, height)
            resample = Image.Resampling.BILINEAR if drafted else RESAMPLE
            picture = picture.resize(target, resample, reducing_gap=3.0)
        elif picture is image:  # closing ``image`` below frees its pixels
            picture = image.copy()
        media_type = "image/jpeg" if image.format in _JPEG_FORMATS else (
            Image.MIME.get(image.format or "", "application/octet-stream"))
        image_format = image.format or ""
    transpose = _TRANSPOSE.get(facts.orientation)
    if transpose is not None:
        picture = picture.transpose(transpose)
    if facts.orientation >= 5:
        width, height = height, width
    return DecodedPhoto(_on_white(picture), image_format, media_type, width, height, facts,
                        icc_profile if isinstance(icc_profile, bytes) else None)


def fit(width: int, height: int, long_edge: int) -> tuple[int, int]:
    """``width`` x ``height`` scaled so the long edge is ``long_edge``; never enlarged."""
    longest = max(width, height)
    if longest <= long_edge:
        return width, height
    return (max(1, (width * long_edge + longest // 2) // longest),
            max(1, (height * long_edge + longest // 2) // longest))


def encode_jpeg(image: Image.Image, quality: int, icc_profile: bytes | None = None) -> bytes:
    """``image`` as baseline JPEG at ``quality`` with optimised Huffman tables (about a
    fifth smaller for a few milliseconds) and the source's colour profile, no EXIF."""
    buffer = io.BytesIO()
    options: dict[str, object] = {"quality": quality, "optimize": True}
    if icc_profile:
        options["icc_profile"] = icc_profile
    image.save(buffer, format="JPEG", **options)
    return buffer.getvalue()


def _check_length(length: int, policy: PhotoPolicy) -> None:
    if length == 0:
        raise PhotoRefusedError(RefusalReason.EMPTY, LocalText("照片文件是空的",
                                                          "the photo file is empty"))
    if length > policy.max_file_bytes:
        limit = policy.max_file_bytes // (1024 * 1024)
        raise PhotoRefusedError(RefusalReason.FILE_TOO_LARGE, LocalText(
            f"照片文件过大（上限 {limit} MB）", f"the photo file is too large (limit {limit} MB)"))


def _file_size(stream: io.BufferedReader) -> int:
    """The size the file system reports: a hint for an early refusal (the count of
    bytes actually read is what is enforced)."""
    return os.fstat(stream.fileno()).st_size


def _verify_png(data: bytes) -> None:
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as checked:
            checked.verify()
    except _DECODE_ERRORS as exc:
        raise _damaged(exc) from exc


def _exif_facts(image: Image.Image) -> ExifFacts:
    try:
        return read_exif(image.getexif())
    except Exception:  # bad metadata never refuses a readable photo
        return ExifFacts()


def _resizable(image: Image.Image) -> Image.Image:
    """``image`` in a mode Pillow resizes well: RGB, L, or RGBA/LA when it has alpha."""
    if "transparency" in image.info and image.mode in ("P", "L", "RGB"):
        return image.convert("RGBA")
    if image.mode in ("RGB", "L", "RGBA", "LA"):
        return image
    if image.mode in ("PA", "RGBa", "La"):
        return image.convert("RGBA")
    if image.mode.startswith(("I", "F")):  # 16-bit grey PNG: scale to 8 bits, not clip
        return image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    return image.convert("RGB")


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def _too_many_pixels(size: tuple[int, int] | None, policy: PhotoPolicy) -> PhotoRefusedError:
    limit = f"{policy.max_pixels / 1_000_000:g}"
    if size is None:
        zh = f"照片像素过多（上限 {limit} 百万像素）"
        en = f"the photo has too many pixels (limit {limit} MP)"
    else:
        found = f"{size[0]}×{size[1]}"
        zh = f"照片像素过多（{found}，上限 {limit} 百万像素）"
        en = f"the photo has too many pixels ({found}; limit {limit} MP)"
    return PhotoRefusedError(RefusalReason.TOO_MANY_PIXELS, LocalText(
        f"{zh}，可能是恶意文件，已拒绝", f"{en}: refused as a possible decompression bomb"))


def _unidentified(data: bytes, policy: PhotoPolicy) -> PhotoRefusedError:
    accepted = sorted({_FORMAT_NAMES[name] for name in policy.formats})
    for name in policy.formats:
        if data.startswith(_SIGNATURES[name]) and (name != "WEBP" or data[8:12] == b"WEBP"):
            return _damaged(None)
    return PhotoRefusedError(RefusalReason.NOT_AN_IMAGE, LocalText(
        f"不是可以导入的照片（支持 {'、'.join(accepted)}）",
        f"not a photo that can be imported ({', '.join(accepted)} are)"))


def _damaged(exc: BaseException | None) -> PhotoRefusedError:
    if exc is not None and "truncated" in str(exc).lower():
        return PhotoRefusedError(RefusalReason.TRUNCATED, LocalText(
            "照片文件不完整（可能复制时中断），请重新拷贝",
            "the photo file is incomplete (perhaps an interrupted copy); copy it again"))
    return PhotoRefusedError(RefusalReason.DAMAGED, LocalText(
        "照片文件已损坏，无法读取", "the photo file is damaged and cannot be read"))
