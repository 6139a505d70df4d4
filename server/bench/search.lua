-- GET /v1/appointments?patientId=pat_bench&count=20: one page of a patient's appointments.
wrk.headers["x-api-key"] = "clk_test_localdevkey"
wrk.path = "/v1/appointments?patientId=pat_bench&count=20"
