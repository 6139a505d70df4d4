package com.clinikapi.contract.suite.http;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.ApiMediaTypes;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One request being built: the target's key and {@code Accept: application/json} unless the test
 * says otherwise. Ends with {@link #send()}, which returns a contract-checked response.
 */
public final class ApiCall {

    /** A header to send; order kept, names may repeat. */
    public record Header(String name, String value) {
    }

    private final ContractClient client;
    private final String method;
    private final StringBuilder path;
    private final List<Header> headers = new ArrayList<>();
    private final List<String> submittedValues = new ArrayList<>();
    private String apiKey;
    private boolean sendKey = true;
    private String accept = ApiMediaTypes.JSON;
    private String contentType;
    private byte[] body;
    private boolean chunkedVerbatim;
    private boolean allowServerError;

    ApiCall(ContractClient client, String method, String pathAndQuery) {
        this.client = client;
        this.method = method;
        this.path = new StringBuilder(pathAndQuery);
        this.apiKey = client.target().apiKey();
        for (String segment : pathAndQuery.split("[/?&=]")) {
            submittedValues.add(decoded(segment));
        }
    }

    /** Adds a query parameter, encoded. */
    public ApiCall query(String name, Object value) {
        path.append(path.indexOf("?") < 0 ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        submittedValues.add(String.valueOf(value));
        return this;
    }

    public ApiCall queries(Map<String, ?> parameters) {
        parameters.forEach(this::query);
        return this;
    }

    public ApiCall key(String key) {
        this.apiKey = key;
        this.sendKey = true;
        return this;
    }

    public ApiCall withoutKey() {
        this.sendKey = false;
        return this;
    }

    /** The Accept header; null sends none. */
    public ApiCall accept(String mediaType) {
        this.accept = mediaType;
        return this;
    }

    public ApiCall header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** A JSON body, sent as {@code application/json} unless {@link #contentType} says otherwise. */
    public ApiCall json(JsonNode node) {
        return body(Json.write(node).getBytes(StandardCharsets.UTF_8));
    }

    /** A body as text, e.g. malformed JSON. */
    public ApiCall body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiCall body(byte[] bytes) {
        JsonNode parsed = Json.parseOrMissing(bytes);
        if (parsed.isMissingNode()) {
            submittedValues.add(new String(bytes, StandardCharsets.UTF_8));
        } else {
            collectValues(parsed);
        }
        this.body = bytes;
        if (contentType == null) {
            contentType = ApiMediaTypes.JSON;
        }
        return this;
    }

    /**
     * A body in chunked transfer encoding written by hand, sent as given (with
     * {@code Transfer-Encoding: chunked}) over a plain socket: for framings no HTTP client produces,
     * such as a chunk size that is not hexadecimal.
     */
    public ApiCall chunkedBodyVerbatim(String chunks) {
        body(chunks);
        this.chunkedVerbatim = true;
        return header("Transfer-Encoding", "chunked");
    }

    /** The Content-Type header; null sends none even with a body. */
    public ApiCall contentType(String mediaType) {
        this.contentType = mediaType;
        return this;
    }

    /** This test deliberately asks the target for a 5xx (the mock's scenarios); anywhere else a 5xx fails. */
    public ApiCall allowingServerError() {
        this.allowServerError = true;
        return this;
    }

    public ApiResponse send() {
        return client.exchange(this);
    }

    /** For the scenarios that must drop the connection: the I/O failure the client saw. */
    public IOException sendExpectingDroppedConnection() {
        return client.exchangeExpectingDrop(this);
    }

    String method() {
        return method;
    }

    String path() {
        return path.toString();
    }

    byte[] body() {
        return body;
    }

    boolean isChunkedVerbatim() {
        return chunkedVerbatim;
    }

    List<Header> headers() {
        List<Header> all = new ArrayList<>();
        if (sendKey && apiKey != null) {
            all.add(new Header(ApiHeaders.API_KEY, apiKey));
        }
        if (accept != null) {
            all.add(new Header("Accept", accept));
        }
        if (body != null && contentType != null) {
            all.add(new Header("Content-Type", contentType));
        }
        all.addAll(headers);
        return all;
    }

    SentRequest sent() {
        List<String> values = new ArrayList<>(submittedValues);
        headers.forEach(h -> values.add(h.value()));
        if (sendKey && apiKey != null) {
            values.add(apiKey);
        }
        return new SentRequest(method, path(), accept, values, allowServerError);
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a deliberately broken escape: the raw text is what was submitted
            return segment;
        }
    }

    private void collectValues(JsonNode node) {
        if (node.isTextual()) {
            submittedValues.add(node.asText());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                submittedValues.add(field.getKey());
                collectValues(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(this::collectValues);
        }
    }
}
