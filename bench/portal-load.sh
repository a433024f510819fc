#!/bin/sh
# Load on the public portal's pages over loopback (see BENCHMARKS.md): starts Nuage from the build on a
# free port with a throwaway embedded database, warms it up, then, for each page, 50 users with wrk:
# each user (a connection) asks for the page, reads it for a moment (a think time drawn between 0.5 and
# 1.5 s) and asks again, so that 50 people browse at once. Prints each page's latency percentiles (p50,
# p95, p99, in ms) and the answers that were not 200; then the same pages without think time, to show
# what the machine serves at saturation.
#
#   bench/portal-load.sh [SECONDS] [USERS]     defaults: 20 s per page, 50 users, 2 threads
#
# Needs Debian's wrk (apt-get install wrk).
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-20}
users=${2:-50}
port=${NUAGE_BENCH_PORT:-18081}
. bench/server.sh
# The result page for a sensitive project on a commercial cloud: every rule decided, offers ranked.
result='/auto-evaluation/resultat?entity.kind=STATE_ADMINISTRATION&project.stage=NEW&project.fullCostEur=2500000&project.solution=CLOUD&hosting.class=COMMERCIAL&hosting.dataLocation=EU&data.personal=true&data.legalSecrets=MEDICAL_SECRECY&data.health=true&data.breachImpacts=HEALTH_OR_LIFE&data.marking=NONE'
pages="/ /doctrine/6404-SG /doctrine/6404-SG/R9 /doctrine/evolutions /catalogue /catalogue?class=COMMERCIAL_TRUSTED /catalogue/outscale-iaas $result"

for think in 1 0; do
  script="$data/think-$think.lua"
  if [ "$think" = 1 ]; then
    cat > "$script" <<'LUA'
function delay() return math.random(500, 1500) end
LUA
  else
    : > "$script"
  fi
  cat >> "$script" <<'LUA'
done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("  %d requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, not 200: %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad))
end
LUA
done

start_server
for page in $pages; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$page" || { echo "GET $page does not answer 200" >&2; exit 1; }
done

echo "warm-up: 10 s per page"
for page in $pages; do
  wrk -t2 -c16 -d10s "http://127.0.0.1:$port$page" > /dev/null
done
echo "$users users, think time 0.5–1.5 s, ${seconds} s per page: wrk -t2 -c$users -d${seconds}s -s think-1.lua URL"
for page in $pages; do
  echo "GET $page"
  wrk -t2 -c"$users" -d"${seconds}s" -s "$data/think-1.lua" "http://127.0.0.1:$port$page" | sed -n '/requests, /p'
done
echo "saturation, no think time, 10 s per page: wrk -t2 -c$users -d10s URL"
for page in $pages; do
  echo "GET $page"
  wrk -t2 -c"$users" -d10s -s "$data/think-0.lua" "http://127.0.0.1:$port$page" | sed -n '/requests, /p'
done
