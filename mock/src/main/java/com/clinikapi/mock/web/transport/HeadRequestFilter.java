package com.clinikapi.mock.web.transport;

import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletOutputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.WriteListener;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@code HEAD} is answered as its {@code GET} (the pipeline serves it so) without the body, as
 * HTTP requires; WireMock would write the body. The headers, {@code Content-Length} included, stay
 * those of the {@code GET}.
 */
final class HeadRequestFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean head = "HEAD".equals(((HttpServletRequest) request).getMethod());
        chain.doFilter(request, head ? new BodylessResponse((HttpServletResponse) response) : response);
    }

    /** The response with every byte of its body dropped. */
    private static final class BodylessResponse extends HttpServletResponseWrapper {

        private final ServletOutputStream nowhere = new DiscardingStream();

        BodylessResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return nowhere;
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(new OutputStreamWriter(nowhere, StandardCharsets.UTF_8));
        }
    }

    private static final class DiscardingStream extends ServletOutputStream {

        @Override
        public void write(int b) {
            // a HEAD answer has no body
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // a HEAD answer has no body
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
