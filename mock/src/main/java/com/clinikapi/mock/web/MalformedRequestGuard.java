package com.clinikapi.mock.web;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
import wiremock.jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Stands in front of WireMock's servlet for the requests WireMock cannot read and would answer with
 * a 500 HTML page quoting the request (or Jetty with its own page): a path that did not decode
 * (escaped and marked by {@link RequestHeadGuard}; answered {@code 400 INVALID_PARAMETER} under
 * {@code /v1/}, in the client's media type), a query string with a broken percent escape
 * (answered {@code 400 INVALID_PARAMETER} here under {@code /v1/}, in the API's format and the
 * client's media type, as the service does; elsewhere, such as {@code /health}, the query is
 * repaired and ignored) and a form-encoded body
 * (WireMock decodes those eagerly; the mock never accepts them, so they are passed on without being
 * decoded and the pipeline answers them like any unsupported media type).
 */
final class MalformedRequestGuard implements Filter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Supplier<ApiPipeline> pipeline;

    MalformedRequestGuard(Supplier<ApiPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getHeader(RequestHeadGuard.MARKER) != null && http.getRequestURI().startsWith(RouteError.KEYED_PREFIX)) {
            HttpResponses.write(pipeline.get().refuse(http.getHeader("Accept"), new ApiException(ErrorCode.INVALID_PARAMETER,
                    List.of(ApiErrorHandler.BAD_PATH))), (HttpServletResponse) response);
            return;
        }
        String query = http.getQueryString();
        if (query != null && !isDecodable(query)) {
            if (http.getRequestURI().startsWith(RouteError.KEYED_PREFIX)) {
                HttpResponses.write(pipeline.get().refuse(http.getHeader("Accept"), new ApiException(ErrorCode.INVALID_PARAMETER,
                        List.of(QueryStrings.NOT_PERCENT_ENCODED))), (HttpServletResponse) response);
                return;
            }
            // Outside the API (e.g. a load balancer probing /health) the query means nothing: repair it.
            http = new RepairedQuery(http);
        }
        String contentType = http.getContentType();
        chain.doFilter(contentType != null && contentType.toLowerCase(Locale.ROOT).contains(FORM)
                ? new UndecodedForm(http) : http, response);
    }

    /** Whether WireMock's {@code URLDecoder} can decode every part of the query. */
    private static boolean isDecodable(String query) {
        if (BROKEN_ESCAPE.matcher(query).find()) {
            return false;
        }
        try {
            java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
