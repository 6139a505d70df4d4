#!/usr/bin/env bash
# Time from launching the mock's jar to its first answer (GET /health), N times.
# Usage: mock/bench/startup.sh [runs] [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}; PORT=${2:-18081}
for _ in $(seq "$RUNS"); do
  start=$(date +%s%N)
  java -jar mock/target/clinikapi-mock.jar --port "$PORT" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/health"; do sleep 0.005; done
  end=$(date +%s%N)
  echo "first answer after $(( (end - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
