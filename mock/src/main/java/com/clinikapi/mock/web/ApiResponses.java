package com.clinikapi.mock.web;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.docs.DocsAnswer;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.ratelimit.RateLimitSnapshot;
import com.clinikapi.mock.spec.ContractResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every answer in the contract's wire format, in one place: the success envelope
 * {@code {"data", "meta"}}, the error body {@code {"error", "code", "requestId", "issues"}} (plus
 * {@code meta} once a key was recognised and counted, as the service does), and the
 * headers every response carries ({@code X-Request-Id}, {@code X-Timestamp},
 * {@code X-RateLimit-*}; {@code Retry-After} on every 429 and 503, as the service sends it).
 */
public final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Media types of answers that belong to no operation (unknown routes, undecodable requests), as the service's. */
    private static final List<String> OUTSIDE_OPERATIONS = List.of(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON);

    ResponseDefinition success(RequestContext context, RateLimitSnapshot rate, ApiResult result) {
        JsonNode body = null;
        if (result.enveloped()) {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.set("data", result.payload());
            envelope.set("meta", meta(context, result.status(), rate));
            body = envelope;
        } else if (result.payload() != null) {
            body = refreshed(result.payload(), context, result.status(), rate);
        }
        return build(context, result.status(), body, rate, result.headers());
    }

    /**
     * @param retryAfterSeconds the {@code Retry-After} if the error asks the client to retry later (429, 503)
     */
    ResponseDefinition error(RequestContext context, RateLimitSnapshot rate, ApiException error, int retryAfterSeconds) {
        int status = error.code().httpStatus();
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error.code().summary());
        body.put("code", error.code().name());
        body.put("requestId", context.requestId());
        ArrayNode issues = body.putArray("issues");
        for (ValidationIssue issue : error.issues()) {
            issues.addObject()
                    .put("severity", issue.severity())
                    .put("code", issue.type().code())
                    .put("diagnostics", issue.diagnostics());
        }
        RateLimitSnapshot reported = status == 429 ? rate.exhausted(retryAfterSeconds) : rate;
        if (reported.metered()) {
            body.set("meta", meta(context, status, reported));
        }
        Map<String, String> headers = asksToRetryLater(status)
                ? Map.of(ApiHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                : Map.of();
        return build(context, status, body, reported, headers);
    }

    /** The statuses the contract answers with {@code Retry-After}: rate limited, temporarily unavailable. */
    private static boolean asksToRetryLater(int status) {
        return status == 429 || status == 503;
    }

    /**
     * An answer for a request no operation matches, as the service gives it: not part of the
     * contract's vocabulary, since no operation documents it.
     */
    ResponseDefinition routeError(RequestContext context, RateLimitSnapshot rate, RouteError error, List<String> allowed) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error.summary());
        body.put("code", error.code());
        body.put("requestId", context.requestId());
        body.putArray("issues");
        if (rate.metered()) {
            body.set("meta", meta(context, error.status(), rate));
        }
        Map<String, String> headers = allowed.isEmpty() ? Map.of() : Map.of("Allow", String.join(", ", allowed));
        return build(context, error.status(), body, rate, headers);
    }

    /** A file of the reference docs: its own type, caching and security headers, and those every answer carries. */
    ResponseDefinition docs(RequestContext context, RateLimitSnapshot rate, DocsAnswer answer) {
        List<HttpHeader> headers = commonHeaders(context, rate);
        answer.headers().forEach((name, value) -> headers.add(new HttpHeader(name, value)));
        return new ResponseDefinitionBuilder().withStatus(DocsAnswer.STATUS).withBody(answer.body())
                .withHeaders(new HttpHeaders(headers)).build();
    }

    private ObjectNode meta(RequestContext context, int status, RateLimitSnapshot rate) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("requestId", context.requestId());
        meta.put("timestamp", UtcTimes.format(context.now()));
        meta.put("status", status);
        meta.put("rateLimitTotal", rate.limit());
        meta.put("rateLimitRemaining", rate.remaining());
        meta.put("rateLimitReset", rate.resetSeconds());
        return meta;
    }

    /** A spec example as this response: its {@code meta} and {@code requestId}, if any, are this request's. */
    private JsonNode refreshed(JsonNode example, RequestContext context, int status, RateLimitSnapshot rate) {
        if (!example.isObject()) {
            return example;
        }
        ObjectNode copy = example.deepCopy();
        if (copy.path("meta").isObject()) {
            copy.set("meta", meta(context, status, rate));
        }
        if (copy.path("requestId").isTextual()) {
            copy.put("requestId", context.requestId());
        }
        return copy;
    }

    private ResponseDefinition build(RequestContext context, int status, JsonNode body, RateLimitSnapshot rate,
                                     Map<String, String> extraHeaders) {
        List<HttpHeader> headers = commonHeaders(context, rate);
        extraHeaders.forEach((name, value) -> headers.add(new HttpHeader(name, value)));
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(status);
        if (body != null) {
            headers.add(new HttpHeader("Content-Type", mediaType(context, status)));
            response.withBody(bytes(body));
        }
        return response.withHeaders(new HttpHeaders(headers)).build();
    }

    /** The headers every response carries, the reference docs' included. */
    private static List<HttpHeader> commonHeaders(RequestContext context, RateLimitSnapshot rate) {
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader(ApiHeaders.REQUEST_ID, context.requestId()));
        headers.add(new HttpHeader(ApiHeaders.TIMESTAMP, UtcTimes.format(context.now())));
        headers.add(new HttpHeader(ApiHeaders.RATE_LIMIT_LIMIT, Integer.toString(rate.limit())));
        headers.add(new HttpHeader(ApiHeaders.RATE_LIMIT_REMAINING, Integer.toString(rate.remaining())));
        headers.add(new HttpHeader(ApiHeaders.RATE_LIMIT_RESET, Integer.toString(rate.resetSeconds())));
        return headers;
    }

    private static String mediaType(RequestContext context, int status) {
        List<String> offered = context.operation() == null
                ? OUTSIDE_OPERATIONS
                : context.operation().response(status).map(ContractResponse::mediaTypes).orElse(List.of());
        return MediaTypeNegotiation.choose(context.accept(), offered);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
