package com.clinikapi.mock.web;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.RequestIds;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.idempotency.IdempotentResults;
import com.clinikapi.mock.ratelimit.RateLimitSnapshot;
import com.clinikapi.mock.ratelimit.RateLimitWindows;
import com.clinikapi.mock.sandbox.IdleSandboxes;
import com.clinikapi.mock.scenario.ConnectionFault;
import com.clinikapi.mock.scenario.ForcedResponses;
import com.clinikapi.mock.scenario.PreferHeader;
import com.clinikapi.mock.scenario.Scenario;
import com.clinikapi.mock.scenario.ScenarioSelector;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.OperationMatch;
import com.clinikapi.mock.validation.JsonBodyReader;
import com.clinikapi.mock.validation.RequestValidation;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the mock answers one request, in the service's order: find the spec operation, check the
 * key, apply a scenario (before anything can change state), read and validate the body and
 * parameters against the spec, then let the operation's handler answer, at most once per
 * {@code Idempotency-Key} ({@link IdempotentResults}). Every outcome, errors
 * included, leaves through {@link ApiResponses}.
 */
public final class ApiPipeline {

    private final ApiContract contract;
    private final Map<String, OperationHandler> handlers;
    private final ApiKeyCheck keyCheck;
    private final RateLimitWindows rateLimits;
    private final ScenarioSelector scenarios;
    private final ForcedResponses forced;
    private final JsonBodyReader bodies;
    private final RequestValidation validation;
    private final ApiResponses responses;
    private final RequestLog log;
    private final IdempotentResults idempotentResults;
    private final IdleSandboxes sandboxes;
    private final Clock clock;

    public ApiPipeline(ApiContract contract, Map<String, OperationHandler> handlers, ApiKeyCheck keyCheck,
                       RateLimitWindows rateLimits, ScenarioSelector scenarios, ForcedResponses forced,
                       JsonBodyReader bodies, RequestValidation validation, RequestLog log,
                       IdempotentResults idempotentResults, IdleSandboxes sandboxes, Clock clock) {
        this.contract = contract;
        this.handlers = Map.copyOf(handlers);
        this.keyCheck = keyCheck;
        this.rateLimits = rateLimits;
        this.scenarios = scenarios;
        this.forced = forced;
        this.bodies = bodies;
        this.validation = validation;
        this.responses = new ApiResponses();
        this.log = log;
        this.idempotentResults = idempotentResults;
        this.sandboxes = sandboxes;
        this.clock = clock;
    }

    public ResponseDefinition answer(Request request) {
        long started = System.nanoTime();
        String method = request.getMethod().getName();
        String url = request.getUrl();
        Optional<OperationMatch> match = contract.match(method, QueryStrings.path(url));
        RequestContext context = new RequestContext(RequestIds.newId(), UtcTimes.now(clock), request.getHeader("Accept"),
                match.map(OperationMatch::operation).orElse(null));
        String apiKey = request.getHeader(ApiHeaders.API_KEY);
        ResponseDefinition answer = match
                .map(m -> answer(context, m, request, apiKey))
                .orElseGet(() -> answerUnrouted(context, method, QueryStrings.path(url), apiKey));
        log.served(context, method, apiKey, outcome(answer), System.nanoTime() - started);
        return answer;
    }

    /**
     * The API's error answer for a request refused before it reached WireMock (a query or path the
     * HTTP layer cannot decode); such a request is not in WireMock's journal.
     */
    public ResponseDefinition refuse(String accept, ApiException error) {
        return refuse(accept, null, error);
    }

    /** Whether {@code method} and {@code path} name an operation that reads a request body. */
    public boolean takesBody(String method, String path) {
        return contract.match(method, path).map(m -> m.operation().hasRequestBody()).orElse(false);
    }

    /**
     * The same for a request whose operation is known ({@code method} and {@code path} match one):
     * the answer's media type is then one the spec declares for that operation's refusal.
     */
    public ResponseDefinition refuse(String accept, String method, String path, ApiException error) {
        return refuse(accept, contract.match(method, path).map(OperationMatch::operation).orElse(null), error);
    }

    private ResponseDefinition refuse(String accept, ContractOperation operation, ApiException error) {
        RequestContext context = new RequestContext(RequestIds.newId(), UtcTimes.now(clock), accept, operation);
        return responses.error(context, rateLimits.unmetered(), error, Scenario.DEFAULT_RETRY_AFTER_SECONDS);
    }

    /** The answer for a path nothing serves, when the HTTP layer finds it. */
    public ResponseDefinition refuseUnrouted(String accept) {
        RequestContext context = new RequestContext(RequestIds.newId(), UtcTimes.now(clock), accept, null);
        return responses.routeError(context, rateLimits.unmetered(), RouteError.NO_SUCH_ENDPOINT, List.of());
    }

    /**
     * A method or path the spec does not define. Under {@code /v1/} the key is checked first, as
     * the service's key filter does; then a known path is 405 (with {@code Allow}), anything else 404.
     */
    private ResponseDefinition answerUnrouted(RequestContext context, String method, String path, String apiKey) {
        RateLimitSnapshot rate = rateLimits.unmetered();
        try {
            if (path.startsWith(RouteError.KEYED_PREFIX)) {
                keyCheck.authenticate(apiKey);
                rate = meter(apiKey);
                admit(apiKey, "GET".equals(method) || "HEAD".equals(method));
            }
        } catch (ApiException e) {
            return responses.error(context, rate, e, Scenario.DEFAULT_RETRY_AFTER_SECONDS);
        }
        List<String> allowed = contract.methodsOf(path);
        return allowed.isEmpty()
                ? responses.routeError(context, rate, RouteError.NO_SUCH_ENDPOINT, List.of())
                : responses.routeError(context, rate, RouteError.METHOD_NOT_ALLOWED, allowed);
    }

    private ResponseDefinition answer(RequestContext context, OperationMatch match, Request request, String apiKey) {
        ContractOperation operation = match.operation();
        RateLimitSnapshot rate = rateLimits.unmetered();
        Scenario scenario = Scenario.NONE;
        try {
            if (operation.requiresApiKey()) {
                keyCheck.authenticate(apiKey);
                rate = meter(apiKey);
                admit(apiKey, operation.isRead());
            }
            scenario = scenarios.select(request.getHeader(PreferHeader.NAME), apiKey, operation);
            if (scenario.fault() != null) {
                return delayed(faulted(scenario.fault()), scenario);
            }
            ApiResult result = forcedResult(operation, scenario)
                    .orElseGet(() -> serve(context, match, request, apiKey));
            return delayed(responses.success(context, rate, result), scenario);
        } catch (ApiException e) {
            return delayed(responses.error(context, rate, e, scenario.retryAfterOrDefault()), scenario);
        } catch (RuntimeException e) {
            RequestLog.unexpected(context.requestId(), e);
            return delayed(responses.error(context, rate, new ApiException(ErrorCode.INTERNAL_ERROR),
                    scenario.retryAfterOrDefault()), scenario);
        }
    }

    /** A recognised key's request: counted in its rate window, and its sandbox is in use. */
    private RateLimitSnapshot meter(String apiKey) {
        sandboxes.used(apiKey);
        return rateLimits.consume(apiKey);
    }

    /** After a recognised key was counted, as on the service: its rate limit (429), then its scope (403). */
    private void admit(String apiKey, boolean isRead) {
        if (keyCheck.isAlwaysRateLimited(apiKey)) {
            throw new ApiException(ErrorCode.RATE_LIMITED);
        }
        keyCheck.authorize(apiKey, isRead);
    }

    /** A status or example the scenario imposes instead of serving the request; nothing is stored. */
    private Optional<ApiResult> forcedResult(ContractOperation operation, Scenario scenario) {
        Integer status = scenario.status();
        boolean forcesStatus = status != null && status != operation.successStatus();
        if (scenario.example() != null) {
            return Optional.of(forced.example(operation, status == null ? operation.successStatus() : status, scenario.example()));
        }
        return forcesStatus ? Optional.of(forced.forStatus(operation, status)) : Optional.empty();
    }

    private ApiResult serve(RequestContext context, OperationMatch match, Request request, String apiKey) {
        ContractOperation operation = match.operation();
        String contentType = JsonBodyReader.baseMediaType(request.getHeader("Content-Type"));
        JsonNode body = null;
        String bodyText = null;
        if (operation.hasRequestBody()) {
            byte[] bytes = request.getBody();
            body = bodies.read(operation, bytes, request.getHeader("Content-Type"));
            bodyText = new String(bytes, StandardCharsets.UTF_8);
        }
        Map<String, String> query = QueryStrings.parameters(request.getUrl());
        String path = QueryStrings.path(request.getUrl());
        // A malformed key is a parameter problem, answered before the body's, as the service does.
        String idempotencyKey = operation.parameterNames().contains(ApiHeaders.IDEMPOTENCY_KEY)
                ? IdempotencyKeys.parse(request.getHeader(ApiHeaders.IDEMPOTENCY_KEY)).orElse(null)
                : null;
        validation.validate(operation, path, query, contentType, body, bodyText);
        OperationHandler handler = handlers.get(operation.operationId());
        if (handler == null) {
            return forced.forStatus(operation, operation.successStatus());
        }
        ApiCall call = new ApiCall(match, operation.requiresApiKey() ? apiKey : null, query, headers(request), body,
                context.now());
        String fingerprint = idempotencyKey == null ? null : IdempotencyKeys.fingerprint(operation.method(), path,
                request.getHeader(ApiHeaders.IF_MATCH), operation.hasRequestBody() ? request.getBody() : null);
        return idempotentResults.perform(apiKey, idempotencyKey, fingerprint, () -> handler.handle(call));
    }

    /** The request's headers by lower-cased name, first value of each. */
    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            if (!header.values().isEmpty()) {
                headers.putIfAbsent(header.key().toLowerCase(java.util.Locale.ROOT), header.firstValue());
            }
        }
        return headers;
    }

    private static ResponseDefinition faulted(ConnectionFault fault) {
        Fault wireMockFault = switch (fault) {
            case RESET -> Fault.CONNECTION_RESET_BY_PEER;
            case EMPTY -> Fault.EMPTY_RESPONSE;
            case GARBAGE -> Fault.RANDOM_DATA_THEN_CLOSE;
        };
        return new ResponseDefinitionBuilder().withFault(wireMockFault).build();
    }

    private static ResponseDefinition delayed(ResponseDefinition response, Scenario scenario) {
        if (scenario.delayMillis() <= 0) {
            return response;
        }
        return ResponseDefinitionBuilder.like(response).but().withFixedDelay(scenario.delayMillis()).build();
    }

    private static String outcome(ResponseDefinition response) {
        return response.getFault() != null ? "fault " + response.getFault() : Integer.toString(response.getStatus());
    }
}
