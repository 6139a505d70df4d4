package com.clinikapi.mock.web;

import com.clinikapi.mock.spec.OperationMatch;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * A request that passed auth, scenarios and validation, ready for its operation's handler.
 *
 * @param apiKey  the caller's key: the tenant whose appointments the call sees; null for
 *                operations that need no key
 * @param query   decoded query parameters, first value of each
 * @param headers request headers by lower-cased name, first value of each
 * @param body    the parsed body, or null
 * @param now     the request's time, in UTC and truncated to microseconds
 */
public record ApiCall(OperationMatch match, String apiKey, Map<String, String> query, Map<String, String> headers,
                      JsonNode body, OffsetDateTime now) {

    public ApiCall {
        headers = Map.copyOf(headers);
    }

    /** A path parameter, percent-decoded. */
    public String pathParameter(String name) {
        String raw = match.pathParameters().get(name);
        return raw == null ? null : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String queryParameter(String name) {
        return query.get(name);
    }

    /** A request header (case-insensitive), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
