package com.clinikapi.mock.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/** One HTTP answer of the mock, with shortcuts to the contract's body fields. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    public JsonNode data() {
        return json().path("data");
    }

    public String id() {
        return data().path("id").asText();
    }

    /** The error code of an error body. */
    public String code() {
        return json().path("code").asText();
    }

    /** The {@code diagnostics} of every issue of an error body. */
    public List<String> diagnostics() {
        List<String> diagnostics = new ArrayList<>();
        json().path("issues").forEach(issue -> diagnostics.add(issue.path("diagnostics").asText()));
        return diagnostics;
    }

    /** The {@code code} (FHIR issue type) of every issue of an error body. */
    public List<String> issueTypes() {
        List<String> types = new ArrayList<>();
        json().path("issues").forEach(issue -> types.add(issue.path("code").asText()));
        return types;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
