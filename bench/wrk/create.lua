dofile("bench/wrk/common.lua")
-- A booked appointment for a practitioner of its own, so no double-booking guard refuses it.
-- With BENCH_ROTATE=n (the mock), every n creates of a thread move to another key, so that no
-- sandbox reaches the mock's quota of appointments.
local rotate = tonumber(os.getenv("BENCH_ROTATE") or "0")
local counter = 0
request = function()
  counter = counter + 1
  local key = KEY
  if rotate > 0 then key = string.format("%s_%d_%d", KEY, tid, math.floor(counter / rotate)) end
  local body = string.format('{"status":"booked","patientId":"pat_%d","practitionerId":"prac_w%d_%d",' ..
    '"start":"2027-03-01T09:00:00Z","minutesDuration":30}', math.random(0, 99999), RUN, counter)
  return wrk.format("POST", "/v1/appointments",
    {["x-api-key"] = key, ["Content-Type"] = "application/json"}, body)
end
