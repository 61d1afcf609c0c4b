#!/usr/bin/env bash
# One member whose claims interleave in time (consecutive claims far apart, dates spread over five
# years): scores N claims of that one member for each N given and prints wall and CPU time, so that
# the cost per claim can be compared across sizes (docs/benchmarks.md, "One large member").
# Needs python3 and rules-runner/target/claimrules.jar. Usage: scripts/bench-member.sh DIR [N...]
set -euo pipefail
dir=${1:?usage: scripts/bench-member.sh DIR [N...]}
shift
sizes=("${@:-4000 16000 50000}")
jar=$(cd "$(dirname "$0")/.." && pwd)/rules-runner/target/claimrules.jar
mkdir -p "$dir"
for n in ${sizes[@]}; do
  python3 - "$n" "$dir/member-$n.jsonl" <<'PY'
import datetime, json, sys
n, path = int(sys.argv[1]), sys.argv[2]
start, span = datetime.date(2020, 1, 1), 5 * 365
with open(path, "w") as f:
    for i in range(n):
        day = start + datetime.timedelta(days=(i * 7919) % span)
        f.write(json.dumps({
            "claimId": f"M{n}-{i:06d}", "payer": {"profile": "MEDICARE", "mac": "CGS_J15"},
            "billingProvider": {"npi": "1234567893", "role": "PRACTITIONER"}, "placeOfService": "11",
            "patient": {"memberId": "M-BIG", "birthDate": "1957-05-14", "sex": "F"}, "diagnoses": ["M47.816"],
            "lines": [{"lineNumber": 1, "procedureCode": "64493", "modifiers": ["KX"], "units": 1,
                       "serviceDate": day.isoformat(), "diagnosisPointers": [1], "charge": 100.0}],
            "clinical": {"intent": "DIAGNOSTIC", "technique": "MEDIAL_BRANCH_BLOCK", "imagingGuidance": "FLUOROSCOPY",
                         "levels": ["L3-L4"], "laterality": "RIGHT", "painDurationMonths": 6,
                         "conservativeCareFailed": True, "untreatedRadiculopathy": False}}) + "\n")
PY
  echo "== $n claims of one member (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" \
    java -jar "$jar" score --input "$dir/member-$n.jsonl" --output "$dir/results-$n.jsonl" --no-progress
done
