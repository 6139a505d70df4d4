package com.clinikapi.contract;

/** Size limits the contract promises, shared by the server and the mock. */
public final class ApiLimits {

    /** Request bodies above this are refused with 413 {@code PAYLOAD_TOO_LARGE}. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** A request line (method, target, version) longer than this is refused with 400 {@code INVALID_PARAMETER}. */
    public static final int MAX_REQUEST_LINE_BYTES = 4096;

    /** Header lines ({@code Name: value}) adding up to more than this are refused with 400 {@code INVALID_PARAMETER}. */
    public static final int MAX_HEADER_BYTES = 8192;

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private ApiLimits() {
    }
}
