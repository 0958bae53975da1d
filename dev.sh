#!/usr/bin/env bash
# Set-up and everyday commands. Each command installs what it needs first (idempotent, quick when done).
#   ./dev.sh run [ARGS]   open the app (no ARGS: on the bundled sample article)
#   ./dev.sh test         ruff, mypy and the whole test suite
#   ./dev.sh check FILE   the engine headless (same as: .venv/bin/reader check FILE)
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}

ensure_venv() {
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  local stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[dev]'
    touch "$stamp"
  fi
}

ensure_wordnet() {
  # nltk's data path first, then a system WordNet; on Debian as root, install the system one.
  if .venv/bin/python -m reader.core.wordnet_data --quiet; then return 0; fi
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's WordNet (wordnet-base, wordnet-sense-index)..."
    (apt-get install -y -qq wordnet-base wordnet-sense-index >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq wordnet-base wordnet-sense-index >/dev/null; })
  fi
  .venv/bin/python -m reader.core.wordnet_data
}

ensure_gui_libs() {
  # Qt's xcb platform needs a few X libraries that a minimal Debian lacks.
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
     && ! ldconfig -p | grep -q libxcb-cursor.so.0; then
    apt-get install -y -qq libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 >/dev/null 2>&1 || true
  fi
}

cmd=${1:-run}
shift || true
ensure_venv
ensure_wordnet
case "$cmd" in
  run)
    ensure_gui_libs
    exec .venv/bin/reader "$@" ;;
  check)
    exec .venv/bin/reader check "$@" ;;
  test)
    .venv/bin/ruff check reader tests benchmarks
    .venv/bin/mypy
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
  *)
    echo "usage: ./dev.sh [run [FILE] | test | check FILE]" >&2; exit 2 ;;
esac
