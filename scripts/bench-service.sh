#!/usr/bin/env bash
# Load test of 'claimrules serve' for docs/benchmarks.md, on loopback, bounded in count and time:
# generates N claims, starts the service with the given history (default: a fresh embedded H2 file),
# posts every claim once from 16 clients (rules-bench ServiceLoad), then stops it with SIGTERM.
#
#   scripts/bench-service.sh [count] [history-url] [clients] [seconds]
# Build first: mvn -B -q package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/rules-runner/target/claimrules.jar"
bench="$here/rules-bench/target/claimrules-bench.jar"
count="${1:-20000}"
work="$(mktemp -d)"
history="${2:-jdbc:h2:file:$work/history}"
clients="${3:-16}"
seconds="${4:-300}"
port=18089
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" generate --count "$count" --seed 1 --output "$work/claims.jsonl" 2>/dev/null
java -jar "$jar" serve --port "$port" --history "$history" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null && break; sleep 1; done
# Warm-up on a copy of the first 2000 claims under other claim IDs (they are scored, not measured).
head -n 2000 "$work/claims.jsonl" | sed 's/"claimId": *"/"claimId":"WARM-/' > "$work/warm.jsonl"
java -cp "$bench" org.claimrules.bench.ServiceLoad "http://127.0.0.1:$port" "$work/warm.jsonl" "$clients" 2000 60 >/dev/null
java -cp "$bench" org.claimrules.bench.ServiceLoad "http://127.0.0.1:$port" "$work/claims.jsonl" "$clients" "$count" "$seconds"
