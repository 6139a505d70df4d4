package com.clinikapi.contract;

/** Size limits the contract promises, shared by the server and the mock. */
public final class ApiLimits {

    /** Request bodies above this are refused with 413 {@code PAYLOAD_TOO_LARGE}. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private ApiLimits() {
    }
}
