#!/usr/bin/env bash
# Time from launching the jar to the first 200 from /health, in milliseconds. Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18090}
for run in $(seq 1 "${1:-3}"); do
  start=$(date +%s%N)
  MICRONAUT_SERVER_PORT=$port java -jar target/clinikapi-server.jar >/dev/null 2>&1 &
  pid=$!
  until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.02; done
  echo "run $run: $(( ($(date +%s%N) - start) / 1000000 )) ms to first 200 from /health"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
