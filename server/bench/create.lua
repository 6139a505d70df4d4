-- POST /v1/appointments: a booked 30-minute appointment (same body each time; ids are server-side).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-api-key"] = "clk_test_localdevkey"
wrk.body = '{"status":"booked","patientId":"pat_bench","practitionerId":"prac_bench",' ..
           '"start":"2026-12-01T09:00:00Z","minutesDuration":30,"reasonCode":"Benchmark"}'

function response(status, headers, body)
  if status ~= 201 then
    print("unexpected status " .. status)
  end
end
