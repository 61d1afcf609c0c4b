#!/usr/bin/env bash
# Renders a score --report page in headless Chromium (Debian's package: apt-get install -y chromium)
# and writes a PNG screenshot, so a person can look at the charts. Network is not needed: the page
# is self-contained, and Chromium's background networking is switched off.
#
#   scripts/render-report.sh report.html report.png      (HEIGHT=2600 for a taller window; default 2000)
#
# With no report given, it generates 20,000 claims, scores them and renders the report.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/rules-runner/target/claimrules.jar"
report="${1:-}"
png="${2:-report.png}"
if [[ -z "$report" ]]; then
  work="$(mktemp -d)"
  java -jar "$jar" generate --count 20000 --seed 1 --output "$work/claims.jsonl.gz"
  java -jar "$jar" score --input "$work/claims.jsonl.gz" --output "$work/results.jsonl.gz" \
    --summary "$work/summary.json" --report "$work/report.html" --no-progress || [[ $? -eq 1 ]]
  report="$work/report.html"
fi
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$(realpath -m "$png")" --window-size=1280,${HEIGHT:-2000} "file://$(realpath "$report")" 2>/dev/null
echo "rendered $report to $png"
