#!/usr/bin/env bash
# End-to-end benchmark of docs/benchmarks.md: generates N claims, then in the same run measures
# (1) the I/O baseline: the same pipeline reading, parsing and writing every claim back with the
#     same JSON library and threads, without rules (score --no-rules), and
# (2) score file to file with the rules,
# each under /usr/bin/time -v (wall time, CPU, peak RSS), and a cold-JVM single-claim run for the
# time to the first result.
#
#   scripts/bench-e2e.sh [count] [workdir] [extra JVM options...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/rules-runner/target/claimrules.jar"
count="${1:-1000000}"
work="${2:-$(mktemp -d)}"
shift 2 || true
jvm=("$@")
mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -f "$work/claims.jsonl.gz" ]] || java -jar "$jar" generate --count "$count" --seed 1 --output "$work/claims.jsonl.gz"
ls -la "$work/claims.jsonl.gz"
run() {
  local name="$1"; shift
  /usr/bin/time -f "$name: %e s wall, %U s user, %S s sys, %M KB peak RSS" "$@" 2>&1 \
    | grep -vE "WARN .*EvalCondition|^ +&&|^claimrules: (reading|scoring|writing)" || true
}
run baseline java "${jvm[@]}" -jar "$jar" score --input "$work/claims.jsonl.gz" --output "$work/baseline.jsonl.gz" --no-rules --no-progress
run score java "${jvm[@]}" -jar "$jar" score --input "$work/claims.jsonl.gz" --output "$work/results.jsonl.gz" --summary "$work/summary.json" --no-progress
zcat "$work/claims.jsonl.gz" | head -1 > "$work/one.jsonl" || true
for i in 1 2 3; do
  run "first result (cold JVM, 1 claim)" java "${jvm[@]}" -jar "$jar" score --input "$work/one.jsonl" --output - --no-progress
done
