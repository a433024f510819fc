#!/bin/sh
# Throughput of `nuage evaluate --format jsonl` on a million generated assessments (see BENCHMARKS.md).
#
#   bench/jsonl.sh [RUNS]        default 3 runs; prints each run and the median, in assessments/s
#
# NUAGE_BENCH_COUNT (default 1000000) sets the size of the file; NUAGE_BENCH_REGENERATE=1 rewrites
# it; NUAGE_BENCH_BUILD=1 runs `./mvnw -DskipTests package` first even when the CLI is built.
set -eu
cd "$(dirname "$0")/.."

runs=${1:-3}
count=${NUAGE_BENCH_COUNT:-1000000}
file=target/bench/assessments.jsonl

if [ "${NUAGE_BENCH_BUILD:-0}" = 1 ] || [ ! -f target/classes/fr/gouv/nuage/cli/NuageCli.class ] || [ ! -d target/cli-lib ]; then
  ./mvnw -q -DskipTests package
fi

lines() { wc -l < "$1" | tr -d ' '; }

if [ "${NUAGE_BENCH_REGENERATE:-0}" = 1 ] || [ ! -f "$file" ] || [ "$(lines "$file")" != "$count" ]; then
  # The generator lives with the benchmark sources, so it runs through the bench profile.
  ./mvnw -q -Pbench -DskipTests test-compile exec:exec \
    -Dbench.main=fr.gouv.nuage.bench.GenerateJsonl -Dbench.args="$file $count"
fi

n=$(lines "$file")
echo "file: $file, $n assessments, $(du -m "$file" | cut -f1) MB"
echo "command: ./nuage evaluate --format jsonl $file > /dev/null"

rates=""
i=1
while [ "$i" -le "$runs" ]; do
  start=$(date +%s%N)
  status=0
  ./nuage evaluate --format jsonl "$file" > /dev/null || status=$?
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then
    # jsonl exits 0 once every line is processed; anything else means the timing is of a failure.
    echo "run $i: nuage exited with status $status" >&2
    exit 1
  fi
  ms=$(( (end - start) / 1000000 ))
  rate=$(( n * 1000 / (ms > 0 ? ms : 1) ))
  echo "run $i: $ms ms, $rate assessments/s"
  rates="$rates $rate"
  i=$((i + 1))
done

median=$(printf '%s\n' $rates | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median: $median assessments/s (target >= 100000/s)"
