package com.clinikapi.client;

import com.clinikapi.client.model.ApiError;
import com.clinikapi.client.model.Issue;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An error answer of the API, typed: the HTTP status, the error body's machine-readable
 * {@link #errorCode()} (e.g. {@code VALIDATION_ERROR}, {@code VERSION_CONFLICT}), its {@link #requestId()}
 * (quote it when asking for support), the per-field {@link #issues()} and, on a 429 or 503, how long
 * to wait ({@link #retryAfter()}).
 *
 * <p>The message names the operation, the status, the code and the request id, never the body:
 * exception messages end up in logs. A body that is not the API's error shape (a proxy's page, say)
 * leaves the code empty.
 */
public class ClinikApiException extends ApiException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

    /** Names of the response headers read here. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    private final transient ApiError error;

    ClinikApiException(String message, int status, HttpHeaders headers, String body, ApiError error) {
        super(status, message, headers, body);
        this.error = error;
    }

    /** Reads an error answer of the generated API's {@code operationId}. */
    static ClinikApiException from(String operationId, HttpResponse<InputStream> response) throws IOException {
        String body;
        try (InputStream in = ApiClient.getResponseBody(response)) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ApiError error = parse(body);
        StringBuilder message = new StringBuilder(operationId).append(": ").append(response.statusCode());
        if (error != null) {
            message.append(' ').append(error.getCode()).append(" (").append(error.getRequestId()).append(')');
        } else {
            message.append(" without an API error body");
        }
        return new ClinikApiException(message.toString(), response.statusCode(), response.headers(), body, error);
    }

    private static ApiError parse(String body) {
        try {
            ApiError error = body.isBlank() ? null : JSON.readValue(body, ApiError.class);
            return error != null && error.getCode() != null ? error : null;
        } catch (IOException notTheApiErrorShape) {
            return null;
        }
    }

    /** The HTTP status, e.g. 409. */
    public int status() {
        return getCode();
    }

    /** The error body's {@code code}, e.g. {@code VERSION_CONFLICT}; empty without an API error body. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(error).map(ApiError::getCode);
    }

    /** The request id ({@code req_…}) of the error body, else of the {@code X-Request-Id} header. */
    public Optional<String> requestId() {
        return Optional.ofNullable(error).map(ApiError::getRequestId)
                .or(() -> header(REQUEST_ID_HEADER));
    }

    /** The per-field problems, each {@code field: constraint}; empty when the error is not about fields. */
    public List<Issue> issues() {
        return error == null || error.getIssues() == null ? List.of() : List.copyOf(error.getIssues());
    }

    /** The whole error body as typed by the spec, when there was one. */
    public Optional<ApiError> error() {
        return Optional.ofNullable(error);
    }

    /** {@code Retry-After} in seconds (sent with 429 and 503); empty when absent or not a number of seconds. */
    public Optional<Duration> retryAfter() {
        return header(RETRY_AFTER_HEADER).flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException anHttpDate) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> header(String name) {
        return getResponseHeaders() == null ? Optional.empty() : getResponseHeaders().firstValue(name);
    }
}
