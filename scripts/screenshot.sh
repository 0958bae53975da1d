#!/usr/bin/env bash
# A screenshot of the desktop reader on its sample article, in a real X server (Xvfb): docs/screenshot.png
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || apt-get install -y -qq xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
# a demo library of its own (originals and spun copies), never the user's
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
UNSPIN_DATA_DIR="$demo" .venv/bin/python scripts/demo_library.py
UNSPIN_DATA_DIR="$demo" XDG_CONFIG_HOME="$demo" xvfb-run -a -s "-screen 0 1440x860x24" .venv/bin/reader --screenshot docs/screenshot.png
echo "saved docs/screenshot.png"
