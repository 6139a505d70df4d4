#!/usr/bin/env bash
# Resident memory of the runnable mock with default settings, through what a shared sandbox meets:
# a compressed body of zeros without a key, the benchmark load (creates and reads), and a flood of
# fresh keys (a sandbox each). Prints the resident set (RSS, from /proc) before and after each.
# Needs wrk (apt-get install wrk). Usage: mock/bench/memory.sh [seconds per load, default 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_LOAD=${1:-30}; PORT=18084; URL="http://localhost:$PORT"
java ${MOCK_JAVA_OPTS:-} -jar mock/target/clinikapi-mock.jar --port "$PORT" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$URL/health"; do sleep 0.05; done

rss() { echo "$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"; }
sandboxes() { curl -s "$URL/__admin/clinikapi/sandboxes"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "started: RSS $(rss)"

# 1. 400 KB of gzip that inflates to 400 MB of zeros, no key.
bomb=$(mktemp); head -c 400000000 /dev/zero | gzip -9 > "$bomb"
echo "gzip body: $(stat -c %s "$bomb") bytes compressed"
curl -s -o /dev/null -w 'gzip body without key: HTTP %{http_code} in %{time_total} s\n' -X POST "$URL/v1/appointments" \
  -H 'Content-Type: application/json' -H 'Content-Encoding: gzip' --data-binary @"$bomb"
rm -f "$bomb"
echo "after the gzip body: RSS $(rss)"

# 2. The benchmark load: creates, then reads by id.
ID=$(curl -s -X POST "$URL/v1/appointments" -H 'x-api-key: clk_test_benchmark_key' -H 'Content-Type: application/json' \
  -d '{"status":"booked","patientId":"pat_1","start":"2026-12-01T09:00:00Z","minutesDuration":30}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
export APPOINTMENT_ID=$ID
echo "== creates, ${SECONDS_PER_LOAD}s"; wrk -t2 -c32 -d"${SECONDS_PER_LOAD}s" -s mock/bench/post.lua "$URL" | grep -E 'Requests/sec|p50'
echo "== reads, ${SECONDS_PER_LOAD}s"; wrk -t2 -c32 -d"${SECONDS_PER_LOAD}s" -s mock/bench/get.lua "$URL" | grep -E 'Requests/sec|p50'
echo "after the benchmark load: RSS $(rss), $(sandboxes)"

# 3. Fresh keys: the benchmark's create with a new key (a new sandbox) on every request.
echo "== fresh keys, ${SECONDS_PER_LOAD}s"
BENCH_KEY=clk_test_fresh BENCH_ROTATE=1 wrk -t2 -c32 -d"${SECONDS_PER_LOAD}s" -s bench/wrk/create.lua "$URL" \
  | grep -E 'requests in|Requests/sec|RESULT'
echo "after the fresh keys: RSS $(rss), $(sandboxes)"
