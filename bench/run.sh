#!/usr/bin/env bash
# The benchmark: the service on PostgreSQL and on H2, and the partner mock, each figure next to a
# ceiling measured in the same run (pgbench running the service's own SQL for the database, the
# keyless path for the service's HTTP stack, stock WireMock for the mock). Writes a Markdown table.
#
# Usage (from anywhere; build first: ./mvnw -B -DskipTests package):
#   bench/run.sh                 # rows 10,000 / 100,000 / 1,000,000, 10 s per measurement (about 20 min)
#   bench/run.sh --smoke         # 2,000 rows, 1 s per measurement: proves the command works (CI)
#   SIZES="10000" SECONDS_PER_RUN=20 bench/run.sh
# Needs: wrk, PostgreSQL 15 server binaries with pgbench (apt-get install wrk postgresql), JDK 17,
# npm (Stoplight Prism, the generic OpenAPI mock, is installed from bench/prism's lockfile).
# Runs everything on loopback, starts its own private PostgreSQL cluster, stops all it started.
# Nothing else should run on the machine meanwhile; the load average is recorded before each scenario.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP=${WARMUP:-10}
if [ "${1:-}" = "--smoke" ]; then SIZES="2000"; SECONDS_PER_RUN=1; WARMUP=1; fi
OUT=${OUT:-target/bench}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=55440; SERVICE_PORT=18190; MOCK_PORT=18191; WIREMOCK_PORT=18192; PRISM_PORT=18194
export CLINIKAPI_MANAGEMENT_PORT=18193
SERVER_JAR=server/target/clinikapi-server.jar
MOCK_JAR=mock/target/clinikapi-mock.jar
WIREMOCK_JAR=${WIREMOCK_JAR:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar}
# Auth and rate limiting stay on; the plan is only wide enough that the load is never refused.
BIG_PLAN=(-Dclinikapi.plans.standard.requests-per-window=1000000000 -Dclinikapi.plans.standard.window-seconds=3600)
# The options the README's start commands set: the heap (JVM defaults would size it to a quarter of
# RAM) and the class-data archive the build made for the jar.
read -r -a SERVICE_JAVA_OPTS <<<"${SERVICE_JAVA_OPTS:--XX:SharedArchiveFile=server/target/clinikapi-server.jsa -Xmx256m}"
read -r -a MOCK_JAVA_OPTS <<<"${MOCK_JAVA_OPTS:--XX:SharedArchiveFile=mock/target/clinikapi-mock.jsa -Xmx256m}"
export CLINIKAPI_CURSOR_SECRET=bench-cursor-secret-not-for-production-0123456789

for tool in wrk "$PG_BIN/pgbench" "$PG_BIN/initdb" java curl npm; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install wrk postgresql npm)"; exit 2; }
done
for jar in "$SERVER_JAR" "$MOCK_JAR" "$WIREMOCK_JAR"; do
  [ -f "$jar" ] || { echo "missing: $jar (./mvnw -B -DskipTests package)"; exit 2; }
done

# Prism from the committed lockfile, outside $OUT so that a run reuses it (npm ci: exact versions,
# integrity-checked).
PRISM_DIR=target/bench-tools/prism
if ! cmp -s bench/prism/package-lock.json "$PRISM_DIR/package-lock.json" || [ ! -x "$PRISM_DIR/node_modules/.bin/prism" ]; then
  rm -rf "$PRISM_DIR"; mkdir -p "$PRISM_DIR"; cp bench/prism/package.json bench/prism/package-lock.json "$PRISM_DIR/"
  (cd "$PRISM_DIR" && npm ci --no-audit --no-fund --silent)
fi

rm -rf "$OUT"; mkdir -p "$OUT"
RESULTS=$OUT/results.md
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -d "$OUT/pg" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$OUT/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
# Resident memory, and how much of it is the process's own (anonymous: heap, metaspace, threads)
# rather than mapped files (the jar, the JDK's and the application's class-data archives, which the
# kernel shares and can drop).
rss_mib() { awk '/VmRSS/ {t = $2} /RssAnon/ {a = $2} END {printf "%d MiB (%d MiB anonymous)", t / 1024, a / 1024}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

# Starts a command in the background and waits for its first 200 from a URL; prints "pid ms".
start_and_wait() {
  local url=$1 log=$2; shift 2
  local t0; t0=$(now_ms)
  "$@" >"$log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "did not start: $*; see $log" >&2; exit 1; }
    sleep 0.02
  done
  echo "$pid $(( $(now_ms) - t0 ))"
}

# One wrk measurement after a warm-up, 32 connections; prints "rps p50 p99 non2xx socketerrors".
measure() {
  local script=$1 url=$2
  wrk -t2 -c32 -d"${WARMUP}s" -s "bench/wrk/$script" "$url" >/dev/null
  # wrk stops with 32 requests in flight that the server still works on; without a pause the next
  # 32 connections find up to 64 in flight, and the service's admission limit (48) answers 503.
  sleep 1
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s "bench/wrk/$script" "$url" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

# The latency of one client alone, right after the same scenario at 32 connections warmed it up: at
# 32 connections on two cores a request mostly waits behind the other 31 (p50 ≈ 32 / throughput),
# so the query's own time shows here. Prints the same fields as measure.
measure_alone() {
  local script=$1 url=$2
  sleep 1
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -s "bench/wrk/$script" "$url" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

# pgbench with the service's SQL; prints transactions/s.
pgbench_tps() {
  local script=$1; shift
  runuser -u postgres -- "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -n -c 32 -j 2 -T "$SECONDS_PER_RUN" "$@" \
    -f "$OUT/$script" bench 2>>"$OUT/pgbench.log" | awk '/^tps/ {printf "%.1f", $3}'
}

row() { echo "| $* |" >>"$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "-" }'; }
scenario() { # target rows name script url ceiling-name ceiling-value; MEASURE=measure_alone for one client
  local target=$1 rows=$2 name=$3 script=$4 url=$5 cname=$6 cvalue=$7 before
  before=$(load)
  read -r rps p50 p99 non2xx sockerr <<<"$("${MEASURE:-measure}" "$script" "$url")"
  row "$target | $rows | $name | $rps | $p50 | $p99 | $non2xx / $sockerr | $cname $cvalue | $(ratio "$rps" "$cvalue") | $before"
  echo "$target $rows $name: $rps/s p50 $p50 ms p99 $p99 ms (non-2xx $non2xx) vs $cname $cvalue"
  # A figure made of refusals or broken connections measures nothing: the run fails.
  if [ "${non2xx:-1}" != 0 ] || [ "${sockerr:-1}" != 0 ]; then
    echo "REFUSED: $target $rows $name answered $non2xx non-2xx, $sockerr socket errors" | tee -a "$OUT/refusals.txt"
  fi
}

{
  echo "# Benchmark results"
  echo
  echo "Taken $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(java -version 2>&1 | head -1), $("$PG_BIN/postgres" --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2);"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown). wrk -t2 -c32, ${WARMUP} s warm-up then ${SECONDS_PER_RUN} s"
  echo "measured, per scenario. Latencies in ms. \"load\" is the 1-minute load average before the scenario."
  echo
  echo "| target | rows | scenario | requests/s | p50 | p99 | non-2xx / socket errors | ceiling (same run) | ratio | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$RESULTS"

# ---- PostgreSQL: a private cluster with default settings -------------------------------------
mkdir -p "$OUT/pg"; chown postgres "$OUT/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$OUT/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$OUT/pg" -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" \
  -l "$OUT/pg/server.log" -w start >/dev/null
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench"
export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=

psql() { command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

for rows in $SIZES; do
  big=$(( rows * 6 / 10 ))
  psql -d postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
  # The key (and the schema: the keys command migrates first), then the rows, no ANALYZE.
  key=$(DATASOURCES_DEFAULT_URL=$DB_URL java "${BIG_PLAN[@]}" -jar "$SERVER_JAR" keys create --tenant bench --mode test \
        --scopes appointments:read,appointments:write 2>/dev/null | grep -o 'clk_test_[A-Za-z0-9_-]*' | head -1)
  [ -n "$key" ] || { echo "keys create gave no key"; exit 1; }
  t0=$(now_ms); psql -d bench -v rows="$rows" -f bench/sql/generate.sql
  echo "generated $rows rows in $(( $(now_ms) - t0 )) ms"
  sed "s/:big/$big/" bench/sql/read.pgbench >"$OUT/read.pgbench"; cp bench/sql/create.pgbench "$OUT/create.pgbench"
  chmod a+r "$OUT"/*.pgbench

  read -r pid started <<<"$(start_and_wait "http://127.0.0.1:$SERVICE_PORT/health" "$OUT/service-pg-$rows.log" \
      env DATASOURCES_DEFAULT_URL=$DB_URL MICRONAUT_SERVER_PORT=$SERVICE_PORT java "${SERVICE_JAVA_OPTS[@]}" "${BIG_PLAN[@]}" -jar "$SERVER_JAR")"
  pids+=("$pid")
  export BENCH_KEY=$key BENCH_BIG=$big
  url="http://127.0.0.1:$SERVICE_PORT"
  keyless=$(measure keyless.lua "$url" | cut -d' ' -f1)
  row "service, PostgreSQL | $rows | keyless 401 (HTTP ceiling) | $keyless | | | | | | $(load)"
  read_tps=$(pgbench_tps read.pgbench)
  scenario "service, PostgreSQL" "$rows" "read by id" read.lua "$url" "pgbench read" "$read_tps"
  for s in "search by patient:search-patient.lua" "search by practitioner:search-practitioner.lua" \
           "search by date range:search-dates.lua" "partial update:update.lua"; do
    scenario "service, PostgreSQL" "$rows" "${s%%:*}" "${s#*:}" "$url" "keyless" "$keyless"
    case $s in
      search*) MEASURE=measure_alone scenario "service, PostgreSQL" "$rows" "${s%%:*}, one client (latency)" "${s#*:}" "$url" "-" "" ;;
    esac
  done
  create_tps=$(pgbench_tps create.pgbench)
  scenario "service, PostgreSQL" "$rows" "create" create.lua "$url" "pgbench create" "$create_tps"
  row "service, PostgreSQL | $rows | start to first answer: $started ms; resident memory after the load: $(rss_mib "$pid") | | | | | | | $(load)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

# ---- H2, the embedded default (in memory here, so nothing is left behind) -----------------------
read -r pid started <<<"$(start_and_wait "http://127.0.0.1:$SERVICE_PORT/health" "$OUT/service-h2.log" \
    env MICRONAUT_SERVER_PORT=$SERVICE_PORT DATASOURCES_DEFAULT_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
    java "${SERVICE_JAVA_OPTS[@]}" "${BIG_PLAN[@]}" -jar "$SERVER_JAR")"
pids+=("$pid")
url="http://127.0.0.1:$SERVICE_PORT"
export BENCH_KEY=clk_test_localdevkey
keyless=$(measure keyless.lua "$url" | cut -d' ' -f1)
row "service, H2 | - | keyless 401 (HTTP ceiling) | $keyless | | | | | | $(load)"
scenario "service, H2" "created by the run" "create" create.lua "$url" "keyless" "$keyless"
# Reads, updates and searches on what the creates left: ids appt_g… do not exist on H2, so read
# one id found by a search instead.
page=$(curl -s "$url/v1/appointments?count=1" -H "x-api-key: $BENCH_KEY")
first=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$page")
count=$(sed -E 's/.*"total":([0-9]+).*/\1/' <<<"$page")
BENCH_FIXED_ID=$first scenario "service, H2" "$count" "read by id" read-fixed.lua "$url" "keyless" "$keyless"
BENCH_FIXED_ID=$first scenario "service, H2" "$count" "partial update" update-fixed.lua "$url" "keyless" "$keyless"
scenario "service, H2" "$count" "search by patient" search-patient.lua "$url" "keyless" "$keyless"
row "service, H2 | $count | start to first answer: $started ms; resident memory after the load: $(rss_mib "$pid") | | | | | | | $(load)"
kill "$pid"; wait "$pid" 2>/dev/null || true

# ---- The partner mock next to stock WireMock -------------------------------------------------
read -r wpid _ <<<"$(start_and_wait "http://127.0.0.1:$WIREMOCK_PORT/__admin/health" "$OUT/wiremock.log" \
    java -jar "$WIREMOCK_JAR" --port "$WIREMOCK_PORT" --no-request-journal --disable-banner)"
pids+=("$wpid")
curl -s -X POST "http://127.0.0.1:$WIREMOCK_PORT/__admin/mappings" -d '{"request": {"method": "GET", "url": "/static"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"},
  "body": "{\"data\": {\"id\": \"appt_8Jq2mXkR4vTn\", \"status\": \"booked\", \"patientId\": \"pat_abc123\"}}"}}' >/dev/null
stock=$(measure static.lua "http://127.0.0.1:$WIREMOCK_PORT" | cut -d' ' -f1)
row "stock WireMock 3.13.2 | - | one static stub (ceiling) | $stock | | | | | | $(load)"
kill "$wpid"; wait "$wpid" 2>/dev/null || true

# Prism, stateless: it validates the request against the spec and answers the spec's example.
read -r ppid _ <<<"$(start_and_wait "http://127.0.0.1:$PRISM_PORT/health" "$OUT/prism.log" \
    "$PRISM_DIR/node_modules/.bin/prism" mock --host 127.0.0.1 --port "$PRISM_PORT" api-spec/openapi.yaml)"
pids+=("$ppid")
export BENCH_KEY=clk_test_benchmark_key
read -r prism _ _ prism_non2xx _ <<<"$(measure create.lua "http://127.0.0.1:$PRISM_PORT")"
[ "$prism_non2xx" = 0 ] || echo "REFUSED: Prism answered $prism_non2xx creates with non-2xx" | tee -a "$OUT/refusals.txt"
row "Stoplight Prism 5.16.0 | - | validated create (stateless; ceiling for the mock's create) | $prism | | | | | | $(load)"
kill "$ppid"; wait "$ppid" 2>/dev/null || true

read -r pid started <<<"$(start_and_wait "http://127.0.0.1:$MOCK_PORT/health" "$OUT/mock.log" \
    java "${MOCK_JAVA_OPTS[@]}" -jar "$MOCK_JAR" --port "$MOCK_PORT")"
pids+=("$pid")
url="http://127.0.0.1:$MOCK_PORT"
export BENCH_KEY=clk_test_benchmark_key
BENCH_ROTATE=5000 scenario "mock" "created by the run" "validated create" create.lua "$url" "Prism" "$prism"
first=$(curl -s -X POST "$url/v1/appointments" -H "x-api-key: $BENCH_KEY" -H 'Content-Type: application/json' \
  -d '{"status":"booked","patientId":"pat_1","practitionerId":"prac_1","start":"2027-03-01T09:00:00Z","minutesDuration":30}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
BENCH_FIXED_ID=$first scenario "mock" "1" "read by id" read-fixed.lua "$url" "stock WireMock" "$stock"
row "mock | - | start to first answer: $started ms; resident memory after the load: $(rss_mib "$pid") | | | | | | | $(load)"

echo; cat "$RESULTS"
if [ -s "$OUT/refusals.txt" ]; then cat "$OUT/refusals.txt"; exit 1; fi
