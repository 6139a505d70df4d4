dofile("bench/wrk/common.lua")
-- A partial update of one known appointment (where the run made its own rows).
local path = "/v1/appointments/" .. os.getenv("BENCH_FIXED_ID")
request = function()
  return wrk.format("PATCH", path, {["x-api-key"] = KEY, ["Content-Type"] = "application/merge-patch+json"},
    string.format('{"priority": %d}', math.random(0, 9)))
end
