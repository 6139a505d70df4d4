package com.clinikapi.contract.suite.spec;

import java.util.Set;

/**
 * A documented response: its status, the headers the spec declares for it (the suite requires every
 * declared header, since the API promises them on every response) and its media types.
 */
public record SpecResponse(int status, Set<String> headers, Set<String> mediaTypes) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
