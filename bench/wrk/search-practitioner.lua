dofile("bench/wrk/common.lua")
-- A page of 20 of a random practitioner's appointments, latest first, with total.
request = function()
  return wrk.format("GET", "/v1/appointments?practitionerId=prac_" .. math.random(0, 999) .. "&sort=-start&count=20",
    {["x-api-key"] = KEY})
end
