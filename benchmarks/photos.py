"""Benchmark: importing 12-megapixel photos, against a naive Pillow pipeline.

Run as ``python -m benchmarks.photos [--photos N]``. It writes N (50) JPEGs of 4000x3000
with EXIF (orientation, capture time, GPS) into a temporary folder, untimed. Then each
pipeline runs over all of them on a worker thread, as photo work runs in the app, while
the main thread ticks every millisecond as an event loop would, and it reports:

- ``pipeline_ms``: median per photo of :func:`inspector.media.import_photo` from the file
  into a temporary content store: read and hash the original, decode once (JPEG draft at
  1/2 scale), upload copy (1600 px, quality 80), thumbnail (320 px) from the
  upload-sized picture, EXIF facts, and the three files stored (each fsynced);
- ``naive_ms``: median per photo of what a straightforward Pillow script does: open,
  decode in full, resize the full image to 1600 px and again to 320 px (the same
  bicubic filter), save both JPEGs at the same qualities (no hashing, no EXIF, no
  orientation, no fsync: the naive side is flattered);
- ``ui_max_block_ms``: the longest gap between two ticks of the Qt event loop while the
  app itself attached every photo to an inspection's photo item, all queued at once
  (:mod:`benchmarks.photo_app`: the real DB thread and compute pool, stamp, prepare,
  record, thumbnails; ``app_ms_per_photo`` its wall time per photo); beside it
  ``worker_tick_max_block_ms``, the longest gap a plain ticking thread saw while the
  pipeline ran on a worker (Pillow releases the GIL while it decodes, resizes and
  encodes), and ``naive_ui_max_block_ms`` the same for the naive run.

The issue's goal: ``pipeline_vs_naive`` at most 0.5 and ``ui_max_block_ms`` under 50.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw
from PIL.TiffImagePlugin import IFDRational

from benchmarks.photo_app import attach_in_app
from inspector.db.content_store import ContentStore
from inspector.media import DEFAULT_POLICY, import_photo

WIDTH, HEIGHT = 4000, 3000
TICK_S = 0.001


def scene() -> Image.Image:
    """A photo-like 12 MP picture: smooth gradients, hard edges and sensor-like noise
    (a JPEG of it at quality 90 weighs about as much as a phone's photo)."""
    ramp = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    noise = Image.effect_noise((WIDTH, HEIGHT), 24)
    green = Image.blend(ramp, noise, 0.35)
    picture = Image.merge("RGB", (ramp, green, ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    draw = ImageDraw.Draw(picture)
    for n in range(40):
        x, y = (n * 331) % (WIDTH - 500), (n * 211) % (HEIGHT - 400)
        draw.rectangle((x, y, x + 500, y + 400), outline=(n * 6, 255 - n * 6, 90), width=9)
    return picture


def exif_for(number: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Benchmark", "Phone 12MP"
    exif[0x0112] = (1, 6, 3, 8)[number % 4]
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0x9003] = f"2026:11:03 10:{number // 60:02d}:{number % 60:02d}"
    sub[0x9011] = "+08:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[1], gps[3] = "N", "E"
    gps[2] = (IFDRational(38, 1), IFDRational(8, 1), IFDRational(4560 + number, 100))
    gps[4] = (IFDRational(114, 1), IFDRational(34, 1), IFDRational(1200 + number, 100))
    return exif


def write_photos(folder: Path, count: int) -> list[Path]:
    base = scene()
    paths = []
    for number in range(count):
        picture = base.copy()
        ImageDraw.Draw(picture).rectangle((40 * number, 40, 40 * number + 30, 70),
                                          fill=(255, 0, 0))  # distinct bytes per photo
        path = folder / f"IMG_{number:04d}.jpg"
        picture.save(path, "JPEG", quality=90, exif=exif_for(number))
        paths.append(path)
    return paths


def naive(path: Path, out: Path) -> None:
    with Image.open(path) as image:
        image.load()
        large = image.resize(_fit(image.size, DEFAULT_POLICY.upload_long_edge),
                             Image.Resampling.BICUBIC)
        small = image.resize(_fit(image.size, DEFAULT_POLICY.thumbnail_long_edge),
                             Image.Resampling.BICUBIC)
    large.save(out / "upload.jpg", "JPEG", quality=DEFAULT_POLICY.upload_quality)
    small.save(out / "thumbnail.jpg", "JPEG", quality=DEFAULT_POLICY.thumbnail_quality)


def _fit(size: tuple[int, int], edge: int) -> tuple[int, int]:
    longest = max(size)
    return round(size[0] * edge / longest), round(size[1] * edge / longest)


def on_worker(paths: list[Path], work: Callable[[Path], object]) -> tuple[list[float], float]:
    """Run ``work`` on each path in a worker thread while this thread ticks.

    Returns the worker's time per path (ms) and the longest gap between two ticks here
    (ms): how long an event loop on this thread would have been kept waiting."""
    times: list[float] = []
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            for path in paths:
                started = time.perf_counter()
                work(path)
                times.append((time.perf_counter() - started) * 1000)
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=worker, name="media-pool")
    longest = 0.0
    last = time.perf_counter()
    thread.start()
    while thread.is_alive():
        time.sleep(TICK_S)
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    thread.join()
    if failures:
        raise failures[0]
    return times, longest * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as temporary:
        root = Path(temporary)
        (root / "in").mkdir()
        (root / "naive").mkdir()
        started = time.perf_counter()
        paths = write_photos(root / "in", args.photos)
        generate_s = time.perf_counter() - started
        size_mb = statistics.median(p.stat().st_size for p in paths) / 1e6
        store = ContentStore(root / "store")
        pipeline, block_ms = on_worker(paths, lambda path: import_photo(path, store))
        naive_times, naive_block_ms = on_worker(paths, lambda path: naive(path, root / "naive"))
        app_block_ms, app_ms = attach_in_app(root / "app", paths)
    pipeline_ms, naive_ms = statistics.median(pipeline), statistics.median(naive_times)
    print(f"{args.photos} photos of {WIDTH}x{HEIGHT}, median {size_mb:.1f} MB, "
          f"generated in {generate_s:.1f} s")
    print(f"pipeline (hash, decode once, upload copy, thumbnail, store): "
          f"median {pipeline_ms:.1f} ms, max {max(pipeline):.1f} ms; "
          f"UI thread's longest wait {block_ms:.1f} ms")
    print(f"naive (full decode, two resizes, two saves): median {naive_ms:.1f} ms, "
          f"max {max(naive_times):.1f} ms; UI thread's longest wait {naive_block_ms:.1f} ms")
    print(f"in the app (all {args.photos} dropped at once: stamp, pool, record, thumbnail): "
          f"{app_ms:.1f} ms per photo; the event loop's longest gap {app_block_ms:.1f} ms")
    print(json.dumps({
        "bench": "photos", "photos": args.photos, "megapixels": WIDTH * HEIGHT // 1_000_000,
        "pipeline_ms": round(pipeline_ms, 1), "naive_ms": round(naive_ms, 1),
        "ui_max_block_ms": round(app_block_ms, 1), "app_ms_per_photo": round(app_ms, 1),
        "worker_tick_max_block_ms": round(block_ms, 1),
        "naive_ui_max_block_ms": round(naive_block_ms, 1),
        "ratios": {"pipeline_vs_naive": round(pipeline_ms / naive_ms, 2)},
    }))


if __name__ == "__main__":
    main()
