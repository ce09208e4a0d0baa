"""The frozen app: ``build_installer.py`` builds the Linux bundle from this checkout and
the bundle runs on a fresh data folder, as an inspector's laptop would run it.

One build per session (a few minutes): ``--version``, then ``tour --out DIR``
offscreen, with every screen's PNG written and the sample labels in the wizard's
PNG decoding (so the frozen app found python-barcode's font data and the CJK font);
the archive with its desktop entry, icon and checksums; the central platform and the
trimmed Qt parts absent; and a dirty tree refused before anything is built.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PyInstaller.archive.readers import CArchiveReader

from inspector import __version__
from inspector.cli.commands import version_text
from inspector.ui.tour import SHOTS

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 300


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("dist")
    # --allow-dirty: CI builds from a clean clone; a developer's edits must not stop the test.
    result = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--out",
                             str(out), "--allow-dirty"], check=False, capture_output=True,
                            text=True,
                            timeout=1800)
    assert result.returncode == 0, result.stderr[-4000:]
    yield out


def frozen(built: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("INSPECTOR_", "PYTHON"))}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(built / "inspector" / "inspector"), "--data-dir",
                           str(data_dir), *args], check=False, capture_output=True, text=True,
                          env=env,
                          timeout=RUN_TIMEOUT_S, cwd=data_dir.parent)


def test_the_bundle_reports_its_version_and_schema(built: Path, tmp_path: Path) -> None:
    result = frozen(built, "--version", data_dir=tmp_path / "workspace")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == version_text()
    assert __version__ in result.stdout


def test_the_bundle_renders_every_screen_and_its_labels_scan(built: Path,
                                                             tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = frozen(built, "tour", "--out", str(shots), data_dir=tmp_path / "workspace")
    assert result.returncode == 0, result.stderr[-4000:]
    written = [Path(line) for line in result.stdout.splitlines() if line.endswith(".png")]
    assert len(written) == SHOTS
    assert sorted(shots.glob("*.png")) == sorted(written)
    for path in written:
        with Image.open(path) as image:
            assert image.width > 300 and image.height > 200, path
    # The wizard shows the first label as it prints: it must scan off the screen.
    labels = shots / "16-sample-labels.png"
    read = {symbol.text for symbol in zxingcpp.read_barcodes(Image.open(labels))}
    assert any(text.endswith("-P01") for text in read), read
    assert (tmp_path / "workspace" / "inspector.sqlite").exists()  # the fresh data folder


def test_the_archive_holds_the_bundle_desktop_entry_and_icon(built: Path) -> None:
    archive = built / f"inspector-{__version__}-linux-{os.uname().machine.lower()}.tar.gz"
    top = f"inspector-{__version__}"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        entry = tar.extractfile(f"{top}/inspector.desktop")
        assert entry is not None
        desktop = entry.read().decode("utf-8")
        installer = tar.getmember(f"{top}/install.sh")
    assert {f"{top}/inspector/inspector", f"{top}/inspector.png"} <= names
    assert "Exec=inspector/inspector" in desktop and "Icon=inspector" in desktop
    assert "Name[zh_CN]=" in desktop
    assert installer.mode & 0o111
    sums = dict(reversed(line.split("  ")) for line in
                (built / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert sums[archive.name] == hashlib.sha256(archive.read_bytes()).hexdigest()


def test_the_bundle_leaves_out_the_platform_and_unused_qt(built: Path) -> None:
    bundle = built / "inspector"
    reader = CArchiveReader(str(bundle / "inspector"))
    modules = set(reader.open_embedded_archive("PYZ.pyz").toc)
    assert "inspector.ui.app" in modules and "inspector.db.migrate" in modules
    assert not {m for m in modules if m.startswith(("inspector.central", "fastapi",
                                                    "uvicorn", "psycopg"))}
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()]
    for unwanted in ("platformthemes/libqgtk3", "platforms/libqwayland", "platforms/libqeglfs",
                     "WebEngine"):
        assert not [f for f in files if unwanted in f], unwanted
    qt_translations = [f for f in files if "/Qt/translations/" in f]
    assert qt_translations and all(f.endswith("_zh_CN.qm") for f in qt_translations)
    for shipped in ("resources/i18n/inspector_zh_CN.qm", "resources/build.json",
                    "inspector/db/migrations/versions/0001_initial_schema.py",
                    "barcode/fonts/DejaVuSansMono.ttf"):
        assert any(f.endswith(shipped) for f in files), shipped


def test_a_dirty_tree_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    shutil.copy2(ROOT / "build_installer.py", clone / "build_installer.py")  # this one
    (clone / "notes.txt").write_text("not committed\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(clone / "build_installer.py"), "--out",
                             str(out)], check=False, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert "uncommitted" in result.stderr and "--allow-dirty" in result.stderr
    assert not out.exists()
