-- GET /v1/appointments/{id} for an id passed as the first script argument.
wrk.headers["x-api-key"] = "clk_test_localdevkey"

function init(args)
  wrk.path = "/v1/appointments/" .. args[1]
end

function response(status, headers, body)
  if status ~= 200 then
    print("unexpected status " .. status)
  end
end
