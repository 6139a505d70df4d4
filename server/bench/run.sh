#!/usr/bin/env bash
# Throughput of create, read and search over loopback with wrk (apt-get install wrk).
# Starts the jar on the embedded default (or on DATASOURCES_DEFAULT_* if set), warms up, measures.
# Usage: bench/run.sh [seconds per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18090}
secs=${1:-10}
key='x-api-key: clk_test_localdevkey'
MICRONAUT_SERVER_PORT=$port java -jar target/clinikapi-server.jar >/tmp/clinikapi-bench.log 2>&1 &
pid=$!
trap 'kill $pid' EXIT
until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.1; done
base="http://localhost:$port"

# One appointment to read, and a patient with 50 appointments to search (realistic page + total).
id=$(curl -s -X POST "$base/v1/appointments" -H "$key" -H 'Content-Type: application/json' \
  -d '{"status":"proposed","patientId":"pat_read"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
for i in $(seq 1 50); do
  curl -s -o /dev/null -X POST "$base/v1/appointments" -H "$key" -H 'Content-Type: application/json' \
    -d "{\"status\":\"booked\",\"patientId\":\"pat_search\",\"start\":\"2026-12-01T09:$(printf %02d $i):00Z\",\"minutesDuration\":15}"
done

run() { # name, wrk arguments...
  local name=$1; shift
  wrk -t2 -c32 -d10s "$@" >/dev/null                      # warm-up
  echo "== $name"; wrk -t2 -c32 -d"${secs}s" --latency "$@" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors'
}
run "create  POST /v1/appointments" -s bench/create.lua "$base/v1/appointments"
run "read    GET /v1/appointments/{id}" -s bench/read.lua "$base" -- "$id"
run "search  GET /v1/appointments?patientId=…&count=20 (50 matches)" -H "$key" "$base/v1/appointments?patientId=pat_search&count=20"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
