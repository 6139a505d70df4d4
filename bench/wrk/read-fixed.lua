dofile("bench/wrk/common.lua")
-- One known appointment by id (where the run made its own rows).
local path = "/v1/appointments/" .. os.getenv("BENCH_FIXED_ID")
request = function()
  return wrk.format("GET", path, {["x-api-key"] = KEY})
end
