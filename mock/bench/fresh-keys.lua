-- wrk script: every request comes from a key never seen before (a CI job's fresh sandbox), and
-- creates one appointment in it. Run long enough, it leaves tens of thousands of sandboxes behind.
wrk.method = "POST"
wrk.path = "/v1/appointments"

local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter = 0
local body = '{"status":"booked","patientId":"pat_abc123","practitionerId":"prac_fresh",' ..
             '"start":"2026-12-01T09:00:00Z","minutesDuration":30}'

request = function()
  counter = counter + 1
  local headers = {["Content-Type"] = "application/json",
                   ["x-api-key"] = string.format("clk_test_fresh_%d_%d", tid, counter)}
  return wrk.format(nil, nil, headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests (= fresh keys) %d, p50 %.2f ms, p99 %.2f ms, non-2xx %d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
