package com.clinikapi.mock.web.transport;

import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Passes on the requests whose query or form body WireMock cannot decode (it would answer a 500 HTML
 * page quoting the request), without answering any of them:
 * <ul>
 *   <li>a query with a broken percent escape ({@code ?%ZZ=1}) has every stray {@code %} escaped as
 *   {@code %25} and {@link TransportFinding#UNDECODABLE_QUERY} recorded; the pipeline refuses it
 *   under {@code /v1/} after the key check and ignores it elsewhere (a load balancer probing
 *   {@code /health}), as the service does;</li>
 *   <li>a form-encoded body is passed on undecoded (WireMock decodes those eagerly); the pipeline
 *   answers it like any unsupported media type.</li>
 * </ul>
 */
final class UndecodableQueryFilter implements Filter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String query = http.getQueryString();
        if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
            http = MarkedRequest.mark(new RepairedQuery(http), TransportFinding.UNDECODABLE_QUERY);
        }
        String contentType = http.getContentType();
        chain.doFilter(contentType != null && contentType.toLowerCase(Locale.ROOT).contains(FORM)
                ? new UndecodedForm(http) : http, response);
    }

    /** The request with every stray {@code %} of its query escaped as {@code %25}, so that it decodes. */
    private static final class RepairedQuery extends HttpServletRequestWrapper {

        RepairedQuery(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return BROKEN_ESCAPE.matcher(super.getQueryString()).replaceAll("%25");
        }
    }

    /**
     * The request with its form media type spelled in capitals: the same media type (media types are
     * case-insensitive, and the pipeline reads it so), which WireMock's case-sensitive check does not
     * decode.
     */
    private static final class UndecodedForm extends HttpServletRequestWrapper {

        UndecodedForm(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            String type = super.getContentType();
            return type == null ? null : type.toUpperCase(Locale.ROOT);
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.enumeration(List.of(getContentType())) : super.getHeaders(name);
        }

        private static boolean isContentType(String name) {
            return "Content-Type".equalsIgnoreCase(name);
        }
    }
}
