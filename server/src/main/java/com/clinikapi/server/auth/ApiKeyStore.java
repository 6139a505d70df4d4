package com.clinikapi.server.auth;

import java.util.Optional;

/**
 * Looks up presented API keys. Today {@link ConfiguredApiKeyStore} reads them from configuration;
 * a database-backed store (issue: key management) replaces that bean without touching the filter.
 * Implementations compare digests, never log the key, and may be called on the event loop, so a
 * blocking implementation must cache or move the filter off the loop.
 */
public interface ApiKeyStore {

    /** The key, if one with exactly this secret exists (revoked and expired keys included). */
    Optional<ApiKey> find(String presentedKey);
}
