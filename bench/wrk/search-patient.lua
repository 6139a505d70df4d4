dofile("bench/wrk/common.lua")
-- A page of 20 of a random patient's appointments, with total.
request = function()
  return wrk.format("GET", "/v1/appointments?patientId=pat_" .. math.random(0, 99999) .. "&count=20",
    {["x-api-key"] = KEY})
end
