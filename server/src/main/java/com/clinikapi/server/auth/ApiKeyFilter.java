package com.clinikapi.server.auth;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.error.ErrorResponses;
import com.clinikapi.server.web.RequestIdFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Every {@code /v1} request must present a usable key in {@code x-api-key}: missing is 401
 * {@code UNAUTHORIZED}, not {@code clk_live_*}/{@code clk_test_*} is {@code INVALID_KEY_FORMAT},
 * unknown is {@code INVALID_KEY}, then {@code KEY_REVOKED}/{@code KEY_EXPIRED}; a key without the
 * operation's scope is 403 {@code INSUFFICIENT_SCOPE}. The resolved {@link ApiKey} (tenant, mode,
 * scopes, plan) is left on the request for the controllers. Keys are never logged, only their
 * display prefix.
 */
@ServerFilter("/v1/**")
public class ApiKeyFilter implements Ordered {

    /** Right after the request id is assigned, so that every refusal carries it. */
    public static final int ORDER = RequestIdFilter.ORDER + 100;

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeyStore store;

    public ApiKeyFilter(ApiKeyStore store) {
        this.store = store;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String presented = request.getHeaders().get(ApiHeaders.API_KEY);
        if (presented == null || presented.isEmpty()) {
            return ErrorResponses.of(request, ErrorCode.UNAUTHORIZED);
        }
        if (ApiKeyFormat.modeOf(presented).isEmpty()) {
            return ErrorResponses.of(request, ErrorCode.INVALID_KEY_FORMAT);
        }
        Optional<ApiKey> found = store.find(presented);
        if (found.isEmpty()) {
            LOG.debug("Unknown API key {}", ApiKeyFormat.displayPrefix(presented));
            return ErrorResponses.of(request, ErrorCode.INVALID_KEY);
        }
        ApiKey key = found.get();
        if (key.revoked()) {
            return ErrorResponses.of(request, ErrorCode.KEY_REVOKED);
        }
        if (key.isExpiredAt(Instant.now())) {
            return ErrorResponses.of(request, ErrorCode.KEY_EXPIRED);
        }
        request.setAttribute(ApiKey.ATTRIBUTE, key);
        if (!key.scopes().contains(requiredScope(request.getMethod()))) {
            return ErrorResponses.of(request, ErrorCode.INSUFFICIENT_SCOPE);
        }
        return null;
    }

    private static Scope requiredScope(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                ? Scope.APPOINTMENTS_READ
                : Scope.APPOINTMENTS_WRITE;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
