"""Build the desktop app as a PyInstaller one-folder bundle, and its installer.

    python build_installer.py [--out DIR] [--allow-dirty]

Contract:
- Refuses (exit 2, nothing written) to build from a working tree with uncommitted or
  untracked changes, or from a folder that is not a git checkout, unless ``--allow-dirty``.
- Builds ``DIR/inspector/`` (default ``DIR`` is ``dist``): the app with its translations,
  resources (divisions, calendars, checklists, icon), the local store's Alembic
  migrations and python-barcode's font. The central platform (``inspector.central`` and
  its server libraries) and the test tools are left out; so are the parts of Qt the app
  does not use: the GTK platform theme, the Wayland and EGLFS platform plugins, Qt's
  translations other than Chinese, and WebEngine.
- Stamps the bundle with ``resources/build.json`` (version, git commit, whether the tree
  was clean, build time); the version comes from ``inspector.__version__`` only.
- On Linux, packs ``DIR/inspector-VERSION-linux-ARCH.tar.gz`` holding the bundle, a
  desktop entry, the icon and ``install.sh`` (which registers both for the user).
- On Windows, writes ``DIR/inspector.iss`` (an Inno Setup script: per-user install into
  the user's program folder, a Start-menu entry, the workspace kept in the user's data
  folder across upgrades and uninstalls) and compiles it when ``ISCC.exe`` is found.
- Writes ``DIR/SHA256SUMS`` (``sha256sum -c`` format) over every artifact.
- Exits non-zero naming the step that failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent
APP_NAME = "inspector"
DISPLAY_NAME = "Inspector 现场检查与抽样"
APP_ID = "{{6B3B8E52-5A0C-4F8E-9F0B-7D1C2A9E4C11}"  # Inno Setup AppId: fixed across versions

# Modules the desktop bundle must not carry: the central platform and its server stack,
# and the development tools that happen to be installed beside the app.
EXCLUDED_MODULES = (
    "inspector.central", "fastapi", "starlette", "uvicorn", "psycopg", "psycopg_binary",
    "argon2", "schemathesis", "hypothesis", "pytest", "pytestqt", "_pytest", "mypy",
    "zxingcpp", "tkinter", "IPython", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtPdf", "PySide6.QtNetwork", "PySide6.QtDBus",
    "PIL._avif",  # AVIF (5 MB of codec): photos are accepted as JPEG, PNG or WebP only
    "PIL._imagingtk", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_codecs_hk",
    "_codecs_iso2022",  # Chinese files are UTF-8, GBK or GB18030: _codecs_cn stays
)
# Path fragments of collected files the app does not use (matched on '/'-separated
# destination paths inside the bundle): Qt plugins and libraries we never load, and the
# system libraries only those plugins pulled in (the GTK theme's stack). A library left
# out is looked up on the system, as it would be for any desktop program.
TRIMMED_FRAGMENTS = (
    "/platformthemes/libqgtk3", "/platforms/libqwayland", "/platforms/libqeglfs",
    "/platforms/libqvnc", "/platforms/libqlinuxfb", "/platforms/libqvkkhrdisplay",
    "/platforms/libqminimalegl", "/wayland-", "/egldeviceintegrations/", "/generic/",
    "/networkinformation/", "/imageformats/libqicns", "/imageformats/libqtga",
    "/imageformats/libqtiff", "/imageformats/libqwbmp", "/xcbglintegrations/",
    "/imageformats/libqsvg", "/iconengines/libqsvgicon", "libQt6Svg",  # no SVG in the app
    "libQt6OpenGL", "libQt6Network",  # widgets paint in software; no Qt networking
    "libQt6WaylandClient",
    "libQt6WaylandEgl", "libQt6WlShellIntegration", "libQt6EglFs", "libQt6EglFSDevice",
    "WebEngine", "/qml/", "libQt6Quick", "libQt6Qml", "libQt6Pdf", "libQt6VirtualKeyboard",
    "/libgtk-3", "/libgdk-3", "/libatk", "/libcairo", "/libpango", "/libgdk_pixbuf",
    "/libthai", "/libdatrie", "/libfribidi", "/libgraphite2", "/libpixman", "/libepoxy",
    "/libwayland",
    # CUPS and its network stack: printing uses the system's CUPS, as it must.
    "/libcups", "/libgnutls", "/libavahi", "/libkrb5", "/libk5crypto", "/libgssapi",
    "/libp11-kit", "/libtasn1", "/libnettle", "/libhogweed", "/libgmp", "/libidn2",
    "/libunistring", "/libkeyutils", "/libcom_err",
)
# Libraries every Linux desktop has, taken from the system like any program's: bundling
# them buys nothing and risks mixing two versions of GLib or fontconfig in one process.
# (The xcb utility libraries Qt needs stay bundled: many systems lack libxcb-cursor.)
SYSTEM_LIBRARIES = (
    "libstdc++.so", "libgcc_s.so", "libglib-2.0.so", "libgio-2.0.so", "libgobject-2.0.so",
    "libgmodule-2.0.so", "libgthread-2.0.so", "libdbus-1.so", "libsystemd.so", "libgcrypt.so",
    "libgpg-error.so", "libX11.so", "libX11-xcb.so", "libXau.so", "libXdmcp.so", "libXext.so",
    "libXrender.so", "libxcb.so", "libfontconfig.so", "libfreetype.so", "libexpat.so",
    "libz.so", "libbz2.so", "liblzma.so", "libzstd.so", "liblz4.so", "libselinux.so",
    "libpcre2-8.so", "libmount.so", "libblkid.so", "libuuid.so", "libcap.so", "libffi.so",
    "libreadline.so", "libtinfo.so", "libbsd.so", "libmd.so", "libpng16.so", "libjpeg.so",
    "libharfbuzz.so", "libbrotlicommon.so", "libbrotlidec.so",
)
KEPT_QT_TRANSLATIONS = ("_zh_CN.qm",)
# Debug symbols are most of some libraries' size (libpython alone: 23 MB of 30); strip
# them where binutils' strip exists (not on Windows).
STRIP = sys.platform != "win32" and shutil.which("strip") is not None


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="where the bundle and artifacts go (default: dist)")
    parser.add_argument("--allow-dirty", action="store_true",
                        help="build even with uncommitted changes (the stamp says so)")
    args = parser.parse_args(argv)
    try:
        commit, clean = tree_state(ROOT)
        if not clean and not args.allow_dirty:
            print("build_installer: refusing to build from a working tree with uncommitted "
                  "or untracked changes (commit them, or pass --allow-dirty)", file=sys.stderr)
            return 2
        artifacts = build(args.out.resolve(), commit=commit, clean=clean)
    except BuildError as error:
        print(f"build_installer: {error}", file=sys.stderr)
        return 1
    for artifact in artifacts:
        print(artifact)
    return 0


def tree_state(root: Path) -> tuple[str, bool]:
    """(commit, clean) of the checkout at ``root``; not a checkout counts as not clean."""
    try:
        commit = _git(root, "rev-parse", "HEAD").strip()
        changes = _git(root, "status", "--porcelain", "--untracked-files=normal")
    except (OSError, subprocess.CalledProcessError):
        return "unknown", False
    return commit, changes.strip() == ""


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from inspector import __version__

    return __version__


def build(out: Path, *, commit: str, clean: bool) -> list[Path]:
    version = app_version()
    work = out / "build"
    bundle = out / APP_NAME
    for stale in (bundle, work):
        shutil.rmtree(stale, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir()
    stamp = work / "build.json"
    stamp.write_text(json.dumps({
        "version": version, "commit": commit, "clean_tree": clean,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "platform": f"{sys.platform}-{platform.machine().lower()}",
    }, indent=2) + "\n", encoding="utf-8")
    spec = work / f"{APP_NAME}.spec"
    spec.write_text(spec_text(stamp), encoding="utf-8")
    _run_pyinstaller(spec, out, work)
    if not (bundle / executable_name()).exists():
        raise BuildError(f"PyInstaller made no executable in {bundle}")
    artifacts: list[Path] = []
    if sys.platform.startswith("linux"):
        artifacts.append(linux_archive(out, bundle, version))
    elif sys.platform == "win32":
        artifacts.extend(windows_installer(out, bundle, version))
    write_checksums(out, artifacts)
    shutil.rmtree(work, ignore_errors=True)
    return [bundle, *artifacts, out / "SHA256SUMS"]


def executable_name() -> str:
    return f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME


def spec_text(stamp: Path) -> str:
    """The PyInstaller spec: one folder, trimmed, with our data files."""
    datas = [
        (ROOT / "resources", "resources"),
        (ROOT / "inspector" / "db" / "migrations", "inspector/db/migrations"),
        (stamp, "resources"),
    ]
    return f'''# Generated by build_installer.py: do not edit.
from PyInstaller.utils.hooks import collect_data_files

TRIMMED = {TRIMMED_FRAGMENTS!r}
SYSTEM_LIBRARIES = {SYSTEM_LIBRARIES!r}
KEPT_QT_TRANSLATIONS = {KEPT_QT_TRANSLATIONS!r}


def wanted(dest):
    path = "/" + dest.replace("\\\\", "/")
    if any(fragment in path for fragment in TRIMMED):
        return False
    if path.count("/") == 1 and path[1:].startswith(SYSTEM_LIBRARIES):
        return False
    if "/translations/" in path and path.endswith(".qm") and "/PySide6/" in path:
        return path.endswith(KEPT_QT_TRANSLATIONS)
    if path.endswith((".ts", ".mako")) and "/resources/" in path:
        return False
    return True


datas = {[(str(source), target) for source, target in datas]!r}
datas += collect_data_files("barcode")  # python-barcode's own font for the text under bars

a = Analysis(
    [{str(ROOT / "inspector" / "__main__.py")!r}],
    pathex=[{str(ROOT)!r}],
    datas=datas,
    hiddenimports=["alembic.op", "alembic.context", "alembic.runtime.migration",
                   "inspector.ui.app", "inspector.ui.tour"],
    excludes={list(EXCLUDED_MODULES)!r},
    noarchive=False,
)
a.binaries = [entry for entry in a.binaries if wanted(entry[0])]
a.datas = [entry for entry in a.datas if wanted(entry[0])]
pyz = PYZ(a.pure)
exe = EXE(
    pyz, a.scripts, [], exclude_binaries=True, name={APP_NAME!r},
    console={sys.platform != "win32"!r}, icon={_icon_for_exe()!r}, strip={STRIP!r},
)
coll = COLLECT(exe, a.binaries, a.datas, name={APP_NAME!r}, strip={STRIP!r})
'''


def _icon_for_exe() -> str | None:
    """Windows executables carry an .ico; elsewhere the desktop entry names the icon."""
    return str(ROOT / "build" / "inspector.ico") if sys.platform == "win32" else None


def _run_pyinstaller(spec: Path, out: Path, work: Path) -> None:
    if sys.platform == "win32":
        render_icon(ROOT / "build" / "inspector.ico", 256)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
               "WARN", "--distpath", str(out), "--workpath", str(work / "pyinstaller"),
               str(spec)]
    result = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONHASHSEED": "0"})
    if result.returncode != 0:
        raise BuildError("PyInstaller failed:\n" + (result.stderr or result.stdout)[-4000:])


def render_icon(target: Path, size: int) -> Path:
    """The SVG icon rasterised with Qt (PNG, or ICO on Windows) at ``size`` pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "inspector.svg"))
    if not renderer.isValid():
        raise BuildError("the icon resources/icons/inspector.svg does not render")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise BuildError(f"could not write the icon {target}")
    return target


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.0
Name=Inspector
Name[zh_CN]=现场检查与抽样
GenericName=Field inspection and sampling
GenericName[zh_CN]=双随机现场检查与抽样
Comment=Offline field inspections and product sampling for market regulation
Comment[zh_CN]=市场监管双随机抽查、现场检查与产品抽样（可离线）
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=Office;
StartupWMClass=inspector
"""

INSTALL_SCRIPT = """#!/bin/sh
# Registers Inspector for the current user: a menu entry and its icon. The app stays in
# this folder; the workspace lives in the user's data folder and survives reinstalls.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/inspector.png" "$icons/inspector.png"
sed "s|^Exec=.*|Exec=$here/inspector/inspector %F|" "$here/inspector.desktop" \\
    > "$apps/inspector.desktop"
echo "Inspector is in your applications menu (run $here/inspector/inspector directly too)."
"""


def linux_archive(out: Path, bundle: Path, version: str) -> Path:
    """A .tar.gz of the bundle with a desktop entry, its icon and ``install.sh``."""
    top = f"{APP_NAME}-{version}"
    icon = render_icon(out / "build" / "inspector.png", 256)
    entry = out / "build" / "inspector.desktop"
    entry.write_text(DESKTOP_ENTRY.format(exec="inspector/inspector", icon="inspector"),
                     encoding="utf-8")
    installer = out / "build" / "install.sh"
    installer.write_text(INSTALL_SCRIPT, encoding="utf-8")
    archive = out / f"{top}-linux-{platform.machine().lower()}.tar.gz"

    def executable(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.mode |= stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
        return info

    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname=f"{top}/{APP_NAME}")
        tar.add(entry, arcname=f"{top}/inspector.desktop")
        tar.add(icon, arcname=f"{top}/inspector.png")
        tar.add(installer, arcname=f"{top}/install.sh", filter=executable)
    return archive


def inno_setup_script(bundle: Path, version: str, out: Path) -> str:
    """Per-user install into the user's program folder; data stays in the user's folder."""
    return f"""; Generated by build_installer.py: do not edit.
[Setup]
AppId={APP_ID}
AppName=Inspector
AppVerName=Inspector {version}
AppVersion={version}
AppPublisher=Inspector team
PrivilegesRequired=lowest
DefaultDirName={{userpf}}\\Inspector
DefaultGroupName=Inspector
DisableProgramGroupPage=yes
OutputDir={out}
OutputBaseFilename=inspector-{version}-setup
SetupIconFile={ROOT / "build" / "inspector.ico"}
UninstallDisplayIcon={{app}}\\{executable_name()}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The program only: the workspace is in %LOCALAPPDATA%, which this installer never
; touches, so upgrades and uninstalls keep every inspection, photo and sample.
Source: "{bundle}\\*"; DestDir: "{{app}}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the previous version's program files, never the data folder.
Type: filesandordirs; Name: "{{app}}\\_internal"

[Icons]
Name: "{{group}}\\Inspector"; Filename: "{{app}}\\{executable_name()}"
Name: "{{group}}\\{{cm:UninstallProgram,Inspector}}"; Filename: "{{uninstallexe}}"

[Run]
Filename: "{{app}}\\{executable_name()}"; Description: "{{cm:LaunchProgram,Inspector}}"; \
Flags: nowait postinstall skipifsilent
"""


def windows_installer(out: Path, bundle: Path, version: str) -> list[Path]:
    script = out / "inspector.iss"
    script.write_text(inno_setup_script(bundle, version, out), encoding="utf-8-sig")
    compiler = shutil.which("ISCC") or next(
        (str(p) for p in (Path(os.environ.get("PROGRAMFILES(X86)", "C:/Program Files (x86)"))
                          / "Inno Setup 6" / "ISCC.exe",) if p.exists()), None)
    if compiler is None:
        print("build_installer: Inno Setup's ISCC.exe not found; wrote inspector.iss only",
              file=sys.stderr)
        return [script]
    result = subprocess.run([compiler, "/Q", str(script)], check=False,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError("Inno Setup failed:\n" + (result.stderr or result.stdout)[-4000:])
    return [script, out / f"inspector-{version}-setup.exe"]


def write_checksums(out: Path, artifacts: Sequence[Path]) -> Path:
    lines = []
    for artifact in artifacts:
        digest = hashlib.sha256()
        with artifact.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {artifact.name}\n")
    target = out / "SHA256SUMS"
    target.write_text("".join(lines), encoding="utf-8")
    return target


if __name__ == "__main__":
    sys.exit(main())
