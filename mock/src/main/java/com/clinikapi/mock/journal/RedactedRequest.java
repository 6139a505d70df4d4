package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.common.Encoding;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A request as {@link JournalRedaction} lets the journal keep it; everything else is the request's own. */
final class RedactedRequest extends RequestWrapper {

    private final Request request;
    private final HttpHeaders headers;
    private final byte[] body;

    RedactedRequest(Request request) {
        super(request);
        this.request = request;
        this.headers = JournalRedaction.redact(request.getHeaders() == null ? HttpHeaders.noHeaders() : request.getHeaders());
        this.body = JournalRedaction.bounded(request.getBody());
    }

    @Override
    public UUID getId() {
        return request.getId();
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public String getHeader(String key) {
        HttpHeader header = headers.getHeader(key);
        return header.isPresent() ? header.firstValue() : null;
    }

    @Override
    public HttpHeader header(String key) {
        return headers.getHeader(key);
    }

    @Override
    public boolean containsHeader(String key) {
        return headers.getHeader(key).isPresent();
    }

    @Override
    public Set<String> getAllHeaderKeys() {
        return headers.keys();
    }

    /** WireMock's own {@code ImmutableRequest} has no cookies at all. */
    @Override
    public Map<String, Cookie> getCookies() {
        Map<String, Cookie> cookies = request.getCookies();
        return cookies == null ? Map.of() : cookies;
    }

    @Override
    public byte[] getBody() {
        return body;
    }

    @Override
    public String getBodyAsString() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String getBodyAsBase64() {
        return body == null ? null : Encoding.encodeBase64(body);
    }
}
