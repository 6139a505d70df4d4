package com.clinikapi.mock.web.transport;

import com.github.tomakehurst.wiremock.http.Request;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the transport saw wrong with a request that it still passed on, so that the
 * {@link com.clinikapi.mock.web.ApiPipeline} can decide, in the service's order, whether and when to
 * refuse it. The Jetty-level guards only record these; none of them answers a request. They reach
 * the pipeline as the {@value #HEADER} header (WireMock's request has no attributes); one a client
 * sends is never believed ({@link RequestHeadGuard} drops it as the head is read).
 */
public enum TransportFinding {
    /** The path had a stray {@code %} or an encoded NUL and was escaped so that it decodes. */
    UNDECODABLE_PATH,
    /** The query had a stray {@code %} and was escaped so that WireMock can decode it. */
    UNDECODABLE_QUERY,
    /** The body was larger than the limit as sent or once inflated; it was passed on empty. */
    BODY_TOO_LARGE,
    /** The body could not be read or inflated; it was passed on empty, without its encoding. */
    UNREADABLE_BODY;

    /** Carries a request's findings from the transport to the pipeline, comma-separated. */
    public static final String HEADER = "X-Clinikapi-Transport";

    /** The findings the transport recorded on {@code request}; none when it saw nothing wrong. */
    public static Set<TransportFinding> in(Request request) {
        String value = request.getHeader(HEADER);
        return value == null ? EnumSet.noneOf(TransportFinding.class) : parse(value);
    }

    static Set<TransportFinding> parse(String value) {
        Set<TransportFinding> found = EnumSet.noneOf(TransportFinding.class);
        for (String name : value.split(",")) {
            for (TransportFinding finding : values()) {
                if (finding.name().equalsIgnoreCase(name.trim())) {
                    found.add(finding);
                }
            }
        }
        return found;
    }

    static String joined(Set<TransportFinding> findings) {
        return findings.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
