package com.clinikapi.contract.suite.target;

/**
 * The API keys a test may need. Every target has a {@link #PRIMARY} key; the others exist only where
 * the target can offer them (see {@link com.clinikapi.contract.suite.coverage.Pending} for the ones
 * the service does not offer yet, and why).
 */
public enum KeyRole {
    /** The key every test uses unless it says otherwise. */
    PRIMARY,
    /** A key of another tenant, for isolation tests. */
    OTHER_TENANT,
    /** A key of the same tenant in the other mode (live when the primary is test): another world. */
    OTHER_MODE,
    /** Well-formed, never issued: 401 INVALID_KEY. */
    UNKNOWN,
    /** Revoked: 401 KEY_REVOKED. */
    REVOKED,
    /** Expired: 401 KEY_EXPIRED. */
    EXPIRED,
    /** May search and read but not create, update or delete: 403 INSUFFICIENT_SCOPE. */
    READ_ONLY,
    /** May create, update and delete but not read or search: 403 INSUFFICIENT_SCOPE. */
    WRITE_ONLY,
    /** Always over its plan's limit: 429 RATE_LIMITED. */
    RATE_LIMITED
}
