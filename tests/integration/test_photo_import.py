"""Importing photos into a real content store with real Pillow.

Every photo is generated here (JPEGs with EXIF written through ``Image.Exif``, PNGs,
damaged and hostile files); no binary fixture is committed."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import warnings
import zlib
from collections.abc import Mapping
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageChops, ImageStat
from PIL.TiffImagePlugin import IFDRational

from inspector.db.content_store import ContentStore
from inspector.media import (
    AnnotationError,
    AnnotationLayer,
    Arrow,
    Camera,
    Circle,
    MediaStoreError,
    PhotoPolicy,
    PhotoRefusedError,
    RefusalReason,
    StampFontError,
    StampText,
    TextLabel,
    import_photo,
    prepare_photo,
    render_annotated,
)
from inspector.media.fonts import find_cjk_font, load_font

RED, BLUE, WHITE = (255, 0, 0), (0, 0, 255), (255, 255, 255)
STAMP = StampText("2026-11-03 10:15", "正定县某某超市有限公司", "任务 ZD-2026-001",
                  "检查员 张三")


# --- making photos -------------------------------------------------------------------

def jpeg(image: Image.Image, *, quality: int = 92, orientation: int | None = None,
         taken: str | None = None, offset: str | None = None,
         gps: Mapping[int, object] | None = None) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[0x9003] = taken
    if offset is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[0x9011] = offset
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(gps)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif)
    return buffer.getvalue()


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def noisy(width: int, height: int, seed: int = 0) -> Image.Image:
    """A picture with detail everywhere (noise over a gradient): JPEG cannot shrink it
    to nothing, so byte sizes and quality settings are measurable. Not reproducible
    (Pillow's noise has its own generator): keep the bytes when a test needs them twice."""
    ramp = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 60 + seed)
    return Image.merge("RGB", (ramp, noise, Image.blend(ramp, noise, 0.5)))


def marked(width: int, height: int) -> Image.Image:
    """White, with a red block at the stored top-left and a blue block at the stored
    top-right (the end of row 0): where they land shows how a photo was turned."""
    block = height // 4
    image = Image.new("RGB", (width, height), WHITE)
    image.paste(RED, (0, 0, block, block))
    image.paste(BLUE, (width - block, 0, width, block))
    return image


def pixel(data: bytes, xy: tuple[int, int]) -> tuple[int, ...]:
    with Image.open(io.BytesIO(data)) as image:
        value = image.convert("RGB").getpixel(xy)
    assert isinstance(value, tuple)
    return value


def near(actual: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


def stored_files(store: ContentStore) -> list[Path]:
    return sorted(p for p in store.root.rglob("*") if p.is_file()) if store.root.exists() else []


def opened(store: ContentStore, sha256: str) -> Image.Image:
    return Image.open(store.path(sha256))


@pytest.fixture
def store(tmp_path: Path) -> ContentStore:
    return ContentStore(tmp_path / "files")


# --- orientation ---------------------------------------------------------------------

# Where the stored top-left and top-right blocks appear once displayed, straight from
# the EXIF definition of each orientation (which visual side row 0 and column 0 are):
# 1 top/left, 2 top/right, 3 bottom/right, 4 bottom/left, 5 left/top, 6 right/top,
# 7 right/bottom, 8 left/bottom.
CORNERS = {
    1: ("TL", "TR"), 2: ("TR", "TL"), 3: ("BR", "BL"), 4: ("BL", "BR"),
    5: ("TL", "BL"), 6: ("TR", "BR"), 7: ("BR", "TR"), 8: ("BL", "TL"),
}


def corner_point(corner: str, width: int, height: int, inset: int) -> tuple[int, int]:
    return (inset if corner[1] == "L" else width - 1 - inset,
            inset if corner[0] == "T" else height - 1 - inset)


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize(("size", "policy"), [
    ((64, 32), PhotoPolicy()),  # small: shown as is
    ((1280, 640), PhotoPolicy(upload_long_edge=320, thumbnail_long_edge=80)),  # draft 1/4
])
def test_every_orientation_is_displayed_upright(
        store: ContentStore, orientation: int, size: tuple[int, int],
        policy: PhotoPolicy) -> None:
    width, height = size
    result = import_photo(jpeg(marked(width, height), orientation=orientation), store,
                          policy=policy)
    turned = orientation >= 5
    assert (result.width, result.height) == ((height, width) if turned else (width, height))
    assert result.orientation == orientation
    for sha256, edge in ((result.upload_sha256, result.upload_width),
                         (result.thumbnail_sha256, result.thumbnail_width)):
        with opened(store, sha256) as shown:
            assert (shown.width > shown.height) is not turned
            assert max(shown.size) <= (policy.upload_long_edge if edge == result.upload_width
                                       else policy.thumbnail_long_edge)
            inset = min(shown.size) // 8
            data = store.path(sha256).read_bytes()
            red_at, blue_at = CORNERS[orientation]
            assert near(pixel(data, corner_point(red_at, *shown.size, inset)), RED)
            assert near(pixel(data, corner_point(blue_at, *shown.size, inset)), BLUE)
            for other in {"TL", "TR", "BL", "BR"} - {red_at, blue_at}:
                assert near(pixel(data, corner_point(other, *shown.size, inset)), WHITE)


# --- EXIF facts through the pipeline ---------------------------------------------------

def test_capture_time_and_gps_reach_the_result(store: ContentStore) -> None:
    gps = {1: "S", 2: (IFDRational(33, 1), IFDRational(52, 1), IFDRational(768, 100)),
           3: "W", 4: (IFDRational(70, 1), IFDRational(40, 1), IFDRational(6, 1))}
    result = import_photo(jpeg(marked(64, 32), taken="2026:11:03 10:15:30", offset="+08:00",
                               gps=gps), store)
    assert result.captured_at is not None
    assert result.captured_at.isoformat() == "2026-11-03T10:15:30+08:00"
    assert (result.latitude, result.longitude) == ("-33.8688000", "-70.6683333")
    assert result.exif["DateTimeOriginal"] == "2026:11:03 10:15:30"
    assert dict(result.exif)["GPSLongitude"] == "-70.6683333"


def test_photo_without_exif_has_no_time_or_place(store: ContentStore) -> None:
    result = import_photo(png(marked(64, 32)), store)
    assert (result.captured_at, result.latitude, result.longitude) == (None, None, None)
    assert result.orientation == 1 and dict(result.exif) == {}


# --- the original, byte for byte -----------------------------------------------------

def test_original_is_stored_byte_identical_under_its_sha256(
        store: ContentStore, tmp_path: Path) -> None:
    data = jpeg(noisy(900, 600), orientation=6, taken="2026:11:03 10:15:30")
    source = tmp_path / "IMG_0001.JPG"
    source.write_bytes(data)
    from_file = import_photo(source, store)
    from_bytes = import_photo(data, store)
    assert from_file == from_bytes  # same bytes, same facts, same derivatives
    assert from_file.original_sha256 == hashlib.sha256(data).hexdigest()
    assert from_file.original_size == len(data)
    assert store.path(from_file.original_sha256).read_bytes() == data
    assert store.intact(from_file.original_sha256)
    assert len(stored_files(store)) == 3  # importing twice stores nothing twice
    assert source.read_bytes() == data


def test_prepare_writes_nothing(store: ContentStore) -> None:
    data = jpeg(noisy(300, 200))
    prepared = prepare_photo(data)
    assert stored_files(store) == []
    assert prepared.original == data
    assert Image.open(io.BytesIO(prepared.upload)).format == "JPEG"


# --- derivatives -----------------------------------------------------------------------

def test_derivatives_fit_the_policy(store: ContentStore) -> None:
    policy = PhotoPolicy(upload_long_edge=600, thumbnail_long_edge=150)
    result = import_photo(jpeg(noisy(2400, 1200)), store, policy=policy)
    assert (result.upload_width, result.upload_height) == (600, 300)
    assert (result.thumbnail_width, result.thumbnail_height) == (150, 75)
    with opened(store, result.upload_sha256) as upload:
        assert upload.size == (600, 300) and upload.format == "JPEG"
        assert not upload.getexif()  # the facts travel in the record, not the copy
    with opened(store, result.thumbnail_sha256) as thumbnail:
        assert thumbnail.size == (150, 75)
    assert result.upload_size == store.size(result.upload_sha256) < result.original_size
    assert not result.upload_is_original


def test_large_jpegs_are_decoded_at_reduced_scale(store: ContentStore,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import JpegImagePlugin

    drafts: list[tuple[int, int]] = []
    real_draft = JpegImagePlugin.JpegImageFile.draft

    def recording_draft(self: JpegImagePlugin.JpegImageFile, mode: str | None,
                        size: tuple[int, int] | None) -> object:
        outcome = real_draft(self, mode, size)
        drafts.append(self.size)
        return outcome

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", recording_draft)
    result = import_photo(jpeg(noisy(2400, 1600)), store,
                          policy=PhotoPolicy(upload_long_edge=600, thumbnail_long_edge=150))
    assert drafts == [(600, 400)]  # decoded at 1/4 scale, once; never below the target
    assert (result.upload_width, result.thumbnail_width) == (600, 150)


def test_small_photos_are_never_upscaled(store: ContentStore) -> None:
    result = import_photo(jpeg(noisy(300, 200), quality=98), store)
    assert (result.upload_width, result.upload_height) == (300, 200)
    assert (result.thumbnail_width, result.thumbnail_height) == (300, 200)


def quantization_for(quality: int) -> dict[int, list[int]]:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buffer, "JPEG", quality=quality)
    return tables_of(Image.open(io.BytesIO(buffer.getvalue())))


def tables_of(image: Image.Image) -> dict[int, list[int]]:
    """A JPEG's quantization tables, which only its quality setting decides."""
    tables = getattr(image, "quantization", None)
    assert tables
    return dict(tables)


@pytest.mark.parametrize(("upload_quality", "thumbnail_quality"), [(30, 50), (90, 70)])
def test_jpeg_qualities_follow_the_policy(store: ContentStore, upload_quality: int,
                                          thumbnail_quality: int) -> None:
    policy = PhotoPolicy(upload_long_edge=400, upload_quality=upload_quality,
                         thumbnail_long_edge=100, thumbnail_quality=thumbnail_quality)
    result = import_photo(jpeg(noisy(1200, 900)), store, policy=policy)
    with opened(store, result.upload_sha256) as upload:
        assert tables_of(upload) == quantization_for(upload_quality)
    with opened(store, result.thumbnail_sha256) as thumbnail:
        assert tables_of(thumbnail) == quantization_for(thumbnail_quality)


def test_lower_quality_makes_a_smaller_upload(store: ContentStore) -> None:
    data = jpeg(noisy(1200, 900))
    low = import_photo(data, store, policy=PhotoPolicy(upload_long_edge=600, upload_quality=40))
    high = import_photo(data, store, policy=PhotoPolicy(upload_long_edge=600, upload_quality=95))
    assert low.upload_size < high.upload_size


def test_a_fitting_jpeg_is_its_own_upload_copy_when_reencoding_would_grow_it(
        store: ContentStore) -> None:
    data = jpeg(noisy(400, 300), quality=40)
    result = import_photo(data, store, policy=PhotoPolicy(upload_quality=95))
    assert result.upload_is_original
    assert result.upload_sha256 == result.original_sha256
    assert result.upload_size == len(data)
    assert len(stored_files(store)) == 2  # the original (also the upload copy), the thumbnail


def test_a_fitting_jpeg_is_reencoded_when_that_is_smaller(store: ContentStore) -> None:
    data = jpeg(noisy(400, 300), quality=100)
    result = import_photo(data, store, policy=PhotoPolicy(upload_quality=80))
    assert not result.upload_is_original
    assert result.upload_size < len(data)


def test_a_stamped_copy_is_never_the_original(store: ContentStore) -> None:
    data = jpeg(noisy(400, 300), quality=40)
    result = import_photo(data, store, policy=PhotoPolicy(upload_quality=95), stamp=STAMP)
    assert result.stamped and not result.upload_is_original
    assert result.upload_sha256 != result.original_sha256


def test_png_with_alpha_becomes_a_jpeg_on_white(store: ContentStore) -> None:
    image = Image.new("RGBA", (80, 40), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (40, 0, 80, 40))
    data = png(image)
    result = import_photo(data, store)
    assert result.media_type == "image/png"
    assert store.path(result.original_sha256).read_bytes() == data
    upload = store.path(result.upload_sha256).read_bytes()
    assert Image.open(io.BytesIO(upload)).format == "JPEG"
    assert near(pixel(upload, (10, 20)), WHITE, 8)
    assert near(pixel(upload, (70, 20)), RED, 30)
    assert near(pixel(store.path(result.thumbnail_sha256).read_bytes(), (10, 20)), WHITE, 8)


def test_palette_png_with_transparency_and_grey_and_cmyk_jpegs(store: ContentStore) -> None:
    palette = Image.new("P", (32, 32), 0)
    palette.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    palette.paste(1, (16, 0, 32, 32))
    buffer = io.BytesIO()
    palette.save(buffer, "PNG", transparency=0)
    result = import_photo(buffer.getvalue(), store)
    upload = store.path(result.upload_sha256).read_bytes()
    assert near(pixel(upload, (4, 16)), WHITE, 8) and near(pixel(upload, (28, 16)), RED, 30)
    for mode in ("L", "CMYK"):
        converted = jpeg(marked(64, 32).convert(mode))
        shown = store.path(import_photo(converted, store).upload_sha256).read_bytes()
        assert Image.open(io.BytesIO(shown)).mode == "RGB"
        assert near(pixel(shown, (60, 20)), WHITE, 30)


def test_sixteen_bit_grey_png_is_scaled_not_clipped(store: ContentStore) -> None:
    grey = Image.new("I;16", (32, 32), 0x8000)  # mid grey in 16 bits
    result = import_photo(png(grey), store)
    value = pixel(store.path(result.upload_sha256).read_bytes(), (16, 16))
    assert near(value, (128, 128, 128), 4)


# --- the stamp -----------------------------------------------------------------------

def mean_difference(first: bytes, second: bytes, box: tuple[int, int, int, int]) -> float:
    a = Image.open(io.BytesIO(first)).convert("L").crop(box)
    b = Image.open(io.BytesIO(second)).convert("L").crop(box)
    return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0])


def test_stamp_is_on_the_upload_copy_only(store: ContentStore) -> None:
    data = jpeg(Image.new("RGB", (800, 600), (150, 160, 170)))
    plain = import_photo(data, store)
    stamped = import_photo(data, store, stamp=STAMP)
    assert stamped.stamped and not plain.stamped
    assert stamped.original_sha256 == plain.original_sha256
    assert store.path(stamped.original_sha256).read_bytes() == data  # original untouched
    assert stamped.thumbnail_sha256 == plain.thumbnail_sha256  # thumbnail untouched
    assert stamped.upload_sha256 != plain.upload_sha256
    plain_upload = store.path(plain.upload_sha256).read_bytes()
    stamped_upload = store.path(stamped.upload_sha256).read_bytes()
    assert mean_difference(plain_upload, stamped_upload, (0, 520, 800, 600)) > 40  # band
    assert mean_difference(plain_upload, stamped_upload, (0, 0, 800, 400)) < 1  # the rest


def test_different_chinese_text_draws_differently(store: ContentStore) -> None:
    data = jpeg(Image.new("RGB", (800, 600), (150, 160, 170)))
    first = import_photo(data, store, stamp=StampText("", "检", "", ""))
    second = import_photo(data, store, stamp=StampText("", "查", "", ""))
    assert first.upload_sha256 != second.upload_sha256
    font = load_font(find_cjk_font(), 48)
    glyph, other = font.getmask("检"), font.getmask("查")
    assert glyph.getbbox() is not None
    assert bytes(glyph) != bytes(other)  # a font without Chinese draws both as one box


def test_missing_font_refuses_a_stamp_before_storing(store: ContentStore,
                                                      tmp_path: Path) -> None:
    policy = PhotoPolicy(stamp_font=tmp_path / "none.ttf")
    with pytest.raises(StampFontError) as caught:
        import_photo(jpeg(marked(64, 32)), store, policy=policy, stamp=STAMP)
    assert "字体" in caught.value.text.zh and "font" in caught.value.text.en
    assert stored_files(store) == []
    with pytest.raises(StampFontError, match="fonts-wqy-microhei"):
        find_cjk_font(candidates=(tmp_path / "none.ttc",), use_fontconfig=False)


# --- refusals ------------------------------------------------------------------------

def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` (a decompression bomb's shape)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def scrambled_jpeg() -> bytes:
    data = bytearray(jpeg(noisy(400, 300)))
    rng = random.Random(7)
    for index in range(2000, len(data) - 100, 50):
        data[index] = rng.randrange(256)
    return bytes(data)


def broken_png_checksum() -> bytes:
    data = bytearray(png(noisy(64, 64)))
    data[-20] ^= 0xFF
    return bytes(data)


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "GIF")
    return buffer.getvalue()


REFUSALS = {
    "corrupt jpeg": (scrambled_jpeg, RefusalReason.DAMAGED),
    "truncated jpeg": (lambda: jpeg(noisy(400, 300))[:6000], RefusalReason.TRUNCATED),
    "jpeg cut in its header": (lambda: jpeg(noisy(400, 300))[:40], RefusalReason.TRUNCATED),
    "png with a bad checksum": (broken_png_checksum, RefusalReason.DAMAGED),
    "pdf": (lambda: b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n",
            RefusalReason.NOT_AN_IMAGE),
    "text": (lambda: "检查记录\n".encode() * 50, RefusalReason.NOT_AN_IMAGE),
    "gif": (gif, RefusalReason.NOT_AN_IMAGE),
    "empty": (lambda: b"", RefusalReason.EMPTY),
    "bomb header": (lambda: png_header_only(100_000, 100_000),
                    RefusalReason.TOO_MANY_PIXELS),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refused_files_leave_nothing_in_the_store(
        store: ContentStore, tmp_path: Path, name: str) -> None:
    make, reason = REFUSALS[name]
    data = make()
    source = tmp_path / "upload.bin"
    source.write_bytes(data)
    for given in (data, source):
        with pytest.raises(PhotoRefusedError) as caught:
            import_photo(given, store, stamp=STAMP)
        assert caught.value.reason is reason
        assert caught.value.text.zh and caught.value.text.en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.text.zh)
        assert str(caught.value) == caught.value.text.en
    assert stored_files(store) == []


def test_policy_pixel_limit_is_checked_from_the_header(store: ContentStore) -> None:
    with pytest.raises(PhotoRefusedError) as caught:
        import_photo(jpeg(marked(64, 32)), store, policy=PhotoPolicy(max_pixels=2000))
    assert caught.value.reason is RefusalReason.TOO_MANY_PIXELS
    assert "64×32" in caught.value.text.zh and "64×32" in caught.value.text.en
    assert stored_files(store) == []
    # the header alone decides: a bomb beyond the limit is refused without decoding
    with pytest.raises(PhotoRefusedError):
        import_photo(png_header_only(20_000, 10_000), store)


def test_pillow_bomb_warning_becomes_a_refusal(store: ContentStore,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1500)  # 64x32 = 2048: warns, not fails
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with pytest.raises(PhotoRefusedError) as caught:
            import_photo(jpeg(marked(64, 32)), store)
    assert caught.value.reason is RefusalReason.TOO_MANY_PIXELS
    assert stored_files(store) == []


def test_file_size_limit_and_unreadable_files(store: ContentStore, tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    big.write_bytes(jpeg(noisy(400, 300)))
    with pytest.raises(PhotoRefusedError) as caught:
        import_photo(big, store, policy=PhotoPolicy(max_file_bytes=1000))
    assert caught.value.reason is RefusalReason.FILE_TOO_LARGE
    with pytest.raises(PhotoRefusedError) as caught:
        import_photo(tmp_path / "missing.jpg", store)
    assert caught.value.reason is RefusalReason.UNREADABLE
    assert stored_files(store) == []


def test_a_failed_write_removes_what_the_import_had_stored(
        store: ContentStore, monkeypatch: pytest.MonkeyPatch) -> None:
    real_put = store.put_bytes
    calls: list[int] = []

    def put_then_fill_the_disk(data: bytes) -> str:
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_put(data)

    monkeypatch.setattr(store, "put_bytes", put_then_fill_the_disk)
    with pytest.raises(MediaStoreError) as caught:
        import_photo(jpeg(noisy(600, 400)), store)
    assert "No space left" in caught.value.text.en
    assert stored_files(store) == []


# --- annotations over the original -------------------------------------------------------

def test_annotations_render_without_touching_the_original(store: ContentStore) -> None:
    data = jpeg(Image.new("RGB", (640, 320), WHITE), orientation=6)
    result = import_photo(data, store)
    layer = AnnotationLayer((
        Circle((160, 400), 100, color="#0000ff", width=20),  # displayed (upright) pixels
        Arrow((20, 20), (200, 200), color="#ff0000", width=12),
        TextLabel((20, 560), "过期", color="#ff0000", size=60),
    ))
    layer = AnnotationLayer.from_json(layer.to_json())
    original = store.path(result.original_sha256).read_bytes()
    rendered = render_annotated(original, layer, long_edge=320)
    assert (rendered.width, rendered.height) == (160, 320)  # upright, half size
    assert near(pixel(rendered.data, (80 + 45, 200)), BLUE, 60)  # on the ring, scaled
    assert near(pixel(rendered.data, (80, 200)), WHITE, 20)  # inside the ring
    assert near(pixel(rendered.data, (50, 50)), RED, 60)  # on the arrow's shaft
    assert mean_difference(rendered.data, jpeg(Image.new("RGB", (160, 320), WHITE)),
                           (10, 280, 80, 315)) > 10  # the text label
    assert store.path(result.original_sha256).read_bytes() == original == data
    assert store.intact(result.original_sha256)
    stamped = render_annotated(original, layer, long_edge=320, stamp=STAMP)
    assert stamped.sha256 != rendered.sha256


def test_annotations_outside_the_photo_are_refused(store: ContentStore) -> None:
    data = jpeg(Image.new("RGB", (640, 320), WHITE), orientation=6)  # shown 320 x 640
    layer = AnnotationLayer((Circle((600, 100), 10),))  # inside the stored frame only
    with pytest.raises(AnnotationError):
        render_annotated(data, layer, long_edge=320)


# --- the camera interface ------------------------------------------------------------

class StillCamera:
    """What tests use in place of a camera: hands out prepared files."""

    def __init__(self, shots: list[bytes]) -> None:
        self._shots = shots

    @property
    def name(self) -> str:
        return "still images"

    def capture(self) -> bytes:
        return self._shots.pop(0)


def test_a_camera_feeds_the_same_pipeline(store: ContentStore) -> None:
    shot = jpeg(marked(64, 32), orientation=8, taken="2026:11:03 10:15:30")
    camera: Camera = StillCamera([shot])
    assert isinstance(camera, Camera)
    result = import_photo(camera.capture(), store)
    assert store.path(result.original_sha256).read_bytes() == shot
    assert (result.width, result.height) == (32, 64)
