-- wrk script: a read by id (GET /v1/appointments/{id}); the id comes from the environment.
wrk.headers["x-api-key"] = "clk_test_benchmark_key"
wrk.path = "/v1/appointments/" .. os.getenv("APPOINTMENT_ID")

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
