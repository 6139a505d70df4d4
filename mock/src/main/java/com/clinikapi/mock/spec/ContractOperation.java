package com.clinikapi.mock.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the spec, as the mock needs it: how to recognise a request for it, whether it
 * needs an API key, which parameters (in the spec's order) and body media types it accepts, and
 * which responses it documents. The mock never answers an operation with a status that is not in
 * {@link #responses()}.
 */
public record ContractOperation(
        String operationId,
        String method,
        String pathTemplate,
        List<String> pathParameterNames,
        List<String> parameterNames,
        boolean requiresApiKey,
        Set<String> requestMediaTypes,
        boolean requestBodyRequired,
        Schema<?> requestSchema,
        SortedMap<Integer, ContractResponse> responses) {

    public ContractOperation {
        pathParameterNames = List.copyOf(pathParameterNames);
        parameterNames = List.copyOf(parameterNames);
        requestMediaTypes = Set.copyOf(requestMediaTypes);
        responses = new TreeMap<>(responses);
    }

    /** Whether the operation takes a request body at all. */
    public boolean hasRequestBody() {
        return !requestMediaTypes.isEmpty();
    }

    public boolean documents(int status) {
        return responses.containsKey(status);
    }

    public Optional<ContractResponse> response(int status) {
        return Optional.ofNullable(responses.get(status));
    }

    /** The operation's success status: the lowest documented 2xx. */
    public int successStatus() {
        return responses.keySet().stream()
                .filter(status -> status >= 200 && status < 300)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(operationId + " documents no success response"));
    }

    /** Whether a key with read-only scope may call it. */
    public boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** The regular expression a request path must match, with one group per path parameter. */
    Pattern pathPattern() {
        return PathTemplates.compile(pathTemplate);
    }

    /** The path parameters of {@code path} (still percent-encoded), if the path is this operation's. */
    Optional<Map<String, String>> matchPath(Pattern compiled, String path) {
        Matcher matcher = compiled.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pathParameterNames.size(); i++) {
            params.put(pathParameterNames.get(i), matcher.group(i + 1));
        }
        return Optional.of(params);
    }
}
