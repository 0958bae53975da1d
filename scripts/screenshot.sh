#!/usr/bin/env bash
# A screenshot of the desktop reader on its sample article, in a real X server (Xvfb): docs/screenshot.png
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || apt-get install -y -qq xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/reader --screenshot docs/screenshot.png
echo "saved docs/screenshot.png"
