package com.clinikapi.mock.web.transport;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpField;
import wiremock.org.eclipse.jetty.http.HttpStatus;
import wiremock.org.eclipse.jetty.http.HttpVersion;

import java.util.Optional;

/**
 * The service's limits on a request head, counted as its Netty decoder counts them: the request line
 * ({@link ApiLimits#MAX_REQUEST_LINE_BYTES}) and the header lines together
 * ({@link ApiLimits#MAX_HEADER_BYTES}). Past either, the request is a bad message (400) whose reason
 * the error handler turns into the service's issue.
 */
final class HeadSizeLimits {

    private static final String LINE_TOO_LONG = "request line too long";
    private static final String HEADERS_TOO_LARGE = "headers too large";

    private int headerBytes;

    /** Starts counting a new request's head at its request line. */
    void startRequest(String method, String target, HttpVersion version) {
        headerBytes = 0;
        int length = method.length() + 1 + target.length() + 1 + (version == null ? 0 : version.asString().length());
        if (length > ApiLimits.MAX_REQUEST_LINE_BYTES) {
            throw new BadMessageException(HttpStatus.BAD_REQUEST_400, LINE_TOO_LONG);
        }
    }

    /** Counts a header line as {@code Name: value}. */
    void countHeader(HttpField field) {
        headerBytes += field.getName().length() + 2 + (field.getValue() == null ? 0 : field.getValue().length());
        if (headerBytes > ApiLimits.MAX_HEADER_BYTES) {
            throw new BadMessageException(HttpStatus.BAD_REQUEST_400, HEADERS_TOO_LARGE);
        }
    }

    /**
     * Jetty's own refusal of a head too large for its buffer (414 or 431, which the contract does not
     * document) as the 400 the service answers; any other bad message as it is.
     */
    static BadMessageException asServiceAnswers(BadMessageException failure) {
        return switch (failure.getCode()) {
            case HttpStatus.URI_TOO_LONG_414 -> new BadMessageException(HttpStatus.BAD_REQUEST_400, LINE_TOO_LONG, failure);
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
                    new BadMessageException(HttpStatus.BAD_REQUEST_400, HEADERS_TOO_LARGE, failure);
            default -> failure;
        };
    }

    /** The issue for a bad message these limits refused, by its reason. */
    static Optional<ValidationIssue> issueFor(String reason) {
        if (LINE_TOO_LONG.equals(reason)) {
            return Optional.of(SchemaViolations.requestLineTooLong());
        }
        if (HEADERS_TOO_LARGE.equals(reason)) {
            return Optional.of(SchemaViolations.headersTooLarge());
        }
        return Optional.empty();
    }
}
