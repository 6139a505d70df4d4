package com.clinikapi.mock.web.transport;

import com.clinikapi.contract.ApiLimits;
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
import java.util.zip.GZIPInputStream;

/**
 * WireMock reads every request body into its journal before any handler runs, whole, and answers 500
 * when it cannot: a broken chunked encoding, a client that goes away mid-body, or a body that says
 * (by {@code Content-Encoding} or by its first bytes) it is gzip and does not decode. Here the body
 * is read first, and inflated, only up to {@link ApiLimits#MAX_BODY_BYTES} (without the bound a
 * 400 KB gzip body of zeros grew the mock by 1.5 GB): one that is larger as sent or once inflated is
 * recorded as {@link TransportFinding#BODY_TOO_LARGE}, one that does not read or inflate as
 * {@link TransportFinding#UNREADABLE_BODY}, and either reaches WireMock empty and without its
 * {@code Content-Encoding}. The pipeline decides what that means (413, or a body read as empty, as
 * the service answers them). A body that reads and decodes is passed on as it came.
 */
final class BoundedBodyFilter implements Filter {

    private static final String CONTENT_ENCODING = "Content-Encoding";
    private static final int LIMIT = ApiLimits.MAX_BODY_BYTES;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Body body = read(http);
        if (body.finding() == null) {
            chain.doFilter(new BufferedBody(http, body.bytes(), false), response);
            return;
        }
        chain.doFilter(new BufferedBody(MarkedRequest.mark(http, body.finding()), new byte[0], true), response);
    }

    /** The body as sent, bounded as sent and once inflated. */
    private static Body read(HttpServletRequest request) {
        byte[] raw;
        try {
            raw = request.getInputStream().readNBytes(LIMIT + 1);
        } catch (IOException e) {
            return Body.UNREADABLE;
        }
        if (raw.length > LIMIT) {
            return Body.TOO_LARGE;
        }
        String encoding = request.getHeader(CONTENT_ENCODING);
        // WireMock's own test of whether to decode, so that what passes here decodes there
        if (encoding != null && encoding.contains("gzip") || Gzip.isGzipped(raw)) {
            try (GZIPInputStream inflating = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                if (inflating.readNBytes(LIMIT + 1).length > LIMIT) {
                    return Body.TOO_LARGE;
                }
            } catch (IOException e) {
                return Body.UNREADABLE;
            }
        }
        return new Body(raw);
    }

    /** A body read once: its bytes, or what kept it from being read (then it carries none). */
    private record Body(byte[] bytes, TransportFinding finding) {
        static final Body UNREADABLE = new Body(null, TransportFinding.UNREADABLE_BODY);
        static final Body TOO_LARGE = new Body(null, TransportFinding.BODY_TOO_LARGE);

        Body(byte[] bytes) {
            this(bytes, null);
        }
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
