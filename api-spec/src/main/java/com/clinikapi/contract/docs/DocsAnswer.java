package com.clinikapi.contract.docs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One successful answer of the reference docs: the body and every header that goes with it (type,
 * caching and the docs' security headers), for the service and the mock to send as they are.
 *
 * @param headers in the order they are sent
 * @param body    the bytes to send (none for a HEAD, which the transport drops)
 */
public record DocsAnswer(Map<String, String> headers, byte[] body) {

    public static final int STATUS = 200;

    public DocsAnswer {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String contentType() {
        return headers.get(ReferenceDocs.CONTENT_TYPE);
    }
}
