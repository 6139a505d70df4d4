dofile("bench/wrk/common.lua")
-- A partial update (merge patch) of a random booked appointment of the large tenant: its priority.
-- (The generator cancels rows n % 20 == 0 and fulfils n % 20 == 1; those refuse changes.)
request = function()
  local n = math.random(1, BIG)
  if n % 20 < 2 then n = n + 2 end
  if n > BIG then n = n - 20 end
  return wrk.format("PATCH", "/v1/appointments/appt_g" .. n,
    {["x-api-key"] = KEY, ["Content-Type"] = "application/merge-patch+json"},
    string.format('{"priority": %d}', math.random(0, 9)))
end
