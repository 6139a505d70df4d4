-- wrk script: a validated create (POST /v1/appointments) that passes schema and rules.
-- Each request books another practitioner (thread number + counter), so that none is refused as a
-- double booking, and every 5,000 creates of a thread move to another key (sandbox), so that none
-- is refused by the sandbox quota (10,000 appointments): every answer must be 201.
wrk.method = "POST"
wrk.path = "/v1/appointments"
wrk.headers["Content-Type"] = "application/json"

local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter = 0
local template = '{"status":"booked","patientId":"pat_abc123","practitionerId":"prac_%d_%d",' ..
                 '"start":"2026-12-01T09:00:00Z","minutesDuration":30,"appointmentType":"followup",' ..
                 '"reasonCode":"Blood pressure review","priority":0}'

request = function()
  counter = counter + 1
  local headers = {["Content-Type"] = "application/json",
                   ["x-api-key"] = string.format("clk_test_benchmark_%d_%d", tid, math.floor(counter / 5000))}
  return wrk.format(nil, nil, headers, string.format(template, tid, counter))
end

-- Print p50/p99 and refusals in a form easy to grep; a benchmark of refusals would be worthless.
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
