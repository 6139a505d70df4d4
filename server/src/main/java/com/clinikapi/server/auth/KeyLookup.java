package com.clinikapi.server.auth;

import java.util.Optional;

/**
 * What {@link ApiKeyStore} found for a presented key, and what it cost: an answer from memory (a
 * known key, or one remembered as unknown) costs nothing; a database lookup costs a query, which a
 * failing client pays for from its budget ({@link FailedAuthentications}).
 *
 * @param key    the key, if one with exactly this secret exists (revoked and expired keys included)
 * @param source where the answer came from
 */
public record KeyLookup(Optional<ApiKey> key, Source source) {

    public enum Source {
        /** Answered from this instance's memory. */
        MEMORY,
        /** Answered by a database query. */
        DATABASE,
        /** Not in memory, and the caller allowed no query: the store does not know. */
        NOT_REMEMBERED
    }

    public static KeyLookup notRemembered() {
        return new KeyLookup(Optional.empty(), Source.NOT_REMEMBERED);
    }

    public boolean queriedDatabase() {
        return source == Source.DATABASE;
    }
}
