#!/usr/bin/env bash
# Reference point, measured in the same conditions as throughput.sh: stock WireMock 3.13.2
# (the standalone jar the mock is built on) serving one static JSON stub, journal off.
# Usage: mock/bench/anchor.sh [seconds-per-run] [warm-up-seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}; WARMUP=${2:-30}; PORT=18083; URL="http://localhost:$PORT"
JAR=~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
java -jar "$JAR" --port "$PORT" --no-request-journal --disable-banner >/dev/null 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$URL/__admin/health"; do sleep 0.05; done
curl -s -X POST "$URL/__admin/mappings" -d '{"request": {"method": "GET", "url": "/static"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"},
  "body": "{\"data\": {\"id\": \"appt_8Jq2mXkR4vTn\", \"status\": \"booked\", \"patientId\": \"pat_abc123\"}}"}}' >/dev/null
echo "== warm-up ${WARMUP}s"
wrk -t2 -c32 -d"${WARMUP}s" "$URL/static" >/dev/null
echo "== stock WireMock, static GET stub"
wrk -t2 -c32 -d"${DURATION}s" --latency "$URL/static"
