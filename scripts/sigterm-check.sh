#!/usr/bin/env bash
# Manual check of a stop by signal on a real run: scores a generated file, sends SIGTERM while it
# scores, and shows what was left: no file under the output's name, <output>.partial with complete
# lines only, and a summary that says how far the run got.
#
#   scripts/sigterm-check.sh [claims] [seconds-before-signal]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/rules-runner/target/claimrules.jar"
count="${1:-300000}"
wait="${2:-6}"
work="$(mktemp -d)"
java -jar "$jar" generate --count "$count" --seed 5 --output "$work/claims.jsonl.gz"
java -jar "$jar" score --input "$work/claims.jsonl.gz" --output "$work/results.jsonl" \
  --summary "$work/summary.json" --progress-every 1 &
pid=$!
sleep "$wait"
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
echo "exit status: $status"
ls -la "$work"
if [[ -f "$work/results.jsonl.partial" ]]; then
  python3 -c 'import json,sys; n=sum(1 for l in open(sys.argv[1]) if json.loads(l) is not None); print(n, "complete JSON lines in the partial output")' "$work/results.jsonl.partial"
fi
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print({k: s[k] for k in ("complete","stoppedAt","claimsRead","recordsWritten","results")})' "$work/summary.json"
