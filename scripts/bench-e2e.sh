#!/usr/bin/env bash
# End-to-end throughput of `claimrules score` (docs/benchmarks.md, issue 16). From one invocation:
#   1. roundtrip   a plain Jackson read-and-write of the same file on one thread (the yardstick),
#   2. no-rules    the scoring pipeline without the rules (score --no-rules),
#   3. empty       score with a ruleset of no rules: the bundled one exported, every rule file
#                  removed (its tables and the declarations of types.drl stay), so every claim
#                  still gets its facts, a Drools session and a result: what no ruleset can beat,
#   4. threads-1   score --threads 1,
#   5. default     score with its defaults (one thread per core),
# each timed as a whole process with /usr/bin/time (wall, user, sys, peak RSS), then claims/s, the
# rate of the two scoring runs once warmed up, the ratios the issue sets targets for, and whether
# threads-1 and default wrote the same bytes.
# With GZIP=1 it also scores the gzip-compressed input to a gzip-compressed output. For the empty
# ruleset and the two scoring runs it also prints where the process's CPU went, by thread: the
# scoring threads, the JIT compiler threads, garbage collection and the rest (read from /proc every
# half second). The empty run's wall time includes compiling the folder's declarations (under a second).
# Every run uses $JAVA_HOME/bin/java when JAVA_HOME is set (java on the PATH otherwise) with the
# options in JAVA_OPTS, so that one JVM and one set of options is compared with another:
#
#   scripts/bench-e2e.sh [count] [workdir]          count: claims (default 200000); workdir: /tmp/claimrules-e2e
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 JAVA_OPTS=-XX:+UseCompactObjectHeaders scripts/bench-e2e.sh
#
# It builds nothing. Build first:  mvn -B -q package -DskipTests -pl rules-runner,rules-bench -am
# The input is generated once per count (generate --seed 7) into the work folder and reused.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/rules-runner/target/claimrules.jar"
bench="$here/rules-bench/target/claimrules-bench.jar"
count="${1:-200000}"
work="${2:-/tmp/claimrules-e2e}"
for j in "$jar" "$bench"; do
  [[ -f "$j" ]] || { echo "missing $j: build with  mvn -B -q package -DskipTests -pl rules-runner,rules-bench -am" >&2; exit 2; }
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a opts <<< "${JAVA_OPTS:-}"
mkdir -p "$work"
input="$work/claims-$count.jsonl"
if [[ ! -s "$input" ]]; then
  "$java" -jar "$jar" generate --count "$count" --seed 7 --output "$input.tmp" >&2
  mv "$input.tmp" "$input"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$java" -version 2>&1 | head -1) ${JAVA_OPTS:-}, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $input ($count claims, $(du -mL "$input" | cut -f1) MB)"
declare -A wall
polled=(empty threads-1 default)   # the runs whose CPU by thread is read and printed
# CPU seconds by thread of the JVM that /usr/bin/time runs, polled until it ends (the last half
# second of a thread that ends early can be missed): name-grouped totals into $work/$name.threads.
# Only bash builtins in the loop: a process per read would take a sixth of a core from the run.
threads() {
  set +e   # a thread that ends between two reads is not an error
  local out="$1" time_pid="$2" pid="" t s rest comm
  declare -A cpu=()
  while kill -0 "$time_pid" 2>/dev/null; do
    [[ -n "$pid" ]] || pid=$(pgrep -P "$time_pid" -n java || true)
    if [[ -n "$pid" ]]; then
      for t in /proc/"$pid"/task/*; do
        { read -r s < "$t/stat" && read -r comm < "$t/comm"; } 2>/dev/null || continue
        rest=${s##*) }
        read -r -a f <<< "$rest"
        cpu["$comm"$'\t'"${t##*/}"]=$(( f[11] + f[12] ))
      done
    fi
    sleep 0.5
  done
  for k in "${!cpu[@]}"; do printf '%s\t%s\n' "${cpu[$k]}" "${k%%$'\t'*}"; done | awk -F'\t' -v tck="$(getconf CLK_TCK)" '
    $2 ~ /^claimrules-scor/ { g = "scoring threads" } $2 ~ /CompilerThre/ { g = "JIT compiler threads" }
    $2 ~ /^(GC Thread|G1 )/ { g = "garbage collection" }
    !($2 ~ /^claimrules-scor|CompilerThre|^GC Thread|^G1 /) { g = "other threads" }
    { s[g] += $1 / tck }
    END { n = split("scoring threads,JIT compiler threads,garbage collection,other threads", order, ",")
          for (i = 1; i <= n; i++) printf "%s%s %.1f s", (i > 1 ? ", " : ""), order[i], s[order[i]] }' > "$out"
}
# run NAME COMMAND...: times the command; the polled runs also get their CPU by thread
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" &
  local time_pid=$! poll_pid=""
  if [[ " ${polled[*]} " == *" $name "* ]]; then
    threads "$work/$name.threads" "$time_pid" &
    poll_pid=$!
  fi
  wait "$time_pid" || [[ $? -eq 1 ]] || { echo "$name failed:"; tail -5 "$work/$name.err"; exit 1; }
  [[ -z "$poll_pid" ]] || wait "$poll_pid"
  # the last line: /usr/bin/time puts "Command exited with non-zero status 1" before it when
  # some records are error records (the generator writes a few invalid claims on purpose)
  read -r w u s m < <(tail -1 "$work/$name.time")
  wall[$name]=$w
  awk -v n="$name" -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v c="$count" \
    'BEGIN { printf "%-10s %7.2f s wall %7.2f s user %6.2f s sys %6.0f MB peak  %8.0f claims/s\n", n, w, u, s, m/1024, c/w }'
}
score=("$java" "${opts[@]}" -jar "$jar" score --input "$input")
# The scoring runs print a progress line every 2 s (to their .err file): the rate over the last
# third of those lines is the rate once the JIT has compiled the hot code (docs/benchmarks.md,
# "where a batch's time goes"); a run of 200,000 claims spends much of its time before that.
every=2
run roundtrip "$java" "${opts[@]}" -cp "$bench" org.claimrules.bench.JsonRoundTrip "$input" "$work/roundtrip.jsonl"
run no-rules "${score[@]}" --no-progress --output "$work/no-rules.jsonl" --no-rules
empty="$work/empty-ruleset"
rm -rf "$empty"
"$java" "${opts[@]}" -jar "$jar" rules export "$empty" >/dev/null
find "$empty/rules" -name '*.drl' ! -name types.drl -delete
run empty "${score[@]}" --progress-every "$every" --output "$work/empty.jsonl" --rules "$empty" --in-process
run threads-1 "${score[@]}" --progress-every "$every" --output "$work/threads-1.jsonl" --threads 1
run default "${score[@]}" --progress-every "$every" --output "$work/default.jsonl"
late() {
  grep -o 'scoring [0-9,]* of' "$work/$1.err" | tr -d ',' | awk -v n="$1" -v e="$every" '
    { c[NR] = $2 }
    END { if (NR < 3) { printf "%-10s too short for a late rate\n", n; exit }
          f = NR - int(NR / 3); printf "%-10s %8.0f claims/s over the last %d s of its progress lines\n", n, (c[NR] - c[f]) / ((NR - f) * e), (NR - f) * e }'
}
late empty
late threads-1
late default
for name in "${polled[@]}"; do printf '%-10s CPU by thread: %s\n' "$name" "$(cat "$work/$name.threads")"; done
if [[ "${GZIP:-0}" == 1 ]]; then
  # (gzip reads its own options from $GZIP, which is this script's switch)
  [[ -s "$input.gz" ]] || env -u GZIP gzip -1 -c "$input" > "$input.gz"
  run gzip "$java" "${opts[@]}" -jar "$jar" score --no-progress --input "$input.gz" --output "$work/default.jsonl.gz"
fi
ratio() { awk -v a="$2" -v b="$3" -v n="$1" -v t="$4" 'BEGIN { printf "%-40s %5.2f   (target %s)\n", n, b/a, t }'; }
echo "ratios (of claims/s):"
ratio "default / roundtrip" "${wall[default]}" "${wall[roundtrip]}" ">= 0.5"
ratio "no-rules / roundtrip" "${wall[no-rules]}" "${wall[roundtrip]}" "-"
ratio "empty / roundtrip" "${wall[empty]}" "${wall[roundtrip]}" "none: no ruleset gets above it"
ratio "default / threads-1" "${wall[default]}" "${wall[threads-1]}" ">= 1.6"
if cmp -s "$work/threads-1.jsonl" "$work/default.jsonl"; then
  echo "threads-1 and default wrote identical bytes"
else
  echo "threads-1 and default outputs DIFFER"; exit 1
fi
