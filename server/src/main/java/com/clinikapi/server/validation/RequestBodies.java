package com.clinikapi.server.validation;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.type.Argument;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The raw JSON of a request body (kept by {@link RawBodyFilter}), next to the model Micronaut bound
 * it to. PATCH needs it to tell an absent field (keep) from an explicit {@code null} (clear), and
 * error handling needs it to name the field a failed binding was about.
 */
@Singleton
public class RequestBodies {

    private static final String PARSED = "clinikapi.rawJson";
    /** Duplicate names are refused: parsers disagree on which one wins, so such a body means two things. */
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonMapper json;

    public RequestBodies(JsonMapper json) {
        this.json = json;
    }

    /** The body as a JSON tree; empty when there is none or it is not JSON. */
    public Optional<JsonNode> rawJson(HttpRequest<?> request) {
        Optional<JsonNode> parsed = request.getAttribute(PARSED, JsonNode.class);
        if (parsed.isPresent()) {
            return parsed;
        }
        Optional<JsonNode> tree = request.getAttribute(RawBodyFilter.ATTRIBUTE, byte[].class).flatMap(this::parse);
        tree.ifPresent(node -> request.setAttribute(PARSED, node));
        return tree;
    }

    /**
     * The raw body, which must be a JSON object (else 400 {@code MALFORMED_JSON}, as for any body
     * that is not one) of the right shape for {@code model} (else 422 {@code VALIDATION_ERROR}).
     */
    public JsonNode requireShape(HttpRequest<?> request, Class<?> model) {
        JsonNode body = rawJson(request).filter(JsonNode::isObject).orElseThrow(RequestBodies::malformed);
        List<ValidationIssue> issues = BodyShape.check(body, model);
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return body;
    }

    /** Shape issues of the current body for the matched route's model; empty if there is nothing to check. */
    public List<ValidationIssue> shapeIssues(HttpRequest<?> request) {
        Optional<Class<?>> model = modelOf(request);
        Optional<JsonNode> body = rawJson(request);
        if (model.isEmpty() || body.isEmpty()) {
            return List.of();
        }
        return BodyShape.check(body.get(), model.get());
    }

    /** The body bytes exactly as received (for POST and PATCH), e.g. to fingerprint an idempotent request. */
    public Optional<byte[]> rawBytes(HttpRequest<?> request) {
        return request.getAttribute(RawBodyFilter.ATTRIBUTE, byte[].class);
    }

    /** Whether the request carried a body with anything but whitespace in it. */
    public boolean hasContent(HttpRequest<?> request) {
        byte[] bytes = request.getAttribute(RawBodyFilter.ATTRIBUTE, byte[].class).orElse(new byte[0]);
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }

    /** A body that is not a JSON object: 400, whatever the content. */
    public static ApiException malformed() {
        return new ApiException(ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.malformedJson()));
    }

    /** The model type the matched route binds its body to, if it has one. */
    public Optional<Class<?>> modelOf(HttpRequest<?> request) {
        return BasicHttpAttributes.getRouteMatchInfo(request)
                .filter(RouteMatch.class::isInstance)
                .flatMap(match -> ((RouteMatch<?>) match).getRouteInfo().getRequestBodyType())
                .map(Argument::getType);
    }

    /** Whether the request has a body that is not one well-formed JSON object (answered 400 {@code MALFORMED_JSON}). */
    public boolean isMalformed(HttpRequest<?> request) {
        return hasContent(request) && rawJson(request).filter(JsonNode::isObject).isEmpty();
    }

    private Optional<JsonNode> parse(byte[] bytes) {
        if (!isSingleJsonValue(bytes)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(bytes, JsonNode.class));
        } catch (IOException | RuntimeException e) {
            // Not JSON: the caller answers MALFORMED_JSON; the parser's message quotes the input, so it is dropped.
            return Optional.empty();
        }
    }

    /**
     * Whether the bytes hold exactly one JSON value without duplicate names. Binding stops after the
     * first value, so {@code {"a":1}}} would otherwise pass for an object.
     */
    private static boolean isSingleJsonValue(byte[] bytes) {
        try (JsonParser parser = JSON_FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren(); // reads through the value, checking names for duplicates on the way
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
