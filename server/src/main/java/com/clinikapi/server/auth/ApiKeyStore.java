package com.clinikapi.server.auth;

/**
 * Looks up presented API keys ({@code keys.DatabaseApiKeyStore} keeps them in the database).
 * Implementations compare digests in constant time, never log the key, and may block (the
 * {@link ApiKeyFilter} calls them on the blocking executor), but answer repeated lookups, unknown
 * keys included, from memory.
 */
public interface ApiKeyStore {

    /**
     * The key with exactly this secret, if one exists (revoked and expired keys included).
     *
     * @param memoryOnly {@code true} for a client that may not cause another database lookup
     *                   ({@link FailedAuthentications}): a key not in memory is then
     *                   {@link KeyLookup.Source#NOT_REMEMBERED} instead of looked up
     */
    KeyLookup find(String presentedKey, boolean memoryOnly);

    /** Notes that a usable key served a request (for its "last used" time); must not block. */
    void used(ApiKey key);
}
