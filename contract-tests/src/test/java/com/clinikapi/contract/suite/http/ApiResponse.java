package com.clinikapi.contract.suite.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * An answer from a target, already checked against the contract by {@link ContractClient}. Tests read
 * the documented parts through the accessors: the envelope's {@code data} and {@code meta}, the error
 * {@code code} and issues.
 */
public final class ApiResponse {

    private final String operation;
    private final String method;
    private final String path;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private JsonNode json;

    ApiResponse(String operation, String method, String path, int status, HttpHeaders headers, byte[] body) {
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** The method of the request this answers. */
    public String method() {
        return method;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** The media type without parameters, lower case; empty when there is none. */
    public String mediaType() {
        return contentType().split(";", -1)[0].trim().toLowerCase();
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The body as JSON; a missing node when there is no body or it is not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = Json.parseOrMissing(body);
        }
        return json;
    }

    /** The envelope's {@code data}. */
    public JsonNode data() {
        return json().path("data");
    }

    public JsonNode meta() {
        return json().path("meta");
    }

    /** The error body's machine code; empty string on a success body. */
    public String errorCode() {
        return json().path("code").asText("");
    }

    public List<JsonNode> issues() {
        JsonNode issues = json().path("issues");
        return issues.isArray() ? StreamSupport.stream(issues.spliterator(), false).toList() : List.of();
    }

    public List<String> diagnostics() {
        return issues().stream().map(i -> i.path("diagnostics").asText()).toList();
    }

    /** The fields the issues name: the part of each {@code diagnostics} before the first colon. */
    public List<String> issueFields() {
        return diagnostics().stream().map(d -> d.contains(":") ? d.substring(0, d.indexOf(':')) : d).toList();
    }

    public String id() {
        return data().path("id").asText();
    }

    /** For assertion messages: {@code createAppointment POST /v1/appointments -> 201}. */
    public String describe() {
        return operation + " " + method + " " + path + " -> " + status;
    }

    @Override
    public String toString() {
        String text = bodyText();
        return describe() + (text.isEmpty() ? "" : " " + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text));
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
