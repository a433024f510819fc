#!/bin/sh
# Load on POST /api/v1/decisions over loopback (see BENCHMARKS.md): starts Nuage from the build on a
# free port with a throwaway embedded database, warms it up, then runs wrk and stops the server.
#
#   bench/decisions-load.sh [SECONDS] [CONNECTIONS]     defaults: 30 s, 16 connections, 2 threads
#
# Needs Debian's wrk (apt-get install wrk). The assessment posted is the example of the repository.
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-30}
connections=${2:-16}
port=${NUAGE_BENCH_PORT:-18080}
. bench/server.sh
body=$(tr -d '\n' < src/main/resources/doctrine/examples/sensitive-on-commercial.json)
script="$data/post.lua"
cat > "$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$body]]
LUA

start_server
curl -fs -X POST -H 'Content-Type: application/json' --data "$body" \
  "http://127.0.0.1:$port/api/v1/decisions" > /dev/null || { echo "the server does not answer" >&2; exit 1; }

echo "warm-up: 20 s"
wrk -t2 -c"$connections" -d20s -s "$script" "http://127.0.0.1:$port/api/v1/decisions" > /dev/null
# The server's CPU time (user + system, in clock ticks) around the measured run: on a machine
# slower or busier than usual, CPU per request compares builds better than requests/s.
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
before=$(ticks)
echo "command: wrk -t2 -c$connections -d${seconds}s --latency -s post.lua http://127.0.0.1:$port/api/v1/decisions"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/api/v1/decisions" \
  | tee "$data/wrk.txt"
after=$(ticks)
requests=$(awk '/requests in/ { print $1 }' "$data/wrk.txt")
awk -v t=$((after - before)) -v r="$requests" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { if (r > 0) printf "server CPU per request: %.2f ms\n", t * 1000 / hz / r }'
