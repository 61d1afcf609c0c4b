#!/usr/bin/env bash
# The Spark scaling measurement of docs/benchmarks.md: one input scored by 'claimrules score' and by
# the Spark job in local[1] and local[2], one after the other; checks that the three give the same
# result lines. Build first: mvn -B -q -pl rules-runner,rules-spark -am package -DskipTests
#
#   scripts/bench-spark.sh CLAIMS.jsonl [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
input="$1"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
measure() { # label, command...
    local label="$1"; shift
    echo "== $label (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    /usr/bin/time -f "$label: %e s elapsed, %U s user, %S s system, %M KB max RSS" "$@" 2>&1 \
        | grep -E "^$label:|^claims read|^partitions" || true
}
rm -rf "$work/cli.jsonl" "$work/local1" "$work/local2"
measure cli java -jar "$root/rules-runner/target/claimrules.jar" score --input "$input" --output "$work/cli.jsonl" --no-progress
measure local1 "$root/scripts/spark-score.sh" --master 'local[1]' --input "$input" --output "$work/local1"
measure local2 "$root/scripts/spark-score.sh" --master 'local[2]' --input "$input" --output "$work/local2"
sort "$work/cli.jsonl" > "$work/cli.sorted"
for run in local1 local2; do
    if cat "$work/$run"/part-* | sort | cmp -s - "$work/cli.sorted"; then
        echo "$run: the same $(wc -l < "$work/cli.sorted") result lines as claimrules score"
    else
        echo "$run: results DIFFER from claimrules score" >&2
        exit 1
    fi
done
