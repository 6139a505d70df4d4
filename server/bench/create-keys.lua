-- POST /v1/appointments with the keys listed (one per line) in the file named by $BENCH_KEYS, in turn
-- (the dev key if unset): one bucket per key. A proposed appointment holds no practitioner time, so
-- no request is refused as a double booking.
local keys = {}
local file = os.getenv("BENCH_KEYS")
if file then
  for line in io.lines(file) do
    if line ~= "" then keys[#keys + 1] = line end
  end
end
if #keys == 0 then keys[1] = "clk_test_localdevkey" end

local body = '{"status":"proposed","patientId":"pat_bench","practitionerId":"prac_bench",' ..
             '"start":"2026-12-01T09:00:00Z","minutesDuration":30,"reasonCode":"Benchmark"}'
local next_key = 0

function request()
  next_key = next_key % #keys + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["x-api-key"] = keys[next_key],
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    print("unexpected status " .. status)
  end
end
