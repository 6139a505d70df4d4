package com.clinikapi.mock.seed;

import com.clinikapi.contract.RequestIds;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.mock.MockRuntime;
import com.clinikapi.mock.admin.AdminAnswers;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.web.RequestLog;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.function.Supplier;

/**
 * {@code POST /__sandbox/seed} with the caller's key and {@code {"seed": 42, "days": 3}}: replaces
 * the caller's appointments with a seed's and answers its {@link SeedSummary}. A body it cannot read
 * is refused as the API refuses one ({@code 400 MALFORMED_JSON}, {@code 422 VALIDATION_ERROR} naming
 * the field), a read-only key {@code 403 INSUFFICIENT_SCOPE}, a seed too large for the sandbox
 * {@code 409 SANDBOX_FULL}.
 */
public final class SeedEndpoint {

    private final Supplier<MockRuntime> runtime;
    private final ApiKeyCheck keyCheck = new ApiKeyCheck();

    public SeedEndpoint(Supplier<MockRuntime> runtime) {
        this.runtime = runtime;
    }

    /** @param apiKey the caller's key, already authenticated */
    public ResponseDefinition answer(String apiKey, Request request) {
        MockRuntime mock = runtime.get();
        try {
            keyCheck.authorize(apiKey, false); // seeding writes: a read-only key is 403, as its creates are
            SeedSummary summary = mock.seeder().seed(apiKey, SeedRequest.parse(request.getBodyAsString()));
            return AdminAnswers.json(200, summary.toJson());
        } catch (ApiException e) {
            return mock.pipeline().refuse(request.getHeader("Accept"), e);
        } catch (RuntimeException e) {
            RequestLog.unexpected(RequestIds.newId(), e);
            return mock.pipeline().refuse(request.getHeader("Accept"), new ApiException(ErrorCode.INTERNAL_ERROR));
        }
    }
}
