package com.clinikapi.mock.auth;

import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;

/**
 * Simulates the service's key check, in the service's order: {@link #authenticate} (a missing key
 * is {@code UNAUTHORIZED}, a malformed one {@code INVALID_KEY_FORMAT} by the contract's own
 * {@link ApiKeyFormat}, a {@link ReservedKeys reserved} key its documented 401, any other
 * well-formed key is accepted); then the caller counts the request against the key's rate limit
 * ({@link #isAlwaysRateLimited} is refused with 429 there); then {@link #authorize} (the read-only
 * key may only read: {@code INSUFFICIENT_SCOPE}). So a 403, like any answer after the key was
 * recognised, is counted and carries {@code meta}, as on the service.
 */
public final class ApiKeyCheck {

    /**
     * @param apiKey the {@code x-api-key} header, or null
     * @throws ApiException with the 401 the service would answer
     */
    public void authenticate(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED);
        }
        if (ApiKeyFormat.modeOf(apiKey).isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_KEY_FORMAT);
        }
        switch (apiKey) {
            case ReservedKeys.UNKNOWN -> throw new ApiException(ErrorCode.INVALID_KEY);
            case ReservedKeys.REVOKED -> throw new ApiException(ErrorCode.KEY_REVOKED);
            case ReservedKeys.EXPIRED -> throw new ApiException(ErrorCode.KEY_EXPIRED);
            default -> {
                // any other well-formed key is a valid sandbox key
            }
        }
    }

    /**
     * @param isRead whether the request only reads (GET), which a read-only key may do
     * @throws ApiException {@code INSUFFICIENT_SCOPE} when the key lacks the scope
     */
    public void authorize(String apiKey, boolean isRead) {
        if (ReservedKeys.READ_ONLY.equals(apiKey) && !isRead) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE);
        }
    }

    public boolean isAlwaysRateLimited(String apiKey) {
        return ReservedKeys.RATE_LIMITED.equals(apiKey);
    }
}
