package com.clinikapi.server.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A response as the client saw it, with helpers to read its JSON by path ({@code data.requestedPeriod[0].start}). */
public record ApiResponse(int status, HttpHeaders headers, String body, JsonMapper json) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public JsonNode tree() {
        try {
            return json.readValue(body.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The node at a dotted path, or null when absent. */
    public JsonNode at(String path) {
        JsonNode node = tree();
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            node = name.isEmpty() ? node : node.get(name);
            while (node != null && bracket >= 0) {
                int close = segment.indexOf(']', bracket);
                node = node.get(Integer.parseInt(segment.substring(bracket + 1, close)));
                bracket = segment.indexOf('[', close);
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The string at a path; null when absent or JSON null. */
    public String text(String path) {
        JsonNode node = at(path);
        return node == null || node.isNull() ? null : node.coerceStringValue();
    }

    public long number(String path) {
        return at(path).getLongValue();
    }

    public boolean has(String path) {
        return at(path) != null;
    }

    /** The {@code diagnostics} of every issue of an error body. */
    public List<String> diagnostics() {
        List<String> all = new ArrayList<>();
        JsonNode issues = at("issues");
        for (int i = 0; issues != null && i < issues.size(); i++) {
            all.add(issues.get(i).get("diagnostics").getStringValue());
        }
        return all;
    }

    /** The ids of a search page, in order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        JsonNode page = at("data.data");
        for (int i = 0; i < page.size(); i++) {
            ids.add(page.get(i).get("id").getStringValue());
        }
        return ids;
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
