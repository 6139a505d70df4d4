dofile("bench/wrk/common.lua")
-- A page of 20 of one random day of the large tenant's calendar (every practitioner), with total.
local days = math.max(1, math.floor(BIG / 16000))
request = function()
  local t = os.time({year = 2026, month = 1, day = 5, hour = 12}) + math.random(0, days - 1) * 86400
  local day = os.date("!%Y-%m-%d", t)
  return wrk.format("GET", "/v1/appointments?dateFrom=" .. day .. "&dateTo=" .. day .. "&count=20",
    {["x-api-key"] = KEY})
end
