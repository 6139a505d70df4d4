package com.clinikapi.server.auth;

import java.util.Optional;

/**
 * Looks up presented API keys ({@code keys.DatabaseApiKeyStore} keeps them in the database).
 * Implementations compare digests in constant time, never log the key, and may block (the
 * {@link ApiKeyFilter} calls them on the blocking executor), but should answer repeated lookups
 * from memory.
 */
public interface ApiKeyStore {

    /** The key, if one with exactly this secret exists (revoked and expired keys included). */
    Optional<ApiKey> find(String presentedKey);

    /**
     * The key, if this instance holds it in memory: never a database lookup, for clients that may
     * not cause any more of them ({@link FailedAuthentications}).
     */
    Optional<ApiKey> findInMemory(String presentedKey);

    /** Notes that a usable key served a request (for its "last used" time); must not block. */
    void used(ApiKey key);
}
