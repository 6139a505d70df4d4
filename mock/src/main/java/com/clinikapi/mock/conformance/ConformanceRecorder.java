package com.clinikapi.mock.conformance;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.sandbox.IdleSandboxes;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The conformance record of every sandbox: per API key, the requests that broke the contract
 * ({@link ContractBreaks}) and which operations and documented statuses its requests met. Requests
 * without a usable key (none, a malformed one, a reserved key the key check refuses) share one record
 * of their own, {@link #withoutKey()}.
 *
 * <p>Bounded: a key's record holds at most {@value #MAX_FINDINGS_PER_KEY} kinds of break (more are
 * counted, not kept) and one counter per documented status of the operations it called; it is
 * forgotten with the key's sandbox ({@link #clear(String)}, by a reset or when the sandbox is idle),
 * so no more keys are held than sandboxes.
 *
 * <p>Cheap: recording an answer is a map lookup by key and one atomic increment, without a lock;
 * only a break allocates (its finding) and tells the {@link #onBreak listeners}.
 */
public final class ConformanceRecorder {

    public static final int MAX_FINDINGS_PER_KEY = 100;

    private final ApiContract contract;
    private final CoverageLayout layout;
    private final ApiKeyCheck keyCheck;
    private final IdleSandboxes sandboxes;
    private final int maxFindings;
    private final Map<String, SandboxConformance> byKey = new ConcurrentHashMap<>();
    private volatile SandboxConformance withoutKey;
    private final List<Consumer<ContractBreak>> breakListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, ConformanceReport>> forgetListeners = new CopyOnWriteArrayList<>();

    public ConformanceRecorder(ApiContract contract, ApiKeyCheck keyCheck, IdleSandboxes sandboxes) {
        this(contract, keyCheck, sandboxes, MAX_FINDINGS_PER_KEY);
    }

    ConformanceRecorder(ApiContract contract, ApiKeyCheck keyCheck, IdleSandboxes sandboxes, int maxFindings) {
        this.contract = contract;
        this.layout = new CoverageLayout(contract);
        this.keyCheck = keyCheck;
        this.sandboxes = sandboxes;
        this.maxFindings = maxFindings;
        this.withoutKey = new SandboxConformance(layout, maxFindings);
    }

    /**
     * Records the pipeline's final outcome for one request.
     *
     * @param apiKey    the {@code x-api-key} sent, or null
     * @param path      the request's path, read only to name a known path's template; never kept
     * @param operation the operation of the method and path, or null
     */
    public void record(String apiKey, String method, String path, ContractOperation operation, String requestId,
                       OffsetDateTime at, Verdict verdict) {
        int index = layout.indexOf(operation);
        boolean isBreak = ContractBreaks.isBreak(operation, verdict);
        if (index == CoverageLayout.NOT_AN_OPERATION && operation != null && !isBreak) {
            return; // an operation outside the API, e.g. /health
        }
        if (operation == null && verdict.code() == null) {
            return; // not an API request at all
        }
        SandboxConformance sandbox = sandboxOf(apiKey, verdict.keyCounted(), isBreak);
        if (index != CoverageLayout.NOT_AN_OPERATION) {
            sandbox.answered(index, verdict.status());
        } else if (operation == null) {
            sandbox.unrouted();
        }
        if (isBreak) {
            Finding finding = Finding.of(operation, method,
                    operation == null ? contract.pathTemplateOf(path).orElse(null) : null, verdict);
            sandbox.broke(finding, requestId, at);
            if (!breakListeners.isEmpty()) {
                ContractBreak contractBreak = new ContractBreak(sandbox == withoutKey ? null : apiKey, finding, requestId, at);
                breakListeners.forEach(listener -> listener.accept(contractBreak));
            }
        }
    }

    /**
     * The key's record: a key the pipeline counted is a sandbox already; a break refused before the key
     * was checked (an oversized body) is its key's if the key check accepts it, and then uses its sandbox.
     */
    private SandboxConformance sandboxOf(String apiKey, boolean keyCounted, boolean isBreak) {
        if (!keyCounted && !(isBreak && accepted(apiKey))) {
            return withoutKey;
        }
        if (!keyCounted) {
            sandboxes.used(apiKey);
        }
        SandboxConformance sandbox = byKey.get(apiKey);
        return sandbox != null ? sandbox : byKey.computeIfAbsent(apiKey, key -> new SandboxConformance(layout, maxFindings));
    }

    private boolean accepted(String apiKey) {
        try {
            keyCheck.authenticate(apiKey);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** The key's report; one with no requests if the key made none since its sandbox was last forgotten. */
    public ConformanceReport report(String apiKey) {
        SandboxConformance sandbox = byKey.get(apiKey);
        return sandbox == null ? empty() : sandbox.snapshot();
    }

    /** The report of requests without a usable key. */
    public ConformanceReport withoutKey() {
        return withoutKey.snapshot();
    }

    /** Every key's report, by key. */
    public Map<String, ConformanceReport> reports() {
        Map<String, ConformanceReport> reports = new java.util.LinkedHashMap<>();
        byKey.forEach((key, sandbox) -> reports.put(key, sandbox.snapshot()));
        return reports;
    }

    /** A report of no requests: every operation of the API, none called. */
    public ConformanceReport empty() {
        return new ConformanceReport(List.of(), 0, 0, 0, SandboxConformance.coverage(layout, null));
    }

    /** Forgets one key's record, as its sandbox is forgotten; the forget listeners get its last report. */
    public void clear(String apiKey) {
        Optional.ofNullable(byKey.remove(apiKey)).ifPresent(sandbox -> retired(apiKey, sandbox));
    }

    /** Forgets every record, those of requests without a key included. */
    public void clear() {
        byKey.keySet().forEach(this::clear);
        SandboxConformance previous = withoutKey;
        withoutKey = new SandboxConformance(layout, maxFindings);
        retired(null, previous);
    }

    /** Forgets one key's record because the partner asked: nobody is told, not even the listeners. */
    public void discard(String apiKey) {
        byKey.remove(apiKey);
    }

    /** Tells {@code listener} every contract break, as it is recorded, on the thread that served it. */
    public void onBreak(Consumer<ContractBreak> listener) {
        breakListeners.add(listener);
    }

    /**
     * Tells {@code listener} each record as it is forgotten by a reset or eviction, with its key (null
     * for requests without a key), so a test run can still report it.
     */
    public void onForget(BiConsumer<String, ConformanceReport> listener) {
        forgetListeners.add(listener);
    }

    private void retired(String apiKey, SandboxConformance sandbox) {
        if (forgetListeners.isEmpty()) {
            return;
        }
        ConformanceReport last = sandbox.snapshot();
        if (!last.isEmpty()) {
            forgetListeners.forEach(listener -> listener.accept(apiKey, last));
        }
    }
}
