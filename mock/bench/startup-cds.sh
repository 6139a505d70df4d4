#!/usr/bin/env bash
# Startup with and without an application class-data archive, alternated so both see the same load.
# Usage: mock/bench/startup-cds.sh [runs] [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}; PORT=${2:-18088}; ARCHIVE=$(mktemp -d)/mock.jsa

first_answer_ms() {
  local start end pid
  start=$(date +%s%N)
  java "$@" -jar mock/target/clinikapi-mock.jar --port "$PORT" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/health"; do sleep 0.005; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

# Record the archive: start, serve a create and a search, stop.
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -jar mock/target/clinikapi-mock.jar --port "$PORT" >/dev/null 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://localhost:$PORT/health"; do sleep 0.05; done
curl -s -o /dev/null -X POST "http://localhost:$PORT/v1/appointments" -H 'x-api-key: clk_test_archive_run' \
  -H 'Content-Type: application/json' -d '{"status":"proposed","patientId":"pat_1"}'
curl -s -o /dev/null "http://localhost:$PORT/v1/appointments?count=5" -H 'x-api-key: clk_test_archive_run'
kill "$pid"; wait "$pid" 2>/dev/null || true

for _ in $(seq "$RUNS"); do
  echo "plain $(first_answer_ms) ms, archived $(first_answer_ms -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off) ms"
done
