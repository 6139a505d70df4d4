-- The key, the size of the large tenant and a per-thread random stream, from the environment.
dofile("bench/wrk/report.lua")
KEY = os.getenv("BENCH_KEY")
BIG = tonumber(os.getenv("BENCH_BIG") or "1")
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
function init(args)
  math.randomseed(os.time() + tid * 7919)
  RUN = math.random(1, 1000000000)
end
