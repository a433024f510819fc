# Sourced by the load scripts: the build's jar (built when absent), wrk checked, and a Nuage started
# on $port with a throwaway embedded database in $data, stopped on exit; waits for it to answer.
jar=$(ls target/nuage-*-exec.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  ./mvnw -q -DskipTests package
  jar=$(ls target/nuage-*-exec.jar | head -n 1)
fi
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

data=$(mktemp -d)

start_server() {
  NUAGE_DATA_DIR="$data" java -Xms1g -Xmx1g -XX:+UseParallelGC -jar "$jar" --server.port="$port" \
    --logging.level.root=warn > "$data/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2> /dev/null; wait $server 2> /dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1 && break
    sleep 1
  done
}
