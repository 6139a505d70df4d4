package com.clinikapi.mock.web;

import com.github.tomakehurst.wiremock.common.Gzip;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * WireMock reads every request body into its journal before any handler runs, and answers 500 when
 * it cannot: a broken chunked encoding, a client that goes away mid-body, or a body that says (by
 * {@code Content-Encoding} or by its first bytes) it is gzip and does not decode. The service reads
 * such a body as empty, so an operation that needs one answers {@code 400 MALFORMED_JSON} after the
 * key check and one that does not ignores it. Here such a body reaches WireMock empty and without
 * its {@code Content-Encoding}, so the pipeline answers the same. A body that reads and decodes is
 * passed on as it came.
 */
final class UnreadableBodyFilter implements Filter {

    private static final String CONTENT_ENCODING = "Content-Encoding";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        byte[] body = readable(http);
        chain.doFilter(body == null ? new BufferedBody(http, new byte[0], true) : new BufferedBody(http, body, false), response);
    }

    /** The body as sent, or {@code null} if WireMock could not read it. */
    private static byte[] readable(HttpServletRequest request) {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            return null;
        }
        String encoding = request.getHeader(CONTENT_ENCODING);
        // WireMock's own test of whether to decode, so that what passes here decodes there
        if (encoding != null && encoding.contains("gzip") || Gzip.isGzipped(body)) {
            try {
                Gzip.unGzip(body);
            } catch (Exception e) { // a ZipException, thrown unchecked
                return null;
            }
        }
        return body;
    }

    /** The request with its body read once, here, and replayed to WireMock. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final boolean withoutEncoding;

        BufferedBody(HttpServletRequest request, byte[] body, boolean withoutEncoding) {
            super(request);
            this.body = body;
            this.withoutEncoding = withoutEncoding;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ReplayedStream(body);
        }

        @Override
        public String getHeader(String name) {
            return isHidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            if (!withoutEncoding) {
                return super.getHeaderNames();
            }
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !isHidden(name)).toList());
        }

        private boolean isHidden(String name) {
            return withoutEncoding && CONTENT_ENCODING.equalsIgnoreCase(name);
        }
    }

    private static final class ReplayedStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        ReplayedStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
