package com.clinikapi.mock.auth;

import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;

/**
 * Simulates the service's key check: a missing key is {@code UNAUTHORIZED}, a malformed one
 * {@code INVALID_KEY_FORMAT} (the contract's own {@link ApiKeyFormat}), a {@link ReservedKeys reserved}
 * key its documented error, and any other well-formed key is accepted.
 */
public final class ApiKeyCheck {

    /**
     * @param apiKey the {@code x-api-key} header, or null
     * @param isRead whether the request only reads (GET), which a read-only key may do
     * @throws ApiException with the code the service would answer
     */
    public void check(String apiKey, boolean isRead) {
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
            case ReservedKeys.READ_ONLY -> {
                if (!isRead) {
                    throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE);
                }
            }
            default -> {
                // any other well-formed key is a valid sandbox key
            }
        }
    }

    public boolean isAlwaysRateLimited(String apiKey) {
        return ReservedKeys.RATE_LIMITED.equals(apiKey);
    }
}
