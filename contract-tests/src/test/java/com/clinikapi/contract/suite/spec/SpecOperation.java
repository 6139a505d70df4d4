package com.clinikapi.contract.suite.spec;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One operation of the spec: method, path template, and the responses it documents.
 *
 * @param responses by HTTP status; only explicit three-digit statuses (the spec has no {@code default})
 */
public record SpecOperation(
        String operationId,
        String method,
        String pathTemplate,
        Map<Integer, SpecResponse> responses,
        List<Parameter> parameters,
        Operation operation) {

    public SpecOperation {
        responses = Map.copyOf(responses);
        parameters = List.copyOf(parameters);
    }

    public boolean matches(String path) {
        return pathPattern().matcher(path).matches();
    }

    public Set<Integer> documentedStatuses() {
        return responses.keySet();
    }

    public Optional<SpecResponse> response(int status) {
        return Optional.ofNullable(responses.get(status));
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    /** For reports: {@code createAppointment (POST /v1/appointments)}. */
    public String describe() {
        return operationId + " (" + method + " " + pathTemplate + ")";
    }

    private Pattern pathPattern() {
        // {name} matches one non-empty path segment; everything else is literal
        StringBuilder regex = new StringBuilder("^");
        for (String part : pathTemplate.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.append("$").toString());
    }
}
