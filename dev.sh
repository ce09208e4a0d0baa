#!/usr/bin/env bash
# Inspector's one entry point for a fresh Debian/Ubuntu machine with python3.
#
#   bash dev.sh demo    set everything up, then open the app on the demo workspace
#   bash dev.sh test    set everything up, then run every check and test (what CI runs)
#   bash dev.sh setup   set everything up only
#
# Setup installs the Debian packages Qt and the tests need (as root, or through sudo
# when it needs no password; otherwise it lists them and carries on), creates .venv
# with the project and its extras, and compiles the translations. It is idempotent
# and skips what is already in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

# Qt offscreen rendering and pytest-qt, plus a CJK font so Chinese is not drawn as boxes.
APT_QT=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-wqy-microhei)
# A real window (xcb) and a virtual screen for machines without one.
APT_WINDOW=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
            libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 xvfb xauth)

# The central platform's tests run against a real PostgreSQL too (a throwaway cluster).
APT_TEST=(postgresql poppler-utils  # pdftotext/pdffonts read our PDFs back
          binutils)  # PyInstaller reads and strips the libraries it bundles

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

install_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install the Qt runtime libraries yourself"; return 0; }
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      runner=(sudo -n)
    else
      say "These Debian packages are needed but I cannot install them without root:"
      echo "    sudo apt-get install -y --no-install-recommends $(echo $missing)" >&2
      say "Continuing without them; Qt may fail to start or draw Chinese as boxes."
      return 0
    fi
  fi
  say "Installing Debian packages: $(echo $missing)"
  export DEBIAN_FRONTEND=noninteractive
  "${runner[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  "${runner[@]}" apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

ensure_python() {
  command -v python3 >/dev/null 2>&1 || { say "python3 is required"; exit 1; }
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    say "Python 3.11 or newer is required (found $(python3 --version))"; exit 1; }
  if [ ! -x "$PY" ]; then
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
      install_packages python3-venv
    fi
    say "Creating $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.inspector-installed"
  local want
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing Inspector and its dependencies into .venv"
    "$PY" -m pip install --quiet --upgrade pip >/dev/null
    "$PY" -m pip install --quiet -e ".[dev,central]"
    echo "$want" > "$stamp"
  fi
}

compile_translations() {
  local ts
  for ts in resources/i18n/*.ts; do
    [ -e "$ts" ] || continue
    local qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
    fi
  done
}

setup() {
  install_packages "${APT_QT[@]}"
  ensure_python
  compile_translations
}

PG_DIR=""
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    say "PostgreSQL is not installed: the central platform's PostgreSQL tests cannot run"
    return 1
  fi
  PG_DIR=$(mktemp -d /tmp/inspector-pg.XXXXXX)
  local port as=()
  port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"   # initdb refuses to run as root
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-k $PG_DIR -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_CTL=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop)
  export INSPECTOR_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on port $port (throwaway cluster)"
}

stop_postgres() {
  if [ -n "$PG_DIR" ]; then
    "${PG_CTL[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  local status=0
  start_postgres || status=1
  trap stop_postgres EXIT
  say "ruff";         "$VENV/bin/ruff" check inspector tests benchmarks build_installer.py || status=1
  say "mypy";         "$VENV/bin/mypy" || status=1
  say "import-linter (layer contracts)"; "$VENV/bin/lint-imports" || status=1
  say "tests: core, database, services, command line"
  "$PY" -m pytest -q -p no:cacheprovider tests/unit tests/db tests/integration || status=1
  # The platform's tests and the laptop's sync tests spend much of their time waiting
  # on sockets and on PostgreSQL: they run side by side, each printing when done.
  say "tests: central platform, and the laptop's sync against it (SQLite and PostgreSQL)"
  local logs central_pid sync_pid
  logs=$(mktemp -d)
  "$PY" -m pytest -q -p no:cacheprovider tests/central >"$logs/central" 2>&1 & central_pid=$!
  "$PY" -m pytest -q -p no:cacheprovider tests/sync >"$logs/sync" 2>&1 & sync_pid=$!
  wait "$central_pid" || status=1
  say "central platform:"; cat "$logs/central"
  wait "$sync_pid" || status=1
  say "laptop sync:"; cat "$logs/sync"
  rm -rf "$logs"
  say "tests: user interface (pytest-qt, offscreen)"
  "$PY" -m pytest -q -p no:cacheprovider tests/ui || status=1
  # Its own stage: building the frozen bundle takes minutes and would hold up the rest.
  say "tests: the frozen bundle (build_installer.py, then the bundle's --version and tour)"
  LANG=C.UTF-8 "$PY" -m pytest -q -p no:cacheprovider tests/bundle || status=1
  if [ "$status" -ne 0 ]; then say "FAILED"; else say "all checks passed"; fi
  return "$status"
}

command=${1:-}
case "$command" in
  setup) setup ;;
  test) install_packages "${APT_TEST[@]}"; setup; run_tests ;;
  demo)
    install_packages "${APT_WINDOW[@]}"
    setup
    shift
    exec "$VENV/bin/inspector" demo "$@"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
