package com.clinikapi.mock.web.transport;

import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.Cookie;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * The API uses no cookies, but browsers and proxies send them, and a malformed one must not break a
 * request. Jetty's cookie parser leaves the value of some malformed cookies {@code null} (a name
 * followed by a space and a comma, as in {@code Cookie: a ,}); WireMock's request journal then fails
 * on it, and the request would be answered 500. Here such a cookie reaches WireMock with an empty
 * value, as {@code a=} would, so the journal still records that it was sent.
 */
final class ValuelessCookieFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new EmptyValuedCookies((HttpServletRequest) request), response);
    }

    private static final class EmptyValuedCookies extends HttpServletRequestWrapper {

        EmptyValuedCookies(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            Cookie[] cookies = super.getCookies();
            if (cookies == null) {
                return null;
            }
            Cookie[] safe = cookies.clone();
            for (int i = 0; i < safe.length; i++) {
                if (safe[i].getValue() == null) {
                    // a clone, not a new Cookie: the constructor would re-validate the name Jetty accepted
                    safe[i] = (Cookie) safe[i].clone();
                    safe[i].setValue("");
                }
            }
            return safe;
        }
    }
}
