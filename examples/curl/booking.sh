#!/usr/bin/env bash
# Book, reschedule, find, cancel and delete one appointment with curl, as the API documents it:
# a fresh Idempotency-Key on every change (a retry with the same key is safe), If-Match with the
# version the last answer gave (a concurrent edit makes the change 409 VERSION_CONFLICT instead of
# overwriting it).
#
#   java -XX:SharedArchiveFile=mock/target/clinikapi-mock.jsa -Xmx256m -jar mock/target/clinikapi-mock.jar &  # http://localhost:8081
#   CLINIKAPI_KEY=clk_test_mycompany_dev1 examples/curl/booking.sh
#
# Any clk_test_… key is a sandbox of its own on the mock. Against the service, use a key it issued
# and its URL: CLINIKAPI_BASE_URL=http://localhost:8080 CLINIKAPI_KEY=… examples/curl/booking.sh
# Needs bash and curl only; each step prints the status it got and stops at the first surprise.
set -euo pipefail

BASE_URL="${CLINIKAPI_BASE_URL:-http://localhost:8081}"
KEY="${CLINIKAPI_KEY:?set CLINIKAPI_KEY to your API key, e.g. clk_test_mycompany_dev1}"
PATIENT="${PATIENT_ID:-pat_curl_example}"
PRACTITIONER="${PRACTITIONER_ID:-prac_curl_example}"
DAY="${DAY:-2031-05-06}"

body=$(mktemp)
headers=$(mktemp)
trap 'rm -f "$body" "$headers"' EXIT

# call EXPECTED_STATUS METHOD PATH [curl options…]: the answer's body in $body, its headers in $headers.
call() {
  local expected=$1 method=$2 path=$3
  shift 3
  local status
  status=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' -X "$method" "$BASE_URL$path" \
    -H "x-api-key: $KEY" -H 'Accept: application/json' "$@")
  printf '%-6s %-45s %s\n' "$method" "$path" "$status"
  if [ "$status" != "$expected" ]; then
    echo "expected $expected; the answer was:" >&2
    cat "$body" >&2
    echo >&2
    exit 1
  fi
}

# field NAME: the first value of NAME in the last answer (enough for these answers, whose data
# comes before their meta; a partner's code would use a JSON parser, such as jq).
field() {
  grep -o "\"$1\" *: *\"\{0,1\}[^\",}]*" "$body" | head -1 | sed 's/^"[^"]*" *: *"\{0,1\}//'
}

# etag: the last answer's ETag, the appointment's version, to send back as If-Match.
etag() {
  sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$headers"
}

json='Content-Type: application/json'
merge_patch='Content-Type: application/merge-patch+json'

echo "Book a 30-minute appointment"
call 201 POST /v1/appointments -H "$json" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d "{\"status\":\"booked\",\"patientId\":\"$PATIENT\",\"practitionerId\":\"$PRACTITIONER\",
       \"start\":\"${DAY}T09:00:00Z\",\"minutesDuration\":30,\"description\":\"Follow-up (curl example)\"}"
id=$(field id)
echo "  booked $id, ends $(field end)"

echo "Reschedule it to 11:00, 45 minutes, unless someone changed it meanwhile"
call 200 GET "/v1/appointments/$id"
call 200 PATCH "/v1/appointments/$id" -H "$merge_patch" -H "If-Match: $(etag)" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d "{\"start\":\"${DAY}T11:00:00Z\",\"minutesDuration\":45}"
echo "  now $(field start) to $(field end), version $(field version)"

echo "Find the patient's booked appointments that day (a page of 20, with the total)"
call 200 GET "/v1/appointments?patientId=$PATIENT&status=booked&dateFrom=$DAY&dateTo=$DAY&sort=start&count=20"
echo "  total $(field total)"

echo "Cancel it, with the reason the API requires"
call 200 GET "/v1/appointments/$id"
call 200 PATCH "/v1/appointments/$id" -H "$merge_patch" -H "If-Match: $(etag)" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d '{"status":"cancelled","cancelationReason":"Patient called to cancel"}'
echo "  status $(field status)"

echo "Delete it"
call 204 DELETE "/v1/appointments/$id" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"
call 404 GET "/v1/appointments/$id"
echo "Done."
