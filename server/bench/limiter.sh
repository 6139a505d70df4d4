#!/usr/bin/env bash
# Create throughput with the rate limiter on and off (issue 5), over loopback with wrk.
# Runs the packaged jar with a plan large enough that nothing is refused, so the difference is the
# cost of counting: in memory on H2, a Bucket4j row lock per request (or batch) on PostgreSQL.
#
# Usage: [ROUNDS=2] [WARMUP=30] bench/limiter.sh h2|postgres [seconds per measurement, default 20] [keys, default 1]
#   postgres needs DATASOURCES_DEFAULT_URL/_USERNAME/_PASSWORD of an empty scratch database, and
#   PG_POSTMASTER_PID (first line of the cluster's postmaster.pid) to report the database's CPU.
#   With more than one key, they are created with `keys create` and used in turn.
# Besides throughput and latency it reports CPU time per request (service JVM; PostgreSQL backends),
# which other work on a shared machine disturbs less than requests per second.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?h2 or postgres}
secs=${2:-20}
nkeys=${3:-1}
port=${PORT:-18091}
jar=target/clinikapi-server.jar
big_plan=(-Dclinikapi.plans.standard.requests-per-window=100000000 -Dclinikapi.plans.standard.window-seconds=3600)
keys_file=$(mktemp)
trap 'rm -f "$keys_file"' EXIT

if [ "$nkeys" -gt 1 ]; then
  [ "$db" = postgres ] || { echo "several keys need postgres (the H2 default lives in the service's memory)"; exit 2; }
  for i in $(seq 1 "$nkeys"); do
    java "${big_plan[@]}" -jar "$jar" keys create --tenant "bench$i" --mode test \
      --scopes appointments:read,appointments:write 2>/dev/null >>"$keys_file"
  done
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU seconds (user + system) used so far by a process, or by the children of one (PostgreSQL's backends).
cpu_of() { awk '{ t += $14 + $15 } END { printf "%d", t }' "$@" 2>/dev/null || echo 0; }
postgres_backends() {
  local postmaster=${PG_POSTMASTER_PID:-}
  [ -n "$postmaster" ] || return 0
  for stat in /proc/[0-9]*/stat; do
    [ "$(awk '{ print $4 }' "$stat" 2>/dev/null)" = "$postmaster" ] && echo "$stat"
  done
}

measure() { # limiter on|off
  local enabled=$1
  java "${big_plan[@]}" -Dclinikapi.rate-limit.enabled="$enabled" -Dmicronaut.server.port="$port" \
    -jar "$jar" >/tmp/clinikapi-limiter-bench.log 2>&1 &
  local pid=$!
  until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.1; done
  if [ "$nkeys" -gt 1 ]; then export BENCH_KEYS=$keys_file; else unset BENCH_KEYS; fi
  wrk -t2 -c32 -d"${WARMUP:-30}s" -s bench/create-keys.lua "http://127.0.0.1:$port/v1/appointments" >/dev/null   # warm-up (JIT)
  local ticks=$(getconf CLK_TCK) service_before db_before out requests service_cpu db_cpu
  service_before=$(cpu_of /proc/$pid/stat)
  db_before=$(cpu_of $(postgres_backends))
  out=$(wrk -t2 -c32 -d"${secs}s" --latency -s bench/create-keys.lua "http://127.0.0.1:$port/v1/appointments")
  service_cpu=$(( $(cpu_of /proc/$pid/stat) - service_before ))
  db_cpu=$(( $(cpu_of $(postgres_backends)) - db_before ))
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  echo "== $db, limiter enabled=$enabled, $nkeys key(s): POST /v1/appointments, wrk -t2 -c32 -d${secs}s"
  echo "$out" | grep -E '^ +(50|99)%|Requests/sec|Non-2xx|Socket errors|unexpected' | sort | uniq -c | sed 's/^ *1 //'
  echo "  CPU per request: service $(( service_cpu * 1000000 / ticks / requests )) µs, PostgreSQL backends $(( db_cpu * 1000000 / ticks / requests )) µs"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# Off and on alternate twice, so that a change in the machine's load hits both alike.
for round in $(seq 1 "${ROUNDS:-2}"); do
  measure false
  measure true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
