package com.clinikapi.mock.web.transport;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import wiremock.jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes an answer of the pipeline straight to Jetty, for requests that never reach WireMock. */
final class HttpResponses {

    private HttpResponses() {
    }

    static void write(ResponseDefinition answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatus());
        if (answer.getHeaders() != null) {
            for (HttpHeader header : answer.getHeaders().all()) {
                for (String value : header.values()) {
                    response.addHeader(header.key(), value);
                }
            }
        }
        byte[] body = answer.getByteBody();
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }
}
