package com.clinikapi.mock.admin;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.mock.scenario.RunScenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.UncheckedIOException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The plain JSON answers of the mock's own management endpoints (the admin API and partners'
 * sandbox endpoints), which are not the API and so not in its envelope.
 */
public final class AdminAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminAnswers() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code {"error": message}}. */
    public static ObjectNode problem(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    /**
     * Adds the scenario a request body describes ({@code {"prefer": "code=503", "times": 2}}) through
     * {@code add}: 201 with the new entry as {@code view} shows it, or 400 saying what is wrong. The admin
     * API and partners' sandbox endpoints take scenarios alike; only whose they are differs.
     */
    public static ResponseDefinition addScenario(JsonNode body, BiFunction<String, Integer, RunScenarios.Entry> add,
                                                 Function<RunScenarios.Entry, Object> view) {
        if (body == null) {
            return json(400, problem("the body must be a JSON object"));
        }
        String prefer = body.path("prefer").asText(null);
        if (prefer == null) {
            return json(400, problem("prefer is required, e.g. {\"prefer\": \"code=503\"}"));
        }
        try {
            Integer times = body.hasNonNull("times") ? body.get("times").asInt() : null;
            return json(201, view.apply(add.apply(prefer, times)));
        } catch (ApiException e) {
            return json(400, problem(e.issues().isEmpty() ? "invalid scenario" : e.issues().get(0).diagnostics()));
        }
    }

    public static ResponseDefinition json(int status, Object body) {
        try {
            return new ResponseDefinitionBuilder()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsBytes(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request's body as a JSON object; empty if there is none, null if it is not an object. */
    public static JsonNode body(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode body = JSON.readTree(text);
            return body != null && body.isObject() ? body : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static JsonNode body(ServeEvent event) {
        return body(event.getRequest().getBodyAsString());
    }
}
