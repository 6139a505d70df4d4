dofile("bench/wrk/report.lua")
-- Stock WireMock's static stub: the ceiling for the mock.
wrk.path = "/static"
