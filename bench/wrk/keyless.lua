dofile("bench/wrk/common.lua")
-- The HTTP ceiling: a request refused for its missing key, before any database work.
request = function()
  return wrk.format("GET", "/v1/appointments/appt_g1")
end
