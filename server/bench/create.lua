-- POST /v1/appointments: a booked 30-minute appointment. Each request books a practitioner of its
-- own (no double booking: the same practitioner and slot twice would be 409 SCHEDULING_CONFLICT).
-- With IDEMPOTENT=1 in the environment each request also carries a fresh Idempotency-Key.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-api-key"] = "clk_test_localdevkey"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local run = tostring(os.time())
local idempotent = os.getenv("IDEMPOTENT") == "1"

function request()
  counter = counter + 1
  local practitioner = string.format("prac_bench_%s_%d_%d", run, tid, counter)
  local body = '{"status":"booked","patientId":"pat_bench","practitionerId":"' .. practitioner .. '",' ..
               '"start":"2026-12-01T09:00:00Z","minutesDuration":30,"reasonCode":"Benchmark"}'
  -- wrk.format takes the headers given in place of wrk.headers: copy them.
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  if idempotent then
    headers["Idempotency-Key"] = practitioner
  end
  return wrk.format(nil, nil, headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    print("unexpected status " .. status)
  end
end
