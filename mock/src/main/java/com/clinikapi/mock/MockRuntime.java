package com.clinikapi.mock;

import com.clinikapi.contract.ApiSpec;
import com.clinikapi.contract.docs.ReferenceDocs;
import com.clinikapi.contract.search.CursorCodec;
import com.clinikapi.mock.appointment.AppointmentOperations;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.conformance.ConformanceRecorder;
import com.clinikapi.mock.idempotency.IdempotentResults;
import com.clinikapi.mock.ratelimit.RateLimitWindows;
import com.clinikapi.mock.sandbox.IdleSandboxes;
import com.clinikapi.mock.sandbox.SandboxLimits;
import com.clinikapi.mock.scenario.ForcedResponses;
import com.clinikapi.mock.scenario.RunScenarios;
import com.clinikapi.mock.scenario.ScenarioSelector;
import com.clinikapi.mock.seed.SandboxSeeder;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.store.AppointmentSearch;
import com.clinikapi.mock.store.AppointmentStore;
import com.clinikapi.mock.validation.ConformanceLog;
import com.clinikapi.mock.validation.JsonBodyReader;
import com.clinikapi.mock.validation.RequestValidation;
import com.clinikapi.mock.validation.SpecValidator;
import com.clinikapi.mock.web.ApiPipeline;
import com.clinikapi.mock.web.OperationHandler;
import com.clinikapi.mock.web.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One running mock's state and parts, built from the spec: the contract, the validator, the store,
 * the run-wide scenarios and rate-limit windows, the partners' conformance records. {@link #reset()}
 * returns it to empty.
 */
public final class MockRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(MockRuntime.class);
    /** What the docs page's server list says about the mock, where a partner picks the key to try it with. */
    static final String DOCS_SERVER_DESCRIPTION = "This mock. Any well-formed clk_test_… key (e.g. clk_test_yourname) "
            + "is a sandbox of its own: Authorize with one to try the operations.";

    private final ApiContract contract;
    private final SpecValidator validator;
    private final AppointmentStore store;
    private final IdempotentResults idempotentResults;
    private final RunScenarios runScenarios = new RunScenarios();
    private final RateLimitWindows rateLimits;
    private final ConformanceLog conformance;
    private final IdleSandboxes sandboxes;
    private final SandboxLimits sandboxLimits;
    private final ConformanceRecorder conformanceRecorder;
    private final ApiPipeline pipeline;
    private final SandboxSeeder seeder;

    private MockRuntime(String specText, ApiContract contract, SpecValidator validator, MockSettings settings,
                        ConformanceLog conformance, Clock clock) {
        this.contract = contract;
        this.conformance = conformance;
        this.validator = validator;
        this.rateLimits = new RateLimitWindows(clock);
        this.idempotentResults = new IdempotentResults(clock);
        this.sandboxLimits = settings.sandboxLimits();
        this.store = new AppointmentStore(sandboxLimits.maxAppointments());
        this.sandboxes = new IdleSandboxes(sandboxLimits.idleTime(), clock, this::forget);
        this.conformanceRecorder = new ConformanceRecorder(contract, new ApiKeyCheck(), sandboxes);
        Map<String, OperationHandler> handlers = bind(contract,
                new AppointmentOperations(contract, store, new AppointmentSearch(new CursorCodec(cursorSecret(), clock)),
                        idempotentResults).handlers());
        RequestValidation requestValidation = new RequestValidation(validator);
        this.pipeline = new ApiPipeline(contract, handlers, new ApiKeyCheck(), rateLimits,
                new ScenarioSelector(runScenarios), new ForcedResponses(), new JsonBodyReader(),
                requestValidation, new RequestLog(settings.verbose()), idempotentResults, sandboxes,
                ReferenceDocs.of(specText, DOCS_SERVER_DESCRIPTION), conformanceRecorder, clock);
        this.seeder = new SandboxSeeder(contract, handlers, requestValidation, sandboxes,
                this::forgetAppointments, sandboxLimits.maxAppointments(), clock);
    }

    /**
     * Builds a mock from the spec on the classpath in the background, so that parsing the spec
     * overlaps with WireMock starting Jetty; requests wait for it.
     *
     * @param conformance where response violations are recorded
     * @param specText    the spec's text; {@link ApiSpec#text()} but in tests
     */
    static CompletableFuture<MockRuntime> startInBackground(MockSettings settings, ConformanceLog conformance,
                                                            Supplier<String> specText) {
        CompletableFuture<String> spec = CompletableFuture.supplyAsync(specText);
        CompletableFuture<SpecValidator> validator = spec.thenApplyAsync(SpecValidator::forSpec);
        return spec.thenApplyAsync(ApiContract::parse)
                .thenCombine(validator, (contract, built) ->
                        new MockRuntime(spec.join(), contract, built, settings, conformance, Clock.systemUTC()));
    }

    /**
     * Pairs handlers with the spec's operations by {@code operationId}. A handler for an operation
     * the spec does not define stops the mock from starting; an operation without a handler is
     * served from its spec example.
     */
    static Map<String, OperationHandler> bind(ApiContract contract, Map<String, OperationHandler> handlers) {
        Set<String> defined = contract.operations().stream().map(ContractOperation::operationId).collect(Collectors.toSet());
        List<String> undefined = handlers.keySet().stream().filter(id -> !defined.contains(id)).sorted().toList();
        if (!undefined.isEmpty()) {
            throw new IllegalStateException("the mock serves operations the spec does not define: " + undefined);
        }
        List<String> exampleServed = defined.stream().filter(id -> !handlers.containsKey(id)).sorted().toList();
        if (!exampleServed.isEmpty()) {
            LOG.info("served from the spec's examples: {}", exampleServed);
        }
        return handlers;
    }

    /** Each mock signs its own cursors; they only need to survive as long as the mock. */
    private static byte[] cursorSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** Forgets every appointment, idempotency key, run-wide scenario, rate-limit window and conformance record. */
    public void reset() {
        sandboxes.clear();
        store.clear();
        idempotentResults.clear();
        runScenarios.clear();
        rateLimits.clear();
        conformanceRecorder.clear();
    }

    /** Forgets one key's appointments, idempotency keys, scenarios, window and conformance record; other keys are untouched. */
    public void reset(String apiKey) {
        sandboxes.clear(apiKey);
        forget(apiKey);
    }

    /** What a reset of one key and the eviction of an idle sandbox both forget. */
    private void forget(String apiKey) {
        store.clear(apiKey);
        idempotentResults.clear(apiKey);
        runScenarios.clear(apiKey);
        rateLimits.clear(apiKey);
        conformanceRecorder.clear(apiKey);
    }

    /** What seeding forgets of a key: its appointments and the idempotent answers that carried them. */
    private void forgetAppointments(String apiKey) {
        store.clear(apiKey);
        idempotentResults.clear(apiKey);
    }

    /** Fills a key's sandbox with synthetic appointments ({@code POST /__sandbox/seed}). */
    public SandboxSeeder seeder() {
        return seeder;
    }

    /** When each sandbox was last used; idle ones are forgotten by the {@code IdleSandboxSweep}. */
    public IdleSandboxes sandboxes() {
        return sandboxes;
    }

    public SandboxLimits sandboxLimits() {
        return sandboxLimits;
    }

    public ApiContract contract() {
        return contract;
    }

    public SpecValidator validator() {
        return validator;
    }

    public ApiPipeline pipeline() {
        return pipeline;
    }

    public RunScenarios scenarios() {
        return runScenarios;
    }

    public ConformanceLog conformance() {
        return conformance;
    }

    /** Per key, the requests that broke the contract and the operations and statuses they met. */
    public ConformanceRecorder conformanceRecorder() {
        return conformanceRecorder;
    }
}
