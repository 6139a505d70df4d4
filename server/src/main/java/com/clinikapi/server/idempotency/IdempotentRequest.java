package com.clinikapi.server.idempotency;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * A change request that carries an {@code Idempotency-Key}: in whose scope the key lives (the API
 * key's tenant and mode), the key's digest (the key itself is never kept) and the request's
 * fingerprint, which tells a repeat from a different request reusing the key.
 */
public record IdempotentRequest(String tenantId, String mode, String keyDigest, String fingerprint) {

    /**
     * The idempotent form of this request, if it carries a key.
     *
     * @param body the body bytes as received, or null for a request without one
     * @throws com.clinikapi.contract.error.ApiException 400 {@code INVALID_PARAMETER} for a malformed key
     */
    public static Optional<IdempotentRequest> of(String tenantId, String mode, HttpRequest<?> request,
                                                 @Nullable String keyHeader, @Nullable byte[] body) {
        return IdempotencyKeys.parse(keyHeader).map(key -> new IdempotentRequest(tenantId, mode,
                IdempotencyKeys.digest(key),
                IdempotencyKeys.fingerprint(request.getMethodName(), request.getPath(),
                        request.getHeaders().get(ApiHeaders.IF_MATCH), body)));
    }
}
