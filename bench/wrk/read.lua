dofile("bench/wrk/common.lua")
-- A random appointment of the large tenant, by id.
request = function()
  return wrk.format("GET", "/v1/appointments/appt_g" .. math.random(1, BIG), {["x-api-key"] = KEY})
end
