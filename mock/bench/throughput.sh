#!/usr/bin/env bash
# Requests/s and latency of a validated POST and a GET by id against the jar, on loopback.
# Usage: mock/bench/throughput.sh [seconds-per-run] [warm-up-seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}; WARMUP=${2:-30}; PORT=18082; URL="http://localhost:$PORT"
java -jar mock/target/clinikapi-mock.jar --port "$PORT" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$URL/health"; do sleep 0.05; done

ID=$(curl -s -X POST "$URL/v1/appointments" -H 'x-api-key: clk_test_benchmark_key' \
  -H 'Content-Type: application/json' \
  -d '{"status":"booked","patientId":"pat_1","start":"2026-12-01T09:00:00Z","minutesDuration":30}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
export APPOINTMENT_ID=$ID

echo "== warm-up ${WARMUP}s (POST and GET)"
wrk -t2 -c32 -d"$((WARMUP / 2))s" -s mock/bench/post.lua "$URL" >/dev/null
wrk -t2 -c32 -d"$((WARMUP / 2))s" -s mock/bench/get.lua "$URL" >/dev/null
curl -s -X POST "$URL/__admin/clinikapi/reset" >/dev/null
ID=$(curl -s -X POST "$URL/v1/appointments" -H 'x-api-key: clk_test_benchmark_key' \
  -H 'Content-Type: application/json' \
  -d '{"status":"booked","patientId":"pat_1","start":"2026-12-01T09:00:00Z","minutesDuration":30}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
export APPOINTMENT_ID=$ID

echo "== validated POST /v1/appointments"
wrk -t2 -c32 -d"${DURATION}s" --latency -s mock/bench/post.lua "$URL"
echo "== GET /v1/appointments/{id}"
wrk -t2 -c32 -d"${DURATION}s" --latency -s mock/bench/get.lua "$URL"
