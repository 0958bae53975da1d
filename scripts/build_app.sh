#!/usr/bin/env bash
# Build the desktop app with PyInstaller and smoke-test the result headless.
#   scripts/build_app.sh            ->  dist/unspin/unspin (one folder; run it, or install the .desktop entry)
# Checks: `unspin check` on the sample gives the same suggestions as the source tree; the GUI starts and exits
# cleanly on --self-test (offscreen); prints the folder's size and the built app's cold start time.
set -euo pipefail
cd "$(dirname "$0")/.."
./dev.sh check --help >/dev/null 2>&1 || true   # makes sure .venv and WordNet are ready
.venv/bin/python -m pip install -q 'pyinstaller>=6'
env -u NLTK_DATA .venv/bin/pyinstaller build.spec --noconfirm --log-level WARN
app=dist/unspin/unspin
sample=resources/sample/sample_article.txt
[ -f "$sample" ] || sample=../shared/corpus/seed_spun_article.txt
tmp=$(mktemp -d)
"$app" check "$sample" --json > "$tmp/frozen.json"
.venv/bin/reader check "$sample" --json > "$tmp/source.json"
.venv/bin/python - "$tmp/frozen.json" "$tmp/source.json" <<'PY'
import json, sys
frozen, source = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert frozen["suggestions"] == source["suggestions"], "the built app disagrees with the source tree"
print(f"check: built app and source tree agree ({len(frozen['suggestions'])} suggestions)")
PY
start=$(date +%s%N)
QT_QPA_PLATFORM=offscreen "$app" --self-test
end=$(date +%s%N)
echo "self-test (start, analyse the sample, exit): $(( (end - start) / 1000000 )) ms"
echo "size: $(du -sh dist/unspin | cut -f1)"
rm -rf "$tmp"
