package com.clinikapi.mock.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What a handler answers. The pipeline adds the envelope's {@code meta}, the common headers and the
 * media type.
 *
 * @param payload   {@code data} of the envelope, or the whole body when not {@code enveloped}
 * @param enveloped whether the payload goes into {@code {"data": …, "meta": …}}
 * @param headers   headers specific to this answer, such as {@code Location}
 */
public record ApiResult(int status, JsonNode payload, boolean enveloped, Map<String, String> headers) {

    public ApiResult {
        headers = Map.copyOf(headers);
    }

    public static ApiResult ok(JsonNode data) {
        return new ApiResult(200, data, true, Map.of());
    }

    public static ApiResult created(JsonNode data, String location) {
        return new ApiResult(201, data, true, Map.of("Location", location));
    }

    public static ApiResult noContent() {
        return new ApiResult(204, null, false, Map.of());
    }

    /** A body sent as it is (an example from the spec), with its {@code meta} refreshed if it has one. */
    public static ApiResult verbatim(int status, JsonNode body) {
        return new ApiResult(status, body, false, Map.of());
    }

    /** The same answer with one more header. */
    public ApiResult withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResult(status, payload, enveloped, more);
    }
}
