package com.clinikapi.mock.web;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.RequestIds;
import com.clinikapi.contract.docs.ReferenceDocs;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.conformance.ConformanceRecorder;
import com.clinikapi.mock.conformance.Verdict;
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
import com.clinikapi.mock.web.transport.TransportFinding;
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
 * How the mock answers one request. {@link #answer(Request)} decides the order of every refusal,
 * in the service's order; the transport below it ({@code web.transport}) only records what it saw
 * wrong ({@link TransportFinding}) and never answers an API request itself. Every outcome, errors
 * included, leaves through {@link ApiResponses}; a successful one is performed at most once per
 * {@code Idempotency-Key} ({@link IdempotentResults}). Each final outcome, as a {@link Verdict}, goes
 * to the {@link ConformanceRecorder} from one place, {@link #answer(Request)}.
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
    private final ReferenceDocs docs;
    private final ConformanceRecorder conformance;
    private final Clock clock;

    public ApiPipeline(ApiContract contract, Map<String, OperationHandler> handlers, ApiKeyCheck keyCheck,
                       RateLimitWindows rateLimits, ScenarioSelector scenarios, ForcedResponses forced,
                       JsonBodyReader bodies, RequestValidation validation, RequestLog log,
                       IdempotentResults idempotentResults, IdleSandboxes sandboxes, ReferenceDocs docs,
                       ConformanceRecorder conformance, Clock clock) {
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
        this.docs = docs;
        this.conformance = conformance;
        this.clock = clock;
    }

    public ResponseDefinition answer(Request request) {
        long started = System.nanoTime();
        Arrival arrival = Arrival.of(request, contract);
        RequestContext context = new RequestContext(RequestIds.newId(), UtcTimes.now(clock), request.getHeader("Accept"),
                arrival.match().map(OperationMatch::operation).orElse(null));
        Decided decided = answer(context, arrival);
        ResponseDefinition answer = decided.response();
        log.served(context, arrival.method(), arrival.apiKey(), outcome(answer), System.nanoTime() - started);
        record(context, arrival, decided.verdict());
        return answer;
    }

    /** An answer and the verdict it carries out. */
    private record Decided(ResponseDefinition response, Verdict verdict) {
    }

    /** The one place every API request's outcome is recorded; recording never changes the answer. */
    private void record(RequestContext context, Arrival arrival, Verdict verdict) {
        try {
            conformance.record(arrival.apiKey(), arrival.method(), arrival.path(), context.operation(),
                    context.requestId(), context.now(), verdict);
        } catch (RuntimeException e) {
            RequestLog.unexpected(context.requestId(), e);
        }
    }

    /**
     * Every refusal, in the order the service answers them; the first that applies is the answer:
     * <ol>
     *   <li>a POST or PATCH body under {@code /v1/} over 1 MiB, as sent or inflated: 413 (the service's
     *   size limit applies while Netty reads the body, before any filter, so before the key);</li>
     *   <li>the key (401), its rate limit (429), its scope (403), where a key is needed: an operation
     *   that requires one, or any path under {@code /v1/}, known or not;</li>
     *   <li>request shape the transport could not decode, under {@code /v1/}: the path, then the
     *   query (400; elsewhere, e.g. {@code /health}, it is ignored);</li>
     *   <li>no such operation: the reference docs ({@code /docs}, {@code /docs/…}, {@code /openapi.yaml}:
     *   no key, GET and HEAD only), else 405 with {@code Allow} for a known path, else 404;</li>
     *   <li>a scenario the partner asked for (the mock's own; before anything can change state);</li>
     *   <li>the body's decoding (an unreadable body is read as empty) and media type (415), the
     *   parameters and the body against the schema (400, 422), then the rules, in
     *   {@link #serve}.</li>
     * </ol>
     * A request head Jetty cannot read at all (over the service's size limits) never gets here: the
     * transport's error handler answers it 400, as the service's decoder does, key or no key.
     */
    private Decided answer(RequestContext context, Arrival arrival) {
        RateLimitSnapshot rate = rateLimits.unmetered();
        Scenario scenario = Scenario.NONE;
        boolean forced = false;
        try {
            if (arrival.found(TransportFinding.BODY_TOO_LARGE) && arrival.bodyReadBeforeKey()) {
                throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
            }
            if (arrival.needsKey()) {
                keyCheck.authenticate(arrival.apiKey());
                rate = meter(arrival.apiKey());
                admit(arrival.apiKey(), arrival.isRead());
            }
            if (arrival.underKeyedPrefix()) {
                refuseUndecodableUri(arrival);
            }
            if (arrival.match().isEmpty()) {
                Optional<ResponseDefinition> docsFile = referenceDocs(context, rate, arrival);
                return docsFile.isPresent()
                        ? new Decided(docsFile.get(), Verdict.outsideApi(docsFile.get().getStatus()))
                        : routeError(context, rate, arrival.path(), arrival.method());
            }
            OperationMatch match = arrival.match().get();
            scenario = scenarios.select(arrival.request().getHeader(PreferHeader.NAME), arrival.apiKey(), match.operation());
            if (scenario.fault() != null) {
                return new Decided(delayed(faulted(scenario.fault()), scenario), Verdict.fault(rate.metered()));
            }
            forced = forces(match.operation(), scenario);
            ApiResult result = forcedResult(match.operation(), scenario, forced)
                    .orElseGet(() -> serve(context, match, arrival));
            return new Decided(delayed(responses.success(context, rate, result), scenario),
                    Verdict.served(result.status(), forced, rate.metered()));
        } catch (ApiException e) {
            return new Decided(delayed(responses.error(context, rate, e, scenario.retryAfterOrDefault()), scenario),
                    Verdict.refused(e, forced, rate.metered()));
        } catch (RuntimeException e) {
            RequestLog.unexpected(context.requestId(), e);
            ApiException failure = new ApiException(ErrorCode.INTERNAL_ERROR);
            return new Decided(delayed(responses.error(context, rate, failure, scenario.retryAfterOrDefault()), scenario),
                    Verdict.refused(failure, forced, rate.metered()));
        }
    }

    /** A path, then a query, that the transport had to escape before anything could read it. */
    private static void refuseUndecodableUri(Arrival arrival) {
        if (arrival.found(TransportFinding.UNDECODABLE_PATH)) {
            throw ApiException.invalidParameter(UriIssues.UNDECODABLE_PATH);
        }
        if (arrival.found(TransportFinding.UNDECODABLE_QUERY)) {
            throw ApiException.invalidParameter(UriIssues.UNDECODABLE_QUERY);
        }
    }

    /**
     * The API's error answer for a request Jetty refused before it reached WireMock (a head it cannot
     * read); such a request is not in WireMock's journal.
     */
    public ResponseDefinition refuse(String accept, ApiException error) {
        RequestContext context = new RequestContext(RequestIds.newId(), UtcTimes.now(clock), accept, null);
        return responses.error(context, rateLimits.unmetered(), error, Scenario.DEFAULT_RETRY_AFTER_SECONDS);
    }

    /** The answer for a path nothing serves, when the HTTP layer finds it. */
    public ResponseDefinition refuseUnrouted(String accept) {
        RequestContext context = new RequestContext(RequestIds.newId(), UtcTimes.now(clock), accept, null);
        return responses.routeError(context, rateLimits.unmetered(), RouteError.NO_SUCH_ENDPOINT, List.of());
    }

    /** A file of the reference docs, 405 for a method they do not answer, or empty for a path that is not theirs. */
    private Optional<ResponseDefinition> referenceDocs(RequestContext context, RateLimitSnapshot rate, Arrival arrival) {
        if (!ReferenceDocs.serves(arrival.path())) {
            return Optional.empty();
        }
        if (!ReferenceDocs.METHODS.contains(arrival.method())) {
            return Optional.of(responses.routeError(context, rate, RouteError.METHOD_NOT_ALLOWED, ReferenceDocs.METHODS));
        }
        return docs.answer(arrival.path()).map(answer -> responses.docs(context, rate, answer));
    }

    /** A method or path the spec does not define: a known path is 405 (with {@code Allow}), anything else 404. */
    private Decided routeError(RequestContext context, RateLimitSnapshot rate, String path, String method) {
        List<String> allowed = contract.methodsOf(path);
        return allowed.isEmpty()
                ? new Decided(responses.routeError(context, rate, RouteError.NO_SUCH_ENDPOINT, List.of()),
                        Verdict.unrouted(ErrorCode.NOT_FOUND, rate.metered()))
                : new Decided(responses.routeError(context, rate, RouteError.METHOD_NOT_ALLOWED, allowed),
                        Verdict.unrouted(ErrorCode.METHOD_NOT_ALLOWED, rate.metered()));
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

    /** Whether the scenario imposes the answer (a status other than success, or an example) instead of serving. */
    private static boolean forces(ContractOperation operation, Scenario scenario) {
        Integer status = scenario.status();
        return scenario.example() != null || status != null && status != operation.successStatus();
    }

    /** A status or example the scenario imposes instead of serving the request; nothing is stored. */
    private Optional<ApiResult> forcedResult(ContractOperation operation, Scenario scenario, boolean imposes) {
        if (!imposes) {
            return Optional.empty();
        }
        Integer status = scenario.status() == null ? operation.successStatus() : scenario.status();
        return Optional.of(scenario.example() != null
                ? forced.example(operation, status, scenario.example())
                : forced.forStatus(operation, status));
    }

    private ApiResult serve(RequestContext context, OperationMatch match, Arrival arrival) {
        Request request = arrival.request();
        String apiKey = arrival.apiKey();
        ContractOperation operation = match.operation();
        String contentType = JsonBodyReader.baseMediaType(request.getHeader("Content-Type"));
        // Only an operation that takes a body reads one; an unreadable one is read as empty, as the service does.
        byte[] bytes = !operation.hasRequestBody() ? null
                : arrival.found(TransportFinding.UNREADABLE_BODY) ? new byte[0] : request.getBody();
        JsonNode body = bytes == null ? null : bodies.read(operation, bytes, request.getHeader("Content-Type"));
        String bodyText = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
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
                request.getHeader(ApiHeaders.IF_MATCH), bytes);
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
