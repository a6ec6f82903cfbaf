#!/usr/bin/env bash
# Runs each fuzz target for a short while (make fuzz) and prints how many inputs each ran.
#   scripts/fuzz-smoke.sh                  every target, about 10 s each
#   FUZZ_SECONDS=1800 FUZZ_RUNS=10000000 scripts/fuzz-smoke.sh geojson
#                                          one target, until 10 million inputs or 30 minutes
# One fuzz process at a time, at the lowest priority: the machine is shared. New inputs go to
# fuzz/corpus/TARGET (git-ignored), crashes to fuzz/artifacts/TARGET; fuzz/seeds is the
# committed starting point. A crash fails the script; keep its minimised input as a
# regression (tests/corpus/regressions/) once the library is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-fuzz.sh

seconds=${FUZZ_SECONDS:-10}
runs=${FUZZ_RUNS:--1}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(asset geojson programme indicator hash paths)

cd fuzz
# No sanitizer: the library has no unsafe code, and ASan would halve the speed. Overflow
# checks and debug assertions stay on (cargo fuzz's default without -O).
nice -n 19 cargo +nightly fuzz build -s none >&2

mkdir -p logs
status=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  extra=()
  [ -f "dicts/$target.dict" ] && extra+=("-dict=dicts/$target.dict")
  log="logs/$target.log"
  rm -f fuzz-0.log
  started=$(date +%s)
  if nice -n 19 cargo +nightly fuzz run -s none "$target" "corpus/$target" "seeds/$target" -- \
    -jobs=1 -workers=1 -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
  fi
  # With -jobs, libFuzzer writes the job's own output to fuzz-0.log.
  [ -f fuzz-0.log ] && cat fuzz-0.log >>"$log" && rm -f fuzz-0.log
  elapsed=$(($(date +%s) - started))
  executions=$(awk '/stat::number_of_executed_units/{n=$2} END{print n+0}' "$log")
  crashes=$(grep -cE '^(==[0-9]+== ERROR|.*deadly signal|.*ERROR: libFuzzer)' "$log" || true)
  summary+=("$(printf '%-10s %12s executions %6ss  %s' "$target" "$executions" "$elapsed" "$result")")
  if [ "$result" = FAILED ]; then
    echo "fuzz: $target failed ($crashes errors); see fuzz/$log and fuzz/artifacts/$target/" >&2
    grep -E 'panicked|Test unit written|ERROR' "$log" | head -5 >&2 || true
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
